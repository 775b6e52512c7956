package exercise_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/outcome"
)

// MeanFunc is the type of the exercise's function.
type MeanFunc func(xs []float64) float64

// Mean is a stub with a blank: the loop is given, the formula of the mean is left to the
// student, and its comment names the quantities.
func Mean(xs []float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return exercise.Blank[float64]("W9D9.T1.E2", sum) // ← the mean, from sum and len(xs)
}

func probeMean(r *exercise.Recorder, f MeanFunc) {
	for _, xs := range [][]float64{{1, 2, 3}, {-1, 4}} {
		r.Float(exercise.Describe("Mean", "xs", xs), f(xs), 1e-12)
	}
}

func meanExercises() []exercise.Exercise {
	return exercise.WithSolutions([]exercise.Exercise{
		exercise.Define(exercise.Exercise{ID: "W9D9.T1.E2", Funcs: []string{"Mean"}}, probeMean, MeanFunc(Mean)),
	}, map[string]any{"W9D9.T1.E2": MeanFunc(func(xs []float64) float64 {
		sum := 0.0
		for _, x := range xs {
			sum += x
		}
		return sum / float64(len(xs))
	})})
}

// A stub whose formula is a Blank fails its check as "not done", like a stub whose body is
// panic(exercise.TODO(id)).
func ExampleBlank() {
	stub := exercise.CheckID(meanExercises(), "W9D9.T1.E2", MeanFunc(Mean))
	fmt.Println(stub.Status)
	fmt.Println(stub)
	// Output:
	// not done
	// The exercise W9D9.T1.E2 is not done yet: fill in the blanks in Mean with your code, run its cell, then run this cell again.
}

// Blank and BlankStep panic with the exercise's NotDoneError, whose message the notebook
// runner and the grader recognise (NotDonePattern).
func TestBlankPanicsNotDone(t *testing.T) {
	for name, f := range map[string]func(){
		"Blank":     func() { _ = exercise.Blank[[][2]float64]("W9D9.T1.E3", 1, "x") },
		"BlankStep": func() { exercise.BlankStep("W9D9.T1.E3") },
	} {
		func() {
			defer func() {
				v := recover()
				var nd exercise.NotDoneError
				err, ok := v.(error)
				if !ok || !errors.As(err, &nd) || nd.ID != "W9D9.T1.E3" {
					t.Fatalf("%s panicked with %v, want NotDoneError{W9D9.T1.E3}", name, v)
				}
				if m := exercise.NotDonePattern.FindStringSubmatch(err.Error()); m == nil || m[1] != "W9D9.T1.E3" {
					t.Errorf("%s: %q does not match NotDonePattern", name, err)
				}
			}()
			f()
			t.Fatalf("%s returned", name)
		}()
	}
	// A blank reached after some comparisons that agree with the solution is still "not done".
	exs := meanExercises()
	partial := MeanFunc(func(xs []float64) float64 {
		if len(xs) == 3 {
			return 2
		}
		return exercise.Blank[float64]("W9D9.T1.E2")
	})
	if r := exercise.CheckID(exs, "W9D9.T1.E2", partial); r.Status != outcome.NotDone || r.Cases != 1 {
		t.Errorf("partial stub: %v (status %v, %d comparisons), want not done after 1", r, r.Status, r.Cases)
	}
}
