package w2d3

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial3 lists the exercises of Tutorial 3 (static and dynamic synapses).
var tutorial3 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D3.T3.E1", Title: "Coding Exercise 1.2: the mean free membrane potential", Notebook: "W2D3_Tutorial3", Funcs: []string{"FreeMembranePotential"}},
		probeFreeMembranePotential, FreeMembranePotential),
}
