package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/nma-go/nma-go/nma/e2e"
	"github.com/nma-go/nma-go/nma/install"
)

// cmdE2E runs the notebooks in a real browser (classic Notebook + headless Chromium).
func cmdE2E(args []string) error {
	fs := newFlags("e2e", "[flags] [NOTEBOOK...]", "Runs the notebooks in a real browser (classic Notebook + headless Chromium): errors, visible\nfigures, slider → new figure; screenshots in --out.")
	out := fs.String("out", "build/e2e", "screenshots and working copies go in `DIR` (inside the repository)")
	timeout := fs.Duration("timeout", 10*time.Minute, "limit per notebook")
	idle := fs.Duration("demo-idle", 15*time.Second, "live demos end after this long without a change")
	installMissing := fs.Bool("install", false, "install Chromium and the classic Notebook with apt-get when they are missing (make e2e and make test pass it)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *timeout <= 0 {
		return usageError("e2e", "--timeout=%v must be positive", *timeout)
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
	if *installMissing {
		if err := ensureBrowser(m); err != nil {
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
	results, err := e2e.Run(context.Background(), paths, e2e.Options{Root: r, OutDir: dir, Timeout: *timeout, DemoIdle: *idle, Log: m.log()})
	if err != nil {
		return err
	}
	failed := e2e.PrintTable(os.Stdout, results)
	fmt.Printf("browser test: %d notebooks in %.1f s: %d passed, %d failed (screenshots in %s)\n", len(results), time.Since(start).Seconds(), len(results)-failed, failed, dir)
	if failed > 0 {
		return exitError(1)
	}
	return nil
}

// ensureBrowser installs Debian's chromium and jupyter-notebook when they are missing.
func ensureBrowser(m msgs) error {
	var pkgs []string
	if _, err := e2e.FindChromium(); err != nil {
		pkgs = append(pkgs, "chromium")
	}
	if !e2e.HaveNotebookServer() {
		pkgs = append(pkgs, "jupyter-notebook")
	}
	if len(pkgs) == 0 {
		m.progress("Chromium and the classic Jupyter Notebook are installed")
		return nil
	}
	log := m.log()
	return install.Installer{Log: log, Out: log}.AptGet(pkgs...)
}
