package w2d4

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial1 lists the exercises of Tutorial 1 (Neural rate models).
var tutorial1 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D4.T1.E1", Title: "Coding Exercise 1.2: the F-I curve", Notebook: "W2D4_Tutorial1", Funcs: []string{"F"}},
		probeF, F),
	exercise.Define(exercise.Exercise{ID: "W2D4.T1.E2", Title: "Coding Exercise 2.1.1: dr/dt", Notebook: "W2D4_Tutorial1", Funcs: []string{"ComputeDrdt"}},
		probeComputeDrdt, ComputeDrdt),
	exercise.Define(exercise.Exercise{ID: "W2D4.T1.E3", Title: "Coding Exercise 2.1.2: numerical fixed points", Notebook: "W2D4_Tutorial1", Funcs: []string{"FindFixedPoints"}},
		probeFindFixedPoints, FindFixedPoints),
	exercise.Define(exercise.Exercise{ID: "W2D4.T1.E4", Title: "Bonus Coding Exercise 1: eigenvalues", Notebook: "W2D4_Tutorial1", Funcs: []string{"EigSingle"}, Bonus: true},
		probeEigSingle, EigSingle),
}
