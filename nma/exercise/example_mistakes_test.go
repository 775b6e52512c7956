package exercise_test

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/exercise"
)

// A catalogue of classic mistakes is registered with the solutions (in a day's
// exercises/<day>/solutions.go, from its mistakes_tutorialN.go files): each mistake is the
// solution with one classic change, a name and a hint. A failed check whose outputs match a
// mistake's on every case names it; any other wrong answer gets the first difference alone.
func ExampleMistakes() {
	square := SquareFunc(func(x float64) float64 { return x * x })
	exs := exercise.WithSolutions([]exercise.Exercise{
		exercise.Define(exercise.Exercise{ID: "W9D9.T1.E1", Funcs: []string{"Square"}}, probeSquare, SquareFunc(Square)),
	}, map[string]any{"W9D9.T1.E1": square}, exercise.Mistakes{
		"W9D9.T1.E1": {
			{Name: "doubled", Hint: "squaring multiplies x by itself, not by 2", Impl: SquareFunc(func(x float64) float64 { return 2 * x })},
			{Name: "sign kept", Hint: "a square is never negative", Impl: SquareFunc(func(x float64) float64 {
				if x < 0 {
					return -x * x
				}
				return x * x
			})},
		},
	})
	CheckSquare := func(f SquareFunc) exercise.Result { return exercise.CheckID(exs, "W9D9.T1.E1", f) }

	doubled := CheckSquare(func(x float64) float64 { return x + x })
	fmt.Println(doubled.Mistake)
	fmt.Println(doubled)

	other := CheckSquare(func(x float64) float64 { return x * x * x })
	fmt.Printf("%q\n", other.Mistake)
	fmt.Println(other)
	// Output:
	// doubled
	// ✗ W9D9.T1.E1 Square failed: looks like: doubled — squaring multiplies x by itself, not by 2
	// Square(x=1.5): expected 2.25, got 3 (tolerance 1e-12)
	// ""
	// ✗ W9D9.T1.E1 Square failed: Square(x=1.5): expected 2.25, got 3.375 (tolerance 1e-12)
}
