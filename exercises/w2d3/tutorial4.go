package w2d3

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial4 lists the exercises of the bonus Tutorial 4 (spike-timing dependent plasticity).
var tutorial4 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D3.T4.E1", Title: "Coding Exercise 1A: the STDP weight change ΔW", Notebook: "W2D3_Tutorial4", Funcs: []string{"DeltaW"}, Bonus: true},
		probeDeltaW, DeltaW),
	exercise.Define(exercise.Exercise{ID: "W2D3.T4.E2", Title: "Coding Exercise 1B: the presynaptic trace P", Notebook: "W2D3_Tutorial4", Funcs: []string{"GenerateP"}, Bonus: true},
		probeGenerateP, GenerateP),
}
