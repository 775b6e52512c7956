package w2d3

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial2 lists the exercises of Tutorial 2 (effects of input correlation).
var tutorial2 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D3.T2.E1", Title: "Coding Exercise 1A: compute the correlation", Notebook: "W2D3_Tutorial2", Funcs: []string{"MyCC"}},
		probeMyCC, MyCC),
	exercise.Define(exercise.Exercise{ID: "W2D3.T2.E2", Title: "Coding Exercise 1B: correlation between spike trains", Notebook: "W2D3_Tutorial2", Funcs: []string{"CorrCoeffPairs"}},
		probeCorrCoeffPairs, CorrCoeffPairs),
}
