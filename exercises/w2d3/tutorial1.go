package w2d3

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial1 lists the exercises of Tutorial 1 (the leaky integrate-and-fire neuron).
var tutorial1 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D3.T1.E1", Title: "Coding Exercise 1: simulate the LIF neuron", Notebook: "W2D3_Tutorial1", Funcs: []string{"RunLIF"}},
		probeRunLIF, RunLIF),
	exercise.Define(exercise.Exercise{ID: "W2D3.T1.E2", Title: "Coding Exercise 3: compute CV_ISI", Notebook: "W2D3_Tutorial1", Funcs: []string{"IsiCvLIF"}},
		probeIsiCvLIF, IsiCvLIF),
}
