// Command benchcompare times the computations students wait for in Week 2 twice — with the
// course's Python code (NumPy, PyTorch CPU) and with nma-go — and prints a Markdown table
// with the speed-up. `make bench-compare` runs it with --install.
//
// Every workload runs as its own process per side (the Go side is this program with
// --worker), round after round (default 5); within a round the two sides of a workload run
// back to back, and which side goes first flips every round. The table shows medians. The
// thread counts are pinned to the same number on both sides (GOMAXPROCS, OMP_NUM_THREADS,
// OPENBLAS_NUM_THREADS, MKL_NUM_THREADS and torch.set_num_threads). Both sides report check
// values (spike counts, losses, variances), which must agree.
//
// The conventions of the nma command hold: -h prints the usage and exits 0; a usage error is
// one line "benchcompare: reason (see benchcompare -h)" and exit status 2; the table goes to
// stdout, progress and errors to stderr as "benchcompare: …"; nothing is installed unless
// --install is given.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/nma-go/nma-go/nma/benchcmp"
	"github.com/nma-go/nma-go/nma/checkout"
)

const name = "benchcompare"

const usage = `Usage: benchcompare [--install] [--rounds N] [--threads LIST] [--quick] [--only NAMES]
                    [--python PATH] [--dir DIR] [--out FILE] [--list]

Times each workload of issue 15 with the course's Python code and with nma-go, alternating
the two sides round by round, and prints a Markdown table of the medians with the speed-up.
The Python side needs NumPy, PyTorch (CPU) and SciPy in .nma/bench-venv: --install puts them
there (Debian's packages, with apt-get; the environment sees them through
--system-site-packages).

Flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	err := runErr(args, stdout, stderr)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "%s: %s (see %s -h)\n", name, ue.msg, name)
		return 2
	default:
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 1
	}
}

func runErr(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var (
		install = fs.Bool("install", false, "install the Python side into .nma/bench-venv when it is missing (apt-get: "+strings.Join(benchcmp.AptPackages, " ")+")")
		rounds  = fs.Int("rounds", 5, "rounds: every workload runs this many times on each side; the table shows medians")
		threads = fs.String("threads", "1,2", "thread counts, comma-separated: every workload runs at the first, the parallel ones (W2D1 trainings, LIF_output_cc) at each")
		quick   = fs.Bool("quick", false, "shrink every workload (a check of the harness, seconds instead of minutes)")
		only    = fs.String("only", "", "only the workloads whose names start with one of these comma-separated prefixes (see --list)")
		python  = fs.String("python", "", "the Python interpreter (default: .nma/bench-venv/bin/python3)")
		dir     = fs.String("dir", "", "the harness's folder: the Python script and the W2D1 inputs (default: build/bench-compare)")
		out     = fs.String("out", "", "also write the Markdown (conditions and table) to this file")
		list    = fs.Bool("list", false, "list the workloads (those --only selects) and exit")
		timeout = fs.Duration("timeout", 30*time.Minute, "the longest one worker run may take")
	)
	if len(args) > 0 && (args[0] == "--worker" || args[0] == "-worker") {
		return benchcmp.WorkerMain(args[1:], stdout)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return flag.ErrHelp
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	if *rounds < 1 {
		return usageError{fmt.Sprintf("--rounds=%d must be at least 1", *rounds)}
	}
	counts, err := parseThreads(*threads)
	if err != nil {
		return usageError{err.Error()}
	}
	ws, err := selectWorkloads(*only)
	if err != nil {
		return usageError{err.Error()}
	}
	if *list {
		for _, w := range ws {
			fmt.Fprintf(stdout, "%-28s %s\n", w.Name, w.Row(w.Params(*quick)))
		}
		return nil
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, name+": "+format+"\n", a...) }
	// An interrupt (Ctrl-C, SIGTERM) stops the runs; the table of what was measured is still
	// printed.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	root, err := checkout.FindRoot(wd)
	if err != nil {
		return err
	}
	if *dir == "" {
		*dir = filepath.Join(root, "build", "bench-compare")
	}
	py := *python
	if py == "" {
		if *install {
			if err := benchcmp.Install(root, prefixWriter{stderr}); err != nil {
				return fmt.Errorf("installing the Python side: %w", err)
			}
		}
		py = benchcmp.VenvPython(root)
	}
	if err := benchcmp.Ready(py); err != nil {
		return fmt.Errorf("%v: run with --install (make bench-compare) to install NumPy, PyTorch and SciPy into %s", err, benchcmp.Venv(root))
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	script := filepath.Join(*dir, "bench.py")
	if err := os.WriteFile(script, benchcmp.BenchPy(), 0o644); err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	needW2D1 := false
	for _, w := range ws {
		needW2D1 = needW2D1 || w.W2D1
	}
	dataDir := benchcmp.DataDir(*dir, *quick)
	if err := benchcmp.PrepareData(dataDir, *quick, needW2D1, prefixWriter{stderr}); err != nil {
		return fmt.Errorf("preparing the inputs: %w", err)
	}
	r := benchcmp.ProcRunner{GoWorker: []string{exe}, Python: py, Script: script, Data: dataDir, Quick: *quick, Timeout: *timeout}
	info, err := r.Info(counts[0])
	if err != nil {
		return err
	}
	jobs := benchcmp.Jobs(ws, counts)
	load0 := loadAvg()
	start := time.Now()
	logf("%d workloads × %d thread counts = %d rows, %d rounds, both sides each (Python: %s)", len(ws), len(counts), len(jobs), *rounds, py)
	if ctx.Err() != nil {
		return errors.New("interrupted")
	}
	rows, done := benchcmp.Compare(ctx, r, jobs, *rounds, logf)
	stop()
	elapsed := time.Since(start)

	var md bytes.Buffer
	fmt.Fprintf(&md, "Measured %s on %s (%d cores) in %s; load average (1 min) %s before, %s after.\n",
		start.Format("2006-01-02 15:04"), cpuModel(), runtime.NumCPU(), elapsed.Round(time.Second), load0, loadAvg())
	fmt.Fprintf(&md, "Python %s, NumPy %s, PyTorch %s, SciPy %s (Debian), BLAS %s; nma-go with %s.\n",
		info.Python, info.NumPy, info.Torch, info.SciPy, info.BLAS(), runtime.Version())
	fmt.Fprintf(&md, "Median of %d rounds (± half the range), wall time of the workload's call in its own process, sides alternated with the order flipped every round; threads pinned on both sides (GOMAXPROCS, OMP/OPENBLAS/MKL_NUM_THREADS, torch.set_num_threads).", *rounds)
	if *quick {
		md.WriteString(" **--quick: shrunk workloads, not the course's sizes.**")
	}
	if !done {
		md.WriteString(" **Interrupted: the medians are of the rounds that ran.**")
	}
	md.WriteString("\n\n")
	benchcmp.Markdown(&md, rows, *quick)
	stdout.Write(md.Bytes())
	if *out != "" {
		if err := os.WriteFile(*out, md.Bytes(), 0o644); err != nil {
			return err
		}
	}
	var bad []string
	if !done {
		bad = append(bad, "interrupted")
	}
	for _, row := range rows {
		switch {
		case row.Err != nil:
			bad = append(bad, fmt.Sprintf("%s (%d threads): %s side failed", row.W.Name, row.Threads, row.ErrSide))
		case row.Agree() != "":
			bad = append(bad, fmt.Sprintf("%s (%d threads): the sides disagree: %s", row.W.Name, row.Threads, row.Agree()))
		}
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}

func parseThreads(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("--threads=%q: want positive integers separated by commas, e.g. 1,2", s)
		}
		out = append(out, n)
	}
	return out, nil
}

func selectWorkloads(only string) ([]*benchcmp.Workload, error) {
	if only == "" {
		return benchcmp.Workloads, nil
	}
	var ws []*benchcmp.Workload
	for _, w := range benchcmp.Workloads {
		for _, p := range strings.Split(only, ",") {
			if p = strings.TrimSpace(p); p != "" && strings.HasPrefix(w.Name, p) {
				ws = append(ws, w)
				break
			}
		}
	}
	if len(ws) == 0 {
		return nil, fmt.Errorf("--only=%q matches no workload (see --list)", only)
	}
	return ws, nil
}

// prefixWriter starts every line with "benchcompare: ".
type prefixWriter struct{ w io.Writer }

func (p prefixWriter) Write(b []byte) (int, error) {
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if l == "" {
			continue
		}
		if _, err := io.WriteString(p.w, name+": "+l); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}

// loadAvg is the 1-minute load average (as uptime prints it), or "?".
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

// cpuModel is the processor's name from /proc/cpuinfo, or GOARCH.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH
}
