package benchcmp

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/nma-go/nma-go/nma/checkout"
)

// TestMain lets the test binary be the Go worker of ProcRunner (TestPythonAgrees).
func TestMain(m *testing.M) {
	if os.Getenv("BENCHCMP_TEST_WORKER") == "1" {
		for i, a := range os.Args {
			if a == "--worker" {
				if err := WorkerMain(os.Args[i+1:], os.Stdout); err != nil {
					os.Stderr.WriteString(err.Error() + "\n")
					os.Exit(1)
				}
				os.Exit(0)
			}
		}
		os.Exit(2)
	}
	code := m.Run()
	if quickDir != "" {
		os.RemoveAll(quickDir)
	}
	os.Exit(code)
}

var (
	quickOnce sync.Once
	quickDir  string
	quickErr  error
)

// quickData prepares the quick inputs once for the package's tests.
func quickData(t *testing.T) string {
	t.Helper()
	quickOnce.Do(func() {
		quickDir, quickErr = os.MkdirTemp("", "benchcmp-quick-")
		if quickErr == nil {
			quickErr = PrepareData(quickDir, true, true, &bytes.Buffer{})
		}
	})
	if quickErr != nil {
		t.Fatal(quickErr)
	}
	return quickDir
}

func runGo(t *testing.T, name string, p Params, dir string) Result {
	t.Helper()
	var out bytes.Buffer
	if err := RunGo(name, p, dir, 1, &out); err != nil {
		t.Fatalf("RunGo(%s): %v", name, err)
	}
	r, err := ParseResult(out.Bytes())
	if err != nil {
		t.Fatalf("RunGo(%s) printed %q: %v", name, out.String(), err)
	}
	return r
}

// The Go side computes the course's numbers (data/reference/nma-week2.md), so the rows time
// the course's computations.
func TestGoSideComputesCourseNumbers(t *testing.T) {
	for _, c := range []struct {
		name   string
		p      Params // nil: the quick parameters
		check  string
		want   float64
		tol    float64
		source string
	}{
		// §4.3: the fixed points (0, 0), (0.336852, 0.168420), (0.938430, 0.672481).
		{"w2d4_wc_fixed_points", nil, "fp_sum", 0.336852 + 0.168420 + 0.938430 + 0.672481, 2e-6, "§4.3"},
		// §4.2: from (0.32, 0.15) to (0, 0), from (0.33, 0.15) to (0.9384, 0.6725).
		{"w2d4_wilson_cowan", nil, "rE_end_sum", 0.9384, 1e-4, "§4.2"},
		// §2.1: a = −0.5, dt = 0.001 (the quick step): x[−1] = 0.006733 after 10⁴ steps.
		{"w2d2_integrate_exponential", nil, "x_end", 0.006733, 5e-7, "§2.1"},
		{"w2d2_integrate_exponential", nil, "steps", 10000, 0, "§2.1"},
		// §3.1: DC with T = 100: 200 pA → 0 spikes, 250 → 5, 300 → 7.
		{"w2d3_lif_dc", Params{"T": 100, "dt": 0.1, "i_min": 200, "i_max": 301, "i_step": 50}, "spikes", 12, 0, "§3.1"},
		// The first spike of a regular train lifts g from 0 to ḡ·U0 = 1.2·U0 at every rate:
		// 8 STD rates at U0 = 0.5 and 20 STF rates at U0 = 0.2.
		{"w2d3_stp", nil, "g1_sum", 8*1.2*0.5 + 20*1.2*0.2, 1e-12, "analytic"},
	} {
		w := Lookup(c.name)
		p := c.p
		if p == nil {
			p = w.Params(true)
		}
		r := runGo(t, c.name, p, "")
		if got := r.Check[c.check]; !(math.Abs(got-c.want) <= c.tol) {
			t.Errorf("%s %s = %.7g, want %.7g ± %g (%s)", c.name, c.check, got, c.want, c.tol, c.source)
		}
	}
}

// Every workload runs at the quick size and reports every check its table row compares.
func TestGoWorkersQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the W2D1 networks at the quick size (seconds)")
	}
	dir := quickData(t)
	for _, w := range Workloads {
		r := runGo(t, w.Name, w.Params(true), dir)
		if r.Workload != w.Name || r.Side != GoSide || r.Reps != w.Params(true).Reps() || !(r.Seconds > 0) {
			t.Errorf("%s: result %+v", w.Name, r)
		}
		for _, c := range w.Checks {
			if v, ok := r.Check[c.Name]; !ok || math.IsInf(v, 0) {
				t.Errorf("%s: check %s = %v (present %v)", w.Name, c.Name, v, ok)
			}
		}
	}
}

func TestWorkerMainErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "needs a workload name"},
		{[]string{"no_such"}, `no workload "no_such"`},
		{[]string{"w2d4_wilson_cowan", "--params", "{bad"}, "--params="},
		{[]string{"w2d4_wilson_cowan", "--threads", "64"}, "GOMAXPROCS"},
		{[]string{"w2d1_t1_relu", "--params", `{"epochs": 1, "hidden": 10, "lr": 1e-4}`, "--data", t.TempDir()}, "resp_train.npy"},
	} {
		err := WorkerMain(c.args, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("WorkerMain(%q): error %v, want one mentioning %q", c.args, err, c.want)
		}
	}
}

// The Python side (bench.py) computes what the Go side computes, workload by workload, at the
// quick sizes. It needs the harness's Python environment (make bench-compare installs it)
// and is skipped without it: Python is not a dependency of the course.
func TestPythonAgrees(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every workload in Python and Go (about a minute)")
	}
	root, err := checkout.FindRoot(".")
	if err != nil {
		t.Skip(err)
	}
	py := VenvPython(root)
	if err := Ready(py); err != nil {
		t.Skipf("no Python side: %v (make bench-compare installs it)", err)
	}
	dir := quickData(t)
	script := filepath.Join(t.TempDir(), "bench.py")
	if err := os.WriteFile(script, BenchPy(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BENCHCMP_TEST_WORKER", "1")
	r := ProcRunner{GoWorker: []string{os.Args[0]}, Python: py, Script: script, Data: dir, Quick: true}
	rows, _ := Compare(context.Background(), r, Jobs(Workloads, []int{1}), 1, nil)
	for _, row := range rows {
		switch {
		case row.Err != nil:
			t.Errorf("%s: %s side: %v", row.W.Name, row.ErrSide, row.Err)
		case row.Agree() != "":
			t.Errorf("%s: the sides disagree: %s", row.W.Name, row.Agree())
		}
	}
	info, err := r.Info(1)
	if err != nil {
		t.Fatal(err)
	}
	if info.Env["OPENBLAS_NUM_THREADS"] != "1" || info.TorchThreads != 1 {
		t.Errorf("Python side at 1 thread: OPENBLAS_NUM_THREADS=%q, torch threads %d", info.Env["OPENBLAS_NUM_THREADS"], info.TorchThreads)
	}
}
