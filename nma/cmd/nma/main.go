// Command nma is the course's command line: setup, lab, run, notebooks, grade, e2e and data
// (the list is `commands` in main.go). Run `nma help` or `nma <command> -h` for details.
//
// The conventions, the same for every command:
//
//   - `-h`/`--help` prints the command's usage on stdout and exits 0.
//   - A usage error (a bad flag or argument) is one line on stderr, "nma CMD: reason (see
//     nma CMD -h)", and exit status 2.
//   - Results (tables, reports, listings) go to stdout, without a prefix. Every line nma
//     writes about its own work goes to stderr and starts with the command's name (see
//     messages.go): progress "nma CMD: what it does", warnings "nma CMD: warning: …", and
//     the error that ends the command "nma CMD: reason" (exit status 1; `nma grade` 2).
//   - Nothing is installed unless the command is asked to (setup, lab, e2e --install).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
  nma setup [--lab]          download the pinned Go modules, build the pinned GoNB and goimports
                             (and gopls), install what is missing (the Python environment
                             .nma/venv: JupyterLab, nbclient, nbconvert, nbgrader, pinned;
                             bubblewrap), warm the Go build cache; --lab also installs the
                             "gonb" kernel spec for .nma/venv's Jupyter
  nma lab [--notebook] [NOTEBOOK]
                             setup --lab, then open the course in JupyterLab 4 (--notebook: the
                             Notebook interface), rooted at the checkout, on W2D4_Tutorial1
  nma run [--solutions] [--out DIR] [--html DIR] [--shard k/n] [--timeout D] [--jobs N]
          [--both] [--cell-times] [--static DIR [--update-static]] [NOTEBOOK...]
                             execute notebooks headless through GoNB (all of notebooks/ when none
                             is given) and print a table; exit status 1 on any unexpected error
  nma notebooks [--check] [--force] [NAME...]
                             build notebooks/*.ipynb from notebooks/src/*.md (only NAME, e.g.
                             W2D4_Tutorial1, when given)
  nma grade [flags] SUBMISSION...
                             grade student notebooks (see nma grade -h; needs Linux)
  nma e2e [--install] [--out DIR] [--frontends lab,notebook,classic] [--smoke NAMES]
          [--jobs N] [NOTEBOOK...]
                             run the notebooks in a real browser (headless Chromium): all in
                             JupyterLab, a few in Notebook 7 and the classic Notebook; errors,
                             visible figures, demo control → new figure, solution links; screenshots
  nma data [download|verify|info|generate]
                             the W2D1 Stringer datasets (see nma data -h)

Messages: results on stdout; progress, warnings and errors on stderr as "nma CMD: …".
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

// main runs a command and reports how it ended (see the conventions in the package doc).
func main() {
	if len(os.Args) < 2 {
		fmt.Fprintf(os.Stderr, "nma: no command given (commands: %s; see nma help)\n", commandNames())
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Print(usage)
		return
	}
	for _, c := range commands {
		if c.name == cmd {
			os.Exit(report(os.Stderr, c.name, c.run(args)))
		}
	}
	fmt.Fprintf(os.Stderr, "nma: unknown command %q (commands: %s; see nma help)\n", cmd, commandNames())
	os.Exit(2)
}

// report writes the error that ended command name (if it has not been reported yet) and
// returns the exit status.
func report(w io.Writer, name string, err error) int {
	var ex exitError
	var ce *commandError
	switch {
	case err == nil || errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ex):
		return int(ex) // reported already
	case errors.As(err, &ce):
		fmt.Fprintf(w, "nma %s: %v\n", ce.cmd, ce.err)
		return ce.code
	}
	fmt.Fprintf(w, "nma %s: %v\n", name, err)
	return 1
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
// usage (fs.Usage, or its flags) on stdout and returns errHelp; a bad flag is a usage error
// (one line, exit status 2).
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
		return usageError(fs.Name(), "%v", err)
	}
	return nil
}

// noArgs is a usage error when a command that takes no arguments got some.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usageError(fs.Name(), "unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// exitError ends nma with a status after the command has reported why itself.
type exitError int

func (e exitError) Error() string { return "exit " + strconv.Itoa(int(e)) }

func root() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return checkout.FindRoot(wd)
}

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
	const name = "run"
	fs := newFlags(name, "[flags] [NOTEBOOK...]", "Executes notebooks headless through GoNB (all of notebooks/ when none is given) and prints a\ntable; exit status 1 on any unexpected error.")
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
		return usageError(name, "--timeout=%v must be positive", *timeout)
	}
	if *jobs < 1 {
		return usageError(name, "--jobs=%d must be at least 1", *jobs)
	}
	if *static != "" && !*solutions && !*both {
		return usageError(name, "--static needs --solutions (example images are the solutions' figures)")
	}
	k, n := 1, 1
	if *shard != "" {
		var err error
		if k, n, err = parseShard(*shard); err != nil {
			return usageError(name, "%v", err)
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
	m := messages(name)
	var sel []string
	for i, p := range paths {
		if i%n == k-1 {
			sel = append(sel, p)
		}
	}
	paths = sel
	if len(paths) == 0 {
		m.warn("shard %s has no notebooks: nothing to run", *shard)
		return nil
	}
	m.progress("building the pinned GoNB and goimports and the kernel's go command (nma/cmd/gocell), writing the private kernel spec …")
	tc, err := notebook.PrepareRunner(r, m.log())
	if err != nil {
		return err
	}
	runs := len(paths)
	if *both {
		runs *= 2
	}
	m.progress("executing the notebooks (runs: %d, %d at a time) …", runs, min(*jobs, runs))
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
	const name = "notebooks"
	fs := newFlags(name, "[--check] [--force] [NAME...]", "Builds notebooks/*.ipynb from notebooks/src/*.md (only NAME, e.g. W2D4_Tutorial1, when given).")
	check := fs.Bool("check", false, "do not write: exit 1 if a notebook differs from its source")
	force := fs.Bool("force", false, "also replace notebooks that hold outputs (someone's work); a backup is kept in .nma/backup")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	stale, err := notebook.BuildAll(r, stubSource(r), notebook.BuildOptions{
		Names: fs.Args(), Write: !*check, Force: *force, Log: messages(name).log()})
	if err != nil {
		return err
	}
	if *check && len(stale) > 0 {
		return fmt.Errorf("notebooks out of date with notebooks/src: %s (run `make notebooks`)", strings.Join(stale, ", "))
	}
	return nil
}
