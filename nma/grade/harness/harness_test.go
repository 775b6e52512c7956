package harness

import (
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/exercise"
)

type unaryFunc = func(x float64) float64

type named func(x float64) float64

type pair struct {
	A unaryFunc
	B unaryFunc
}

func Double(x float64) float64 { return 2 * x }
func Triple(x float64) float64 { return 3 * x }
func wrong(x int) int          { return x }

func probePair(r *exercise.Recorder, p pair) {
	r.Float("Double(1)", p.A(1), 0)
	r.Float("Triple(1)", p.B(1), 0)
}

// pairExercise is a two-function exercise with its solution attached.
func pairExercise() exercise.Exercise {
	e := exercise.Define(exercise.Exercise{ID: "W9D9.T1.E2", Funcs: []string{"Double", "Triple"}}, probePair, pair{Double, Triple})
	return exercise.WithSolutions([]exercise.Exercise{e}, map[string]any{"W9D9.T1.E2": pair{Double, Triple}})[0]
}

func TestCheckedFuncs(t *testing.T) {
	for _, c := range []struct {
		e    exercise.Exercise
		want string
	}{
		{exercise.Exercise{Funcs: []string{"Helper", "Double"}, Stub: unaryFunc(Double)}, "Double"},
		{exercise.Exercise{Funcs: []string{"Double"}, Stub: named(Double)}, "Double"},
		{exercise.Exercise{Funcs: []string{"F"}, Stub: unaryFunc(func(x float64) float64 { return x })}, "F"},
		{exercise.Exercise{Funcs: []string{"Triple", "Double"}, Stub: pair{Double, Triple}}, "Double Triple"},
		{exercise.Exercise{Funcs: []string{"E", "I"}, Stub: pair{func(float64) float64 { return 0 }, nil}}, "E I"},
	} {
		if got := strings.Join(CheckedFuncs(c.e), " "); got != c.want {
			t.Errorf("CheckedFuncs(%v) = %q, want %q", c.e.Funcs, got, c.want)
		}
	}
}

func TestAssemble(t *testing.T) {
	e := exercise.Exercise{ID: "W9D9.T1.E1", Funcs: []string{"Double"}, Stub: named(Double)}
	arg, msg, err := Assemble(e, map[string]any{"Double": func(x float64) float64 { return x + x }})
	if err != nil || msg != "" {
		t.Fatal(msg, err)
	}
	if f, ok := arg.(named); !ok || f(2) != 4 {
		t.Errorf("Assemble gave %T", arg)
	}
	_, msg, _ = Assemble(e, map[string]any{"Double": wrong})
	if msg != "Double has type func(int) int, but the exercise needs type func(float64) float64" {
		t.Errorf("wrong signature message: %q", msg)
	}
	_, msg, _ = Assemble(e, map[string]any{"Double": 0.5})
	if msg != "Double has a value of type float64, but the exercise needs type func(float64) float64" {
		t.Errorf("not a function: %q", msg)
	}
	_, msg, _ = Assemble(e, map[string]any{})
	if msg != "Double is missing" {
		t.Errorf("missing: %q", msg)
	}

	p := pairExercise()
	arg, msg, err = Assemble(p, map[string]any{"Double": Double, "Triple": Triple})
	if err != nil || msg != "" {
		t.Fatal(msg, err)
	}
	if r := p.Check(arg); !r.OK() {
		t.Errorf("pair check: %v", r)
	}
	arg, _, _ = Assemble(p, map[string]any{"Double": Triple, "Triple": Double})
	if r := p.Check(arg); r.OK() {
		t.Errorf("swapped functions pass: %v", r)
	}
	_, msg, _ = Assemble(p, map[string]any{"Double": Double, "Triple": wrong})
	if !strings.HasPrefix(msg, "Triple has type func(int) int") {
		t.Errorf("struct field with the wrong type: %q", msg)
	}
	if _, _, err := Assemble(exercise.Exercise{ID: "X", Stub: 3}, nil); err == nil {
		t.Error("a stub that is no function must be an error of the registry")
	}
}

func TestRegisterCopies(t *testing.T) {
	exs := []exercise.Exercise{{ID: "W9D9.T9.E9", Funcs: []string{"Double"}, Stub: unaryFunc(Double),
		Probe: func(r *exercise.Recorder, _ any) { r.Float("x", 1, 0) }}}
	Register(exs)
	exs[0].Probe = func(r *exercise.Recorder, _ any) { r.Float("x", 2, 0) }
	tr := exercise.Record(registry["W9D9.T9.E9"].Probe, nil, nil, 0)
	if len(tr.Obs) != 1 || tr.Obs[0].Values[0] != 1 {
		t.Error("changing the registered slice changed the registry")
	}
}
