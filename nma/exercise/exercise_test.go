package exercise

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma/outcome"
)

// one is a probe of a single comparison: f(1) against the solution's.
func one(r *Recorder, f func(float64) float64) { r.Float("f(1)", f(1), 1e-9) }

func oneExercise(sol func(float64) float64) Exercise {
	e := Define(Exercise{ID: "W9D9.T1.E1", Funcs: []string{"f"}}, one, func(float64) float64 { panic(TODO("W9D9.T1.E1")) })
	return WithSolutions([]Exercise{e}, map[string]any{"W9D9.T1.E1": sol})[0]
}

func TestTimesOut(t *testing.T) {
	old := Timeout
	Timeout = 50 * time.Millisecond
	defer func() { Timeout = old }()
	e := oneExercise(func(x float64) float64 { return x })
	r := e.Check(func(float64) float64 { select {} })
	if r.Status != outcome.Timeout || !strings.Contains(r.Message, "did not return within 50ms") {
		t.Errorf("timeout: %+v", r)
	}
}

// TestTimeoutDoesNotShareState: after a timeout the abandoned probe goes on recording and
// finally panics; under `go test -race` this proves the timeout path shares nothing with it
// unsynchronised (the old Run raced on its Result), and the verdict stays the timeout's.
func TestTimeoutDoesNotShareState(t *testing.T) {
	finished := make(chan struct{}, 1)
	probe := func(r *Recorder, _ any) {
		defer func() { finished <- struct{}{} }()
		for i := 0; i < 40; i++ {
			r.Float("slow(1)", 1, 1e-9)
			time.Sleep(time.Millisecond)
		}
		panic("a late panic must not change the verdict")
	}
	tr := Record(probe, nil, nil, 20*time.Millisecond)
	<-finished
	if tr.End != outcome.Timeout || !strings.Contains(tr.Message, "did not return within 20ms") {
		t.Errorf("timeout: %+v", tr)
	}
	if n := len(tr.Obs); n < 1 || n > 40 {
		t.Errorf("observations at the timeout = %d, want between 1 and 40", n)
	}
}

func TestFloatTolerance(t *testing.T) {
	for _, c := range []struct {
		want, got, tol float64
		ok             bool
	}{
		{1, 1 + 1e-10, 1e-9, true},
		{1e6, 1e6 + 1e-4, 1e-9, true}, // relative for large values
		{0, 1e-8, 1e-9, false},
		{math.NaN(), math.NaN(), 1e-9, true},
		{1, math.NaN(), 1e-9, false},
		{math.Inf(1), math.Inf(1), 1e-9, true},
		{math.Inf(1), math.Inf(-1), 1e-9, false},
	} {
		want := Transcript{Obs: []Obs{{Label: "x", Kind: KindFloat, Values: []float64{c.want}, Tol: c.tol}}, End: outcome.Passed}
		got := Transcript{Obs: []Obs{{Label: "x", Kind: KindFloat, Values: []float64{c.got}, Tol: c.tol}}}
		if r := Compare("W9D9.T1.E1", "f", want, got); r.OK() != c.ok {
			t.Errorf("want=%v, got=%v, tol=%v: ok=%v, want %v (%s)", c.want, c.got, c.tol, r.OK(), c.ok, r.Message)
		}
	}
}

func TestNotDone(t *testing.T) {
	e := oneExercise(func(x float64) float64 { return x })
	if r := e.Check(e.Stub); r.Status != outcome.NotDone || !NotDonePattern.MatchString(r.String()) {
		t.Errorf("stub: %+v", r)
	}
	// A string panic with the marker counts as not done, and names the exercise whose stub
	// is still there (a function may call another exercise's function).
	r := e.Check(func(float64) float64 { panic(TODO("W9D9.T2.E3").Error()) })
	if r.Status != outcome.NotDone || !strings.Contains(r.Message, "W9D9.T2.E3 is not done") {
		t.Errorf("string panic: %+v", r)
	}
	if (Exercise{ID: "W2D4.T1.E1"}).Day() != "w2d4" {
		t.Error("Day")
	}
}

func TestResultString(t *testing.T) {
	for _, c := range []struct {
		r    Result
		want string
	}{
		{Result{ID: "W9D9.T1.E1", Function: "f", Status: outcome.Passed, Cases: 3}, "✓ W9D9.T1.E1 f: correct (3 comparisons with the solution)"},
		{Result{ID: "W9D9.T1.E1", Function: "f", Status: outcome.Failed, Message: "f(1): expected 1, got 2"}, "✗ W9D9.T1.E1 f failed: f(1): expected 1, got 2"},
		{Result{ID: "W9D9.T1.E1", Function: "f", Status: outcome.Timeout, Message: "f did not return"}, "✗ W9D9.T1.E1 f timed out: f did not return"},
	} {
		if got := c.r.String(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	if got := (Result{ID: "W9D9.T1.E1", Function: "f", Status: outcome.Outcome(99), Message: "m"}).String(); got != "✗ W9D9.T1.E1 f outcome(99): m" {
		t.Errorf("an undefined status must not panic: %q", got)
	}
}
