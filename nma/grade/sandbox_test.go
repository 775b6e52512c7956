//go:build linux

package grade

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/outcome"
)

// requireSandbox skips a test where bubblewrap is missing (`make setup` installs it).
func requireSandbox(t *testing.T) {
	t.Helper()
	if err := findSandboxTools().err; err != nil {
		t.Skipf("no sandbox on this machine: %v", err)
	}
}

// attackNotebook is a W2D4 Tutorial 1 submission whose F (W2D4.T1.E1) runs body and returns
// 0; decls go before F in the exercise cell (imports, helpers).
func attackNotebook(t testing.TB, name, decls, body string) []byte {
	t.Helper()
	ans := correctAnswers()
	ans["W2D4.T1.E1"] = decls + "\n\nfunc F(x, a, theta float64) float64 {\n" + body + "\n\treturn 0\n}"
	return marshal(t, buildNotebook(t, name, tutorialSource(name, ans, nil, nil, nil), ans))
}

// readAttack reads path and returns what it read through a panic message.
func readAttack(path string) string {
	return fmt.Sprintf(`	data, err := os.ReadFile(%q)
	panic(fmt.Sprintf("read %%d bytes: %%q, error: %%v", len(data), data, err))`, path)
}

// openDir makes dir and its parents up to the test's temporary root reachable by every
// user, so that only the sandbox keeps the student's program out (not the permissions).
func openDir(t *testing.T, dir string) {
	t.Helper()
	for d := dir; d != "/" && d != "." && d != os.TempDir(); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// attack is a hostile submission and what it must not achieve.
type attack struct {
	name, decls, body string
	markers           []string        // must not appear in any message
	want              outcome.Outcome // Unknown: any verdict but Passed
	msg               string          // part of the message
}

// Hostile submissions against the sandbox: each F tries one escape and reports what it got
// through a panic message. Every planted file is readable, every socket connectable, every
// file changeable by the user the program runs as: only the sandbox stands in the way.
func TestSandboxAttacks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs hostile student programs")
	}
	requireSandbox(t)
	root := repoRoot(t)
	tmp := t.TempDir()
	openDir(t, tmp)

	secret := fmt.Sprintf("nma-secret-%d", time.Now().UnixNano())
	secretFile := filepath.Join(tmp, "secret.txt")
	os.WriteFile(secretFile, []byte(secret), 0o644)
	owned := filepath.Join(tmp, "owned.txt")
	os.WriteFile(owned, []byte("mine"), 0o644)
	sock := filepath.Join(tmp, "agent.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	os.Chmod(sock, 0o777)
	var connections atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			c.Write([]byte("agent-reply-" + secret))
			c.Close()
		}
	}()
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	passwd, _ := os.ReadFile("/etc/passwd")

	subs := filepath.Join(tmp, "submitted")
	victimMarker := fmt.Sprintf("victim-answer-%d", time.Now().UnixNano())
	victim := filepath.Join(subs, "victim", "W2D4_Tutorial1.ipynb")
	attacks := []attack{
		{name: "read_planted", body: readAttack(secretFile), markers: []string{secret}, msg: "read 0 bytes"},
		{name: "read_passwd", body: readAttack("/etc/passwd"), markers: []string{"root:x:0:0", firstLine(passwd)}, msg: "read 0 bytes"},
		{name: "read_checkout", body: readAttack(filepath.Join(root, "go.mod")), markers: []string{firstLine(gomod)}, msg: "read 0 bytes"},
		{name: "read_other_student", body: readAttack(victim), markers: []string{victimMarker}, msg: "read 0 bytes"},
		{name: "read_ssh_key", body: readAttack(filepath.Join(os.Getenv("HOME"), ".ssh", "id_ed25519")), msg: "read 0 bytes"},
		{name: "unix_socket", decls: `import "net"`, body: fmt.Sprintf(`	c, err := net.Dial("unix", %q)
	if err == nil {
		buf := make([]byte, 100)
		n, _ := c.Read(buf)
		panic("connected to the socket: " + string(buf[:n]))
	}
	panic(err)`, sock), markers: []string{"agent-reply", "connected to the socket"}, msg: "operation not permitted"},
		{name: "chmod", body: fmt.Sprintf(`	err1 := os.Chmod(%q, 0o777)
	err2 := os.Chmod(os.Args[0], 0o777)
	panic(fmt.Sprint("chmod: ", err1, "; ", err2))`, owned), markers: []string{"chmod: <nil>", "; <nil>"}, msg: "operation not permitted"},
		{name: "child_process", decls: `import "os/exec"

var hog = allocate()

// allocate takes 3 GB in the child the attack starts.
func allocate() int {
	if os.Getenv("NMA_ATTACK_CHILD") != "1" {
		return 0
	}
	b := make([]byte, 3<<30)
	for i := range b {
		b[i] = 1
	}
	time.Sleep(time.Minute)
	return int(b[0])
}`, body: `	_ = hog
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "NMA_ATTACK_CHILD=1")
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	panic("started a child process")`, markers: []string{"started a child process"}, msg: "operation not permitted"},
		{name: "kill_grader", body: fmt.Sprintf(`	p, err := os.FindProcess(%d)
	if err == nil {
		err = p.Kill()
	}
	panic(fmt.Sprint("kill: ", err))`, os.Getpid()), markers: []string{"kill: <nil>"}},
	}
	for _, a := range attacks {
		p := filepath.Join(subs, a.name, "W2D4_Tutorial1.ipynb")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, attackNotebook(t, a.name, a.decls, a.body), 0o644)
	}
	ans := correctAnswers()
	os.MkdirAll(filepath.Dir(victim), 0o755)
	nb := buildNotebook(t, "victim", tutorialSource("victim "+victimMarker, ans, nil, nil, nil), ans)
	os.WriteFile(victim, marshal(t, nb), 0o644)
	openDir(t, subs)

	opts := Options{Root: root, Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1"}, Jobs: 2, Timeout: 3 * time.Second}
	if testing.Verbose() {
		opts.Log = os.Stderr
	}
	rep, err := Run([]string{subs}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("grader uid %d; sandbox: %s", os.Geteuid(), rep.Sandbox)
	byName := map[string]Grade{}
	for _, s := range rep.Students {
		byName[s.Name] = s.Grades[0]
	}
	for _, a := range attacks {
		g, ok := byName[a.name]
		if !ok {
			t.Errorf("%s: not graded", a.name)
			continue
		}
		t.Logf("%s: %s: %s", a.name, g.Verdict, g.Message)
		if g.Verdict == outcome.Passed || a.want != outcome.Unknown && g.Verdict != a.want {
			t.Errorf("%s: verdict %s (%s)", a.name, g.Verdict, g.Message)
		}
		if a.msg != "" && !strings.Contains(g.Message, a.msg) {
			t.Errorf("%s: message %q lacks %q", a.name, g.Message, a.msg)
		}
		for _, m := range a.markers {
			if m != "" && strings.Contains(g.Message, m) {
				t.Errorf("%s: the message holds %q: %s", a.name, m, g.Message)
			}
		}
	}
	// Nothing of the planted things is in any report.
	all := reportCSV(rep) + reportFeedback(rep) + reportHTML(rep) + reportTable(rep)
	for _, m := range []string{secret, victimMarker, "agent-reply", firstLine(gomod)} {
		if strings.Contains(all, m) {
			t.Errorf("a report holds %q", m)
		}
	}
	if n := connections.Load(); n != 0 {
		t.Errorf("student code connected to the UNIX socket %d times", n)
	}
	if fi, err := os.Stat(owned); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("the student's program changed a file of the grader's user: %v %v", fi.Mode(), err)
	}

	// The control: without bubblewrap (trusted input), the same read gets the planted file,
	// and the test sees it — so the sandbox is what keeps it out above.
	iso := isolation{sandbox: false, trusted: true}
	isolationOverride = &iso
	defer func() { isolationOverride = nil }()
	ctl := filepath.Join(tmp, "control")
	p := filepath.Join(ctl, "read_planted", "W2D4_Tutorial1.ipynb")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, attackNotebook(t, "read_planted", "", readAttack(secretFile)), 0o644)
	openDir(t, ctl)
	opts.Log = nil
	rep, err = Run([]string{ctl}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if g := rep.Students[0].Grades[0]; !strings.Contains(g.Message, secret) {
		t.Errorf("control without the sandbox: the planted file was not read (%s: %s); the attack above proves nothing", g.Verdict, g.Message)
	}
}

func firstLine(b []byte) string {
	line, _, _ := strings.Cut(string(b), "\n")
	return line
}

// Build bombs end as compile errors, quickly and with bounded memory: a 9 MB literal is
// refused before any build; a small source with a huge static array hits the compiler's
// limits in the build sandbox.
func TestSandboxBuildBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("builds student programs")
	}
	requireSandbox(t)
	dir := t.TempDir()
	var big strings.Builder
	big.WriteString("var table = []float64{")
	for big.Len() < 9<<20 {
		big.WriteString("0.123456789, ")
	}
	big.WriteString("}")
	bombs := map[string]struct{ decls, body, msg string }{
		"literal_9MB":  {decls: big.String(), body: "\t_ = table", msg: "too large to grade"},
		"static_array": {decls: "var grid = [1 << 24][4]float64{1<<24 - 1: {1}}", body: "\t_ = grid[0][0]"},                // a 512 MiB object file
		"static_1GiB":  {decls: "var grid = [1 << 26][2]float64{1<<26 - 1: {1}}", body: "\t_ = grid[0][0]", msg: "memory"}, // 1 GiB in the compiler
	}
	for name, b := range bombs {
		os.WriteFile(filepath.Join(dir, name+".ipynb"), attackNotebook(t, name, b.decls, b.body), 0o644)
	}
	start := time.Now()
	rep, err := Run([]string{dir}, Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1"},
		Jobs: 2, Timeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru)
	t.Logf("graded the bombs in %.1f s; largest child process: %d MiB", took.Seconds(), ru.Maxrss>>10)
	for _, s := range rep.Students {
		g := s.Grades[0]
		t.Logf("%s: %s: %s", s.Name, g.Verdict, g.Message)
		if g.Verdict != outcome.CompileError {
			t.Errorf("%s: %s (%s), want %s", s.Name, g.Verdict, g.Message, outcome.CompileError)
		}
		if m := bombs[s.Name].msg; m != "" && !strings.Contains(g.Message, m) {
			t.Errorf("%s: message %q lacks %q", s.Name, g.Message, m)
		}
	}
	if took > 90*time.Second {
		t.Errorf("the bombs took %v", took)
	}
	if ru.Maxrss<<10 > buildMemory {
		t.Errorf("a child process used %d MiB, more than the build limit", ru.Maxrss>>10)
	}
}

// Without bubblewrap, nma grade refuses untrusted input with what is missing and how to
// fix it; with trusted input it grades without the sandbox and says so.
func TestNoSandboxRefuses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the harness")
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", filepath.Join(strings.TrimSpace(string(out)), "bin")) // the go command; no bwrap, no prlimit …
	saved := findSandboxTools
	findSandboxTools = func() sandboxTools { // … nor anywhere else
		return sandboxTools{err: fmt.Errorf("bubblewrap is not installed (no bwrap on PATH): `make setup` installs it (or: sudo apt-get install bubblewrap)")}
	}
	buildBoxMu.Lock()
	savedBoxes := buildBoxes
	buildBoxes = map[string]*buildBox{}
	buildBoxMu.Unlock()
	defer func() {
		findSandboxTools = saved
		buildBoxMu.Lock()
		buildBoxes = savedBoxes
		buildBoxMu.Unlock()
	}()
	src := filepath.Join("testdata", "corpus", "correct.ipynb")
	opts := Options{Root: repoRoot(t), Exercises: all.Exercises(), Select: Selection{"W2D4.T1.E1"}, Timeout: 3 * time.Second}
	_, err = Run([]string{src}, opts)
	if err == nil || !strings.Contains(err.Error(), "bubblewrap") || !strings.Contains(err.Error(), "make setup") ||
		!strings.Contains(err.Error(), "--trusted-input") {
		t.Fatalf("err = %v, want a refusal naming bubblewrap, make setup and --trusted-input", err)
	}
	t.Logf("refused: %v", err)
	iso := isolationFor(true)
	isolationOverride = &iso
	defer func() { isolationOverride = nil }()
	rep, err := Run([]string{src}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if g := rep.Students[0].Grades[0]; g.Verdict != outcome.Passed {
		t.Errorf("trusted input without a sandbox: %s (%s)", g.Verdict, g.Message)
	}
	if !strings.Contains(rep.Sandbox, "sandbox unavailable") || !strings.Contains(rep.Sandbox, "no sandbox") {
		t.Errorf("the report does not say that there was no sandbox: %s", rep.Sandbox)
	}
}

// The sandbox guarantees hold when the grader is an ordinary user, too: as root, this test
// runs the attack tests again as the user nobody (setpriv), with a Go build cache and
// module cache that user can use, in a mount namespace where root's home is out of view.
func TestSandboxUnprivileged(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the sandbox tests again as an unprivileged user")
	}
	if os.Getenv("NMA_GRADE_UNPRIVILEGED") == "1" {
		t.Skip("this is the unprivileged run")
	}
	if os.Geteuid() != 0 {
		t.Skip("not root: the other sandbox tests already run the grader as an ordinary user")
	}
	requireSandbox(t)
	for _, tool := range []string{"setpriv", "unshare", "mount"} {
		if _, err := lookPath(tool); err != nil {
			t.Skipf("%s (util-linux) is missing", tool)
		}
	}
	tmp := t.TempDir()
	openDir(t, tmp)
	test, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(test)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(tmp, "grade.test")
	os.WriteFile(bin, data, 0o755)
	goenv := map[string]string{}
	for _, k := range []string{"GOROOT", "GOMODCACHE", "GOCACHE", "GOPATH"} {
		out, err := exec.Command("go", "env", k).Output()
		if err != nil {
			t.Fatal(err)
		}
		goenv[k] = strings.TrimSpace(string(out))
	}
	home := filepath.Join(tmp, "home")
	gocache := filepath.Join(home, "go-build")
	os.MkdirAll(home, 0o755)
	// The user's own build cache: a copy of root's (hard links; only new entries are
	// written, into folders the user owns), else an empty one (a slow, cold build).
	if err := exec.Command("cp", "-al", goenv["GOCACHE"], gocache).Run(); err != nil {
		t.Logf("cold build cache: %v", err)
		os.MkdirAll(gocache, 0o755)
	}
	chownTree(t, home, true)
	// The module cache at its own path (build cache entries name it), readable: in a private
	// mount namespace, the first folder above it nobody cannot enter is replaced by an empty
	// one holding only the module cache.
	mod := goenv["GOMODCACHE"]
	hidden := ""
	for d := filepath.Dir(mod); d != "/"; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err == nil && fi.Mode().Perm()&0o001 == 0 {
			hidden = d
		}
	}
	var script strings.Builder
	script.WriteString("set -e\n")
	if hidden != "" {
		shadow := filepath.Join(tmp, "shadow")
		rel, _ := filepath.Rel(hidden, mod)
		fmt.Fprintf(&script, "mkdir -p %q %q\nmount --bind %q %q\n", filepath.Join(tmp, "modbind"), filepath.Join(shadow, rel), mod, filepath.Join(tmp, "modbind"))
		openDir(t, filepath.Join(tmp))
		fmt.Fprintf(&script, "chmod -R a+rX %q\nmount --bind %q %q\nmount --bind %q %q\n", shadow, shadow, hidden, filepath.Join(tmp, "modbind"), mod)
	}
	fmt.Fprintf(&script, "exec setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all env -i PATH=%q HOME=%q TMPDIR=%q GOCACHE=%q GOMODCACHE=%q GOPATH=%q GOROOT=%q GOTOOLCHAIN=local NMA_GRADE_UNPRIVILEGED=1 %q -test.run '^(TestSandboxAttacks|TestSandboxBuildBomb|TestIsolationModes)$' -test.count=1 -test.v\n",
		filepath.Join(goenv["GOROOT"], "bin")+":/usr/bin:/bin", home, home, gocache, mod, goenv["GOPATH"], goenv["GOROOT"], bin)
	cmd := exec.Command("unshare", "--mount", "--propagation", "private", "sh", "-c", script.String())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err = cmd.Run()
	t.Logf("as nobody (%.0f s):\n%s", time.Since(start).Seconds(), lastLines(out.String(), 60))
	if err != nil {
		t.Fatalf("the unprivileged run failed: %v", err)
	}
	if !strings.Contains(out.String(), fmt.Sprintf("grader uid %d;", nobody)) {
		t.Errorf("the attack test did not run as uid %d", nobody)
	}
	for _, name := range []string{"TestSandboxAttacks", "TestSandboxBuildBomb", "TestIsolationModes"} {
		if !strings.Contains(out.String(), "--- PASS: "+name) {
			t.Errorf("%s did not pass as nobody", name)
		}
	}
}

// chownTree gives dir to nobody: everything, or (dirsOnly) its folders, whose files may be
// hard links shared with root's cache.
func chownTree(t *testing.T, dir string, dirsOnly bool) {
	t.Helper()
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() || !dirsOnly {
			return os.Lchown(p, nobody, nobody)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// The sandbox's cost per run: the same program (the harness without student code, which
// exits after its start-up) run in the sandbox and without it.
func TestSandboxCost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the harness")
	}
	requireSandbox(t)
	work := t.TempDir()
	openDir(t, work)
	b, err := newBuilder(repoRoot(t), work, "", 2*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.warmUp([]string{"w2d4"}); err != nil {
		t.Fatal(err)
	}
	r := &runner{timeout: 3 * time.Second, wall: 10 * time.Second, memory: 2 << 30, fileSize: 64 << 20,
		scratch: filepath.Join(work, "run"), iso: defaultIsolation()}
	os.MkdirAll(r.scratch, 0o711)
	if err := r.probe(b.warmBin); err != nil {
		t.Fatal(err)
	}
	const n = 20
	per := map[bool]time.Duration{}
	for _, sandbox := range []bool{true, false, true, false} {
		r.iso = isolation{sandbox: sandbox, trusted: !sandbox}
		start := time.Now()
		for range n {
			res, err := r.run(b.warmBin, "W2D4.T1.E1")
			if err != nil {
				t.Fatal(err)
			}
			if !res.started {
				t.Fatalf("sandbox %v: the program did not start: %s", sandbox, res.stderr)
			}
		}
		per[sandbox] = time.Since(start) / n // the second round counts (warm caches)
	}
	t.Logf("per run: %.1f ms in the sandbox, %.1f ms without: the sandbox costs %.1f ms",
		per[true].Seconds()*1000, per[false].Seconds()*1000, (per[true]-per[false]).Seconds()*1000)
	if per[true]-per[false] > 200*time.Millisecond {
		t.Errorf("the sandbox costs %v per run", per[true]-per[false])
	}
}

func TestSandboxHelpers(t *testing.T) {
	small := map[string]string{"main.go": strings.Repeat("x", 1<<20), genRegistry + "/reg.go": "package r", "student.go": strings.Repeat("y", maxStudentSource)}
	if msg := checkSourceSize(small); msg != "" {
		t.Errorf("512 KiB of student code refused: %s", msg)
	}
	small["student.go"] += "z"
	if msg := checkSourceSize(small); !strings.Contains(msg, "too large to grade") {
		t.Errorf("513 KiB of student code: %q", msg)
	}
	if m := buildLimitMessage("# x\nruntime: out of memory: cannot allocate 1073741824-byte block\nfatal error: out of memory\n"); !strings.Contains(m, "ran out of memory") {
		t.Errorf("out of memory: %q", m)
	}
	if m := buildLimitMessage("compile: writing output: write $WORK/b001/_pkg_.a: file too large"); !strings.Contains(m, "too large") {
		t.Errorf("file too large: %q", m)
	}
	if m := buildLimitMessage("cell 3, line 4: undefined: x"); m != "" {
		t.Errorf("a compile error: %q", m)
	}
	sb := isolation{sandbox: true}
	if !sandboxExecBusy(sb, 1, "bwrap: execvp /program: Text file busy\n") || sandboxExecBusy(sb, 2, "bwrap: execvp /program: Text file busy\n") ||
		sandboxExecBusy(isolation{}, 1, "bwrap: execvp /program: Text file busy\n") || sandboxExecBusy(sb, 1, "panic: Text file busy") {
		t.Error("sandboxExecBusy")
	}
	err := exec.Command("sh", "-c", "exit 137").Run()
	if code, sig := exitStatus(err, sb); code != 137 || sig != "killed" {
		t.Errorf("bwrap's 137: %d %q", code, sig)
	}
	if code, sig := exitStatus(err, isolation{}); code != 137 || sig != "" {
		t.Errorf("137 without the sandbox: %d %q", code, sig)
	}
	err = exec.Command("sh", "-c", "kill -XCPU $$").Run()
	if _, sig := exitStatus(err, isolation{}); sig != "CPU time limit exceeded" {
		t.Errorf("a signal: %q", sig)
	}
}
