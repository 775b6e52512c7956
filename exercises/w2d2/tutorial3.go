package w2d2

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial3 lists the exercises of Tutorial 3 (Combining determinism and stochasticity).
var tutorial3 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D2.T3.E1", Title: "Coding Exercise 1A: random walk simulation", Notebook: "W2D2_Tutorial3", Funcs: []string{"RandomWalkSimulator"}},
		probeRandomWalkSimulator, RandomWalkSimulator),
	exercise.Define(exercise.Exercise{ID: "W2D2.T3.E2", Title: "Coding Exercise 1B: random walk mean and variance", Notebook: "W2D2_Tutorial3", Funcs: []string{"MeanAndVariance"}},
		probeMeanAndVariance, MeanAndVariance),
	exercise.Define(exercise.Exercise{ID: "W2D2.T3.E3", Title: "Coding Exercise 2: drift-diffusion model", Notebook: "W2D2_Tutorial3", Funcs: []string{"SimulateDDM"}},
		probeSimulateDDM, SimulateDDM),
	exercise.Define(exercise.Exercise{ID: "W2D2.T3.E4", Title: "Coding Exercise 3: computing the variances", Notebook: "W2D2_Tutorial3", Funcs: []string{"AnalyticalVariances"}},
		probeAnalyticalVariances, AnalyticalVariances),
}
