//go:build !linux

package grade

import (
	"os/exec"
	"syscall"
)

// isolation is how far the platform lets the grader separate a student's process; outside
// Linux, only the time limit applies.
type isolation int

const isoNone isolation = 0

func (isolation) String() string { return "no isolation (not Linux): time limit only" }

func defaultIsolation() isolation { return isoNone }

func sysProcAttr(isolation) *syscall.SysProcAttr { return nil }

func isIsolationError(error) bool { return false }

func prepareScratch(string, isolation) error { return nil }

func killProcess(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}

func killGroupOnCancel(*exec.Cmd) {}
