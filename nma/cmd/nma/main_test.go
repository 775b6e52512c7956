package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/notebook"
)

func repoRoot(t *testing.T) string {
	r, err := checkout.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The committed notebooks are exactly what notebooks/src builds (run `make notebooks`).
func TestNotebooksAreUpToDate(t *testing.T) {
	r := repoRoot(t)
	stale, err := notebook.BuildAll(r, stubSource(r), notebook.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Errorf("out of date with notebooks/src (run `make notebooks`): %v", stale)
	}
}

// Notebooks are committed clean: no outputs, no execution counts; every one has a source.
func TestNotebooksAreCommittedWithoutOutputs(t *testing.T) {
	r := repoRoot(t)
	paths, _ := filepath.Glob(filepath.Join(r, "notebooks", "*.ipynb"))
	if len(paths) == 0 {
		t.Fatal("no notebooks")
	}
	for _, p := range paths {
		nb, err := notebook.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range nb.Cells {
			if len(c.Outputs) > 0 || c.ExecutionCount != nil {
				t.Errorf("%s cell %d has outputs or an execution count", filepath.Base(p), i+1)
			}
		}
		name := strings.TrimSuffix(filepath.Base(p), ".ipynb")
		if _, err := os.Stat(filepath.Join(r, "notebooks", "src", name+".md")); err != nil {
			t.Errorf("%s has no source notebooks/src/%s.md", filepath.Base(p), name)
		}
	}
}

// Every example image a notebook refers to exists (the solutions run keeps them current).
func TestExampleImagesExist(t *testing.T) {
	r := repoRoot(t)
	for _, e := range all.Exercises() {
		src, err := os.ReadFile(filepath.Join(r, "notebooks", "src", e.Notebook+".md"))
		if err != nil {
			t.Fatal(err)
		}
		ref := "static/" + e.ID + "_0.png"
		if strings.Contains(string(src), ref) {
			if _, err := os.Stat(filepath.Join(r, "notebooks", ref)); err != nil {
				t.Errorf("%s: %s is referenced but missing (run `make static`)", e.ID, ref)
			}
		}
	}
}

func TestParseShard(t *testing.T) {
	if k, n, err := parseShard("2/3"); err != nil || k != 2 || n != 3 {
		t.Errorf("2/3 → %d %d %v", k, n, err)
	}
	for _, bad := range []string{"0/3", "4/3", "x", "1/0", "1-2"} {
		if _, _, err := parseShard(bad); err == nil || !strings.Contains(err.Error(), "--shard=") {
			t.Errorf("parseShard(%q) = %v, want an error naming --shard", bad, err)
		}
	}
}

func TestRunRejectsBadFlagsWithTheirValue(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--timeout=-1s"}, "--timeout=-1s must be positive"},
		{[]string{"--jobs=0"}, "--jobs=0 must be at least 1"},
		{[]string{"--static=x"}, "--static needs --solutions"},
		{[]string{"--shard=5/2"}, `--shard="5/2"`},
		{[]string{"does-not-exist.ipynb"}, "notebook does-not-exist.ipynb"},
	} {
		err := cmdRun(c.args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("nma run %v: %v, want an error with %q", c.args, err, c.want)
		}
	}
}

// staticcheck is pinned in .tools/tools.mod (not go.mod, whose pinned gopls needs an older
// golang.org/x/tools); `nma setup` downloads that file's modules and the Makefile runs the
// tool from it. The three must agree.
func TestStaticcheckIsPinnedWhereSetupAndMakeLookForIt(t *testing.T) {
	r := repoRoot(t)
	mod, err := os.ReadFile(filepath.Join(r, toolsModfile))
	if err != nil {
		t.Fatalf("%s: %v (setup downloads it; make staticcheck runs from it)", toolsModfile, err)
	}
	for _, want := range []string{"\ntool honnef.co/go/tools/cmd/staticcheck\n", "\thonnef.co/go/tools v0.8.2 "} {
		if !strings.Contains(string(mod), want) {
			t.Errorf("%s lacks %q", toolsModfile, strings.TrimSpace(want))
		}
	}
	if _, err := os.Stat(filepath.Join(r, strings.TrimSuffix(toolsModfile, ".mod")+".sum")); err != nil {
		t.Errorf("no checksums for %s: %v", toolsModfile, err)
	}
	mk, err := os.ReadFile(filepath.Join(r, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mk), "go tool -modfile="+toolsModfile+" staticcheck ./...") ||
		!regexp.MustCompile(`(?m)^test:.* staticcheck\b`).Match(mk) {
		t.Errorf("the Makefile must run go tool -modfile=%s staticcheck ./... as part of make test", toolsModfile)
	}
}
