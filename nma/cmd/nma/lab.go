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

// firstNotebook is the notebook `nma lab` opens: the Go primer, which the README sends
// newcomers to first.
const firstNotebook = "notebooks/W2_GoPrimer.ipynb"

func cmdLab(args []string) error {
	fs := newFlags("lab", "[--notebook] [--no-browser] [NOTEBOOK]", "Runs `nma setup --lab` (builds GoNB, goimports and gopls, installs the course's Python\nenvironment .nma/venv with JupyterLab 4, and the \"gonb\" kernel spec for it), then opens the\ncourse in JupyterLab, rooted at the checkout (so the notebooks' solution links open), on\nNOTEBOOK ("+firstNotebook+" unless given).")
	classic := fs.Bool("notebook", false, "open the Notebook interface instead of JupyterLab (Notebook 7 from .nma/venv)")
	noBrowser := fs.Bool("no-browser", false, "start the server without opening a browser (open the URL it prints)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError("lab", "one notebook at most, got %d: %s", fs.NArg(), strings.Join(fs.Args(), " "))
	}
	r, err := root()
	if err != nil {
		return err
	}
	nb := firstNotebook
	if fs.NArg() == 1 {
		if nb, err = labNotebook(r, fs.Arg(0)); err != nil {
			return usageError("lab", "%v", err)
		}
	}
	m := messages("lab")
	if err := setup(m, true); err != nil {
		return err
	}
	jupyter, version, venvErr := install.VenvLab(r)
	front, legacy := "lab", false
	switch {
	case venvErr != nil:
		// `nma setup --lab` fell back to Debian's classic Notebook (no PyPI).
		jupyter, front, legacy = "jupyter", "notebook", true
		m.progress("JupyterLab is not installed (%v): opening the classic Notebook", venvErr)
	case *classic:
		front = "notebook"
	default:
		m.progress("JupyterLab %s from %s", version, install.Venv(r))
	}
	if legacy {
		if _, err := install.WriteClassicConfig(filepath.Dir(classicConfig(r))); err != nil {
			return err
		}
	}
	c := labCommand(r, jupyter, front, legacy, nb, *noBrowser, os.Geteuid() == 0)
	m.progress("starting %s on %s, opening %s (stop it with Ctrl-C)", strings.Join(c.Args[:2], " "), r, nb)
	c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stdout, os.Stderr
	return c.Run()
}

// labNotebook is the path, relative to the checkout root r, of a notebook given as a name
// (W2D4_Tutorial1), a file name or a path; it must exist inside r.
func labNotebook(r, arg string) (string, error) {
	cands := []string{arg}
	if !strings.HasSuffix(arg, ".ipynb") {
		cands = append(cands, arg+".ipynb")
	}
	for _, c := range append([]string{}, cands...) {
		cands = append(cands, filepath.Join(r, "notebooks", c))
	}
	for _, c := range cands {
		abs, err := filepath.Abs(c)
		if err != nil {
			continue
		}
		if fi, err := os.Stat(abs); err != nil || fi.IsDir() {
			continue
		}
		rel, err := filepath.Rel(r, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", fmt.Errorf("notebook %s is outside the checkout %s, where the server is rooted", arg, r)
		}
		return filepath.ToSlash(rel), nil
	}
	return "", fmt.Errorf("notebook %s: no such notebook (in . or %s)", arg, filepath.Join(r, "notebooks"))
}

// labCommand is the command that serves the course: `jupyter lab` (front "lab") or
// `jupyter notebook`, rooted at the checkout r — the notebooks link to ../solutions/…, and
// Jupyter opens no file above its root — opening the notebook nb (relative to r), with
// GoNB's tools (.nma/bin) first on PATH. legacy is Debian's classic Notebook 6, which
// predates jupyter_server's options.
func labCommand(r, jupyter, front string, legacy bool, nb string, noBrowser, asRoot bool) *exec.Cmd {
	args := []string{front, "--ServerApp.root_dir=" + r}
	if legacy {
		// Go sources as text, so that solution links show them (see install.GoAsTextConfig).
		args = []string{front, "--notebook-dir=" + r, "--config=" + classicConfig(r)}
	}
	if noBrowser {
		args = append(args, "--no-browser")
	}
	if asRoot {
		args = append(args, "--allow-root")
	}
	args = append(args, nb)
	c := exec.Command(jupyter, args...)
	c.Dir = r
	bin := filepath.Join(r, ".nma", "bin")
	c.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return c
}

// classicConfig is the classic Notebook's configuration file `nma lab` writes and passes.
func classicConfig(r string) string {
	return filepath.Join(r, ".nma", "jupyter-classic", "jupyter_notebook_config.py")
}

// installKernelSpec writes the "gonb" kernel spec (GoNB from .nma/bin, with goimports and
// gopls on its PATH) into the Jupyter data folder dir: the virtual environment's own
// (<venv>/share/jupyter), which its Jupyter searches first, or the user's for Debian's.
func installKernelSpec(m msgs, bin, dir string) error {
	m.progress("installing the \"Go (gonb)\" kernel spec into %s (GoNB from %s, with goimports, gopls and the kernel's go command %s on its PATH)", filepath.Join(dir, "kernels", "gonb"), bin, notebook.GocellDir(bin))
	spec, err := notebook.KernelSpec(bin, "Go (gonb)", false, nil)
	if err != nil {
		return err
	}
	if err := notebook.WriteKernelSpec(dir, "gonb", spec); err != nil {
		return fmt.Errorf("writing the kernel spec: %w", err)
	}
	return nil
}
