package notebook

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The marker becomes the setup: the explanation ends the markdown cell it is in (after the
// heading), the setup code is the next cell, and what follows the marker goes on as before.
func TestSetupMarker(t *testing.T) {
	src := "# Title\n<!-- cell -->\n# Setup\n\n<!-- setup -->\n\nThe imports are remembered.\n\n```go\nimport \"fmt\"\n```\n"
	nb, err := Build("W9D9_Tutorial1", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range nb.Cells {
		got = append(got, c.CellType+":"+c.Source)
	}
	want := []string{
		"markdown:# Title",
		"markdown:# Setup\n\n" + SetupText,
		"code:" + SetupCode,
		"markdown:The imports are remembered.",
		"code:import \"fmt\"",
	}
	if strings.Join(got, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("cells:\n%s\nwant:\n%s", strings.Join(got, "\n---\n"), strings.Join(want, "\n---\n"))
	}
	_, err = Build("W9D9_Tutorial1", []byte("<!-- setup -->\ntext\n<!-- setup -->\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "W9D9_Tutorial1.md:3") || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a second marker: %v, want an error naming both lines", err)
	}
}

// Every course notebook takes its setup from the one home: exactly one marker, before the
// first code cell, and no setup line written out by hand anywhere in a source.
func TestCourseNotebooksUseTheOneSetup(t *testing.T) {
	srcs, err := filepath.Glob(filepath.Join("..", "..", "notebooks", "src", "*.md"))
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no notebook sources found (%v)", err)
	}
	for _, s := range srcs {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		markers, firstCode := 0, 0
		for i, l := range strings.Split(string(data), "\n") {
			switch {
			case strings.TrimSpace(l) == SetupMarker:
				markers++
				if firstCode > 0 {
					t.Errorf("%s:%d: the setup comes after the first code cell (line %d)", s, i+1, firstCode)
				}
			case strings.HasPrefix(l, "```go") && firstCode == 0:
				firstCode = i + 1
			case strings.Contains(l, "go mod edit") || strings.HasPrefix(l, "%goflags") || strings.HasPrefix(l, "%noautoget"):
				t.Errorf("%s:%d: a setup line written out by hand (use %s): %s", s, i+1, SetupMarker, l)
			}
		}
		if markers != 1 {
			t.Errorf("%s: %d setup markers, want 1", s, markers)
		}
	}
}

// setupShell is the shell line of a setup cell (the "!*" line), as GoNB runs it.
func setupShell(t *testing.T, code string) string {
	for _, l := range strings.Split(code, "\n") {
		if strings.HasPrefix(l, "!*") {
			return strings.TrimPrefix(l, "!*")
		}
	}
	t.Fatalf("no !* line in the setup code %q", code)
	return ""
}

// The setup cell does what GoNB's `go get` before every cell did: in a fresh module like
// GoNB's, offline, after the setup line alone, a cell importing the course's packages and
// the modules it pins resolves every package and checksum, and a cell builds and runs with
// the cell's build settings. The line before this change (require and replace only) fails the
// same cell, so the test can tell the two apart.
func TestSetupCodeBuildsCellsOfflineWithoutGoGet(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("GoNB runs !* lines with bash; none here")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(SetupCode, "\n%noautoget\n") {
		t.Fatalf("the setup turns off GoNB's go get before every cell: %q", SetupCode)
	}
	for _, e := range CellBuildEnv {
		if !strings.Contains(SetupCode, "\n%env "+strings.Replace(e, "=", " ", 1)+"\n") {
			t.Fatalf("the setup sets %s for the cells' builds (CellBuildEnv, which nma setup warms): %q", e, SetupCode)
		}
	}
	if !strings.HasPrefix(SetupCode, "%goflags -ldflags=-s "+strings.Join(CellBuildFlags, " ")+"\n") {
		t.Fatalf("the setup's %%goflags line builds with CellBuildFlags %v (which nma setup warms): %q", CellBuildFlags, SetupCode)
	}
	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=", "GONB_DIR="+filepath.Join(root, "notebooks"))
	env = append(env, CellBuildEnv...)
	run := func(dir string, name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	// every package a course cell imports directly (the day's checks, figures, demos, tables)
	// and the modules pinned for cells (nma/pins.go)
	imports := []string{
		"github.com/nma-go/nma-go/exercises/w2d1", "github.com/nma-go/nma-go/exercises/w2d2",
		"github.com/nma-go/nma-go/exercises/w2d3", "github.com/nma-go/nma-go/exercises/w2d4",
		"github.com/nma-go/nma-go/nma/fig", "github.com/nma-go/nma-go/nma/widgets", "github.com/nma-go/nma-go/nma/table",
		"github.com/nma-go/nma-go/nma/vision/visionfig", "github.com/nma-go/nma-go/nma/data",
		"codeberg.org/sbinet/npyio/npz", "github.com/go-gota/gota/dataframe", "github.com/janpfeifer/gonb/gonbui",
		"github.com/janpfeifer/gonb/gonbui/widgets", "gonum.org/v1/gonum/mat", "gonum.org/v1/plot",
	}
	var imp strings.Builder
	for _, p := range imports {
		imp.WriteString("\t_ \"" + p + "\"\n")
	}
	cell := "package main\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/nma-go/nma-go/nma/ratemodel\"\n\t\"gonum.org/v1/gonum/mat\"\n)\n\n" +
		"func main() {\n\tm := mat.NewDense(2, 2, []float64{2, 1, 1, 2})\n\tfmt.Printf(\"%.6f %.6f\\n\", mat.Det(m), ratemodel.F(0, 1.2, 2.8))\n}\n"
	module := func(t *testing.T, setup string) string {
		dir := t.TempDir()
		if out, err := run(dir, "go", "mod", "init", "gonb_setup_test"); err != nil {
			t.Fatalf("go mod init: %v\n%s", err, out)
		}
		if out, err := run(dir, bash, "-c", setup); err != nil {
			t.Fatalf("the setup line failed: %v\n%s", err, out)
		}
		return dir
	}

	t.Run("setup", func(t *testing.T) {
		dir := module(t, setupShell(t, SetupCode))
		if err := os.WriteFile(filepath.Join(dir, "imports.go"), []byte("package main\n\nimport (\n"+imp.String()+")\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := run(dir, "go", "list", "-mod=readonly", "-deps", "-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}", "."); err != nil || strings.TrimSpace(out) != "" {
			t.Fatalf("a cell importing the course's packages does not resolve offline without go get: %v\n%s", err, out)
		}
		if err := os.Remove(filepath.Join(dir, "imports.go")); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(cell), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := run(dir, "go", append([]string{"build", "-o", "cell", "-ldflags=-s"}, CellBuildFlags...)...); err != nil {
			t.Fatalf("go build of a cell: %v\n%s", err, out)
		}
		out, err := run(dir, filepath.Join(dir, "cell"))
		// det [[2 1] [1 2]] = 3; F(0) = 0 for every gain and threshold (F is shifted so)
		if err != nil || strings.TrimSpace(out) != "3.000000 0.000000" {
			t.Errorf("the cell printed %q (%v), want \"3.000000 0.000000\"", out, err)
		}
	})
	t.Run("old line fails", func(t *testing.T) {
		old := `ROOT=$(cd "$GONB_DIR" && go list -m -f '{{.Dir}}') && go mod edit -require=github.com/nma-go/nma-go@v0.0.0-00010101000000-000000000000 -replace=github.com/nma-go/nma-go="$ROOT" && cat "$ROOT/go.sum" >> go.sum`
		dir := module(t, old)
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(cell), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := run(dir, "go", "build", "-o", "cell")
		if err == nil || !(strings.Contains(out, "updates to go.mod needed") || strings.Contains(out, "no required module provides")) {
			t.Errorf("without go get, the old setup must fail for want of requirements: %v\n%s", err, out)
		}
	})
}
