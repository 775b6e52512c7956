package w2d1

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial3 lists the exercises of Tutorial 3 (Normative encoding models).
var tutorial3 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D1.T3.E1", Title: "Coding Exercise 2.1: compute RDMs", Notebook: "W2D1_Tutorial3", Funcs: []string{"RDM"}},
		probeRDM, RDM),
	exercise.Define(exercise.Exercise{ID: "W2D1.T3.E2", Title: "Coding Exercise 2.2: correlate RDMs", Notebook: "W2D1_Tutorial3", Funcs: []string{"CorrelateRDMs"}},
		probeCorrelateRDMs, CorrelateRDMs),
}
