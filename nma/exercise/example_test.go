package exercise_test

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/exercise"
)

// SquareFunc is the exercise's function type: what the stub, the solution and a student's
// answer all are.
type SquareFunc func(x float64) float64

// Square is the stub a student starts from (in exercises/<day>/): its body is the TODO panic.
func Square(x float64) float64 {
	panic(exercise.TODO("W9D9.T1.E1"))
}

// probeSquare is the check: it calls an implementation on the check's inputs and records
// what it returns, under labels that name the inputs. It never sees the solution.
func probeSquare(r *exercise.Recorder, f SquareFunc) {
	for _, x := range []float64{0, 1.5, -2} {
		r.Float(exercise.Describe("Square", "x", x), f(x), 1e-12)
	}
}

// An exercise is defined once (exercises/<day>/), its solution attached separately
// (exercises/<day>/solutions.go); a notebook's check runs the probe on the solution and on
// the student's function and names the first difference.
func ExampleDefine() {
	exs := exercise.WithSolutions([]exercise.Exercise{
		exercise.Define(exercise.Exercise{ID: "W9D9.T1.E1", Title: "The square", Notebook: "W9D9_Tutorial1", Funcs: []string{"Square"}},
			probeSquare, SquareFunc(Square)),
	}, map[string]any{"W9D9.T1.E1": SquareFunc(func(x float64) float64 { return x * x })})

	// CheckSquare is the one-liner a notebook calls: CheckSquare(Square).Report().
	CheckSquare := func(f SquareFunc) exercise.Result { return exercise.CheckID(exs, "W9D9.T1.E1", f) }

	done := CheckSquare(func(x float64) float64 { return x * x })
	fmt.Println(done.Status, done.OK())
	fmt.Println(done)

	stub := CheckSquare(Square) // the student has not started
	fmt.Println(stub.Status, stub.OK())
	fmt.Println(stub)

	wrong := CheckSquare(func(x float64) float64 { return 2 * x })
	fmt.Println(wrong.Status, wrong.OK())
	fmt.Println(wrong)
	// Output:
	// passed true
	// ✓ W9D9.T1.E1 Square: correct (3 comparisons with the solution)
	// not done false
	// The exercise W9D9.T1.E1 is not done yet: fill in the blanks in Square with your code, run its cell, then run this cell again.
	// failed false
	// ✗ W9D9.T1.E1 Square failed: Square(x=1.5): expected 2.25, got 3 (tolerance 1e-12)
}

// Outside a notebook, Show prints the verdict; in a notebook it is a coloured box.
// (Report shows it too, and ends the cell with exit status 1 unless the check passed.)
func ExampleResult_Show() {
	exs := exercise.WithSolutions([]exercise.Exercise{
		exercise.Define(exercise.Exercise{ID: "W9D9.T1.E1", Funcs: []string{"Square"}}, probeSquare, SquareFunc(Square)),
	}, map[string]any{"W9D9.T1.E1": SquareFunc(func(x float64) float64 { return x * x })})
	exercise.CheckID(exs, "W9D9.T1.E1", SquareFunc(func(x float64) float64 { panic("oops") })).Show()
	// Output:
	// ✗ W9D9.T1.E1 Square crashed: Square panicked: oops
}
