package harness

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	seccomp "github.com/elastic/go-seccomp-bpf"
	"github.com/elastic/go-seccomp-bpf/arch"
	"golang.org/x/net/bpf"
)

// verdict is what the stack of seccomp filters answers for one system call, as the kernel
// computes it: every filter runs, the strictest action wins (kill < trap < errno < … <
// allow, by the action's value).
func verdict(t *testing.T, vms []*bpf.VM, archID uint32, nr int, args ...uint64) uint32 {
	t.Helper()
	// struct seccomp_data: nr, arch, instruction_pointer, args[6]. The filters load 32-bit
	// words in the host's order; x/net/bpf's VM reads big-endian words, so each word the
	// filter reads is stored big-endian at the offset where the kernel has it.
	data := make([]byte, 64)
	binary.BigEndian.PutUint32(data[0:], uint32(nr))
	binary.BigEndian.PutUint32(data[4:], archID)
	for i, a := range args {
		binary.BigEndian.PutUint32(data[16+8*i:], uint32(a))       // low word (little-endian host)
		binary.BigEndian.PutUint32(data[16+8*i+4:], uint32(a>>32)) // high word
	}
	best := uint32(0xffffffff)
	for _, vm := range vms {
		out, err := vm.Run(data)
		if err != nil {
			t.Fatal(err)
		}
		act := uint32(out)
		if act&0xffff0000 < best&0xffff0000 || best == 0xffffffff {
			best = act
		}
	}
	return best
}

func TestSyscallFilter(t *testing.T) {
	info, err := arch.GetInfo("")
	if err != nil {
		t.Skip(err)
	}
	if info.Name != "x86_64" {
		t.Skip("the expectations below use x86_64 numbers")
	}
	const pid = 2
	filters, n, err := syscallFilters(pid)
	if err != nil {
		t.Fatal(err)
	}
	var vms []*bpf.VM
	insns := 0
	for _, f := range filters {
		prog, err := f.Policy.Assemble()
		if err != nil {
			t.Fatal(err)
		}
		insns += len(prog)
		vm, err := bpf.NewVM(prog)
		if err != nil {
			t.Fatal(err)
		}
		vms = append(vms, vm)
	}
	t.Logf("%d filters, %d rules, %d instructions", len(filters), n, insns)
	allow := uint32(seccomp.ActionAllow)
	eperm := uint32(seccomp.ActionErrno) | uint32(syscall.EPERM)
	enosys := uint32(seccomp.ActionErrno) | uint32(syscall.ENOSYS)
	x86 := uint32(info.ID)
	nr := func(name string) int { return info.SyscallNames[name] }
	goThread := uint64(syscall.CLONE_VM | syscall.CLONE_FS | syscall.CLONE_FILES | syscall.CLONE_SIGHAND | syscall.CLONE_SYSVSEM | syscall.CLONE_THREAD)
	cases := []struct {
		name string
		nr   int
		arch uint32
		args []uint64
		want uint32
	}{
		{"futex", nr("futex"), x86, nil, allow},
		{"read", nr("read"), x86, nil, allow},
		{"openat", nr("openat"), x86, nil, allow},
		{"close", nr("close"), x86, nil, allow},
		{"getdents64", nr("getdents64"), x86, nil, allow},
		{"clone of a Go thread", nr("clone"), x86, []uint64{goThread}, allow},
		{"clone of a process (fork)", nr("clone"), x86, []uint64{uint64(syscall.SIGCHLD)}, eperm},
		{"clone of a vfork (os/exec)", nr("clone"), x86, []uint64{syscall.CLONE_VM | syscall.CLONE_VFORK | uint64(syscall.SIGCHLD)}, eperm},
		{"clone of a thread in a new user namespace", nr("clone"), x86, []uint64{goThread | syscall.CLONE_NEWUSER}, eperm},
		{"clone3", nr("clone3"), x86, nil, enosys},
		{"fork", nr("fork"), x86, nil, eperm},
		{"vfork", nr("vfork"), x86, nil, eperm},
		{"execve", nr("execve"), x86, nil, eperm},
		{"execveat", nr("execveat"), x86, nil, eperm},
		{"socket", nr("socket"), x86, []uint64{syscall.AF_UNIX}, eperm},
		{"connect", nr("connect"), x86, nil, eperm},
		{"ptrace", nr("ptrace"), x86, nil, eperm},
		{"mount", nr("mount"), x86, nil, eperm},
		{"unshare", nr("unshare"), x86, nil, eperm},
		{"chmod", nr("chmod"), x86, nil, eperm},
		{"fchmodat", nr("fchmodat"), x86, nil, eperm},
		{"io_uring_setup", nr("io_uring_setup"), x86, nil, eperm},
		{"kill self", nr("kill"), x86, []uint64{pid, 23}, allow},
		{"kill another", nr("kill"), x86, []uint64{1, 9}, eperm},
		{"kill everyone", nr("kill"), x86, []uint64{^uint64(0), 9}, eperm},
		{"kill pid 9 (mmap's number)", nr("kill"), x86, []uint64{9, 9}, eperm},
		{"kill self's pid with high bits", nr("kill"), x86, []uint64{1<<32 | pid, 9}, eperm},
		{"tgkill own thread", nr("tgkill"), x86, []uint64{pid, 5, 23}, allow},
		{"tgkill another process", nr("tgkill"), x86, []uint64{1, 1, 9}, eperm},
		{"mmap read-write", nr("mmap"), x86, []uint64{0, 4096, syscall.PROT_READ | syscall.PROT_WRITE}, allow},
		{"mmap prot 3, then close's number", nr("mmap"), x86, []uint64{0, 3, 3, 3, 3, 3}, allow},
		{"mmap executable", nr("mmap"), x86, []uint64{0, 4096, syscall.PROT_READ | syscall.PROT_EXEC}, eperm},
		{"mprotect executable", nr("mprotect"), x86, []uint64{0, 4096, syscall.PROT_EXEC}, eperm},
		{"mprotect none", nr("mprotect"), x86, []uint64{0, 4096, syscall.PROT_NONE}, allow},
		{"ioctl TCGETS", nr("ioctl"), x86, []uint64{1, syscall.TCGETS}, allow},
		{"ioctl TIOCSTI", nr("ioctl"), x86, []uint64{0, syscall.TIOCSTI}, eperm},
		{"x32 ABI", nr("read") | 0x40000000, x86, nil, enosys},
		{"i386 (int 0x80)", 11, 0x40000003, nil, eperm},
		{"unknown number", 1000, x86, nil, eperm},
	}
	for _, c := range cases {
		if got := verdict(t, vms, c.arch, c.nr, c.args...); got != c.want {
			t.Errorf("%s: %#x, want %#x", c.name, got, c.want)
		}
	}
	// Every system call of the table that is not denied is allowed (with harmless
	// arguments), whatever its number.
	denied := map[string]bool{"clone3": true}
	for _, n := range deniedSyscalls {
		denied[n] = true
	}
	denied["clone"] = true // flags 2: a process, not a thread
	for name, num := range info.SyscallNames {
		got := verdict(t, vms, x86, num, pid, 0, 0, 0, 0, 0)
		if denied[name] && got == allow || !denied[name] && got != allow {
			t.Errorf("%s (%d): %#x", name, num, got)
		}
	}
}

// The self-test, run as a child of the test with the sandbox applied in-process (no
// bubblewrap): the syscall filter denies what it must.
func TestSelfTestInProcess(t *testing.T) {
	if os.Getenv("NMA_HARNESS_SELFTEST_CHILD") == "1" {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// The test binary imports this package: its init runs the self-test when the
	// configuration arrives on fd 4 and SelfTestEnv is set.
	cmd := exec.Command(exe, "-test.run=^TestSelfTestInProcess$")
	cmd.Env = append(os.Environ(), SelfTestEnv+"=/nonexistent/secret", "NMA_HARNESS_SELFTEST_CHILD=1")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	devNull, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	defer devNull.Close()
	cmd.ExtraFiles = []*os.File{devNull, r}
	scratch := t.TempDir()
	// 2 GiB, the grader's default: a Go 1.26 program has already reserved about 1.2 GB of
	// address space when its init runs, so a 1 GiB RLIMIT_AS made the next heap mapping fail
	// (an intermittent "fatal error: runtime: out of memory" in this test).
	cfg, _ := json.Marshal(Config{Exercise: "selftest", Memory: 2 << 30, Scratch: scratch})
	w.Write(cfg)
	w.Close()
	cmd.Dir = scratch
	cmd.Env = append(cmd.Env, "TMPDIR="+scratch)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	r.Close()
	if err != nil {
		t.Fatalf("%v: %s\nstderr: %s", err, out, stderr.String())
	}
	var st SelfTest
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	t.Logf("%+v", st)
	if !strings.Contains(st.Sandbox, "seccomp(") || strings.Contains(st.Sandbox, "seccomp(unavailable") {
		t.Errorf("sandbox %q", st.Sandbox)
	}
	for _, k := range []string{"fork", "exec", "socket", "kill", "chmod", "ptrace", "unshare", "mmap-exec"} {
		if !strings.HasSuffix(st.Tries[k], "operation not permitted") {
			t.Errorf("%s: %q", k, st.Tries[k])
		}
	}
	if st.Tries["clone3"] != "function not implemented" {
		t.Errorf("clone3: %q", st.Tries["clone3"])
	}
	if st.Tries["scratch"] != "" {
		t.Errorf("scratch: %q", st.Tries["scratch"])
	}
}
