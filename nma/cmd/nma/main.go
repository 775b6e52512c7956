// Command nma is the course's command line: setup, lab, run, notebooks, grade, e2e and data
// (the list is `commands` in main.go). Run `nma help` or `nma <command> -h` for details.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/notebook"
)

const usage = `nma — the nma-go course tool

Usage:
  nma setup [--lab]          build the pinned GoNB, goimports (and gopls), install Jupyter when it
                             is missing, warm the Go build cache; --lab also installs the "gonb"
                             kernel spec for your Jupyter
  nma lab                    setup --lab, then open the course in JupyterLab (classic Notebook
                             when Lab is not installed)
  nma run [--solutions] [--out DIR] [--html DIR] [--shard k/n] [--timeout D] [--jobs N]
          [--both] [--cell-times] [--static DIR [--update-static]] [NOTEBOOK...]
                             execute notebooks headless through GoNB (all of notebooks/ when none
                             is given) and print a table; exit status 1 on any unexpected error
  nma notebooks [--check] [--force] [NAME...]
                             build notebooks/*.ipynb from notebooks/src/*.md (only NAME, e.g.
                             W2D4_Tutorial1, when given)
  nma grade [flags] SUBMISSION...
                             grade student notebooks (see nma grade -h)
  nma e2e [--out DIR] [NOTEBOOK...]
                             run the notebooks in a real browser (classic Notebook + headless
                             Chromium): errors, visible figures, slider → new figure; screenshots
  nma data [download|verify|info]
                             the W2D1 Stringer datasets (see nma data -h)
`

// command is one subcommand of nma: the list below is the only place that names them all.
type command struct {
	name, summary string
	run           func(args []string) error
}

var commands = []command{
	{"setup", "install what is missing, warm the Go build cache", cmdSetup},
	{"lab", "setup --lab, then open the course in JupyterLab", cmdLab},
	{"run", "execute notebooks headless", cmdRun},
	{"notebooks", "build notebooks/*.ipynb from notebooks/src", cmdNotebooks},
	{"grade", "grade student notebooks", cmdGrade},
	{"e2e", "run the notebooks in a real browser", cmdE2E},
	{"data", "the W2D1 datasets", cmdData},
}

func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// main runs a command. The conventions, the same for every command: `-h`/`--help` prints the
// command's usage on stdout and exits 0; a usage error prints one line, "nma CMD: reason (see
// nma CMD -h)", and exits 2; any other failure prints "nma: reason" and exits 1 (commands
// with their own exit statuses, such as nma run's table, return exitError).
func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Print(usage)
		return
	}
	var err error
	found := false
	for _, c := range commands {
		if c.name == cmd {
			found = true
			err = c.run(args)
		}
	}
	if !found {
		fmt.Fprintf(os.Stderr, "nma: unknown command %q (commands: %s; see nma help)\n", cmd, commandNames())
		os.Exit(2)
	}
	if errors.Is(err, errHelp) {
		return
	}
	if err != nil {
		var ex exitError
		if errors.As(err, &ex) {
			os.Exit(int(ex))
		}
		fmt.Fprintln(os.Stderr, "nma:", err)
		os.Exit(1)
	}
}

// newFlags is a command's flag set whose usage (for -h) is "Usage: nma NAME SYNOPSIS", the
// summary and the flags.
func newFlags(name, synopsis, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(os.Stdout, "Usage: nma %s %s\n\n%s\n\nFlags:\n", name, synopsis, summary)
		fs.SetOutput(os.Stdout)
		fs.PrintDefaults()
	}
	return fs
}

// errHelp: the command printed its usage because it was asked to (exit status 0).
var errHelp = errors.New("help shown")

// parseFlags parses a command's flags with the conventions of main: -h prints the command's
// usage (fs.Usage, or its flags) on stdout and returns errHelp; a bad flag prints one line on
// stderr and returns exitError(2).
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(os.Stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage()
		return errHelp
	case err != nil:
		fmt.Fprintf(os.Stderr, "nma %s: %v (see nma %s -h)\n", fs.Name(), err, fs.Name())
		return exitError(2)
	}
	return nil
}

type exitError int

func (e exitError) Error() string { return "exit " + strconv.Itoa(int(e)) }

func root() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return checkout.FindRoot(wd)
}

// step prints what setup is doing, so a newcomer sees every action.
func step(format string, args ...any) { fmt.Printf("==> "+format+"\n", args...) }

// parseShard reads "k/n" (1 ≤ k ≤ n).
func parseShard(s string) (k, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return 0, 0, fmt.Errorf("--shard=%q: want k/n with 1 ≤ k ≤ n, e.g. 1/3", s)
	}
	return k, n, nil
}

// solutionSource reads the solution functions of an exercise from solutions/<day>/.
func solutionSource(rootDir string) notebook.SolutionSource {
	return func(id string) (map[string]string, error) {
		e, ok := all.ByID(id)
		if !ok {
			return nil, fmt.Errorf("unknown exercise %s", id)
		}
		return notebook.FuncDecls(filepath.Join(rootDir, "solutions", e.Day()), e.Funcs)
	}
}

// stubSource reads the stub functions of an exercise from exercises/<day>/.
func stubSource(rootDir string) notebook.StubSource {
	return func(id string) (string, error) {
		e, ok := all.ByID(id)
		if !ok {
			return "", fmt.Errorf("unknown exercise %s", id)
		}
		decls, err := notebook.FuncDecls(filepath.Join(rootDir, "exercises", e.Day()), e.Funcs)
		if err != nil {
			return "", err
		}
		parts := make([]string, len(e.Funcs))
		for i, f := range e.Funcs {
			parts[i] = strings.TrimRight(decls[f], "\n")
		}
		return strings.Join(parts, "\n\n"), nil
	}
}

func cmdRun(args []string) error {
	fs := newFlags("run", "[flags] [NOTEBOOK...]", "Executes notebooks headless through GoNB (all of notebooks/ when none is given) and prints a\ntable; exit status 1 on any unexpected error.")
	solutions := fs.Bool("solutions", false, "replace every exercise cell's functions by the solution (must run with no error)")
	out := fs.String("out", "", "keep the executed notebooks in `DIR`")
	html := fs.String("html", "", "also write the executed notebooks as HTML pages in `DIR`")
	shard := fs.String("shard", "", "run only shard `k/n` (every n-th notebook, starting at the k-th)")
	timeout := fs.Duration("timeout", 20*time.Minute, "limit per notebook")
	jobs := fs.Int("jobs", min(2, runtime.NumCPU()), "notebooks executed at once")
	static := fs.String("static", "", "with --solutions: compare each exercise cell's figures with the example images in `DIR`")
	update := fs.Bool("update-static", false, "with --static: write the example images instead of comparing")
	both := fs.Bool("both", false, "run every notebook in student and in solutions mode (in parallel)")
	cellTimes := fs.Bool("cell-times", false, "also print how long every cell took")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *timeout <= 0 {
		return fmt.Errorf("--timeout=%v must be positive", *timeout)
	}
	if *jobs < 1 {
		return fmt.Errorf("--jobs=%d must be at least 1", *jobs)
	}
	if *static != "" && !*solutions && !*both {
		return errors.New("--static needs --solutions (example images are the solutions' figures)")
	}
	r, err := root()
	if err != nil {
		return err
	}
	paths, err := notebookArgs(r, fs.Args())
	if err != nil {
		return err
	}
	if *shard != "" {
		k, n, err := parseShard(*shard)
		if err != nil {
			return err
		}
		var sel []string
		for i, p := range paths {
			if i%n == k-1 {
				sel = append(sel, p)
			}
		}
		paths = sel
		if len(paths) == 0 {
			fmt.Printf("shard %s has no notebooks\n", *shard)
			return nil
		}
	}
	fmt.Fprintln(os.Stderr, "nma run: building the pinned GoNB and goimports, writing the private kernel spec …")
	tc, err := notebook.PrepareRunner(r, os.Stderr)
	if err != nil {
		return err
	}
	opts := notebook.RunOptions{Solutions: *solutions, Solution: solutionSource(r), OutDir: *out, HTMLDir: *html,
		Timeout: *timeout, Jobs: *jobs, StaticDir: *static, UpdateStatic: *update}
	start := time.Now()
	var results []notebook.Result
	if *both {
		results = notebook.RunBoth(tc, paths, opts)
	} else {
		results = notebook.Run(tc, paths, opts)
	}
	notebook.PrintTable(os.Stdout, results)
	if *cellTimes {
		notebook.PrintCellTimes(os.Stdout, results)
	}
	failed := 0
	for _, res := range results {
		if !res.OK() {
			failed++
		}
	}
	fmt.Printf("%d notebook runs in %.1f s: %d passed, %d failed\n", len(results), time.Since(start).Seconds(), len(results)-failed, failed)
	if failed > 0 {
		return exitError(1)
	}
	return nil
}

// notebookArgs returns the notebooks named on the command line (each must exist), or all of
// notebooks/ when none is named.
func notebookArgs(r string, args []string) ([]string, error) {
	paths := args
	if len(paths) == 0 {
		paths, _ = filepath.Glob(filepath.Join(r, "notebooks", "*.ipynb"))
		sort.Strings(paths)
		if len(paths) == 0 {
			return nil, fmt.Errorf("no notebooks in %s", filepath.Join(r, "notebooks"))
		}
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("notebook %s: %w", p, err)
		}
	}
	return paths, nil
}

func cmdNotebooks(args []string) error {
	fs := newFlags("notebooks", "[--check] [--force] [NAME...]", "Builds notebooks/*.ipynb from notebooks/src/*.md (only NAME, e.g. W2D4_Tutorial1, when given).")
	check := fs.Bool("check", false, "do not write: exit 1 if a notebook differs from its source")
	force := fs.Bool("force", false, "also replace notebooks that hold outputs (someone's work); a backup is kept in .nma/backup")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	overwriteWork = *force
	stale, err := BuildNotebooks(r, !*check, os.Stdout, fs.Args()...)
	if err != nil {
		return err
	}
	if *check && len(stale) > 0 {
		return fmt.Errorf("notebooks out of date with notebooks/src: %s (run `make notebooks`)", strings.Join(stale, ", "))
	}
	return nil
}

// BuildNotebooks builds notebooks/src/*.md (only the named notebooks, e.g. W2D4_Tutorial1,
// when names are given); it returns the notebooks whose committed .ipynb differs from the
// build, and writes them when write is set.
func BuildNotebooks(r string, write bool, log io.Writer, names ...string) ([]string, error) {
	srcs, _ := filepath.Glob(filepath.Join(r, "notebooks", "src", "*.md"))
	sort.Strings(srcs)
	if len(names) > 0 {
		var sel []string
		for _, n := range names {
			n = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(n), ".md"), ".ipynb")
			p := filepath.Join(r, "notebooks", "src", n+".md")
			if _, err := os.Stat(p); err != nil {
				return nil, fmt.Errorf("no notebook source %s", p)
			}
			sel = append(sel, p)
		}
		srcs = sel
	}
	var stale []string
	for _, s := range srcs {
		name := strings.TrimSuffix(filepath.Base(s), ".md")
		data, err := os.ReadFile(s)
		if err != nil {
			return nil, err
		}
		nb, err := notebook.Build(name, data, stubSource(r))
		if err != nil {
			return nil, err
		}
		want, err := nb.Marshal()
		if err != nil {
			return nil, err
		}
		target := filepath.Join(r, "notebooks", name+".ipynb")
		have, _ := os.ReadFile(target)
		if string(have) == string(want) {
			continue
		}
		stale = append(stale, name)
		if write {
			if err := protectWork(r, target, have); err != nil {
				return nil, err
			}
			if err := os.WriteFile(target, want, 0o644); err != nil {
				return nil, err
			}
			fmt.Fprintf(log, "wrote %s\n", target)
		}
	}
	return stale, nil
}

// overwriteWork lets BuildNotebooks replace notebooks that hold outputs (nma notebooks --force).
var overwriteWork bool

// protectWork keeps a student's work: a notebook that was executed (it holds outputs or
// execution counts, which committed course notebooks never do) is not replaced unless forced,
// and whatever is replaced is first copied to .nma/backup.
func protectWork(root, target string, old []byte) error {
	if len(old) == 0 {
		return nil
	}
	nb, err := notebook.Parse(old)
	worked := err != nil // unreadable: keep it too
	if nb != nil {
		for _, c := range nb.Cells {
			if len(c.Outputs) > 0 || c.ExecutionCount != nil {
				worked = true
			}
		}
	}
	if worked && !overwriteWork {
		return fmt.Errorf("%s holds outputs (someone worked in it): not replacing it; save your copy elsewhere, or run `nma notebooks --force` (a backup is kept in .nma/backup)", target)
	}
	dir := filepath.Join(root, ".nma", "backup")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, filepath.Base(target)+"."+time.Now().Format("20060102-150405")+".*")
	if err != nil {
		return err
	}
	if _, err := f.Write(old); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func have(cmd string, args ...string) bool {
	return exec.Command(cmd, args...).Run() == nil
}

func run(dir, name string, args ...string) error {
	c := exec.Command(name, args...)
	c.Dir = dir
	c.Stdout, c.Stderr = os.Stdout, os.Stderr
	return c.Run()
}

// runQuiet runs a command and shows its output only when it fails.
func runQuiet(dir, name string, args ...string) error {
	c := exec.Command(name, args...)
	c.Dir = dir
	out, err := c.CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
	}
	return err
}

// ensureJupyter installs Jupyter when absent: JupyterLab with pip where PyPI answers,
// Debian's classic Notebook and nbconvert with apt-get otherwise. With runnerOnly, nbclient
// and nbconvert are enough.
func ensureJupyter(runnerOnly bool) error {
	_, nbErr := notebook.FindPython()
	labOK := have("jupyter", "lab", "--version")
	classicOK := have("jupyter", "notebook", "--version")
	if nbErr == nil && (runnerOnly || labOK || classicOK) {
		step("Jupyter is installed (lab: %v, classic notebook: %v, nbclient: yes)", labOK, classicOK)
		return nil
	}
	if !runnerOnly && have("python3", "-m", "pip", "--version") {
		step("installing JupyterLab with pip (python3 -m pip install --user jupyterlab nbconvert nbclient) …")
		if run("", "python3", "-m", "pip", "install", "--user", "--quiet", "--retries", "1", "--timeout", "15", "jupyterlab", "nbconvert", "nbclient") == nil {
			return nil
		}
		step("pip could not install JupyterLab (no PyPI here?); trying Debian's packages")
	}
	pkgs := []string{"jupyter-nbconvert", "python3-nbclient"}
	if !runnerOnly {
		pkgs = append(pkgs, "jupyter-notebook")
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return fmt.Errorf("cannot install Jupyter: no pip that reaches PyPI and no apt-get; install JupyterLab (pip install jupyterlab) and run again")
	}
	if err := aptInstall(pkgs); err != nil {
		return err
	}
	_, nbErr = notebook.FindPython()
	return nbErr
}

// aptInstall installs Debian packages (with sudo when not root).
func aptInstall(pkgs []string) error {
	sudo := []string{}
	if os.Geteuid() != 0 {
		sudo = []string{"sudo"}
	}
	step("installing %s with apt-get …", strings.Join(pkgs, " "))
	update := append(append([]string{}, sudo...), "apt-get", "update", "-qq")
	install := append(append([]string{}, sudo...), append([]string{"apt-get", "install", "-y", "-qq", "--no-install-recommends"}, pkgs...)...)
	if err := run("", update[0], update[1:]...); err != nil {
		return fmt.Errorf("apt-get update failed: %w", err)
	}
	c := exec.Command(install[0], install[1:]...)
	c.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	c.Stdout, c.Stderr = os.Stdout, os.Stderr
	if err := c.Run(); err != nil {
		return fmt.Errorf("apt-get install %s failed: %w", strings.Join(pkgs, " "), err)
	}
	return nil
}

func cmdSetup(args []string) error {
	fs := newFlags("setup", "[--lab]", "Downloads the pinned Go modules, builds GoNB and goimports, installs what is missing\n(nbclient, bubblewrap, nbgrader in .nma/venv) and warms the Go build cache.")
	lab := fs.Bool("lab", false, "also build gopls, install the full Jupyter front-end and the \"gonb\" kernel spec")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	tools := []string{"gonb", "goimports"}
	if *lab {
		tools = append(tools, "gopls")
	}
	// Everything later steps build must come from the module cache, offline if need be: the
	// grader builds with GOPROXY=off, and a notebook's cells run `go get` in GoNB's own module,
	// which loads the whole (pruned) module graph. `go mod download` fetches the modules the
	// course requires; `go list -m all` fetches the go.mod file of every module in its graph.
	step("downloading the Go modules pinned in go.mod and the go.mod files of their graph (go mod download; go list -m all)")
	if err := run(r, "go", "mod", "download"); err != nil {
		return fmt.Errorf("go mod download failed (is the Go module proxy reachable?): %w", err)
	}
	if err := runQuiet(r, "go", "list", "-m", "all"); err != nil {
		return fmt.Errorf("go list -m all failed (is the Go module proxy reachable?): %w", err)
	}
	step("building %s at the versions pinned in go.mod into %s", strings.Join(tools, ", "), filepath.Join(r, ".nma", "bin"))
	bin, err := notebook.BuildTools(r, tools, os.Stderr)
	if err != nil {
		return err
	}
	if err := ensureJupyter(!*lab); err != nil {
		return err
	}
	if *lab {
		dir := jupyterDataDir()
		step("installing the \"Go (gonb)\" kernel spec into %s (GoNB from .nma/bin, with goimports and gopls on its PATH)", filepath.Join(dir, "kernels", "gonb"))
		spec, err := notebook.KernelSpec(bin, "Go (gonb)", false, nil)
		if err != nil {
			return err
		}
		if err := notebook.WriteKernelSpec(dir, "gonb", spec); err != nil {
			return fmt.Errorf("writing the kernel spec: %w", err)
		}
	}
	if err := ensureSandboxTools(); err != nil {
		return err
	}
	if err := ensureNbgrader(r); err != nil {
		return err
	}
	step("warming the Go build cache (go build ./... ), so the first notebook cell is fast")
	if err := run(r, "go", "build", "./..."); err != nil {
		return fmt.Errorf("go build ./... failed: %w", err)
	}
	step("setup done")
	return nil
}

// jupyterDataDir is where Jupyter looks for user kernel specs: `jupyter --data-dir`, or
// $JUPYTER_DATA_DIR, or ~/.local/share/jupyter.
func jupyterDataDir() string {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d
	}
	if out, err := exec.Command("jupyter", "--data-dir").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); d != "" {
			return d
		}
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".local", "share", "jupyter")
}

func cmdLab(args []string) error {
	fs := flag.NewFlagSet("lab", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Print("Usage: nma lab\n\nRuns `nma setup --lab` (builds GoNB, goimports and gopls, installs what is missing and\nthe \"gonb\" kernel spec), then opens the course in JupyterLab (the classic Notebook when\nLab is not installed) on notebooks/.\n")
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "nma lab: unexpected argument %q (see nma lab -h)\n", fs.Arg(0))
		return exitError(2)
	}
	if err := cmdSetup([]string{"--lab"}); err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	bin := filepath.Join(r, ".nma", "bin")
	front := []string{"lab"}
	if !have("jupyter", "lab", "--version") {
		front = []string{"notebook"}
		step("JupyterLab is not installed: opening the classic Notebook")
	}
	step("starting jupyter %s on %s (stop it with Ctrl-C)", front[0], filepath.Join(r, "notebooks"))
	c := exec.Command("jupyter", append(front, "--notebook-dir="+filepath.Join(r, "notebooks"))...)
	c.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if os.Geteuid() == 0 {
		c.Args = append(c.Args, "--allow-root")
	}
	c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stdout, os.Stderr
	return c.Run()
}
