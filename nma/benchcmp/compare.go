package benchcmp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// Side is one implementation of a workload: the course's Python or nma-go.
type Side string

const (
	GoSide Side = "go"
	PySide Side = "python"
)

// Params are a workload's sizes and settings, passed to both sides as JSON. "reps" is the
// number of timed calls of one worker run (after one untimed call when it is above 1).
type Params map[string]float64

// Int returns p[key] as an int.
func (p Params) Int(key string) int { return int(math.Round(p[key])) }

// Reps is the number of timed calls, at least 1.
func (p Params) Reps() int { return max(p.Int("reps"), 1) }

// Check is a value both sides compute (a spike count, a final loss) and the tolerance within
// which they must agree: |go − python| ≤ AbsTol + RelTol·|python|.
type Check struct {
	Name           string
	RelTol, AbsTol float64
}

// Result is what one worker run reports: the wall time per call and the check values.
type Result struct {
	Workload string  `json:"workload"`
	Side     Side    `json:"side"`
	Threads  int     `json:"threads"`
	Reps     int     `json:"reps"`
	Seconds  float64 `json:"seconds"` // per call: the mean wall time of Reps timed calls
	// CPUSeconds is the process's CPU time (user + system, all threads) per call: on a
	// shared machine it varies less than the wall time (NaN where it is not measured).
	CPUSeconds float64            `json:"cpu_seconds"`
	Check      map[string]float64 `json:"check"`
}

// resultPrefix starts the line a worker prints its Result on (as JSON); everything else a
// worker prints (the course's progress lines) is ignored.
const resultPrefix = "BENCHCMP "

// wireResult is Result as JSON: NaN (a correlation of a silent neuron, a CPU time not
// measured) travels as null.
type wireResult struct {
	Workload   string              `json:"workload"`
	Side       Side                `json:"side"`
	Threads    int                 `json:"threads"`
	Reps       int                 `json:"reps"`
	Seconds    float64             `json:"seconds"`
	CPUSeconds *float64            `json:"cpu_seconds"`
	Check      map[string]*float64 `json:"check"`
}

func toWire(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func fromWire(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// FormatResult is the line a worker prints.
func FormatResult(r Result) (string, error) {
	w := wireResult{Workload: r.Workload, Side: r.Side, Threads: r.Threads, Reps: r.Reps, Seconds: r.Seconds,
		CPUSeconds: toWire(r.CPUSeconds), Check: map[string]*float64{}}
	for k, v := range r.Check {
		w.Check[k] = toWire(v)
	}
	b, err := json.Marshal(w)
	if err != nil {
		return "", err
	}
	return resultPrefix + string(b) + "\n", nil
}

// ParseResult finds the last result line in a worker's output.
func ParseResult(out []byte) (Result, error) {
	lines := bytes.Split(out, []byte("\n"))
	for i := len(lines) - 1; i >= 0; i-- {
		l := bytes.TrimSpace(lines[i])
		if !bytes.HasPrefix(l, []byte(resultPrefix)) {
			continue
		}
		var w wireResult
		if err := json.Unmarshal(l[len(resultPrefix):], &w); err != nil {
			return Result{}, fmt.Errorf("bad result line %q: %w", l, err)
		}
		if !(w.Seconds >= 0) || math.IsInf(w.Seconds, 0) {
			return Result{}, fmt.Errorf("result line %q: seconds=%g is not a duration", l, w.Seconds)
		}
		r := Result{Workload: w.Workload, Side: w.Side, Threads: w.Threads, Reps: w.Reps, Seconds: w.Seconds,
			CPUSeconds: fromWire(w.CPUSeconds), Check: map[string]float64{}}
		for k, v := range w.Check {
			r.Check[k] = fromWire(v)
		}
		return r, nil
	}
	return Result{}, errors.New("the worker printed no result line (" + strings.TrimSpace(resultPrefix) + " {…})")
}

// Runner runs one worker: one side of one workload at a thread count, as its own process
// (stopped when ctx is done).
type Runner interface {
	Run(ctx context.Context, side Side, w *Workload, threads int) (Result, error)
}

// Job is one row of the comparison: a workload at a thread count.
type Job struct {
	W       *Workload
	Threads int
}

// Jobs lists the rows: every workload at the first thread count, and the parallel ones
// (Workload.Parallel) at each further count too.
func Jobs(ws []*Workload, threads []int) []Job {
	var jobs []Job
	for i, t := range threads {
		for _, w := range ws {
			if i == 0 || w.Parallel {
				jobs = append(jobs, Job{w, t})
			}
		}
	}
	return jobs
}

// Order is which side runs first: it flips every round, and neighbouring jobs start with
// different sides, so neither side always runs on a machine the other has just warmed up
// (or heated).
func Order(round, job int) [2]Side {
	if (round+job)%2 == 0 {
		return [2]Side{GoSide, PySide}
	}
	return [2]Side{PySide, GoSide}
}

// Row is a job's measurements: the time per call of each round on each side, the check
// values of the last round, and the error that stopped the job, if any.
type Row struct {
	Job
	Go, Py           []float64 // wall time per call, one per round
	GoCPU, PyCPU     []float64 // CPU time per call, one per round
	GoCheck, PyCheck map[string]float64
	Err              error
	ErrSide          Side
}

// Compare runs rounds × jobs × both sides, round by round (each round visits every job,
// so slow drifts of the machine's load spread over all rows), alternating the sides in the
// order Order gives. A job whose worker fails is reported with its error and not run
// again. progress, when not nil, is told about every run. When ctx is done (an interrupt),
// Compare stops and returns what it measured so far, with done = false.
func Compare(ctx context.Context, r Runner, jobs []Job, rounds int, progress func(format string, args ...any)) (rows []Row, done bool) {
	rows = make([]Row, len(jobs))
	for j, job := range jobs {
		rows[j].Job = job
	}
	for round := range rounds {
		for j := range jobs {
			row := &rows[j]
			for _, side := range Order(round, j) {
				if row.Err != nil {
					break
				}
				if ctx.Err() != nil {
					return rows, false
				}
				res, err := r.Run(ctx, side, row.W, row.Threads)
				if ctx.Err() != nil {
					return rows, false // the run was cut short: not a failure of the workload
				}
				if err != nil {
					row.Err, row.ErrSide = err, side
					if progress != nil {
						progress("round %d/%d %s (%d thread%s) %s: %v", round+1, rounds, row.W.Name, row.Threads, plural(row.Threads), side, err)
					}
					break
				}
				if side == GoSide {
					row.Go, row.GoCPU, row.GoCheck = append(row.Go, res.Seconds), append(row.GoCPU, res.CPUSeconds), res.Check
				} else {
					row.Py, row.PyCPU, row.PyCheck = append(row.Py, res.Seconds), append(row.PyCPU, res.CPUSeconds), res.Check
				}
				if progress != nil {
					progress("round %d/%d %s (%d thread%s) %s: %s (CPU %s)", round+1, rounds, row.W.Name, row.Threads, plural(row.Threads), side,
						FormatSeconds(res.Seconds), FormatSeconds(res.CPUSeconds))
				}
			}
		}
	}
	return rows, true
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Median is the median of xs (the mean of the middle two for an even count); NaN for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Spread is half the range of xs relative to their median: the ± of the table.
func Spread(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return (hi - lo) / 2 / Median(xs)
}

// Speedup is how many times faster Go is than Python: the ratio of the medians of the
// wall times.
func (r Row) Speedup() float64 { return Median(r.Py) / Median(r.Go) }

// CPUSpeedup is the ratio of the medians of the CPU times, Python/Go.
func (r Row) CPUSpeedup() float64 { return Median(r.PyCPU) / Median(r.GoCPU) }

// Agree compares the two sides' check values within the workload's tolerances. It returns
// a description of the first disagreement, or "" when all agree.
func (r Row) Agree() string {
	for _, c := range r.W.Checks {
		g, okG := r.GoCheck[c.Name]
		p, okP := r.PyCheck[c.Name]
		switch {
		case !okG || !okP:
			return fmt.Sprintf("%s missing (Go %v, Python %v)", c.Name, okG, okP)
		case math.IsNaN(g) && math.IsNaN(p):
		case !(math.Abs(g-p) <= c.AbsTol+c.RelTol*math.Abs(p)):
			return fmt.Sprintf("%s: Go %.6g, Python %.6g", c.Name, g, p)
		}
	}
	return ""
}

// FormatSeconds writes a duration with three significant digits in s, ms or µs.
func FormatSeconds(s float64) string {
	switch {
	case math.IsNaN(s):
		return "–"
	case s >= 100:
		return fmt.Sprintf("%.0f s", s)
	case s >= 1:
		return fmt.Sprintf("%.3g s", s)
	case s >= 1e-3:
		return sig3(s*1e3) + " ms"
	default:
		return sig3(s*1e6) + " µs"
	}
}

func sig3(v float64) string {
	if v >= 100 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.3g", v)
}

// FormatSpeedup writes a ratio Python/Go as the table's last column: "8.7×" when Go is
// faster, "**2.2× slower**" when it is slower.
func FormatSpeedup(x float64) string {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || x <= 0:
		return "–"
	case x >= 1:
		return ratio(x) + "×"
	default:
		return "**" + ratio(1/x) + "× slower**"
	}
}

func ratio(x float64) string {
	if x >= 10 {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.1f", x)
}

// Markdown writes the table: one row per job with the median wall time per call of each
// side (± half the range over the rounds), the speed-up, the speed-up in CPU time, and
// whether the two sides computed the same result.
func Markdown(w io.Writer, rows []Row, quick bool) {
	fmt.Fprintln(w, "| workload | threads | Python | nma-go | Go vs Python | (CPU time) | same result |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, r := range rows {
		label := r.W.Row(r.W.Params(quick))
		if r.Err != nil {
			msg := strings.ReplaceAll(strings.TrimSpace(r.Err.Error()), "\n", " ")
			msg = strings.ReplaceAll(msg, "|", "\\|")
			if len(msg) > 200 {
				msg = msg[:200] + "…"
			}
			fmt.Fprintf(w, "| %s | %d | %s | %s | – | – | %s failed: %s |\n", label, r.Threads, timeCell(r.Py), timeCell(r.Go), r.ErrSide, msg)
			continue
		}
		same := "✓"
		if d := r.Agree(); d != "" {
			same = "✗ " + d
		} else if len(r.W.Checks) > 0 {
			c := r.W.Checks[0]
			same += " " + c.Name + " " + formatCheck(r.GoCheck[c.Name])
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s |\n", label, r.Threads, timeCell(r.Py), timeCell(r.Go),
			FormatSpeedup(r.Speedup()), strings.ReplaceAll(FormatSpeedup(r.CPUSpeedup()), "**", ""), same)
	}
}

func timeCell(xs []float64) string {
	if len(xs) == 0 {
		return "–"
	}
	s := FormatSeconds(Median(xs))
	if len(xs) > 1 {
		s += fmt.Sprintf(" ±%.0f%%", 100*Spread(xs))
	}
	return s
}

// formatCheck writes a check value: a count as an integer, anything else with 4 digits.
func formatCheck(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.4g", v)
}
