package w2d1

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial1 lists the exercises of Tutorial 1 (Decoding neural responses).
var tutorial1 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D1.T1.E1", Title: "Coding Exercise 2.2: nonlinear activations (DeepNetReLU forward pass)", Notebook: "W2D1_Tutorial1", Funcs: []string{"DeepNetReLUForward"}},
		probeDeepNetReLUForward, DeepNetReLUForward),
	exercise.Define(exercise.Exercise{ID: "W2D1.T1.E2", Title: "Coding Exercise 3.2: gradient descent", Notebook: "W2D1_Tutorial1", Funcs: []string{"Train"}},
		probeTrain, Train),
}
