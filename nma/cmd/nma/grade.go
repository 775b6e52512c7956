package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/grade"
	"github.com/nma-go/nma-go/nma/progress"
)

const gradeUsage = `Usage: nma grade [flags] SUBMISSION...
       nma grade merge [--csv FILE] [--feedback-csv FILE] [--html FILE] [--quiet] RESULTS...

Grades student notebooks: SUBMISSION is a .ipynb file, a folder (searched recursively) or a
glob. For each notebook it finds the exercise cells (by metadata, else by the function they
define), runs each exercise's check on the student's code in a sandboxed process, and prints
a table (student × exercise, points) and the notes on submissions. The exit status is 0
whenever grading finished, whatever the scores; 2 with a one-line reason otherwise.

The student is the first folder under a folder argument (nbgrader's submitted/<student>/…),
else the file name without .ipynb and without the course notebook's name
(alice_W2D4_Tutorial1.ipynb → alice).

Only regular files of at most 20 MiB are read. A FIFO, device or socket, a larger file, or a
symbolic link out of the folder argument or to another student's file is an invalid
notebook with the reason. Notebooks in hidden folders (.ipynb_checkpoints, …) and extra
copies of a notebook ("X (1).ipynb") are not graded and are listed in the notes.

Large classes: run each shard with --shard k/n --results shard-k.json (on separate machines
if you like), then
    nma grade merge --csv grades.csv --feedback-csv feedback.csv --html report.html shard-*.json
writes the same files an unsharded run would have. merge refuses results that do not fit
together (another course version, other exercises or points, a missing or repeated shard).

Points file (--points): one "NAME = POINTS" per line, # comments:
    default = 1        # every exercise (default 1)
    bonus = 0          # bonus exercises: extra credit, not in the maximum (default 0)
    W2D4.T1.E3 = 2     # an exercise ID, or a glob such as W2D3.*; the last match wins

Flags:
`

// gradeFail is the error that ends nma grade (or cmd, "grade merge"): one line (student-
// controlled text in it is cleaned) and exit status 2.
func gradeFail(err error, cmd ...string) error {
	name := "grade"
	if len(cmd) > 0 {
		name = cmd[0]
	}
	return &commandError{cmd: name, err: errors.New(grade.CleanText(err.Error(), 2000)), code: 2}
}

func cmdGrade(args []string) error {
	if len(args) > 0 && args[0] == "merge" {
		return cmdGradeMerge(args[1:])
	}
	fs := flag.NewFlagSet("grade", flag.ContinueOnError)
	usage := func() {
		fs.SetOutput(os.Stdout)
		fmt.Print(gradeUsage)
		fs.PrintDefaults()
	}
	exercises := fs.String("exercises", "", "grade only the exercises whose ID matches one of these comma-separated globs, e.g. 'W2D3.*'")
	jobs := fs.Int("jobs", runtime.NumCPU(), "notebooks graded at once")
	shard := fs.String("shard", "", "grade only shard `k/n` of the students (for a CI matrix; merge the --results files)")
	results := fs.String("results", "", "write every grade as JSON to `FILE`, for nma grade merge")
	out := reportFlags(fs)
	points := fs.String("points", "", "read the points per exercise from `FILE` (default: 1 each, bonus 0)")
	timeout := fs.Duration("timeout", grade.DefaultTimeout, "how long a check waits for a student's function (then: timeout)")
	memory := fs.Int("memory", 2048, "memory (address-space) limit of each run, in `MiB`")
	cache := fs.String("cache", "", "keep the built student programs in `DIR` and reuse them in later runs (e.g. after changing --points)")
	quiet := fs.Bool("quiet", false, "no progress lines (nor, on a terminal, progress bar) on stderr")
	trusted := fs.Bool("trusted-input", false, "grade even where the sandbox (bubblewrap, user namespaces) cannot be set up: only for code you trust")
	if done, err := parseGradeFlags(fs, args, usage, "SUBMISSION"); done {
		return err
	}
	m := messages("grade")
	if *jobs < 1 {
		return gradeFail(fmt.Errorf("--jobs=%d must be at least 1", *jobs))
	}
	if *timeout <= 0 {
		return gradeFail(fmt.Errorf("--timeout=%v must be positive", *timeout))
	}
	if *memory < 64 {
		return gradeFail(fmt.Errorf("--memory=%d: want at least 64 MiB", *memory))
	}
	r, err := root()
	if err != nil {
		return gradeFail(err)
	}
	opts := grade.Options{Root: r, Exercises: all.Exercises(), Jobs: *jobs, Timeout: *timeout,
		Memory: uint64(*memory) << 20, CacheDir: *cache, Log: m.log(), TrustedInput: *trusted}
	if *quiet {
		opts.Log = nil
	}
	if *exercises != "" {
		if opts.Select, err = grade.ParseSelection(*exercises); err != nil {
			return gradeFail(fmt.Errorf("--exercises: %w", err))
		}
	}
	if *shard != "" {
		if opts.Shard, opts.Shards, err = parseShard(*shard); err != nil {
			return gradeFail(err)
		}
	}
	if *points != "" {
		p, err := grade.ReadPoints(*points)
		if err != nil {
			return gradeFail(fmt.Errorf("--points: %w", err))
		}
		for _, u := range p.Unused(opts.Exercises) {
			m.warn("%s line %d: %q matches no exercise", *points, u.Line, u.Pattern)
		}
		opts.Points = &p
	}
	if !*quiet {
		// A bar on stderr when it is a terminal: exercises graded of students × exercises.
		bar := progress.New(m.prefix() + "grading")
		defer bar.Close()
		opts.Progress, opts.Log = bar.Update, bar.Writer(opts.Log)
	}
	rep, err := grade.Run(fs.Args(), opts)
	if err != nil {
		return gradeFail(err)
	}
	rep.PrintTable(os.Stdout)
	if err := writeReportFile(m, *results, rep.WriteResults); err != nil {
		return gradeFail(err)
	}
	if err := out.write(m, rep); err != nil {
		return gradeFail(err)
	}
	if rep.Sandbox != "" && !*quiet {
		m.progress("sandbox: %s", grade.CleanText(rep.Sandbox, 2000))
	}
	return nil
}

// cmdGradeMerge merges the results files of the shards of a class into the reports an
// unsharded run would have written.
func cmdGradeMerge(args []string) error {
	fs := flag.NewFlagSet("grade merge", flag.ContinueOnError)
	usage := func() {
		fs.SetOutput(os.Stdout)
		fmt.Print(`Usage: nma grade merge [--csv FILE] [--feedback-csv FILE] [--html FILE] [--quiet] RESULTS...

Merges the --results files of the shards of one class (nma grade --shard k/n --results FILE)
into the table, gradebook, feedback and report an unsharded run would have produced
(byte-identical files). Refuses results that do not fit together: another course version or
Go toolchain, other exercises, points or limits, another class, a shard missing or given twice.

Flags:
`)
		fs.PrintDefaults()
	}
	out := reportFlags(fs)
	quiet := fs.Bool("quiet", false, "do not print the table and the sandbox note")
	if done, err := parseGradeFlags(fs, args, usage, "RESULTS"); done {
		return err
	}
	m := messages("grade merge")
	rep, err := grade.Merge(fs.Args()...)
	if err != nil {
		return gradeFail(err, m.cmd)
	}
	if !*quiet {
		rep.PrintTable(os.Stdout)
	}
	if err := out.write(m, rep); err != nil {
		return gradeFail(err, m.cmd)
	}
	if rep.Sandbox != "" && !*quiet {
		m.progress("sandbox: %s", grade.CleanText(rep.Sandbox, 2000))
	}
	return nil
}

// parseGradeFlags parses the command line: -h prints the usage (exit status 0); a bad flag
// or no argument is one line on stderr and exit status 2. done: the command ends here
// with err.
func parseGradeFlags(fs *flag.FlagSet, args []string, usage func(), what string) (done bool, err error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return true, nil
		}
		return true, gradeFail(fmt.Errorf("%v (see nma %s -h)", err, fs.Name()), fs.Name())
	}
	if fs.NArg() == 0 {
		return true, gradeFail(fmt.Errorf("no %s given (see nma %s -h)", what, fs.Name()), fs.Name())
	}
	return false, nil
}

// reportOutputs are the report files a grading or a merge writes.
type reportOutputs struct{ csv, feedback, html *string }

func reportFlags(fs *flag.FlagSet) reportOutputs {
	return reportOutputs{
		csv:      fs.String("csv", "", "write the gradebook (student, points per exercise, total) as CSV to `FILE`"),
		feedback: fs.String("feedback-csv", "", "write one row per student and exercise (verdict, points, message, diagnosed mistake) as CSV to `FILE`"),
		html:     fs.String("html", "", "write a browsable report with per-student feedback to `FILE`"),
	}
}

func (o reportOutputs) write(m msgs, rep *grade.Report) error {
	if err := writeReportFile(m, *o.csv, func(w io.Writer) error { return grade.WriteCSV(w, rep.Scores()) }); err != nil {
		return err
	}
	if err := writeReportFile(m, *o.feedback, func(w io.Writer) error { return grade.WriteCSV(w, rep.Feedback()) }); err != nil {
		return err
	}
	return writeReportFile(m, *o.html, rep.WriteHTML)
}

// writeReportFile writes file (nothing when file is "") with f.
func writeReportFile(m msgs, file string, f func(io.Writer) error) error {
	if file == "" {
		return nil
	}
	if dir := filepath.Dir(file); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	out, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := f(out); err != nil {
		out.Close()
		return fmt.Errorf("%s: %w", file, err)
	}
	if err := out.Close(); err != nil {
		return err
	}
	m.progress("wrote %s", file)
	return nil
}
