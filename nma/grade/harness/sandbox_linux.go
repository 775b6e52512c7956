package harness

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"unsafe"
)

// applySandbox sets the resource limits and, where the kernel has Landlock (Linux ≥ 5.13),
// restricts every thread of the process: writes only under cfg.Scratch (and /dev/null), no
// TCP bind or connect (Landlock ABI ≥ 4), no signals or abstract sockets outside the
// process (ABI ≥ 6). Limits are set soft = hard, so the student's code cannot raise them
// (the grader also runs the program without privileges). It returns what was applied.
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
	// Not dumpable: no other process of the same user (one the student's code starts, say)
	// may ptrace this one or read its memory.
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
	return strings.Join(done, " ")
}

const rlimitNProc = 6 // RLIMIT_NPROC on Linux

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
