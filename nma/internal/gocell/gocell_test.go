package gocell_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma/internal/gocell"
)

// realGo is the go command the tests run (and gocell hands over to).
func realGo(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	p, _ = filepath.Abs(p)
	return p
}

// buildShim builds nma/cmd/gocell as dir/go.
func buildShim(t testing.TB, dir string) string {
	t.Helper()
	out := filepath.Join(dir, "go")
	cmd := exec.Command(realGo(t), "build", "-o", out, "github.com/nma-go/nma-go/nma/cmd/gocell")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building gocell: %v\n%s", err, b)
	}
	return out
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// cellEnv is the environment of a GoNB kernel with gocell: cgo off (as the course's setup
// cell sets it), no network, the real go command named, a private record directory and log.
func cellEnv(t testing.TB, root string) []string {
	var env []string
	for _, e := range os.Environ() {
		if k, _, _ := strings.Cut(e, "="); k == "GOFLAGS" || k == "GOWORK" || strings.HasPrefix(k, "NMA_GOCELL") {
			continue
		}
		env = append(env, e)
	}
	return append(env, "CGO_ENABLED=0", "GOPROXY=off", "NMA_REAL_GO="+realGo(t),
		"NMA_GOCELL_CACHE="+filepath.Join(root, "records"), "NMA_GOCELL_LOG="+filepath.Join(root, "log"))
}

// module writes a GoNB-like cell module in root/cell that uses a local module root/dep
// through a replace directive (as the course's notebooks use the checkout).
func module(t testing.TB, root, name string) string {
	write(t, filepath.Join(root, "dep", "go.mod"), "module example.com/dep\n\ngo 1.22\n")
	write(t, filepath.Join(root, "dep", "dep.go"), "package dep\n\nvar prefix = \"\"\n\n// V names the version.\nfunc V() string { return prefix + \"v1\" }\n")
	cell := filepath.Join(root, "cell")
	write(t, filepath.Join(cell, "go.mod"), "module "+name+"\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n")
	return cell
}

// cell writes main.go printing dep.V() and word.
func cell(t testing.TB, dir, word string) {
	write(t, filepath.Join(dir, "main.go"), "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/dep\"\n)\n\nfunc main() { fmt.Println(dep.V(), \""+word+"\") }\n")
}

// The kernel's go command builds what the go command builds, takes the fast path only
// while its record is current (a local package's file edited, a file added), and leaves
// everything else — errors, other flags, other commands — to the real go command.
func TestShimBuildsWhatGoBuilds(t *testing.T) {
	if testing.Short() && runtime.GOOS != "linux" {
		t.Skip()
	}
	root := t.TempDir()
	shim := buildShim(t, t.TempDir())
	dir := module(t, root, "gonb_a")
	env := cellEnv(t, root)
	logged := 0
	step := func(name string, args []string, wantLog string) []byte {
		t.Helper()
		cmd := exec.Command(shim, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil && wantLog != "error" {
			t.Fatalf("%s: go %v: %v\n%s", name, args, err, out)
		}
		log, _ := os.ReadFile(filepath.Join(root, "log"))
		lines := strings.Split(strings.TrimSpace(string(log)), "\n")
		if wantLog != "" && wantLog != "error" {
			if len(lines) <= logged || !strings.HasPrefix(lines[logged], "gocell: "+wantLog) {
				t.Errorf("%s: log %q, want a new line starting %q", name, lines, "gocell: "+wantLog)
			}
		}
		logged = len(lines)
		if len(log) == 0 {
			logged = 0
		}
		return out
	}
	run := func(name, want string) {
		t.Helper()
		out, err := exec.Command(filepath.Join(dir, "bin")).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("%s: the cell printed %q (%v), want %q", name, out, err, want)
		}
	}
	build := []string{"build", "-o", filepath.Join(dir, "bin"), "-ldflags=-s", "-tags=minimal"}

	cell(t, dir, "A")
	step("first build", build, "real: no record")
	run("first build", "v1 A")
	if log, _ := os.ReadFile(filepath.Join(root, "log")); !strings.Contains(string(log), "gocell: recorded") {
		t.Fatalf("the first build recorded nothing:\n%s", log)
	}

	cell(t, dir, "B")
	step("next cell", build, "fast:")
	run("next cell", "v1 B")
	bi, err := exec.Command(realGo(t), "version", "-m", filepath.Join(dir, "bin")).CombinedOutput()
	if err != nil || !strings.Contains(string(bi), "example.com/dep") {
		t.Errorf("the fast build has no build information: %v\n%s", err, bi)
	}

	// The module says go 1.22: the go command links in that version's GODEBUG defaults
	// (randseednop=0 among them, so rand.Seed still seeds), and so must the fast build.
	seeded := func(word string) {
		write(t, filepath.Join(dir, "main.go"), "package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand\"\n)\n\nfunc main() {\n\trand.Seed(1)\n\tfmt.Println(rand.Int(), \""+word+"\")\n}\n")
	}
	seeded("S1")
	step("new import", build, "real: import math/rand is not recorded")
	out1, _ := exec.Command(filepath.Join(dir, "bin")).Output()
	seeded("S2")
	step("seeded, fast", build, "fast:")
	out2, _ := exec.Command(filepath.Join(dir, "bin")).Output()
	if n1, _, _ := strings.Cut(string(out1), " "); !strings.HasPrefix(string(out2), n1+" S2") {
		t.Errorf("GODEBUG defaults: go build's binary printed %q, the fast build's %q", out1, out2)
	}
	cell(t, dir, "B")

	// An edit of the local module: the record is out of date, the real go command rebuilds.
	dep := filepath.Join(root, "dep", "dep.go")
	src, _ := os.ReadFile(dep)
	write(t, dep, strings.Replace(string(src), "v1", "v2", 1)) // same size
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(dep, later, later); err != nil {
		t.Fatal(err)
	}
	step("edited dependency", build, "real: "+dep+" changed")
	run("edited dependency", "v2 B")
	cell(t, dir, "C")
	step("after the edit", build, "fast:")
	run("after the edit", "v2 C")

	// A file added to the local package (an init that changes what V returns).
	write(t, filepath.Join(root, "dep", "extra.go"), "package dep\n\nfunc init() { prefix = \"new-\" }\n")
	step("added file", build, "real: ")
	run("added file", "new-v2 C")

	// A compile error: the user sees the go command's own message and status.
	write(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() { undefinedName() }\n")
	got := step("compile error", build, "error")
	want, err := func() ([]byte, error) {
		cmd := exec.Command(realGo(t), build...)
		cmd.Dir, cmd.Env = dir, env
		return cmd.CombinedOutput()
	}()
	if err == nil || !bytes.Equal(got, want) || !strings.Contains(string(got), "undefinedName") {
		t.Errorf("compile error: gocell printed %q, go build %q (%v)", got, want, err)
	}
	log, _ := os.ReadFile(filepath.Join(root, "log"))
	if !strings.Contains(string(log), "gocell: real: fast build failed") {
		t.Errorf("the compile error did not go to the real go command:\n%s", log)
	}

	// Another kernel (GoNB names its module differently) uses the same record at once, and
	// its binary carries its own module path.
	other := filepath.Join(root, "cell2")
	gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	write(t, filepath.Join(other, "go.mod"), strings.Replace(string(gomod), "module gonb_a", "module gonb_other", 1))
	cell(t, other, "K")
	cmd := exec.Command(shim, "build", "-o", filepath.Join(other, "bin"), "-ldflags=-s", "-tags=minimal")
	cmd.Dir, cmd.Env = other, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("second kernel: %v\n%s", err, out)
	}
	log, _ = os.ReadFile(filepath.Join(root, "log"))
	lines := strings.Split(strings.TrimSpace(string(log)), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "gocell: fast:") {
		t.Errorf("second kernel's first cell: %q, want the fast path", last)
	}
	logged = len(lines)
	bi, err = exec.Command(realGo(t), "version", "-m", filepath.Join(other, "bin")).CombinedOutput()
	if err != nil || !strings.Contains(string(bi), "path\tgonb_other\n") || strings.Contains(string(bi), "gonb_a") {
		t.Errorf("second kernel's build information: %v\n%s", err, bi)
	}

	// Flags it does not know and other commands go to the real go command unchanged.
	cell(t, dir, "D")
	step("-v", append(build, "-v"), `real: argument "-v"`)
	run("-v", "new-v2 D")
	got = step("go env", []string{"env", "GOVERSION"}, "")
	if want, _ := exec.Command(realGo(t), "env", "GOVERSION").Output(); !bytes.Equal(got, want) {
		t.Errorf("go env GOVERSION through gocell: %q, want %q", got, want)
	}

	// NMA_GOCELL=off: the real go command for everything.
	before, _ := os.ReadFile(filepath.Join(root, "log"))
	env = append(env, "NMA_GOCELL=off")
	cell(t, dir, "E")
	step("off", build, "")
	run("off", "new-v2 E")
	if after, _ := os.ReadFile(filepath.Join(root, "log")); !bytes.Equal(before, after) {
		t.Errorf("NMA_GOCELL=off still took gocell's path:\n%s", after[len(before):])
	}
}

// Parse refuses every build the two tools alone would not reproduce.
func TestParseRefuses(t *testing.T) {
	env := []string{"CGO_ENABLED=0"}
	ok := []string{"build", "-o", "bin", "-ldflags=-s", "-tags=minimal"}
	for _, c := range []struct {
		name  string
		args  []string
		env   []string
		files map[string]string
	}{
		{name: "test", args: []string{"test", "-c", "-o", "bin"}},
		{name: "flag", args: append(ok, "-race")},
		{name: "quoted ldflags", args: []string{"build", "-o", "bin", `-ldflags=-X "main.v=a b"`}},
		{name: "cgo enabled", env: []string{"CGO_ENABLED=1"}},
		{name: "GOFLAGS", env: []string{"CGO_ENABLED=0", "GOFLAGS=-race"}},
		{name: "GOFLAGS trimpath", env: []string{"CGO_ENABLED=0", "GOFLAGS=-buildvcs=false -trimpath"}},
		{name: "GOOS", env: []string{"CGO_ENABLED=0", "GOOS=js"}},
		{name: "second file", files: map[string]string{"other.go": "package main\n"}},
		{name: "assembly", files: map[string]string{"a.s": ""}},
		{name: "pgo", files: map[string]string{"default.pgo": ""}},
		{name: "go.work", files: map[string]string{"go.work": "go 1.22\n"}},
		{name: "build constraint", files: map[string]string{"main.go": "//go:build linux\n\npackage main\n\nfunc main() {}\n"}},
		{name: "go:debug", files: map[string]string{"main.go": "//go:debug panicnil=1\n\npackage main\n\nfunc main() {}\n"}},
		{name: "embed", files: map[string]string{"main.go": "package main\n\nimport _ \"embed\"\n\n//go:embed go.mod\nvar s string\n\nfunc main() {}\n"}},
		{name: "cgo", files: map[string]string{"main.go": "package main\n\nimport \"C\"\n\nfunc main() {}\n"}},
		{name: "toolchain", files: map[string]string{"go.mod": "module m\n\ngo 1.22\n\ntoolchain go1.99.0\n"}},
		{name: "library", files: map[string]string{"main.go": "package lib\n"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "go.mod"), "module m\n\ngo 1.22.3\n")
			write(t, filepath.Join(dir, "main.go"), "package main\n\nimport (\n\t\"os\"\n\t\"fmt\"\n\t\"fmt\"\n)\n\nfunc main() { fmt.Println(os.Args) }\n")
			if _, err := gocell.Parse(dir, ok, env); err != nil {
				t.Fatalf("the plain cell was refused: %v", err)
			}
			for n, s := range c.files {
				write(t, filepath.Join(dir, n), s)
			}
			args, e := ok, env
			if c.args != nil {
				args = c.args
			}
			if c.env != nil {
				e = c.env
			}
			if b, err := gocell.Parse(dir, args, e); err == nil {
				t.Errorf("accepted: %+v", b)
			}
		})
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module m\n\ngo 1.22.3\n")
	write(t, filepath.Join(dir, "main.go"), "package main\n\nimport (\n\t\"os\"\n\t\"fmt\"\n)\n\nfunc main() { fmt.Println(os.Args) }\n")
	write(t, filepath.Join(dir, "main_test.go"), "package main\n") // go build ignores tests
	b, err := gocell.Parse(dir, ok, env)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(b.Imports) != "[fmt os]" || b.Lang != "go1.22" || b.Tags != "minimal" || fmt.Sprint(b.LDFlags) != "[-s]" || b.Out != "bin" {
		t.Errorf("parsed %+v", b)
	}
}

// The record's key ignores the module's name (GoNB names every kernel's module anew) and
// changes with what changes the build: go.sum, the tags, the environment.
func TestKey(t *testing.T) {
	mk := func(name, sum string, args []string) *gocell.Build {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "go.mod"), "module "+name+"\n\ngo 1.22\n")
		write(t, filepath.Join(dir, "go.sum"), sum)
		write(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() {}\n")
		b, err := gocell.Parse(dir, args, []string{"CGO_ENABLED=0"})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	args := []string{"build", "-o", "bin", "-tags=minimal"}
	key := func(b *gocell.Build, env ...string) string {
		k, err := gocell.Key(b, realGo(t), append([]string{"CGO_ENABLED=0"}, env...))
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	base := key(mk("gonb_1", "x h1:a\n", args))
	if k := key(mk("gonb_2", "x h1:a\n", args)); k != base {
		t.Error("the module's name changed the key")
	}
	goenv := filepath.Join(t.TempDir(), "env")
	write(t, goenv, "GOAMD64=v3\n")
	// The same relative replace in two directories names two different modules.
	parent := t.TempDir()
	rel := func(sub string) *gocell.Build {
		dir := filepath.Join(parent, sub, "cell")
		write(t, filepath.Join(dir, "go.mod"), "module gonb_1\n\ngo 1.22\n\nreplace example.com/dep => ../dep\n")
		write(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() {}\n")
		b, err := gocell.Parse(dir, args, []string{"CGO_ENABLED=0"})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if key(rel("a")) == key(rel("b")) {
		t.Error("a relative replace in two directories gave one key")
	}
	for name, k := range map[string]string{
		"go env -w file": key(mk("gonb_1", "x h1:a\n", args), "GOENV="+goenv),
		"go.sum":         key(mk("gonb_1", "x h1:b\n", args)),
		"tags":           key(mk("gonb_1", "x h1:a\n", []string{"build", "-o", "bin"})),
		"GOAMD64":        key(mk("gonb_1", "x h1:a\n", args), "GOAMD64=v3"),
		"GOCACHE":        key(mk("gonb_1", "x h1:a\n", args), "GOCACHE=/elsewhere"),
	} {
		if k == base {
			t.Errorf("a different %s gave the same key", name)
		}
	}
}

// A record is not used for an import it has not seen, or when an archive it names is gone
// (go clean -cache, or the cache's trimming).
func TestCovers(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module m\n\ngo 1.22\n")
	write(t, filepath.Join(dir, "main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n")
	b, err := gocell.Parse(dir, []string{"build", "-o", "bin"}, []string{"CGO_ENABLED=0"})
	if err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(dir, "fmt.a")
	write(t, archive, "")
	u := &gocell.Universe{Archives: map[string]string{"fmt": archive}}
	if why := u.Covers(b); why != "" {
		t.Fatalf("not covered: %s", why)
	}
	u.Archives["os"] = filepath.Join(dir, "gone.a")
	if why := u.Covers(b); !strings.Contains(why, "archive of os is gone") {
		t.Errorf("a missing archive: %q", why)
	}
	delete(u.Archives, "fmt")
	delete(u.Archives, "os")
	if why := u.Covers(b); !strings.Contains(why, "fmt is not recorded") {
		t.Errorf("an unrecorded import: %q", why)
	}
}

// BenchmarkCellBuild builds a course cell that draws (W2D4's F-I curve, the imports of the
// tutorial's setup cell) the way GoNB does, in a module set up like the notebooks' first
// cell: the real go command ("go-build") against gocell's fast path ("gocell"). Each
// iteration changes main.go, as every cell does.
func BenchmarkCellBuild(b *testing.B) {
	out, err := exec.Command(realGo(b), "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		b.Fatal(err)
	}
	repo := strings.TrimSpace(string(out))
	reqs, err := exec.Command(realGo(b), "list", "-m", "-f", "{{if not .Main}}-require={{.Path}}@{{.Version}}{{end}}", "all").Output()
	if err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	dir := filepath.Join(root, "cell")
	write(b, filepath.Join(dir, "go.mod"), "module gonb_bench\n\ngo 1.26\n")
	args := append([]string{"mod", "edit", "-require=github.com/nma-go/nma-go@v0.0.0-00010101000000-000000000000",
		"-replace=github.com/nma-go/nma-go=" + repo}, strings.Fields(string(reqs))...)
	cmd := exec.Command(realGo(b), args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go mod edit: %v\n%s", err, out)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		b.Fatal(err)
	}
	write(b, filepath.Join(dir, "go.sum"), string(sum))
	shim := buildShim(b, b.TempDir())
	env := cellEnv(b, root)
	n := 0
	build := func(goCmd string) {
		n++
		write(b, filepath.Join(dir, "main.go"), fmt.Sprintf(benchCell, n))
		cmd := exec.Command(goCmd, "build", "-o", filepath.Join(dir, "bin"), "-ldflags=-s", "-tags=minimal")
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s build: %v\n%s", goCmd, err, out)
		}
	}
	build(shim) // records
	for _, c := range []struct{ name, goCmd string }{{"go-build", realGo(b)}, {"gocell", shim}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				build(c.goCmd)
			}
		})
	}
	if log, _ := os.ReadFile(filepath.Join(root, "log")); strings.Count(string(log), "gocell: real") > 1 {
		b.Errorf("gocell did not take its fast path:\n%s", log)
	}
}

// benchCell is main.go of a cell of W2D4 Tutorial 1 that draws the F-I curve.
const benchCell = `package main

import (
	"fmt"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/ratemodel"
	"github.com/nma-go/nma-go/nma/ratemodel/ratemodelfig"
)

const cell = %d

func main() {
	p := ratemodel.DefaultSingle()
	x := nma.Arange(0, 10, 0.1)
	f := nma.Map(x, func(x float64) float64 { return ratemodel.F(x, p.A, p.Theta) })
	ratemodelfig.PlotFI(x, f).Show()
	fmt.Println(cell)
}
`

// When a package an earlier cell used no longer builds, the record starts again from the
// current cell's imports instead of giving up (every later cell would take the slow path).
func TestRecordDropsBrokenRoots(t *testing.T) {
	root := t.TempDir()
	dir := module(t, root, "gonb_b")
	cell(t, dir, "A")
	env := cellEnv(t, root)
	b, err := gocell.Parse(dir, []string{"build", "-o", "bin"}, env)
	if err != nil {
		t.Fatal(err)
	}
	build := exec.Command(realGo(t), "build", "-o", "bin") // Record follows a real build
	build.Dir, build.Env = dir, env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	prev := &gocell.Universe{Roots: []string{"example.com/dep/broken", "fmt"}}
	u, err := gocell.Record(b, prev, realGo(t), env, filepath.Join(root, "records"), "k")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(u.Roots) != "[example.com/dep fmt runtime]" || u.Archives["example.com/dep"] == "" || u.Covers(b) != "" {
		t.Errorf("roots %v, archives %d, covers: %q", u.Roots, len(u.Archives), u.Covers(b))
	}
	if len(u.Local) < 3 { // the directory, dep.go and its go.mod
		t.Errorf("local stamps %v", u.Local)
	}
}

// Settings made with go env -w count as the environment's: GOFLAGS beyond the harmless ones
// keep the go command in charge; the target is handed to the tools.
func TestRecordReadsGoEnvSettings(t *testing.T) {
	root := t.TempDir()
	dir := module(t, root, "gonb_e")
	cell(t, dir, "A")
	goenv := filepath.Join(root, "goenv")
	env := append(cellEnv(t, root), "GOENV="+goenv)
	write(t, goenv, "GOFLAGS=-buildvcs=false\n")
	build := exec.Command(realGo(t), "build", "-o", "bin")
	build.Dir, build.Env = dir, env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	b, err := gocell.Parse(dir, []string{"build", "-o", "bin"}, env)
	if err != nil {
		t.Fatal(err)
	}
	u, err := gocell.Record(b, nil, realGo(t), env, filepath.Join(root, "records"), "k")
	if err != nil {
		t.Fatalf("-buildvcs=false: %v", err)
	}
	if want := "GOOS=" + runtime.GOOS; !slices.Contains(u.ToolEnv, want) {
		t.Errorf("tool environment %v, want %s in it", u.ToolEnv, want)
	}
	write(t, goenv, "GOFLAGS=-race\n")
	if _, err := gocell.Record(b, nil, realGo(t), env, filepath.Join(root, "records"), "k"); err == nil || !strings.Contains(err.Error(), "GOFLAGS=-race") {
		t.Errorf("go env -w GOFLAGS=-race: recorded (%v)", err)
	}
}
