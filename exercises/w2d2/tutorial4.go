package w2d2

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial4 lists the exercises of Tutorial 4 (Autoregressive models).
var tutorial4 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D2.T4.E1", Title: "Coding Exercise 1: residuals of the autoregressive model", Notebook: "W2D2_Tutorial4", Funcs: []string{"Residuals"}},
		probeResiduals, Residuals),
	exercise.Define(exercise.Exercise{ID: "W2D2.T4.E2", Title: "Coding Exercise 2: fitting AR models", Notebook: "W2D2_Tutorial4", Funcs: []string{"FitARModel"}},
		probeFitARModel, FitARModel),
}
