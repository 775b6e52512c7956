//go:build !unix

package proc

import (
	"os"
	"os/exec"
)

// OwnGroup does nothing here: there are no Unix process groups.
func OwnGroup(*exec.Cmd) {}

// Signal kills the process itself (a Windows process cannot be sent a signal); what it
// started may outlive it.
func Signal(cmd *exec.Cmd, _ os.Signal) error {
	if cmd.Process == nil {
		return os.ErrProcessDone
	}
	return cmd.Process.Kill()
}

// Terminate kills the process (there is no SIGTERM here).
func Terminate(cmd *exec.Cmd) error { return Signal(cmd, os.Kill) }
