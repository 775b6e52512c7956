package w2d2

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
)

// tutorial2 lists the exercises of Tutorial 2 (Markov processes).
var tutorial2 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D2.T2.E1", Title: "Coding Exercise 1: computing intervals between switches", Notebook: "W2D2_Tutorial2", Funcs: []string{"InterSwitchIntervals"}},
		CheckInterSwitchIntervals, InterSwitchIntervals, sol.InterSwitchIntervals),
	exercise.Define(exercise.Exercise{ID: "W2D2.T2.E2", Title: "Coding Exercise 2: probability propagation", Notebook: "W2D2_Tutorial2", Funcs: []string{"SimulateProbProp"}},
		CheckSimulateProbProp, SimulateProbProp, sol.SimulateProbProp),
}
