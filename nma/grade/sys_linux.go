package grade

import (
	"os"
	"os/exec"
	"syscall"
)

// isolation says how the grader separates a student's program from everything else.
//
// With sandbox (the default), every build of student code and every run happens inside
// bubblewrap (see sandbox_linux.go): own user, PID, network, IPC and UTS namespaces, a
// filesystem holding only what the process needs, an unprivileged user, and — for runs —
// the harness's syscall filter and resource limits. Where that cannot be set up, `nma
// grade` refuses, unless the TA said the input is trusted (trusted): then the programs run
// without bubblewrap, with the harness's limits, syscall filter and Landlock only.
type isolation struct {
	sandbox bool // bubblewrap around builds and runs
	trusted bool // --trusted-input: grade without a sandbox where none can be set up
}

func (i isolation) String() string {
	s := "no sandbox (trusted input): the harness's limits, syscall filter and Landlock only"
	if i.sandbox {
		s = "bubblewrap sandbox (own user, PID, network, IPC namespaces; only the program, /dev/{null,zero,urandom}, a " +
			"size-capped scratch tmpfs and the course's data, read-only, in view)"
	}
	if os.Geteuid() == 0 {
		s += ", as user nobody"
	}
	return s
}

const nobody = 65534

// defaultIsolation: the sandbox, required.
func defaultIsolation() isolation { return isolation{sandbox: true} }

// isolationFor is the isolation for Options.TrustedInput: the sandbox always where it can be
// set up; with trusted input, no sandbox where it cannot.
func isolationFor(trusted bool) isolation { return isolation{sandbox: true, trusted: trusted} }

// sysProcAttr: the process (bwrap, or the program itself without a sandbox) in its own
// process group, killed with the grader, and as the user nobody whenever the grader runs as
// root.
func sysProcAttr() *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if os.Geteuid() == 0 {
		a.Credential = &syscall.Credential{Uid: nobody, Gid: nobody, Groups: []uint32{}}
	}
	return a
}

// prepareScratch gives the scratch directory to the user the program runs as (it is the
// program's scratch folder without a sandbox; the sandbox gives it a tmpfs instead).
func prepareScratch(dir string, iso isolation) error {
	if os.Geteuid() == 0 {
		return os.Chown(dir, nobody, nobody)
	}
	return nil
}

// killProcess kills the program and everything in its process group. In the sandbox, the
// process is bwrap: its death kills the sandbox's PID namespace (--die-with-parent), so
// nothing the program started survives it.
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
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		return cmd.Process.Kill()
	}
}
