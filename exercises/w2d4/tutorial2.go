package w2d4

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial2 lists the exercises of Tutorial 2 (Wilson–Cowan model).
var tutorial2 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D4.T2.E1", Title: "Coding Exercise 1.1: F-I curves of the E and I populations", Notebook: "W2D4_Tutorial2", Funcs: []string{"FICurvesEI"}},
		probeFICurvesEI, FICurvesEI),
	exercise.Define(exercise.Exercise{ID: "W2D4.T2.E2", Title: "Coding Exercise 1.2: integrate the Wilson-Cowan equations", Notebook: "W2D4_Tutorial2", Funcs: []string{"SimulateWC"}},
		probeSimulateWC, SimulateWC),
	exercise.Define(exercise.Exercise{ID: "W2D4.T2.E3", Title: "Coding Exercise 2.1: the inverse F-I curve", Notebook: "W2D4_Tutorial2", Funcs: []string{"FInv"}},
		probeFInv, FInv),
	exercise.Define(exercise.Exercise{ID: "W2D4.T2.E4", Title: "Coding Exercise 2.1: the nullclines", Notebook: "W2D4_Tutorial2", Funcs: []string{"GetENullcline", "GetINullcline"}},
		probeNullclines, NullclineFuncs{GetENullcline, GetINullcline}),
	exercise.Define(exercise.Exercise{ID: "W2D4.T2.E5", Title: "Coding Exercise 2.2: the vector field", Notebook: "W2D4_Tutorial2", Funcs: []string{"EIDerivs"}},
		probeEIDerivs, EIDerivs),
}
