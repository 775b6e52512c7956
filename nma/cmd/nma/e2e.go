package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nma-go/nma-go/nma/e2e"
)

// cmdE2E runs the notebooks in a real browser (classic Notebook + headless Chromium).
func cmdE2E(args []string) error {
	fs := newFlags("e2e", "[flags] [NOTEBOOK...]", "Runs the notebooks in a real browser (classic Notebook + headless Chromium): errors, visible\nfigures, slider → new figure; screenshots in --out.")
	out := fs.String("out", "build/e2e", "screenshots and working copies go in `DIR` (inside the repository)")
	timeout := fs.Duration("timeout", 10*time.Minute, "limit per notebook")
	idle := fs.Duration("demo-idle", 15*time.Second, "live demos end after this long without a change")
	install := fs.Bool("install", false, "install Chromium and the classic Notebook with apt-get when they are missing (make e2e and make test pass it)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	paths, err := notebookArgs(r, fs.Args())
	if err != nil {
		return err
	}
	if *install {
		if err := ensureBrowser(); err != nil {
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
	results, err := e2e.Run(context.Background(), paths, e2e.Options{Root: r, OutDir: dir, Timeout: *timeout, DemoIdle: *idle, Log: os.Stderr})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NOTEBOOK\tRUN ALL (s)\tCODE CELLS\tIMAGES\tSLIDER → NEW FIGURE\tSTATUS")
	failed := 0
	for _, res := range results {
		var sl []string
		for _, s := range res.Sliders {
			if s.Changed {
				sl = append(sl, fmt.Sprintf("%s cell %d: %.0f ms", s.Kind, s.Cell+1, s.Millis))
			} else {
				sl = append(sl, fmt.Sprintf("%s cell %d: no change", s.Kind, s.Cell+1))
			}
		}
		status := "ok"
		if !res.OK() {
			failed++
			status = "FAIL: " + strings.Join(res.Errors, "; ")
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%d\t%d\t%s\t%s\n", res.Notebook, res.Seconds, res.CodeCells, res.Images, strings.Join(sl, ", "), status)
	}
	tw.Flush()
	fmt.Printf("browser test: %d notebooks in %.1f s: %d passed, %d failed (screenshots in %s)\n", len(results), time.Since(start).Seconds(), len(results)-failed, failed, dir)
	if failed > 0 {
		return exitError(1)
	}
	return nil
}

// ensureBrowser installs Debian's chromium and jupyter-notebook when missing.
func ensureBrowser() error {
	var pkgs []string
	if _, err := exec.LookPath("chromium"); err != nil {
		if _, err := os.Stat("/usr/bin/chromium"); err != nil {
			pkgs = append(pkgs, "chromium")
		}
	}
	if !have("jupyter", "notebook", "--version") {
		pkgs = append(pkgs, "jupyter-notebook")
	}
	if len(pkgs) == 0 {
		step("Chromium and the classic Jupyter Notebook are installed")
		return nil
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return fmt.Errorf("the browser test needs %s; install them (no apt-get here)", strings.Join(pkgs, " and "))
	}
	return aptInstall(pkgs)
}
