package grade

// The sandbox around student code: bubblewrap (bwrap) for the namespaces and the
// filesystem view of every build and every run, util-linux's prlimit for the compiler's
// limits, and — inside each run — the harness's resource limits and seccomp filter
// (harness/sandbox_linux.go).

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nma-go/nma-go/nma/grade/harness"
	"golang.org/x/mod/modfile"
)

// Paths inside the run sandbox.
const (
	sandboxProgram = "/program" // the student's program, read-only
	sandboxScratch = "/scratch" // the scratch folder: a tmpfs of the run's file-size limit
)

// sandboxTools are the programs the sandbox needs, found once.
type sandboxTools struct {
	bwrap   string // bwrap's path
	size    bool   // bwrap has --size (bubblewrap ≥ 0.7)
	prlimit string // prlimit's path, "" when missing
	err     error  // why there is no bwrap
}

var findSandboxTools = sync.OnceValue(func() sandboxTools {
	var t sandboxTools
	t.prlimit, _ = lookPath("prlimit")
	bwrap, err := lookPath("bwrap")
	if err != nil {
		t.err = errors.New("bubblewrap is not installed (no bwrap on PATH): `make setup` installs it (or: sudo apt-get install bubblewrap)")
		return t
	}
	out, err := exec.Command(bwrap, "--help").CombinedOutput()
	if err != nil {
		t.err = fmt.Errorf("%s --help: %v: %s", bwrap, err, bytes.TrimSpace(out))
		return t
	}
	t.bwrap = bwrap
	t.size = bytes.Contains(out, []byte("--size"))
	return t
})

// lookPath finds a command on PATH, else in /usr/bin and /bin.
func lookPath(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return filepath.Abs(p)
	}
	for _, dir := range []string{"/usr/bin", "/bin", "/usr/local/bin"} {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}

// namespaceArgs: bwrap's options for a sandbox with its own user, PID, network, IPC and
// UTS namespaces (and cgroup namespace where possible), no capabilities, ended with the
// process that started it.
func namespaceArgs() []string {
	return []string{"--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
		"--unshare-cgroup-try", "--die-with-parent", "--cap-drop", "ALL"}
}

// command is the process of one run of bin: bwrap around the program, or — without a
// sandbox (trusted input) — the program itself. It sets cfg to what the program sees.
func (r *runner) command(bin, scratch string, cfg *harness.Config, iso isolation) *exec.Cmd {
	env := []string{"PATH=/usr/bin:/bin", "GOMAXPROCS=1", "GOTRACEBACK=single", "NMA_HEADLESS=1", "LANG=C.UTF-8"}
	dataDir := r.sandboxDataDir()
	if dataDir != "" {
		env = append(env, "NMA_DATA_DIR="+dataDir)
	}
	cfg.Trusted = iso.trusted
	if !iso.sandbox {
		cmd := exec.Command(bin)
		cmd.Dir = scratch
		cmd.Env = append(env, "HOME="+scratch, "TMPDIR="+scratch)
		cmd.SysProcAttr = sysProcAttr()
		return cmd
	}
	t := findSandboxTools()
	if t.bwrap == "" {
		t.bwrap = "bwrap" // missing (probe refuses before any run): the run fails, it never goes unsandboxed
	}
	cfg.Scratch = sandboxScratch
	cmd := exec.Command(t.bwrap, runArgs(t, bin, scratch, dataDir, r.standIn, cfg.FileSize)...)
	cmd.Dir = "/"
	cmd.Env = append(env, "HOME="+sandboxScratch, "TMPDIR="+sandboxScratch)
	cmd.SysProcAttr = sysProcAttr()
	return cmd
}

// sandboxDataDir is the course's data folder as the program sees it (its absolute path), or
// "" when there is none or — the grader running as root — the user nobody cannot read it
// (bwrap, running as nobody, could not bind it: every run would fail).
func (r *runner) sandboxDataDir() string {
	if r.dataDir == "" {
		return ""
	}
	abs, err := filepath.Abs(r.dataDir)
	if err != nil {
		return ""
	}
	if os.Geteuid() == 0 && !readableByAll(abs) {
		return ""
	}
	return abs
}

// readableByAll: every folder above dir can be searched by all users, and dir read.
func readableByAll(dir string) bool {
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm()&0o005 != 0o005 {
		return false
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil || fi.Mode().Perm()&0o001 == 0 {
			return false
		}
		if filepath.Dir(d) == d {
			return true
		}
	}
}

// runArgs: bwrap's arguments for a run. The program sees a read-only root holding only
// itself, /dev/null, /dev/zero and /dev/urandom, its scratch folder (a tmpfs of fileSize
// bytes; the host folder scratch where bwrap cannot cap a tmpfs), the course's data
// read-only when given, W2D1's synthetic stand-in (the folder standIn, when given)
// read-only in the scratch folder where the loaders look for it, and /proc and /tmp as
// folders it cannot enter (so that reaching for them fails with "permission denied", as
// everywhere else outside the scratch folder).
func runArgs(t sandboxTools, bin, scratch, dataDir, standIn string, fileSize uint64) []string {
	a := append(namespaceArgs(), "--new-session",
		"--ro-bind", bin, sandboxProgram,
		"--dev-bind", "/dev/null", "/dev/null",
		"--dev-bind", "/dev/zero", "/dev/zero",
		"--dev-bind", "/dev/urandom", "/dev/urandom")
	for _, d := range []string{"/proc", "/tmp"} {
		if dataDir == "" || !within(dataDir, d) {
			a = append(a, "--perms", "0000", "--dir", d)
		}
	}
	if t.size && fileSize > 0 {
		a = append(a, "--size", strconv.FormatUint(fileSize, 10), "--perms", "0700", "--tmpfs", sandboxScratch)
	} else {
		a = append(a, "--bind", scratch, sandboxScratch)
	}
	if dataDir != "" {
		a = append(a, "--ro-bind", dataDir, dataDir)
	}
	if standIn != "" {
		a = append(a, "--ro-bind", standIn, standInPath(sandboxScratch))
	}
	return append(a, "--remount-ro", "/", "--chdir", sandboxScratch, "--", sandboxProgram)
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// probeSandbox is probe's check of the sandbox.
func (r *runner) probeSandbox(bin string) error {
	t := findSandboxTools()
	if t.err != nil {
		return &noSandboxError{fmt.Errorf("nma grade runs student code only in a sandbox: %w", t.err)}
	}
	if err := buildSandboxErr(); err != nil {
		return fmt.Errorf("nma grade cannot build student code in a sandbox: %w", err)
	}
	st, err := r.selfTest(bin, r.iso)
	if err != nil {
		return err
	}
	allowed := []string{"program", "dev", "scratch", "proc", "tmp"}
	if d := r.sandboxDataDir(); d != "" {
		allowed = append(allowed, strings.Split(strings.TrimPrefix(d, "/"), "/")[0])
	} else if r.dataDir != "" {
		r.isoNote = fmt.Sprintf("the course's data folder %s is not readable by the user nobody, so the programs do not see it "+
			"(checks that load data fail); set NMA_DATA_DIR to a folder all users can read", r.dataDir)
	}
	return st.check(allowed)
}

// selfTestResult is what a self-test run reported.
type selfTestResult struct {
	harness.SelfTest
	secret string // the planted file's contents
}

// selfTest runs bin with the harness's self-test (harness.SelfTestEnv) under iso: the same
// command, configuration and limits as a run, and a planted file outside the sandbox
// (readable by every user) that the program tries to read.
func (r *runner) selfTest(bin string, iso isolation) (*selfTestResult, error) {
	secret := newNonceLike()
	secretFile := filepath.Join(filepath.Dir(r.scratch), "selftest-secret")
	if err := os.WriteFile(secretFile, []byte(secret), 0o644); err != nil {
		return nil, err
	}
	defer os.Remove(secretFile)
	scratch := filepath.Join(r.scratch, "selftest")
	if err := os.MkdirAll(scratch, 0o700); err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	if err := prepareScratch(scratch, iso); err != nil {
		return nil, err
	}
	cfg := harness.Config{Exercise: "nma-grade-selftest", Timeout: time.Second, Memory: r.memory, CPU: 30,
		FileSize: r.fileSize, Scratch: scratch, MaxStack: 64 << 20}
	cmd := r.command(bin, scratch, &cfg, iso)
	cmd.Env = append(cmd.Env, harness.SelfTestEnv+"="+secretFile)
	cfgR, cfgW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer cfgW.Close()
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		cfgR.Close()
		return nil, err
	}
	defer devNull.Close()
	cmd.ExtraFiles = []*os.File{devNull, cfgR} // fds 3 and 4, as in a run
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		cfgR.Close()
		if errors.Is(err, fs.ErrPermission) {
			return nil, fmt.Errorf("cannot run the graded programs as an unprivileged user (%v): every folder above %s must be searchable by all users (e.g. TMPDIR=/tmp)", err, bin)
		}
		return nil, fmt.Errorf("cannot run the graded programs: %w", err)
	}
	cfgR.Close()
	data, _ := json.Marshal(cfg)
	_, _ = cfgW.Write(data)
	cfgW.Close()
	timer := time.AfterFunc(30*time.Second, func() { killProcess(cmd) })
	waitErr := cmd.Wait()
	timer.Stop()
	killProcess(cmd)
	res := &selfTestResult{secret: secret}
	line := bytes.TrimSpace(stdout.Bytes())
	if i := bytes.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	if err := json.Unmarshal(line, &res.SelfTest); err != nil || res.Tries == nil {
		return nil, sandboxFailure(iso, bin, waitErr, stderr.String())
	}
	return res, nil
}

// sandboxFailure explains why a program did not even start in the sandbox.
func sandboxFailure(iso isolation, bin string, waitErr error, stderr string) error {
	msg := strings.TrimSpace(stderr)
	if len(msg) > 600 {
		msg = msg[:600] + "…"
	}
	if msg == "" && waitErr != nil {
		msg = waitErr.Error()
	}
	switch {
	case !iso.sandbox:
		return fmt.Errorf("cannot run the graded programs: %s", msg)
	case strings.Contains(msg, "Can't find source path") && strings.Contains(msg, "ermission denied"):
		return fmt.Errorf("cannot run the graded programs as an unprivileged user (%s): every folder above %s and the course's data folder must be searchable by all users (e.g. TMPDIR=/tmp)", msg, bin)
	case strings.Contains(msg, "namespace") || strings.Contains(msg, "uid map") || strings.Contains(msg, "setting up uid") ||
		strings.Contains(msg, "Operation not permitted") || strings.Contains(msg, "No permissions"):
		return &noSandboxError{fmt.Errorf("bubblewrap cannot create the sandbox (%s): unprivileged user namespaces are disabled on this machine; "+
			"enable them (Debian before 11: sysctl -w kernel.unprivileged_userns_clone=1; Ubuntu ≥ 23.10: an AppArmor profile for bwrap, or "+
			"sysctl -w kernel.apparmor_restrict_unprivileged_userns=0; everywhere: user.max_user_namespaces > 0)", msg)}
	case strings.Contains(msg, "syscall filter"):
		return &noSandboxError{fmt.Errorf("the kernel refuses the syscall filter (seccomp): %s", msg)}
	}
	return &noSandboxError{fmt.Errorf("the sandbox does not work on this machine: %s", msg)}
}

// check verifies what the self-test found in the sandbox: every attempt denied, the
// planted file out of reach, nothing else in view.
func (st *selfTestResult) check(allowedRoot []string) error {
	var bad []string
	if !strings.Contains(st.Sandbox, "seccomp(") || strings.Contains(st.Sandbox, "seccomp(unavailable") {
		bad = append(bad, "no syscall filter ("+st.Sandbox+")")
	}
	want := map[string]string{
		"fork": "operation not permitted", "exec": "operation not permitted", "socket": "operation not permitted",
		"kill": "operation not permitted", "chmod": "operation not permitted", "ptrace": "operation not permitted",
		"unshare": "operation not permitted", "mmap-exec": "operation not permitted", "clone3": "function not implemented",
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if got := st.Tries[n]; !strings.HasSuffix(got, want[n]) {
			bad = append(bad, fmt.Sprintf("%s: %q, want %q", n, got, want[n]))
		}
	}
	if got := st.Tries["read"]; got == "" {
		bad = append(bad, "a file outside the sandbox is readable")
	}
	if got := st.Tries["scratch"]; got != "" {
		bad = append(bad, "the scratch folder is not writable: "+got)
	}
	var extra []string
	for _, n := range st.Root {
		if !slices.Contains(allowedRoot, n) {
			extra = append(extra, "/"+n)
		}
	}
	if len(extra) > 0 {
		bad = append(bad, "the program sees "+strings.Join(extra, ", "))
	}
	if len(bad) > 0 {
		return &noSandboxError{fmt.Errorf("the sandbox self-test failed: %s", strings.Join(bad, "; "))}
	}
	return nil
}

// newNonceLike is a random string for the planted file.
func newNonceLike() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return fmt.Sprintf("nma-grade-secret-%x", b)
}

// buildBox is the build sandbox of a course checkout: the go command's environment and
// the folders it sees.
type buildBox struct {
	goCmd string   // $GOROOT/bin/go
	env   []string // the go command's environment inside
	ro    []string // read-only: GOROOT, the module cache, the checkout, its local replacements
	cache string   // the Go build cache (writable)
	err   error    // why there is no build sandbox
}

var (
	buildBoxMu sync.Mutex
	buildBoxes = map[string]*buildBox{}
)

// buildSandbox returns the build sandbox for the checkout root, set up once: the paths of
// the toolchain, and a trial run of the go command inside.
func buildSandbox(root string) *buildBox {
	buildBoxMu.Lock()
	defer buildBoxMu.Unlock()
	if b, ok := buildBoxes[root]; ok {
		return b
	}
	b := newBuildBox(root)
	buildBoxes[root] = b
	return b
}

// buildSandboxErr is why a build sandbox set up so far does not work, or nil.
func buildSandboxErr() error {
	buildBoxMu.Lock()
	defer buildBoxMu.Unlock()
	roots := make([]string, 0, len(buildBoxes))
	for r := range buildBoxes {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		if err := buildBoxes[r].err; err != nil {
			return err
		}
	}
	return nil
}

func newBuildBox(root string) *buildBox {
	b := &buildBox{}
	t := findSandboxTools()
	if t.err != nil {
		b.err = &noSandboxError{t.err}
		return b
	}
	if t.prlimit == "" {
		b.err = &noSandboxError{errors.New("prlimit (util-linux) is not installed: `make setup` installs it (or: sudo apt-get install util-linux)")}
		return b
	}
	cmd := exec.Command("go", "env", "-json", "GOROOT", "GOPATH", "GOMODCACHE", "GOCACHE")
	cmd.Env = buildEnv()
	out, err := cmd.Output()
	var goenv map[string]string
	if err == nil {
		err = json.Unmarshal(out, &goenv)
	}
	if err != nil {
		b.err = fmt.Errorf("go env: %v", err)
		return b
	}
	for _, k := range []string{"GOROOT", "GOMODCACHE", "GOCACHE"} {
		if !filepath.IsAbs(goenv[k]) {
			b.err = fmt.Errorf("go env %s is %q, not an absolute path", k, goenv[k])
			return b
		}
	}
	b.goCmd = filepath.Join(goenv["GOROOT"], "bin", "go")
	b.cache = goenv["GOCACHE"]
	if err := os.MkdirAll(b.cache, 0o755); err != nil {
		b.err = err
		return b
	}
	_ = os.MkdirAll(goenv["GOMODCACHE"], 0o755)
	b.ro = []string{goenv["GOROOT"], goenv["GOMODCACHE"]}
	if root != "" {
		if abs, err := filepath.Abs(root); err == nil {
			b.ro = append(b.ro, abs)
			b.ro = append(b.ro, localReplacements(abs)...)
		}
	}
	// The go command's environment: buildEnv's Go settings (offline, no cgo, …), with the
	// toolchain's paths explicit and nothing of the user's environment besides.
	for _, kv := range buildEnv() {
		k, _, _ := strings.Cut(kv, "=")
		if (strings.HasPrefix(k, "GO") || strings.HasPrefix(k, "CGO_")) && k != "GOTMPDIR" && k != "GOCOVERDIR" &&
			k != "GOROOT" && k != "GOPATH" && k != "GOMODCACHE" && k != "GOCACHE" && k != "GOENV" {
			b.env = append(b.env, kv)
		}
	}
	// No HOME: the go command then has no user configuration folder, so its telemetry
	// stays off (it would need /proc/self/exe, which the sandbox does not have).
	b.env = append(b.env, "PATH="+filepath.Join(goenv["GOROOT"], "bin")+":/usr/bin:/bin", "TMPDIR=/tmp",
		"GOROOT="+goenv["GOROOT"], "GOPATH="+goenv["GOPATH"], "GOMODCACHE="+goenv["GOMODCACHE"],
		"GOCACHE="+b.cache, "GOENV=off", "LANG=C.UTF-8")
	// A trial run.
	tmp, err := os.MkdirTemp("", "nma-grade-buildbox-")
	if err != nil {
		b.err = err
		return b
	}
	defer os.RemoveAll(tmp)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	trial := b.command(ctx, tmp, "version")
	if out, err := trial.CombinedOutput(); err != nil || !bytes.HasPrefix(out, []byte("go version")) {
		b.err = sandboxFailure(isolation{sandbox: true}, b.goCmd, err, string(out))
	}
	return b
}

// localReplacements: the folders of the course's go.mod's local replace directives.
func localReplacements(root string) []string {
	path := filepath.Join(root, "go.mod")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	f, err := modfile.ParseLax(path, data, nil)
	if err != nil {
		return nil
	}
	var out []string
	for _, r := range f.Replace {
		if r.New.Version == "" {
			p := r.New.Path
			if !filepath.IsAbs(p) {
				p = filepath.Join(root, p)
			}
			out = append(out, filepath.Clean(p))
		}
	}
	return out
}

// command is the go command with args in the build sandbox, working in dir: prlimit's
// per-process limits (address space, file size, CPU time until ctx's deadline) around
// bwrap around go. It sees GOROOT, the module cache and the checkout read-only, dir and
// the build cache writable, a private /tmp, a minimal /dev, and no network.
func (b *buildBox) command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	t := findSandboxTools()
	cpu := int64(600)
	if d, ok := ctx.Deadline(); ok {
		cpu = int64(math.Ceil(time.Until(d).Seconds())) + 1
	}
	a := []string{fmt.Sprintf("--as=%d", buildMemory), fmt.Sprintf("--fsize=%d", buildFileSize),
		fmt.Sprintf("--cpu=%d", max(cpu, 1)), "--core=0", "--", t.bwrap}
	a = append(a, namespaceArgs()...)
	a = append(a, "--dev", "/dev", "--tmpfs", "/tmp")
	ro := slices.Clone(b.ro)
	sort.Strings(ro) // parents before children
	for _, p := range slices.Compact(ro) {
		if _, err := os.Stat(p); err == nil {
			a = append(a, "--ro-bind", p, p)
		}
	}
	for _, p := range []string{b.cache, dir} {
		a = append(a, "--bind", p, p)
	}
	a = append(a, "--remount-ro", "/", "--chdir", dir, "--", b.goCmd)
	cmd := exec.CommandContext(ctx, t.prlimit, append(a, args...)...)
	cmd.Dir = dir
	cmd.Env = b.env
	return cmd
}

// goCommand is `go args…` for a build of student code in dir: in the build sandbox, or —
// only where there is none, which probe allows for trusted input alone — directly, with
// prlimit's limits where prlimit exists.
func goCommand(ctx context.Context, root, dir string, args ...string) *exec.Cmd {
	if box := buildSandbox(root); box.err == nil {
		return box.command(ctx, dir, args...)
	}
	var cmd *exec.Cmd
	if t := findSandboxTools(); t.prlimit != "" {
		cmd = exec.CommandContext(ctx, t.prlimit, append([]string{fmt.Sprintf("--as=%d", buildMemory),
			fmt.Sprintf("--fsize=%d", buildFileSize), "--core=0", "--", "go"}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, "go", args...)
	}
	cmd.Dir = dir
	cmd.Env = buildEnv()
	return cmd
}

// exitStatus decodes how a run ended: bwrap reports a program killed by signal n as exit
// status 128+n.
func exitStatus(waitErr error, iso isolation) (code int, signal string) {
	var ee *exec.ExitError
	if !errors.As(waitErr, &ee) {
		return 0, ""
	}
	code = ee.ExitCode()
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return code, ws.Signal().String()
	}
	if iso.sandbox && code > 128 && code < 128+65 {
		return code, syscall.Signal(code - 128).String()
	}
	return code, ""
}
