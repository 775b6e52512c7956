package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/nma-go/nma-go/nma/e2e"
	"github.com/nma-go/nma-go/nma/install"
)

// cmdE2E runs the notebooks in a real browser: JupyterLab 4 (every notebook) and the
// classic Notebook (a smoke test), with headless Chromium.
func cmdE2E(args []string) error {
	fs := newFlags("e2e", "[flags] [NOTEBOOK...]", "Runs the notebooks in a real browser with headless Chromium: every notebook in JupyterLab 4\n(from .nma/venv), a few (--smoke) in Notebook 7 and in the classic Notebook 6. Checks errors,\nthat every cell ran, visible figures, every demo control → new figure, and that a solution\nlink opens the solution; screenshots in --out.")
	out := fs.String("out", "build/e2e", "screenshots and working copies go in `DIR` (inside the repository)")
	timeout := fs.Duration("timeout", 10*time.Minute, "limit per notebook")
	idle := fs.Duration("demo-idle", 15*time.Second, "live demos end after this long without a change")
	fronts := fs.String("frontends", "lab,notebook,classic", "the front ends to drive, comma-separated: lab (every notebook), notebook (Notebook 7), classic (Notebook 6)")
	smoke := fs.String("smoke", strings.Join(e2e.DefaultSmoke, ","), "the notebooks (`NAMES`, comma-separated, without .ipynb; all: every one) Notebook 7 and the classic Notebook run")
	workers := fs.Int("jobs", min(2, runtime.NumCPU()), "notebooks run at once, each in a browser tab of its own")
	installMissing := fs.Bool("install", false, "install what is missing: Chromium and the classic Notebook with apt-get, JupyterLab and Notebook 7 into .nma/venv with pip (make e2e and make test pass it)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *timeout <= 0 {
		return usageError("e2e", "--timeout=%v must be positive", *timeout)
	}
	if *workers < 1 {
		return usageError("e2e", "--jobs=%d must be at least 1", *workers)
	}
	var frontends []e2e.Frontend
	seen := map[e2e.Frontend]bool{}
	for _, s := range strings.Split(*fronts, ",") {
		f, err := e2e.ParseFrontend(s)
		if err != nil {
			return usageError("e2e", "--frontends=%q: %v", *fronts, err)
		}
		if !seen[f] {
			seen[f] = true
			frontends = append(frontends, f)
		}
	}
	r, err := root()
	if err != nil {
		return err
	}
	paths, err := notebookArgs(r, fs.Args())
	if err != nil {
		return err
	}
	m := messages("e2e")
	jobs := e2e.Plan(paths, frontends, strings.Split(*smoke, ","))
	for _, j := range jobs {
		if len(j.Notebooks) == 0 {
			m.progress("%s: none of the notebooks given is in --smoke=%s; skipped", j.Frontend, *smoke)
		}
	}
	if *installMissing {
		if err := ensureBrowser(m, r, jobs); err != nil {
			return err
		}
	}
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(r, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	start := time.Now()
	results, err := e2e.Run(context.Background(), e2e.Options{Root: r, OutDir: dir, Timeout: *timeout, DemoIdle: *idle, Workers: *workers, Log: m.log()}, jobs...)
	if err != nil {
		return err
	}
	failed := e2e.PrintTable(os.Stdout, results)
	fmt.Printf("browser test: %d notebook runs in %.1f s: %d passed, %d failed (screenshots in %s)\n", len(results), time.Since(start).Seconds(), len(results)-failed, failed, dir)
	if failed > 0 {
		return exitError(1)
	}
	return nil
}

// ensureBrowser installs what the jobs need and is missing: Debian's chromium (and
// jupyter-notebook for the classic Notebook) with apt-get, and the checkout's virtual
// environment with JupyterLab and Notebook 7 (pinned).
func ensureBrowser(m msgs, root string, jobs []e2e.Job) error {
	log := m.log()
	in := install.Installer{Log: log, Out: log}
	var pkgs []string
	if _, err := e2e.FindChromium(); err != nil {
		pkgs = append(pkgs, "chromium")
	}
	for _, j := range jobs {
		if len(j.Notebooks) == 0 {
			continue
		}
		switch j.Frontend {
		case e2e.Classic:
			if _, err := e2e.FindClassic(); err != nil {
				pkgs = append(pkgs, "jupyter-notebook")
			}
		case e2e.Lab, e2e.Notebook:
			// Makes or checks .nma/venv (seconds when it is current), and its Jupyter
			// server's configuration (Go sources served as text).
			if err := in.PythonEnv(root); err != nil {
				return err
			}
		}
	}
	if len(pkgs) == 0 {
		m.progress("Chromium and the front ends are installed")
		return nil
	}
	return in.AptGet(pkgs...)
}
