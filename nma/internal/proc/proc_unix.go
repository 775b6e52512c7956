//go:build unix

package proc

import (
	"os"
	"os/exec"
	"syscall"
)

// OwnGroup makes cmd (not started yet) the leader of a new process group.
func OwnGroup(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
}

// Signal sends sig (os.Interrupt, os.Kill or a syscall.Signal) to the process group of a
// started cmd made with OwnGroup.
func Signal(cmd *exec.Cmd, sig os.Signal) error {
	if cmd.Process == nil {
		return os.ErrProcessDone
	}
	s, ok := sig.(syscall.Signal)
	if !ok {
		s = syscall.SIGKILL
		if sig == os.Interrupt {
			s = syscall.SIGINT
		}
	}
	return syscall.Kill(-cmd.Process.Pid, s)
}

// Terminate asks cmd's process group to stop (SIGTERM).
func Terminate(cmd *exec.Cmd) error { return Signal(cmd, syscall.SIGTERM) }
