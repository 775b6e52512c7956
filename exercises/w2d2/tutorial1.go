package w2d2

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
)

// tutorial1 lists the exercises of Tutorial 1 (Linear dynamical systems).
var tutorial1 = []exercise.Exercise{
	{ID: "W2D2.T1.E1", Title: "Coding Exercise 1: forward Euler integration", Notebook: "W2D2_Tutorial1", Funcs: []string{"IntegrateExponential"},
		Check: func(impl any) exercise.Result { return CheckIntegrateExponential(impl.(IntegrateExponentialFunc)) },
		Stub:  IntegrateExponentialFunc(IntegrateExponential), Solution: IntegrateExponentialFunc(sol.IntegrateExponential)},
	{ID: "W2D2.T1.E2", Title: "Coding Exercise 3: sample trajectories in 2 dimensions", Notebook: "W2D2_Tutorial1", Funcs: []string{"System"},
		Check: func(impl any) exercise.Result { return CheckSystem(impl.(SystemFunc)) },
		Stub:  SystemFunc(System), Solution: SystemFunc(sol.System)},
}
