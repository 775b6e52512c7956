package w2d2

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial2 lists the exercises of Tutorial 2 (Markov processes).
var tutorial2 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D2.T2.E1", Title: "Coding Exercise 1: computing intervals between switches", Notebook: "W2D2_Tutorial2", Funcs: []string{"InterSwitchIntervals"}},
		probeInterSwitchIntervals, InterSwitchIntervals),
	exercise.Define(exercise.Exercise{ID: "W2D2.T2.E2", Title: "Coding Exercise 2: probability propagation", Notebook: "W2D2_Tutorial2", Funcs: []string{"SimulateProbProp"}},
		probeSimulateProbProp, SimulateProbProp),
}
