package benchcmp

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestMedianSpread(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{7}, 7},
		{[]float64{5, 5, 1, 9, 5}, 5},
	} {
		if got := Median(c.xs); got != c.want {
			t.Errorf("Median(%v) = %g, want %g", c.xs, got, c.want)
		}
	}
	if !math.IsNaN(Median(nil)) {
		t.Error("Median(nil) is not NaN")
	}
	xs := []float64{3, 1, 2}
	Median(xs)
	if xs[0] != 3 || xs[1] != 1 {
		t.Errorf("Median sorted its argument: %v", xs)
	}
	// half the range over the median: (3−1)/2/2
	if got := Spread([]float64{3, 1, 2}); got != 0.5 {
		t.Errorf("Spread = %g, want 0.5", got)
	}
	if got := Spread([]float64{4}); got != 0 {
		t.Errorf("Spread of one = %g, want 0", got)
	}
}

func TestOrderFlipsEveryRoundAndAlternatesJobs(t *testing.T) {
	for job := range 3 {
		for round := range 4 {
			o, next := Order(round, job), Order(round+1, job)
			if o[0] == o[1] {
				t.Fatalf("Order(%d, %d) = %v runs one side twice", round, job, o)
			}
			if o[0] == next[0] {
				t.Errorf("job %d: rounds %d and %d both start with %s", job, round, round+1, o[0])
			}
			if Order(round, job+1)[0] == o[0] {
				t.Errorf("round %d: jobs %d and %d both start with %s", round, job, job+1, o[0])
			}
		}
	}
}

func TestJobsParallelOnlyAtExtraThreadCounts(t *testing.T) {
	a := &Workload{Name: "a", Parallel: true}
	b := &Workload{Name: "b"}
	jobs := Jobs([]*Workload{a, b}, []int{1, 2, 4})
	var got []string
	for _, j := range jobs {
		got = append(got, fmt.Sprintf("%s/%d", j.W.Name, j.Threads))
	}
	if want := "a/1 b/1 a/2 a/4"; strings.Join(got, " ") != want {
		t.Errorf("Jobs = %v, want %s", got, want)
	}
}

// fakeRunner answers from tables and records every call.
type fakeRunner struct {
	calls []string
	times map[Side]map[string][]float64 // per side and workload: one time per call
	fail  map[string]int                // workload → the call number (1-based, per side python) that fails
	n     map[string]int
	check map[Side]map[string]float64
	// cancelAt > 0 cancels the context during that call (1-based), as an interrupt would.
	cancelAt int
	cancel   context.CancelFunc
}

func (f *fakeRunner) Run(ctx context.Context, side Side, w *Workload, threads int) (Result, error) {
	if f.cancelAt > 0 && len(f.calls)+1 == f.cancelAt {
		f.cancel()
		return Result{}, ctx.Err()
	}
	key := fmt.Sprintf("%s/%d", w.Name, threads)
	f.calls = append(f.calls, key+"/"+string(side))
	if f.n == nil {
		f.n = map[string]int{}
	}
	f.n[key+string(side)]++
	k := f.n[key+string(side)]
	if side == PySide && f.fail[w.Name] == k {
		return Result{}, errors.New("boom")
	}
	ts := f.times[side][w.Name]
	return Result{Workload: w.Name, Side: side, Threads: threads, Seconds: ts[(k-1)%len(ts)], CPUSeconds: ts[(k-1)%len(ts)] / 2, Check: f.check[side]}, nil
}

func TestCompareAlternatesAndTakesMedians(t *testing.T) {
	a := &Workload{Name: "a", Row: func(Params) string { return "A" }, Checks: []Check{{Name: "n"}}}
	b := &Workload{Name: "b", Row: func(Params) string { return "B" }, Checks: []Check{{Name: "n"}}}
	f := &fakeRunner{
		times: map[Side]map[string][]float64{
			GoSide: {"a": {1, 9, 2}, "b": {0.1, 0.1, 0.1}},
			PySide: {"a": {3, 4, 100}, "b": {1, 1, 1}},
		},
		fail:  map[string]int{"b": 2}, // b's Python side fails in round 2
		check: map[Side]map[string]float64{GoSide: {"n": 7}, PySide: {"n": 7}},
	}
	var progress []string
	rows, done := Compare(context.Background(), f, Jobs([]*Workload{a, b}, []int{1}), 3, func(format string, args ...any) {
		progress = append(progress, fmt.Sprintf(format, args...))
	})
	if !done {
		t.Error("Compare did not finish")
	}
	want := []string{
		"a/1/go", "a/1/python", "b/1/python", "b/1/go", // round 1: a starts with Go, b with Python
		"a/1/python", "a/1/go", "b/1/go", "b/1/python", // round 2: flipped; b's Python fails
		"a/1/go", "a/1/python", // round 3: b is not run again
	}
	if strings.Join(f.calls, " ") != strings.Join(want, " ") {
		t.Errorf("calls\n%v\nwant\n%v", f.calls, want)
	}
	if len(progress) != len(want) || !strings.Contains(progress[7], "boom") {
		t.Errorf("progress %q: want one line per call, the failure's with its error", progress)
	}
	ra, rb := rows[0], rows[1]
	if Median(ra.Go) != 2 || Median(ra.Py) != 4 || ra.Speedup() != 2 || ra.CPUSpeedup() != 2 {
		t.Errorf("row a: Go %v, Python %v, speed-up %g, CPU %g; want medians 2 and 4, speed-up 2", ra.Go, ra.Py, ra.Speedup(), ra.CPUSpeedup())
	}
	if ra.Err != nil || ra.Agree() != "" {
		t.Errorf("row a: err %v, agree %q", ra.Err, ra.Agree())
	}
	if rb.Err == nil || rb.ErrSide != PySide || len(rb.Py) != 1 || len(rb.Go) != 2 {
		t.Errorf("row b: err %v on %s, %d Python and %d Go times; want Python's error after 1 and 2", rb.Err, rb.ErrSide, len(rb.Py), len(rb.Go))
	}
}

// An interrupt stops the runs; what was measured is kept, and the cut-short run is not an
// error of its workload.
func TestCompareInterrupted(t *testing.T) {
	a := &Workload{Name: "a"}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &fakeRunner{
		times:    map[Side]map[string][]float64{GoSide: {"a": {1}}, PySide: {"a": {2}}},
		cancelAt: 4, cancel: cancel,
	}
	rows, done := Compare(ctx, f, Jobs([]*Workload{a}, []int{1}), 5, nil)
	// calls: Go, Python (round 1), Python, Go (round 2: interrupted)
	if done || len(f.calls) != 3 || rows[0].Err != nil || len(rows[0].Go) != 1 || len(rows[0].Py) != 2 {
		t.Errorf("interrupted in call 4: done %v, %d calls recorded, err %v, %d Go and %d Python times; want 3 calls, no error, 1 and 2",
			done, len(f.calls), rows[0].Err, len(rows[0].Go), len(rows[0].Py))
	}
}

func TestAgree(t *testing.T) {
	w := &Workload{Checks: []Check{{Name: "spikes"}, {Name: "loss", RelTol: 1e-2, AbsTol: 1e-4}}}
	row := func(g, p map[string]float64) Row { return Row{Job: Job{W: w}, GoCheck: g, PyCheck: p} }
	for _, c := range []struct {
		g, p map[string]float64
		want string // substring of the disagreement, "" for agreement
	}{
		{map[string]float64{"spikes": 12, "loss": 1.005}, map[string]float64{"spikes": 12, "loss": 1}, ""},
		{map[string]float64{"spikes": 12, "loss": 1.02}, map[string]float64{"spikes": 12, "loss": 1}, "loss: Go 1.02, Python 1"},
		{map[string]float64{"spikes": 13, "loss": 1}, map[string]float64{"spikes": 12, "loss": 1}, "spikes: Go 13, Python 12"},
		{map[string]float64{"spikes": 12}, map[string]float64{"spikes": 12, "loss": 1}, "loss missing"},
		{map[string]float64{"spikes": 12, "loss": math.NaN()}, map[string]float64{"spikes": 12, "loss": math.NaN()}, ""},
		{map[string]float64{"spikes": 12, "loss": math.NaN()}, map[string]float64{"spikes": 12, "loss": 1}, "loss: Go NaN"},
		{map[string]float64{"spikes": 12, "loss": 5e-5}, map[string]float64{"spikes": 12, "loss": 0}, ""},
	} {
		got := row(c.g, c.p).Agree()
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("Agree(Go %v, Python %v) = %q, want %q", c.g, c.p, got, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct {
		s    float64
		want string
	}{
		{237, "237 s"}, {45.83, "45.8 s"}, {2.07, "2.07 s"}, {0.237, "237 ms"}, {0.0221, "22.1 ms"},
		{0.000092, "92 µs"}, {4.16e-6, "4.16 µs"}, {math.NaN(), "–"},
	} {
		if got := FormatSeconds(c.s); got != c.want {
			t.Errorf("FormatSeconds(%g) = %q, want %q", c.s, got, c.want)
		}
	}
	for _, c := range []struct {
		x    float64
		want string
	}{
		{8.7, "8.7×"}, {14.2, "14×"}, {290, "290×"}, {1, "1.0×"}, {1 / 2.2, "**2.2× slower**"}, {0.33, "**3.0× slower**"},
		{math.NaN(), "–"}, {math.Inf(1), "–"},
	} {
		if got := FormatSpeedup(c.x); got != c.want {
			t.Errorf("FormatSpeedup(%g) = %q, want %q", c.x, got, c.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	w := &Workload{Name: "x", Row: func(p Params) string { return fmt.Sprintf("X at %d", p.Int("n")) },
		Full: Params{"n": 1000}, Quick: Params{"n": 10}, Checks: []Check{{Name: "spikes"}}}
	ok := Row{Job: Job{w, 1}, Go: []float64{0.2, 0.25, 0.3}, Py: []float64{2.07, 2.07, 2.07},
		GoCPU: []float64{0.2}, PyCPU: []float64{2},
		GoCheck: map[string]float64{"spikes": 2043}, PyCheck: map[string]float64{"spikes": 2043}}
	slow := Row{Job: Job{w, 2}, Go: []float64{1.27}, Py: []float64{0.58}, GoCPU: []float64{2.5}, PyCPU: []float64{0.58},
		GoCheck: map[string]float64{"spikes": 1}, PyCheck: map[string]float64{"spikes": 2}}
	failed := Row{Job: Job{w, 1}, Go: []float64{1}, Err: errors.New("no module named torch | x"), ErrSide: PySide}
	var b strings.Builder
	Markdown(&b, []Row{ok, slow, failed}, false)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	want := []string{
		"| workload | threads | Python | nma-go | Go vs Python | (CPU time) | same result |",
		"|---|---|---|---|---|---|---|",
		"| X at 1000 | 1 | 2.07 s ±0% | 250 ms ±20% | 8.3× | 10× | ✓ spikes 2043 |",
		"| X at 1000 | 2 | 580 ms | 1.27 s | **2.2× slower** | 4.3× slower | ✗ spikes: Go 1, Python 2 |",
		"| X at 1000 | 1 | – | 1 s | – | – | python failed: no module named torch \\| x |",
	}
	if len(lines) != len(want) {
		t.Fatalf("table\n%s\nwant %d lines", b.String(), len(want))
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d\n%s\nwant\n%s", i, lines[i], want[i])
		}
	}
	b.Reset()
	Markdown(&b, []Row{ok}, true)
	if !strings.Contains(b.String(), "| X at 10 |") {
		t.Errorf("quick table %q: want the quick sizes in the label", b.String())
	}
}

func TestResultLine(t *testing.T) {
	r := Result{Workload: "w", Side: GoSide, Threads: 2, Reps: 3, Seconds: 0.5, CPUSeconds: math.NaN(),
		Check: map[string]float64{"r12": math.NaN(), "spikes": 12}}
	line, err := FormatResult(r)
	if err != nil {
		t.Fatal(err)
	}
	out := "iteration 10/50 | loss: 1.0\n" + line + ">>> fraction correct = 0.5\n"
	got, err := ParseResult([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if got.Workload != "w" || got.Side != GoSide || got.Threads != 2 || got.Reps != 3 || got.Seconds != 0.5 ||
		!math.IsNaN(got.CPUSeconds) || !math.IsNaN(got.Check["r12"]) || got.Check["spikes"] != 12 {
		t.Errorf("round trip of %+v gave %+v", r, got)
	}
	// The last result line counts.
	r2 := r
	r2.Seconds = 0.75
	line2, _ := FormatResult(r2)
	if got, _ := ParseResult([]byte(line + line2)); got.Seconds != 0.75 {
		t.Errorf("two result lines: seconds %g, want the last one's 0.75", got.Seconds)
	}
	for _, bad := range []string{"nothing here\n", resultPrefix + "{not json\n", resultPrefix + `{"seconds": -1}` + "\n"} {
		if _, err := ParseResult([]byte(bad)); err == nil {
			t.Errorf("ParseResult(%q): no error", bad)
		}
	}
}

func TestThreadEnv(t *testing.T) {
	env := ThreadEnv([]string{"HOME=/x", "GOMAXPROCS=8", "OMP_NUM_THREADS=8", "PATH=/bin"}, 2)
	got := strings.Join(env, " ")
	want := "HOME=/x PATH=/bin GOMAXPROCS=2 OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2"
	if got != want {
		t.Errorf("ThreadEnv = %q, want %q", got, want)
	}
}
