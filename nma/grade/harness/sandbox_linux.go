package harness

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
	"unsafe"

	seccomp "github.com/elastic/go-seccomp-bpf"
	"github.com/elastic/go-seccomp-bpf/arch"
)

// applySandbox applies the part of the sandbox that lives in the process itself. It runs in
// this package's init, before any student code (package main's variables and init run
// last), and it returns what it applied:
//
//   - resource limits, soft = hard so the student's code cannot raise them: address space,
//     CPU time, file size, open files (the grader's bubblewrap sandbox puts the process in
//     its own PID namespace, and the syscall filter below forbids new processes, so the
//     limits of this one process are the limits of the whole run), and a thread cap;
//   - not dumpable;
//   - Landlock where the kernel has it (Linux ≥ 5.13): writes only under cfg.Scratch, no
//     TCP, no signals or abstract sockets outside the process;
//   - a seccomp filter on every thread (go-seccomp-bpf, TSYNC): no new processes (fork,
//     vfork, clone without CLONE_THREAD or with namespace flags, clone3 → ENOSYS so Go
//     falls back to clone, execve, execveat), no sockets of any kind, no ptrace, mount,
//     namespaces, chmod/chown, keyrings, BPF, io_uring, executable mappings, signals only
//     to itself, no TIOCSTI; system calls of another architecture (int 0x80, x32) and
//     system calls newer than the filter's table fail (EPERM, ENOSYS).
//
// Unless cfg.Trusted, a filter that cannot be applied ends the program (exit status 125)
// before any student code runs.
func applySandbox(c Config) string {
	var done []string
	var lim []string
	set := func(name string, res int, v uint64, show string) {
		if v == 0 {
			return
		}
		if err := syscall.Setrlimit(res, &syscall.Rlimit{Cur: v, Max: v}); err == nil {
			lim = append(lim, name+"="+show)
		} else {
			lim = append(lim, name+"=failed("+err.Error()+")")
		}
	}
	set("as", syscall.RLIMIT_AS, c.Memory, fmt.Sprintf("%dMiB", c.Memory>>20))
	set("cpu", syscall.RLIMIT_CPU, c.CPU, fmt.Sprintf("%ds", c.CPU))
	set("fsize", syscall.RLIMIT_FSIZE, c.FileSize, fmt.Sprintf("%dMiB", c.FileSize>>20))
	set("nofile", syscall.RLIMIT_NOFILE, 256, "256")
	set("nproc", rlimitNProc, c.Procs, fmt.Sprint(c.Procs))
	_ = syscall.Setrlimit(syscall.RLIMIT_CORE, &syscall.Rlimit{})
	// Threads are the only tasks the program can start: a cap keeps it from exhausting the
	// sandbox user's process limit, which other runs share (Go aborts the program beyond it).
	debug.SetMaxThreads(maxThreads)
	lim = append(lim, fmt.Sprintf("threads=%d", maxThreads))
	// Not dumpable: no other process of the same user may ptrace this one or read its memory.
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetDumpable, 0, 0); e == 0 {
		done = append(done, "nondumpable")
	}
	done = append(done, "rlimits("+strings.Join(lim, ",")+")")
	if c.Scratch != "" {
		if abi, err := landlock(c.Scratch); err != nil {
			done = append(done, "landlock(unavailable: "+err.Error()+")")
		} else {
			done = append(done, fmt.Sprintf("landlock(v%d)", abi))
		}
	}
	if n, err := loadSyscallFilter(); err != nil {
		if !c.Trusted {
			fmt.Fprintf(os.Stderr, "nma grade: cannot apply the syscall filter (seccomp): %v\n", err)
			os.Exit(exitNoFilter)
		}
		done = append(done, "seccomp(unavailable: "+err.Error()+")")
	} else {
		done = append(done, fmt.Sprintf("seccomp(%d rules)", n))
	}
	applied = strings.Join(done, " ")
	return applied
}

const (
	rlimitNProc  = 6   // RLIMIT_NPROC on Linux
	maxThreads   = 512 // debug.SetMaxThreads of a graded program
	exitNoFilter = 125 // the program's exit status when the syscall filter cannot be applied
	sysClone3    = 435 // the same number on every architecture
)

// applied is what applySandbox reported (for the self-test).
var applied string

// Denied system calls (EPERM). Go's runtime needs none of them; the standard library's
// uses of them (os/exec, net, os.Chmod, …) fail with "operation not permitted".
var deniedSyscalls = []string{
	// new processes and programs
	"fork", "vfork", "execve", "execveat",
	// other processes
	"ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_open", "pidfd_getfd",
	"pidfd_send_signal", "tkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "process_madvise",
	"process_mrelease", "setsid", "setpgid",
	// namespaces and mounts
	"unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "open_tree", "move_mount",
	"fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
	// sockets (UNIX, TCP, netlink, …): a graded program needs none
	"socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
	// permissions and identity
	"chmod", "fchmod", "fchmodat", "fchmodat2", "chown", "fchown", "lchown", "fchownat",
	"setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
	"setfsuid", "setfsgid", "capset", "personality",
	// the kernel and the machine
	"init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load", "reboot",
	"swapon", "swapoff", "acct", "syslog", "settimeofday", "clock_settime", "clock_adjtime",
	"adjtimex", "sethostname", "setdomainname", "quotactl", "quotactl_fd", "vhangup", "iopl",
	"ioperm", "modify_ldt", "lookup_dcookie", "uselib", "ustat", "sysfs", "_sysctl",
	"perf_event_open", "bpf", "userfaultfd", "keyctl", "add_key", "request_key",
	"name_to_handle_at", "open_by_handle_at", "io_uring_setup", "io_uring_enter",
	"io_uring_register", "mknod", "mknodat", "fanotify_init", "migrate_pages", "move_pages",
	"mbind", "set_mempolicy", "set_mempolicy_home_node", "remap_file_pages", "memfd_secret",
	"lsm_set_self_attr",
}

// hotSyscalls are checked first (the filter is a linear list): what the Go runtime does
// all the time.
var hotSyscalls = []string{"futex", "read", "write", "epoll_pwait", "nanosleep", "sched_yield",
	"clock_gettime", "madvise", "munmap", "rt_sigprocmask", "rt_sigreturn", "sigaltstack",
	"getpid", "gettid", "openat", "close", "fstat", "newfstatat", "fcntl", "pread64", "lseek",
	"getdents64", "exit_group", "exit", "brk", "mincore", "epoll_ctl", "pipe2", "getrandom"}

// loadSyscallFilter installs the seccomp filters on every thread of the process and returns
// the number of system calls they name.
func loadSyscallFilter() (int, error) {
	filters, n, err := syscallFilters(uint64(os.Getpid()))
	if err != nil {
		return 0, err
	}
	for _, f := range filters {
		if err := seccomp.LoadFilter(f); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// Flags and values the conditional rules test.
const (
	cloneThread     = 0x00010000
	cloneNamespaces = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 // NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET
	protExec        = 0x4
	tiocsti         = 0x5412
	tioclinux       = 0x541C
)

// syscallFilters are the seccomp filters for the process pid, in the order they are loaded.
//
// The first one allows every system call of the architecture's table except the denied
// ones (EPERM) and clone3 (ENOSYS); anything else — another architecture's calls, numbers
// newer than the table — gets EPERM. Each of the others denies one system call on a
// condition of its arguments (clone without CLONE_THREAD, kill of another process, an
// executable mapping, …) and allows everything else: the kernel runs every filter and the
// strictest answer wins. One condition per filter because go-seccomp-bpf (v1.6.0) leaves an
// argument in the accumulator when a condition fails, and compares the system calls that
// follow in the same filter with it.
func syscallFilters(pid uint64) ([]seccomp.Filter, int, error) {
	info, err := arch.GetInfo("")
	if err != nil {
		return nil, 0, err
	}
	arg := func(i uint32, op seccomp.Operation, v uint64) seccomp.ArgumentConditions {
		return seccomp.ArgumentConditions{{Argument: i, Operation: op, Value: v}}
	}
	conditional := [][]seccomp.NameWithConditions{
		{{Name: "clone", Conditions: arg(0, seccomp.BitsNotSet, cloneThread)}, {Name: "clone", Conditions: arg(0, seccomp.BitsSet, cloneNamespaces)}},
		{{Name: "kill", Conditions: arg(0, seccomp.NotEqual, pid)}},
		{{Name: "tgkill", Conditions: arg(0, seccomp.NotEqual, pid)}},
		{{Name: "mmap", Conditions: arg(2, seccomp.BitsSet, protExec)}},
		{{Name: "mprotect", Conditions: arg(2, seccomp.BitsSet, protExec)}},
		{{Name: "pkey_mprotect", Conditions: arg(2, seccomp.BitsSet, protExec)}},
		{{Name: "ioctl", Conditions: arg(1, seccomp.Equal, tiocsti)}, {Name: "ioctl", Conditions: arg(1, seccomp.Equal, tioclinux)}},
	}
	known := func(names []string) []string {
		var out []string
		for _, n := range names {
			if _, ok := info.SyscallNames[n]; ok {
				out = append(out, n)
			}
		}
		return out
	}
	special := map[string]bool{"clone3": true}
	for _, n := range deniedSyscalls {
		special[n] = true
	}
	hot := known(hotSyscalls)
	for _, n := range hot {
		special[n] = true
	}
	var rest []string
	for n := range info.SyscallNames {
		if !special[n] {
			rest = append(rest, n)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return info.SyscallNames[rest[i]] < info.SyscallNames[rest[j]] })
	perm := seccomp.ActionErrno | seccomp.Action(syscall.EPERM)
	main := seccomp.Policy{
		DefaultAction: seccomp.ActionErrno, // EPERM: go-seccomp-bpf takes no other errno here
		Syscalls: []seccomp.SyscallGroup{
			{Names: hot, Action: seccomp.ActionAllow},
			{Names: known(deniedSyscalls), Action: perm},
			{Names: known([]string{"clone3"}), Action: seccomp.ActionErrno | seccomp.Action(syscall.ENOSYS)},
			{Names: rest, Action: seccomp.ActionAllow},
		},
	}
	filter := func(p seccomp.Policy) seccomp.Filter {
		return seccomp.Filter{NoNewPrivs: true, Flag: seccomp.FilterFlagTSync, Policy: p}
	}
	filters := []seccomp.Filter{filter(main)}
	n := len(hot) + len(known(deniedSyscalls)) + 1 + len(rest)
	for _, c := range conditional {
		if _, ok := info.SyscallNames[c[0].Name]; !ok {
			continue
		}
		filters = append(filters, filter(seccomp.Policy{DefaultAction: seccomp.ActionAllow,
			Syscalls: []seccomp.SyscallGroup{{NamesWithCondtions: c, Action: perm}}}))
		n += len(c)
	}
	return filters, n, nil
}

func errnoOf(_, _ uintptr, e syscall.Errno) error {
	if e != 0 {
		return e
	}
	return nil
}

// SelfTestEnv names the environment variable with which the grader asks a program to test
// its sandbox instead of running an exercise: after applySandbox, the program tries what the
// sandbox must forbid, writes a SelfTest as JSON on its standard output and exits. The
// variable's value is the path of a file the program must not be able to read.
const SelfTestEnv = "NMA_GRADE_SELFTEST"

// SelfTest is what the self-test found.
type SelfTest struct {
	Sandbox string            `json:"sandbox"` // what applySandbox applied ("": nothing)
	Root    []string          `json:"root"`    // the names in /
	Tries   map[string]string `json:"tries"`   // attempt → the error it met ("": it succeeded)
}

// This init runs after the one in harness.go (files are initialised in name order), so the
// sandbox is in place. Nothing of the student's code has run yet.
func init() {
	secret := os.Getenv(SelfTestEnv)
	if secret == "" {
		return
	}
	t := SelfTest{Sandbox: applied, Tries: map[string]string{}}
	try := func(name string, err error) {
		if err != nil {
			t.Tries[name] = err.Error()
		} else {
			t.Tries[name] = ""
		}
	}
	if es, err := os.ReadDir("/"); err == nil {
		for _, e := range es {
			t.Root = append(t.Root, e.Name())
		}
	}
	_, err := os.ReadFile(secret)
	try("read", err)
	pid, err := syscall.ForkExec("/nma-grade-selftest", []string{"x"}, &syscall.ProcAttr{})
	if err == nil {
		_, _ = syscall.Wait4(pid, nil, 0, nil)
	}
	try("fork", err)
	try("exec", syscall.Exec("/nma-grade-selftest", []string{"x"}, nil))
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err == nil {
		syscall.Close(fd)
	}
	try("socket", err)
	try("kill", syscall.Kill(1, 0)) // signal 0: nothing is sent
	f, err := os.CreateTemp("", "selftest")
	try("scratch", err)
	if err == nil {
		try("chmod", f.Chmod(0o700))
		f.Close()
		os.Remove(f.Name())
	}
	try("ptrace", errnoOf(syscall.RawSyscall(syscall.SYS_PTRACE, syscall.PTRACE_TRACEME, 0, 0)))
	try("unshare", syscall.Unshare(syscall.CLONE_NEWUSER))
	b, err := syscall.Mmap(-1, 0, 4096, syscall.PROT_READ|syscall.PROT_EXEC, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err == nil {
		_ = syscall.Munmap(b)
	}
	try("mmap-exec", err)
	// Size 0: EINVAL where clone3 is allowed (nothing is created), ENOSYS where it is filtered.
	try("clone3", errnoOf(syscall.RawSyscall(sysClone3, 0, 0, 0)))
	data, _ := json.Marshal(t)
	os.Stdout.Write(append(data, '\n'))
	os.Exit(0)
}

// Landlock system calls and constants (linux/landlock.h); the numbers are the same on every
// architecture.
const (
	sysLandlockCreateRuleset = 444
	sysLandlockAddRule       = 445
	sysLandlockRestrictSelf  = 446

	landlockCreateRulesetVersion = 1
	landlockRulePathBeneath      = 1

	accessFSExecute  = 1 << 0
	accessFSReadFile = 1 << 2
	accessFSReadDir  = 1 << 3
	accessFSWrite    = 1 << 1
	accessNetAll     = 1<<0 | 1<<1 // bind and connect TCP
	scopeAll         = 1<<0 | 1<<1 // abstract UNIX sockets, signals

	prSetNoNewPrivs = 38
	prSetDumpable   = 4
	oPath           = 0x200000
)

type landlockRulesetAttr struct {
	handledAccessFS  uint64
	handledAccessNet uint64
	scoped           uint64
}

// landlock restricts all threads of the process; it returns the kernel's Landlock ABI.
func landlock(scratch string) (int, error) {
	v, _, e := syscall.Syscall(sysLandlockCreateRuleset, 0, 0, landlockCreateRulesetVersion)
	if e != 0 {
		return 0, e
	}
	abi := int(v)
	fsAll := uint64(1<<13 - 1) // ABI 1: execute … make symlink
	if abi >= 2 {
		fsAll |= 1 << 13 // refer
	}
	if abi >= 3 {
		fsAll |= 1 << 14 // truncate
	}
	if abi >= 5 {
		fsAll |= 1 << 15 // ioctl on devices
	}
	attr := landlockRulesetAttr{handledAccessFS: fsAll}
	size := uintptr(8)
	if abi >= 4 {
		attr.handledAccessNet, size = accessNetAll, 16
	}
	if abi >= 6 {
		attr.scoped, size = scopeAll, 24
	}
	fd, _, e := syscall.Syscall(sysLandlockCreateRuleset, uintptr(unsafe.Pointer(&attr)), size, 0)
	if e != 0 {
		return abi, fmt.Errorf("create ruleset: %w", e)
	}
	defer syscall.Close(int(fd))
	allow := func(path string, access uint64) error {
		pfd, err := syscall.Open(path, oPath|syscall.O_CLOEXEC, 0)
		if err != nil {
			return err
		}
		defer syscall.Close(pfd)
		var rule [12]byte // struct landlock_path_beneath_attr is packed: u64 access, s32 fd
		*(*uint64)(unsafe.Pointer(&rule[0])) = access
		*(*int32)(unsafe.Pointer(&rule[8])) = int32(pfd)
		if _, _, e := syscall.Syscall6(sysLandlockAddRule, fd, landlockRulePathBeneath, uintptr(unsafe.Pointer(&rule[0])), 0, 0, 0); e != 0 {
			return fmt.Errorf("rule for %s: %w", path, e)
		}
		return nil
	}
	// Everything is readable except /proc: the program's own memory (/proc/self/mem),
	// file descriptors and environment stay out of reach.
	entries, err := os.ReadDir("/")
	if err != nil {
		return abi, err
	}
	for _, e := range entries {
		if e.Name() == "proc" {
			continue
		}
		p := "/" + e.Name()
		fi, err := os.Stat(p) // through symbolic links (/bin → usr/bin)
		if err != nil {
			continue
		}
		access := uint64(accessFSExecute | accessFSReadFile)
		if fi.IsDir() {
			access |= accessFSReadDir
		}
		if err := allow(p, access); err != nil {
			return abi, err
		}
	}
	if err := allow(scratch, fsAll); err != nil {
		return abi, err
	}
	_ = allow("/dev/null", accessFSReadFile|accessFSWrite)
	// Landlock applies to the calling thread; the Go runtime already runs several threads,
	// so every one of them must restrict itself (AllThreadsSyscall needs a cgo-free binary,
	// which the grader builds).
	if _, _, e := syscall.AllThreadsSyscall(syscall.SYS_PRCTL, prSetNoNewPrivs, 1, 0); e != 0 {
		return abi, fmt.Errorf("no_new_privs: %w", e)
	}
	if _, _, e := syscall.AllThreadsSyscall(sysLandlockRestrictSelf, fd, 0, 0); e != 0 {
		return abi, fmt.Errorf("restrict: %w", e)
	}
	return abi, nil
}
