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
	fs := newFlags("setup", "[--lab]", "Downloads the pinned Go modules, builds GoNB and goimports, installs what is missing\n(nbclient, bubblewrap, nbgrader in .nma/venv) and warms the Go build cache.")
	lab := fs.Bool("lab", false, "also build gopls, install the full Jupyter front-end and the \"gonb\" kernel spec")
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
	// grader builds with GOPROXY=off, a notebook's cells run `go get` in GoNB's own module,
	// which loads the whole (pruned) module graph, and `make test` runs staticcheck offline.
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
	if err := in.Jupyter(!lab); err != nil {
		return err
	}
	if lab {
		dir := install.JupyterDataDir()
		m.progress("installing the \"Go (gonb)\" kernel spec into %s (GoNB from .nma/bin, with goimports and gopls on its PATH)", filepath.Join(dir, "kernels", "gonb"))
		spec, err := notebook.KernelSpec(bin, "Go (gonb)", false, nil)
		if err != nil {
			return err
		}
		if err := notebook.WriteKernelSpec(dir, "gonb", spec); err != nil {
			return fmt.Errorf("writing the kernel spec: %w", err)
		}
	}
	if err := in.SandboxTools(); err != nil {
		return err
	}
	if err := in.Nbgrader(r); err != nil {
		return err
	}
	m.progress("warming the Go build cache (go build ./..., and staticcheck from %s), so the first notebook cell is fast", toolsModfile)
	if err := run("go", "build", "./..."); err != nil {
		return fmt.Errorf("go build ./... failed: %w", err)
	}
	if _, err := os.Stat(filepath.Join(r, toolsModfile)); err == nil {
		if err := run("go", "tool", "-modfile="+toolsModfile, "staticcheck", "-version"); err != nil {
			return fmt.Errorf("building staticcheck (go tool -modfile=%s staticcheck) failed: %w", toolsModfile, err)
		}
	}
	m.progress("setup done")
	return nil
}

func cmdLab(args []string) error {
	fs := newFlags("lab", "", "Runs `nma setup --lab` (builds GoNB, goimports and gopls, installs what is missing and\nthe \"gonb\" kernel spec), then opens the course in JupyterLab (the classic Notebook when\nLab is not installed) on notebooks/.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	m := messages("lab")
	if err := setup(m, true); err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	bin := filepath.Join(r, ".nma", "bin")
	front := []string{"lab"}
	if !install.Have("jupyter", "lab", "--version") {
		front = []string{"notebook"}
		m.progress("JupyterLab is not installed: opening the classic Notebook")
	}
	m.progress("starting jupyter %s on %s (stop it with Ctrl-C)", front[0], filepath.Join(r, "notebooks"))
	c := exec.Command("jupyter", append(front, "--notebook-dir="+filepath.Join(r, "notebooks"))...)
	c.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if os.Geteuid() == 0 {
		c.Args = append(c.Args, "--allow-root")
	}
	c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stdout, os.Stderr
	return c.Run()
}
