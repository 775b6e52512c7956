package exercise

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma/outcome"
)

type sq = func(x float64) float64

// probeSq runs an implementation of x² on three inputs and checks it keeps a slice intact.
func probeSq(r *Recorder, f sq) {
	for _, x := range []float64{0, 1.5, -2} {
		r.Float(Describe("sq", "x", x), f(x), 1e-9)
	}
	in := []float64{1, 2}
	out := make([]float64, len(in))
	for i, x := range in {
		out[i] = f(x)
	}
	r.Floats("sq over [1 2]", out, 1e-9)
	r.Require("sq must be even: sq(-3) = sq(3)", f(-3) == f(3))
}

func sqExercise() Exercise {
	e := Define(Exercise{ID: "W9D9.T1.E1", Funcs: []string{"sq"}}, probeSq, sq(func(float64) float64 { panic(TODO("W9D9.T1.E1")) }))
	return WithSolutions([]Exercise{e}, map[string]any{"W9D9.T1.E1": sq(func(x float64) float64 { return x * x })})[0]
}

func TestProbeVerdicts(t *testing.T) {
	e := sqExercise()
	for _, c := range []struct {
		name string
		f    sq
		want outcome.Outcome
		msg  string
	}{
		{"solution", func(x float64) float64 { return x * x }, outcome.Passed, ""},
		{"rounding", func(x float64) float64 { return x*x + 1e-12 }, outcome.Passed, ""},
		{"wrong at 1.5", func(x float64) float64 { return x * 2 }, outcome.Failed, "sq(x=1.5): expected 2.25, got 3 (tolerance 1e-09)"},
		{"odd", func(x float64) float64 { return x*x + oddOnlyAt3(x) }, outcome.Failed, "sq must be even: sq(-3) = sq(3)"},
		{"not done", e.Stub.(sq), outcome.NotDone, "not done yet"},
		{"crash", func(x float64) float64 { var xs []float64; return xs[int(x)] }, outcome.Crashed, "sq panicked: runtime error: index out of range [0] with length 0"},
	} {
		r := e.Check(c.f)
		if r.Status != c.want || !strings.Contains(r.Message, c.msg) {
			t.Errorf("%s: %v, want %v with %q", c.name, r, c.want, c.msg)
		}
	}
	if r := e.Check(func(x int) int { return x }); r.Status != outcome.Crashed || !strings.Contains(r.Message, "the exercise needs func(float64) float64") {
		t.Errorf("wrong type: %v", r)
	}
	if r := e.Check(e.Solution); !r.OK() || r.Cases != 5 {
		t.Errorf("solution: %v, want 5 comparisons", r)
	}
}

// oddOnlyAt3 breaks evenness at ±3 only.
func oddOnlyAt3(x float64) float64 {
	if x == 3 {
		return 1
	}
	return 0
}

// The verdict of the grader: the solution's transcript beside one that travelled as JSON.
func TestCompareTranscripts(t *testing.T) {
	e := sqExercise()
	want := e.Expected()
	if want.End != outcome.Passed || len(want.Obs) != 5 {
		t.Fatalf("solution transcript: %+v", want)
	}
	wire := func(tr Transcript) Transcript {
		data, err := json.Marshal(tr)
		if err != nil {
			t.Fatal(err)
		}
		var back Transcript
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		return back
	}
	got := wire(Record(e.Probe, sq(func(x float64) float64 { return x * x }), nil, time.Second))
	if r := Compare(e.ID, "sq", want, got); !r.OK() {
		t.Errorf("the solution after JSON: %v", r)
	}
	// NaN and infinities travel bit for bit.
	nan := wire(Transcript{Obs: []Obs{{Label: "x", Kind: KindFloats, Values: []float64{math.NaN(), math.Inf(-1), math.Copysign(0, -1), 1e-310}}}})
	if v := nan.Obs[0].Values; !math.IsNaN(v[0]) || !math.IsInf(v[1], -1) || !math.Signbit(v[2]) || v[3] != 1e-310 {
		t.Errorf("values after JSON: %v", v)
	}
	// A forged transcript can claim values but not change labels, kinds or tolerances.
	forged := wire(Record(e.Probe, sq(func(x float64) float64 { return x * x }), nil, time.Second))
	forged.Obs[1].Tol, forged.Obs[1].Values[0] = 1e9, 100
	if r := Compare(e.ID, "sq", want, forged); r.Status != outcome.Failed || !strings.Contains(r.Message, "tolerance 1e-09") {
		t.Errorf("a forged tolerance was used: %v", r)
	}
	relabelled := wire(Record(e.Probe, sq(func(x float64) float64 { return x * x }), nil, time.Second))
	relabelled.Obs[0].Label = "something else"
	if r := Compare(e.ID, "sq", want, relabelled); r.Status != outcome.Failed || !strings.Contains(r.Message, "took another path") {
		t.Errorf("relabelled: %v", r)
	}
	short := Transcript{Obs: want.Obs[:2], End: outcome.Passed}
	if r := Compare(e.ID, "sq", want, short); r.Status != outcome.Failed || !strings.Contains(r.Message, "ended after 2 of 5") {
		t.Errorf("short: %v", r)
	}
	long := Transcript{Obs: append(append([]Obs{}, want.Obs...), want.Obs[0]), End: outcome.Passed}
	if r := Compare(e.ID, "sq", want, long); r.Status != outcome.Failed {
		t.Errorf("extra observations: %v", r)
	}
	if r := Compare(e.ID, "sq", Transcript{End: outcome.Crashed, Message: "boom"}, got); r.OK() {
		t.Errorf("a broken solution transcript passed: %v", r)
	}
}

func TestRecordTimeout(t *testing.T) {
	probe := func(r *Recorder, impl any) {
		for i := 0; ; i++ {
			r.Float("step", float64(i), 0)
			time.Sleep(time.Millisecond)
		}
	}
	tr := Record(probe, nil, nil, 30*time.Millisecond)
	if tr.End != outcome.Timeout || !strings.Contains(tr.Message, "did not return within 30ms") || len(tr.Obs) == 0 {
		t.Errorf("timeout: %+v", tr.End)
	}
	n := len(tr.Obs)
	time.Sleep(20 * time.Millisecond) // the abandoned probe ended at its next observation
	if n != len(tr.Obs) {
		t.Error("the transcript changed after the timeout")
	}
}

// In a notebook the probe stops at the first difference (a slow function is not run on
// every input after it is already wrong).
func TestCheckStopsAtFirstDifference(t *testing.T) {
	e := sqExercise()
	calls := 0
	r := e.Check(sq(func(x float64) float64 { calls++; return -1 }))
	if r.Status != outcome.Failed || calls != 1 || r.Cases != 1 {
		t.Errorf("%v after %d calls, want a failure after 1", r, calls)
	}
}

func TestWithSolutionsRejectsMistakes(t *testing.T) {
	e := Define(Exercise{ID: "W9D9.T1.E1"}, probeSq, sq(nil))
	for name, sols := range map[string]map[string]any{
		"missing":    {},
		"wrong type": {"W9D9.T1.E1": func(int) int { return 0 }},
		"unknown":    {"W9D9.T1.E1": sq(nil), "W9D9.T1.E2": sq(nil)},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: WithSolutions did not panic", name)
				}
			}()
			WithSolutions([]Exercise{e}, sols)
		}()
	}
	if r := e.Check(sq(nil)); r.Status != outcome.Crashed || !strings.Contains(r.Message, "no reference solutions") {
		t.Errorf("a check without solutions: %v", r)
	}
}
