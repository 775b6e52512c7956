package w2d2

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial1 lists the exercises of Tutorial 1 (Linear dynamical systems).
var tutorial1 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D2.T1.E1", Title: "Coding Exercise 1: forward Euler integration", Notebook: "W2D2_Tutorial1", Funcs: []string{"IntegrateExponential"}},
		probeIntegrateExponential, IntegrateExponential),
	exercise.Define(exercise.Exercise{ID: "W2D2.T1.E2", Title: "Coding Exercise 3: sample trajectories in 2 dimensions", Notebook: "W2D2_Tutorial1", Funcs: []string{"System"}},
		probeSystem, System),
}
