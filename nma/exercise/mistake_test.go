package exercise

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma/outcome"
)

// The catalogue of sq's classic mistakes (probeSq: x = 0, 1.5, −2, then [1 2], then
// evenness).
var sqMistakes = Mistakes{"W9D9.T1.E1": {
	{Name: "plus one", Hint: "nothing is added to the square", Impl: sq(func(x float64) float64 { return x*x + 1 })},
	{Name: "sign kept", Hint: "a square is never negative: x·x, not x·|x|", Impl: sq(func(x float64) float64 { return x * math.Abs(x) })},
}}

func sqWithMistakes() Exercise {
	e := Define(Exercise{ID: "W9D9.T1.E1", Funcs: []string{"sq"}}, probeSq, sq(func(float64) float64 { panic(TODO("W9D9.T1.E1")) }))
	return WithSolutions([]Exercise{e}, map[string]any{"W9D9.T1.E1": sq(func(x float64) float64 { return x * x })}, sqMistakes)[0]
}

func TestDiagnosis(t *testing.T) {
	e := sqWithMistakes()
	if len(e.Mistakes) != 2 || len(e.KnownMistakes()) != 2 {
		t.Fatalf("mistakes: %d, known %d", len(e.Mistakes), len(e.KnownMistakes()))
	}
	for _, c := range []struct {
		name    string
		f       sq
		want    outcome.Outcome
		mistake string
		msg     string // the whole message
	}{
		{"plus one", func(x float64) float64 { return x*x + 1 }, outcome.Failed, "plus one",
			"looks like: plus one — nothing is added to the square\nsq(x=0): expected 0, got 1 (tolerance 1e-09)"},
		// Within the check's tolerance of the variant is a match.
		{"plus one, rounded", func(x float64) float64 { return x*x + 1 + 1e-12 }, outcome.Failed, "plus one", "looks like: plus one"},
		// The variant's evenness fails too (a condition is part of the transcript).
		{"sign kept", func(x float64) float64 { return x * math.Abs(x) }, outcome.Failed, "sign kept",
			"looks like: sign kept — a square is never negative: x·x, not x·|x|\nsq(x=-2): expected 4, got -4 (tolerance 1e-09)"},
		// Like a variant on the first cases only: no diagnosis, today's message.
		{"plus one, then other", func(x float64) float64 {
			if x == -2 {
				return 0
			}
			return x*x + 1
		}, outcome.Failed, "", "sq(x=0): expected 0, got 1 (tolerance 1e-09)"},
		{"unknown", func(x float64) float64 { return -1 }, outcome.Failed, "", "sq(x=0): expected 0, got -1 (tolerance 1e-09)"},
		{"solution", func(x float64) float64 { return x * x }, outcome.Passed, "", ""},
		{"stub", e.Stub.(sq), outcome.NotDone, "", "nma: exercise W9D9.T1.E1 is not done yet"},
		// A variant's outputs and then a crash: the first difference is the verdict, no diagnosis.
		{"plus one, then crash", func(x float64) float64 {
			if x == 2 {
				panic("boom")
			}
			return x*x + 1
		}, outcome.Failed, "", "sq(x=0): expected 0, got 1"},
	} {
		r := e.Check(c.f)
		if r.Status != c.want || r.Mistake != c.mistake || !strings.HasPrefix(r.Message, c.msg) {
			t.Errorf("%s: %v (mistake %q), want %v, mistake %q, message %q", c.name, r, r.Mistake, c.want, c.mistake, c.msg)
		}
		if c.mistake != "" && (r.Hint == "" || !strings.Contains(r.String(), "failed: looks like: "+c.mistake+" — ")) {
			t.Errorf("%s: hint %q, String %q", c.name, r.Hint, r.String())
		}
		// The grader's path: the whole transcript (as a sandboxed program sends it, through
		// JSON), judged in the trusted process, gives the same verdict.
		full := Record(e.Probe, c.f, nil, time.Second)
		data, err := json.Marshal(full)
		if err != nil {
			t.Fatal(err)
		}
		var wire Transcript
		if err := json.Unmarshal(data, &wire); err != nil {
			t.Fatal(err)
		}
		g := e.Judge("sq", wire)
		if g.Status != r.Status || g.Mistake != r.Mistake || g.Message != r.Message {
			t.Errorf("%s: the grader's verdict %v (mistake %q) differs from the notebook's %v (mistake %q)", c.name, g, g.Mistake, r, r.Mistake)
		}
	}
}

// A notebook's check still stops at the first difference when no mistake agrees, and runs a
// function that makes a known mistake on every case (and no more).
func TestDiagnosisStopsEarly(t *testing.T) {
	e := sqWithMistakes()
	calls := 0
	if r := e.Check(sq(func(x float64) float64 { calls++; return -1 })); r.Status != outcome.Failed || calls != 1 {
		t.Errorf("%v after %d calls, want a failure after 1", r, calls)
	}
	calls = 0
	if r := e.Check(sq(func(x float64) float64 { calls++; return x*x + 1 })); r.Mistake != "plus one" || calls != 7 {
		t.Errorf("%v after %d calls, want the diagnosis after all 7", r, calls)
	}
	calls = 0
	if r := e.Check(sq(func(x float64) float64 { calls++; return x*x + float64(calls) })); r.Mistake != "" || calls != 2 {
		t.Errorf("%v after %d calls, want no diagnosis after 2", r, calls)
	}
}

func TestDiagnoseOnlyFailures(t *testing.T) {
	e := sqWithMistakes()
	plusOne := Record(e.Probe, sqMistakes["W9D9.T1.E1"][0].Impl, nil, 0)
	for _, st := range []outcome.Outcome{outcome.Passed, outcome.NotDone, outcome.Crashed, outcome.Timeout} {
		res := Result{ID: e.ID, Function: "sq", Status: st, Message: "m"}
		if got := Diagnose(res, e.KnownMistakes(), plusOne); got != res {
			t.Errorf("%v: diagnosed %+v", st, got)
		}
	}
	// A mistake whose own transcript did not end is never matched.
	broken := []KnownMistake{{Name: "x", Hint: "y", Transcript: Transcript{Obs: plusOne.Obs, End: outcome.Crashed}}}
	res := Result{ID: e.ID, Function: "sq", Status: outcome.Failed, Message: "m"}
	if got := Diagnose(res, broken, plusOne); got.Mistake != "" {
		t.Errorf("a broken variant matched: %+v", got)
	}
	// No catalogue: no diagnosis, and nothing computed.
	if ks := sqExercise().KnownMistakes(); ks != nil {
		t.Errorf("known mistakes without a catalogue: %v", ks)
	}
}

func TestWithSolutionsRejectsBadCatalogues(t *testing.T) {
	stub := sq(func(float64) float64 { panic(TODO("W9D9.T1.E1")) })
	e := Define(Exercise{ID: "W9D9.T1.E1", Funcs: []string{"sq"}}, probeSq, stub)
	sol := map[string]any{"W9D9.T1.E1": sq(func(x float64) float64 { return x * x })}
	v := sq(func(x float64) float64 { return 0 })
	for name, cat := range map[string]Mistakes{
		"unknown exercise": {"W9D9.T1.E2": {{Name: "a", Hint: "b", Impl: v}}},
		"wrong type":       {"W9D9.T1.E1": {{Name: "a", Hint: "b", Impl: func(int) int { return 0 }}}},
		"no name":          {"W9D9.T1.E1": {{Hint: "b", Impl: v}}},
		"no hint":          {"W9D9.T1.E1": {{Name: "a", Impl: v}}},
		"two lines":        {"W9D9.T1.E1": {{Name: "a", Hint: "b\nc", Impl: v}}},
		"long hint":        {"W9D9.T1.E1": {{Name: "a", Hint: strings.Repeat("h", MaxMistakeHint+1), Impl: v}}},
		"no variant":       {"W9D9.T1.E1": {{Name: "a", Hint: "b"}}},
		"nil variant":      {"W9D9.T1.E1": {{Name: "a", Hint: "b", Impl: sq(nil)}}},
		"same name twice":  {"W9D9.T1.E1": {{Name: "a", Hint: "b", Impl: v}, {Name: "a", Hint: "c", Impl: v}}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: WithSolutions did not panic", name)
				}
			}()
			WithSolutions([]Exercise{e}, sol, cat)
		}()
	}
	// Catalogues add up; the original list is left alone.
	exs := WithSolutions([]Exercise{e}, sol, Mistakes{"W9D9.T1.E1": {{Name: "a", Hint: "b", Impl: v}}}, Mistakes{"W9D9.T1.E1": {{Name: "c", Hint: "d", Impl: v}}})
	if len(exs[0].Mistakes) != 2 || len(e.Mistakes) != 0 {
		t.Errorf("mistakes: %d (original %d)", len(exs[0].Mistakes), len(e.Mistakes))
	}
}
