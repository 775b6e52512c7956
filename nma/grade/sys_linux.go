package grade

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// isolation is how far the platform lets the grader separate a student's process.
type isolation int

const (
	isoNone   isolation = iota // resource limits and Landlock only
	isoUserNS                  // own user, PID, network and IPC namespaces (no privileges needed)
	isoRoot                    // as root: own PID, network and IPC namespaces, running as nobody
)

func (i isolation) String() string {
	s := [...]string{"no namespaces", "user+PID+network namespaces", "PID+network namespaces"}[i]
	if os.Geteuid() == 0 {
		s += ", as user nobody"
	}
	return s
}

const nobody = 65534

func defaultIsolation() isolation {
	if os.Geteuid() == 0 {
		return isoRoot
	}
	return isoUserNS
}

// sysProcAttr: the program's own process group, killed with the grader; in namespaces
// when iso allows; as the user nobody whenever the grader runs as root (also inside a user
// namespace, where root maps to nobody).
func sysProcAttr(iso isolation) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	root := os.Geteuid() == 0
	switch iso {
	case isoRoot:
		a.Cloneflags = syscall.CLONE_NEWPID | syscall.CLONE_NEWNET | syscall.CLONE_NEWIPC
	case isoUserNS:
		uid, gid := os.Getuid(), os.Getgid()
		if root {
			uid, gid = nobody, nobody
		}
		a.Cloneflags = syscall.CLONE_NEWUSER | syscall.CLONE_NEWPID | syscall.CLONE_NEWNET | syscall.CLONE_NEWIPC
		a.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: uid, Size: 1}}
		a.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: gid, Size: 1}}
		// Become the namespace's root, which is that user outside.
		a.Credential = &syscall.Credential{Uid: 0, Gid: 0, NoSetGroups: true}
		return a
	}
	if root {
		a.Credential = &syscall.Credential{Uid: nobody, Gid: nobody, Groups: []uint32{}}
	}
	return a
}

// isIsolationError: clone(2) refused the namespaces (no user namespaces in a container,
// too many namespaces, an old kernel).
func isIsolationError(err error) bool {
	return errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOSPC) ||
		errors.Is(err, syscall.EUSERS) || errors.Is(err, syscall.ENOSYS)
}

// prepareScratch gives the scratch directory to the user the program runs as.
func prepareScratch(dir string, iso isolation) error {
	if os.Geteuid() == 0 {
		return os.Chown(dir, nobody, nobody)
	}
	return nil
}

// killProcess kills the program and everything in its process group (in its own PID
// namespace, killing it ends every process it started).
func killProcess(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Process.Kill()
}

// killGroupOnCancel makes a cancelled command kill its whole process group (go build's
// compiler and linker too).
func killGroupOnCancel(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		return cmd.Process.Kill()
	}
}
