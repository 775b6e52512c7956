package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/nma-go/nma-go/nma/install"
	"github.com/nma-go/nma-go/nma/notebook"
)

// toolsModfile holds the Go tools that are not part of the course's module graph
// (staticcheck; see the Makefile): `go tool -modfile=.tools/tools.mod staticcheck`.
const toolsModfile = ".tools/tools.mod"

func cmdSetup(args []string) error {
	fs := newFlags("setup", "[--lab]", "Downloads the pinned Go modules, builds GoNB and goimports, installs what is missing (the\ncourse's Python environment .nma/venv — JupyterLab, nbclient, nbconvert, nbgrader, pinned —\nand bubblewrap) and warms the Go build cache.")
	lab := fs.Bool("lab", false, "also build gopls and install the \"gonb\" kernel spec for .nma/venv's Jupyter")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	return setup(messages("setup"), *lab)
}

// setup does what `nma setup` does (with lab: `nma setup --lab`), saying so through m.
func setup(m msgs, lab bool) error {
	r, err := root()
	if err != nil {
		return err
	}
	tools := []string{"gonb", "goimports"}
	if lab {
		tools = append(tools, "gopls")
	}
	log := m.log() // one writer: the tools' output and ours, line by line, "nma setup: …"
	run := func(name string, args ...string) error {
		c := exec.Command(name, args...)
		c.Dir = r
		c.Stdout, c.Stderr = log, log
		return c.Run()
	}
	// Everything later steps build must come from the module cache, offline if need be: the
	// grader builds with GOPROXY=off, a notebook's setup cell requires every module of the
	// (pruned) module graph in GoNB's own module (`go list -m all`), and `make test` runs
	// staticcheck offline.
	// `go mod download` fetches the modules the course requires (and, with -modfile, those of
	// the tools outside its graph); `go list -m all` fetches the go.mod file of every module
	// in its graph.
	m.progress("downloading the Go modules pinned in go.mod and %s and the go.mod files of their graph (go mod download; go list -m all)", toolsModfile)
	if err := run("go", "mod", "download"); err != nil {
		return fmt.Errorf("go mod download failed (is the Go module proxy reachable?): %w", err)
	}
	if _, err := os.Stat(filepath.Join(r, toolsModfile)); err == nil {
		if err := run("go", "mod", "download", "-modfile="+toolsModfile); err != nil {
			return fmt.Errorf("go mod download -modfile=%s failed (is the Go module proxy reachable?): %w", toolsModfile, err)
		}
	}
	if out, err := exec.Command("go", "-C", r, "list", "-m", "all").CombinedOutput(); err != nil {
		return fmt.Errorf("go list -m all failed (is the Go module proxy reachable?): %w\n%s", err, out)
	}
	m.progress("building %s at the versions pinned in go.mod into %s", strings.Join(tools, ", "), filepath.Join(r, ".nma", "bin"))
	bin, err := notebook.BuildTools(r, tools, log)
	if err != nil {
		return err
	}
	in := install.Installer{Log: log, Out: log}
	// The course's Python — JupyterLab, the Notebook, nbclient and nbconvert for `nma run`,
	// nbgrader — lives in the checkout's own virtual environment, pinned. Where it cannot
	// be made (no PyPI), `nma lab` falls back to Debian's classic Notebook.
	venvErr := in.PythonEnv(r)
	if venvErr != nil {
		if !lab {
			return venvErr
		}
		m.warn("%v", venvErr)
		m.progress("falling back to Debian's classic Notebook (apt-get) for this session")
		if err := in.DebianJupyter(false); err != nil {
			return err
		}
	}
	if lab {
		dir := install.VenvDataDir(r)
		if venvErr != nil {
			dir = install.JupyterDataDir()
		}
		if err := installKernelSpec(m, bin, dir); err != nil {
			return err
		}
	}
	if err := in.SandboxTools(); err != nil {
		return err
	}
	m.progress("warming the Go build cache (go build ./..., and staticcheck from %s), so the first notebook cell is fast", toolsModfile)
	if err := run("go", "build", "./..."); err != nil {
		return fmt.Errorf("go build ./... failed: %w", err)
	}
	// notebook cells build with the setup cell's environment (pure Go), cached apart
	warm := exec.Command("go", append(append([]string{"build"}, notebook.CellBuildFlags...), "./...")...)
	warm.Dir, warm.Env, warm.Stdout, warm.Stderr = r, append(os.Environ(), notebook.CellBuildEnv...), log, log
	if err := warm.Run(); err != nil {
		return fmt.Errorf("go build %s ./... with %s (the notebook cells' settings) failed: %w", strings.Join(notebook.CellBuildFlags, " "), strings.Join(notebook.CellBuildEnv, " "), err)
	}
	if _, err := os.Stat(filepath.Join(r, toolsModfile)); err == nil {
		if err := run("go", "tool", "-modfile="+toolsModfile, "staticcheck", "-version"); err != nil {
			return fmt.Errorf("building staticcheck (go tool -modfile=%s staticcheck) failed: %w", toolsModfile, err)
		}
	}
	m.progress("setup done")
	return nil
}
