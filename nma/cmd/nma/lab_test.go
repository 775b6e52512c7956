package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/e2e"
	"github.com/nma-go/nma-go/nma/install"
)

// `nma lab` serves the checkout itself, opening the newcomers' notebook by its path from
// there, so the notebooks' ../solutions/… links open; GoNB's tools come first on PATH.
func TestLabCommand(t *testing.T) {
	r := repoRoot(t)
	c := labCommand(r, "/v/bin/jupyter", "lab", false, firstNotebook, false, false)
	if c.Path != "/v/bin/jupyter" || c.Dir != r {
		t.Errorf("command %s in %s", c.Path, c.Dir)
	}
	want := []string{"/v/bin/jupyter", "lab", "--ServerApp.root_dir=" + r, firstNotebook}
	if !slices.Equal(c.Args, want) {
		t.Errorf("args %q, want %q", c.Args, want)
	}
	path := ""
	for _, e := range c.Env {
		if p, ok := strings.CutPrefix(e, "PATH="); ok {
			path = p
		}
	}
	if !strings.HasPrefix(path, filepath.Join(r, ".nma", "bin")+string(os.PathListSeparator)) {
		t.Errorf("PATH=%s: GoNB's tools must come first", path)
	}
	// The server's root is where every link of the notebooks resolves.
	root := strings.TrimPrefix(c.Args[2], "--ServerApp.root_dir=")
	nbs, _ := filepath.Glob(filepath.Join(r, "notebooks", "*.ipynb"))
	problems, err := e2e.CheckLinks(root, nbs)
	if err != nil || len(problems) > 0 {
		t.Errorf("links that do not open under `nma lab`'s root %s: %v\n%s", root, err, strings.Join(problems, "\n"))
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(firstNotebook))); err != nil {
		t.Errorf("the notebook nma lab opens: %v", err)
	}

	nb := labCommand(r, "/v/bin/jupyter", "notebook", false, "notebooks/W2D2_Tutorial1.ipynb", true, true)
	if got := strings.Join(nb.Args[1:], " "); got != "notebook --ServerApp.root_dir="+r+" --no-browser --allow-root notebooks/W2D2_Tutorial1.ipynb" {
		t.Errorf("Notebook 7: %s", got)
	}
	// Debian's classic Notebook 6 (no PyPI): its own option, and Go sources served as text.
	legacy := labCommand(r, "jupyter", "notebook", true, firstNotebook, false, false)
	if got := strings.Join(legacy.Args[1:], " "); got != "notebook --notebook-dir="+r+" --config="+classicConfig(r)+" "+firstNotebook {
		t.Errorf("classic Notebook: %s", got)
	}
}

func TestClassicConfigServesGoAsText(t *testing.T) {
	p, err := install.WriteClassicConfig(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil || filepath.Base(p) != "jupyter_notebook_config.py" || !strings.Contains(string(b), `mimetypes.add_type("text/plain", ".go")`) {
		t.Errorf("%s: %v\n%s", p, err, b)
	}
}

func TestLabNotebook(t *testing.T) {
	r := repoRoot(t)
	for _, arg := range []string{"W2D2_Tutorial1", "W2D2_Tutorial1.ipynb", filepath.Join(r, "notebooks", "W2D2_Tutorial1.ipynb")} {
		if got, err := labNotebook(r, arg); err != nil || got != "notebooks/W2D2_Tutorial1.ipynb" {
			t.Errorf("labNotebook(%q) = %q, %v", arg, got, err)
		}
	}
	if _, err := labNotebook(r, "W9D9_Tutorial9"); err == nil || !strings.Contains(err.Error(), "W9D9_Tutorial9") {
		t.Errorf("a missing notebook: %v, want an error naming it", err)
	}
	outside := filepath.Join(t.TempDir(), "x.ipynb")
	os.WriteFile(outside, []byte("{}"), 0o644)
	if _, err := labNotebook(r, outside); err == nil || !strings.Contains(err.Error(), "outside the checkout") {
		t.Errorf("a notebook outside the checkout: %v", err)
	}
}
