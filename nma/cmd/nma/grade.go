package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/nma-go/nma-go/exercises/all"
	"github.com/nma-go/nma-go/nma/grade"
)

const gradeUsage = `Usage: nma grade [flags] SUBMISSION...

Grades student notebooks: SUBMISSION is a .ipynb file, a folder (searched recursively) or a
glob. For each notebook it finds the exercise cells (by metadata, else by the function they
define), runs each exercise's check on the student's code in a sandboxed process, and prints
a table (student × exercise, points). The exit status is 0 whenever grading finished,
whatever the scores.

The student is the first folder under a folder argument (nbgrader's submitted/<student>/…),
else the file name without .ipynb and without the course notebook's name
(alice_W2D4_Tutorial1.ipynb → alice).

Points file (--points): one "NAME = POINTS" per line, # comments:
    default = 1        # every exercise (default 1)
    bonus = 0          # bonus exercises: extra credit, not in the maximum (default 0)
    W2D4.T1.E3 = 2     # an exercise ID, or a glob such as W2D3.*; the last match wins

Flags:
`

func cmdGrade(args []string) error {
	fs := flag.NewFlagSet("grade", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), gradeUsage)
		fs.PrintDefaults()
	}
	exercises := fs.String("exercises", "", "grade only the exercises whose ID matches one of these comma-separated globs, e.g. 'W2D3.*'")
	jobs := fs.Int("jobs", runtime.NumCPU(), "notebooks graded at once")
	shard := fs.String("shard", "", "grade only shard `k/n` of the students (for a CI matrix)")
	csvFile := fs.String("csv", "", "write the gradebook (student, points per exercise, total) as CSV to `FILE`")
	feedback := fs.String("feedback-csv", "", "write one row per student and exercise (verdict, points, message) as CSV to `FILE`")
	htmlFile := fs.String("html", "", "write a browsable report with per-student feedback to `FILE`")
	points := fs.String("points", "", "read the points per exercise from `FILE` (default: 1 each, bonus 0)")
	timeout := fs.Duration("timeout", grade.DefaultTimeout, "how long a check waits for a student's function (then: timeout)")
	memory := fs.Int("memory", 2048, "memory (address-space) limit of each run, in `MiB`")
	cache := fs.String("cache", "", "keep the built student programs in `DIR` and reuse them in later runs (e.g. after changing --points)")
	quiet := fs.Bool("quiet", false, "no progress lines on stderr")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return exitError(2)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError(2)
	}
	if *jobs < 1 {
		return fmt.Errorf("--jobs=%d must be at least 1", *jobs)
	}
	if *timeout <= 0 {
		return fmt.Errorf("--timeout=%v must be positive", *timeout)
	}
	if *memory < 64 {
		return fmt.Errorf("--memory=%d: want at least 64 MiB", *memory)
	}
	r, err := root()
	if err != nil {
		return err
	}
	opts := grade.Options{Root: r, Exercises: all.Exercises(), Jobs: *jobs, Timeout: *timeout,
		Memory: uint64(*memory) << 20, CacheDir: *cache, Log: os.Stderr}
	if *quiet {
		opts.Log = nil
	}
	if *exercises != "" {
		if opts.Select, err = grade.ParseSelection(*exercises); err != nil {
			return fmt.Errorf("--exercises: %w", err)
		}
	}
	if *shard != "" {
		if opts.Shard, opts.Shards, err = parseShard(*shard); err != nil {
			return err
		}
	}
	if *points != "" {
		p, err := grade.ReadPoints(*points)
		if err != nil {
			return fmt.Errorf("--points: %w", err)
		}
		for _, u := range p.Unused(opts.Exercises) {
			fmt.Fprintf(os.Stderr, "nma grade: warning: %s line %d: %q matches no exercise\n", *points, u.Line, u.Pattern)
		}
		opts.Points = &p
	}
	rep, err := grade.Run(fs.Args(), opts)
	if err != nil {
		return err
	}
	rep.PrintTable(os.Stdout)
	write := func(file string, f func(io.Writer) error) error {
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
		fmt.Fprintf(os.Stderr, "nma grade: wrote %s\n", file)
		return nil
	}
	if err := write(*csvFile, func(w io.Writer) error { return grade.WriteCSV(w, rep.Scores()) }); err != nil {
		return err
	}
	if err := write(*feedback, func(w io.Writer) error { return grade.WriteCSV(w, rep.Feedback()) }); err != nil {
		return err
	}
	if err := write(*htmlFile, rep.WriteHTML); err != nil {
		return err
	}
	if rep.Sandbox != "" && !*quiet {
		fmt.Fprintln(os.Stderr, "nma grade: sandbox:", strings.TrimSpace(rep.Sandbox))
	}
	return nil
}
