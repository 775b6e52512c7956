//go:build !linux

package grade

import (
	"os/exec"
)

// isolation is how the grader separates a student's program. Outside Linux there is no
// sandbox: `nma grade` refuses untrusted input there, and trusted input runs with the time
// limit only.
type isolation struct {
	sandbox bool
	trusted bool
}

func (i isolation) String() string {
	if i.sandbox {
		return "sandbox (not available outside Linux)"
	}
	return "no sandbox (not Linux, trusted input): time limit only"
}

func isolationFor(trusted bool) isolation { return isolation{sandbox: true, trusted: trusted} }

func prepareScratch(string, isolation) error { return nil }

func killProcess(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}

func killGroupOnCancel(*exec.Cmd) {}
