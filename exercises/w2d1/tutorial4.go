package w2d1

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial4 lists the exercises of Tutorial 4 (Bonus: diving deeper into decoding and
// encoding). The whole tutorial is a bonus.
var tutorial4 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D1.T4.E1", Title: "Coding Exercise 1.1: visualizing weights (preferred orientations)", Notebook: "W2D1_Tutorial4", Funcs: []string{"PreferredOrientation"}, Bonus: true},
		probePreferredOrientation, PreferredOrientation),
	exercise.Define(exercise.Exercise{ID: "W2D1.T4.E2", Title: "Coding Exercise 2.2: a new loss function", Notebook: "W2D1_Tutorial4", Funcs: []string{"NewDecoder"}, Bonus: true},
		probeNewDecoder, NewDecoder),
	exercise.Define(exercise.Exercise{ID: "W2D1.T4.E3", Title: "Coding Exercise 2.3: add regularization", Notebook: "W2D1_Tutorial4", Funcs: []string{"RegularizedLoss"}, Bonus: true},
		probeRegularizedLoss, RegularizedLoss),
	exercise.Define(exercise.Exercise{ID: "W2D1.T4.E4", Title: "Coding Exercise 3.2: add a linear layer (convolutional encoding model)", Notebook: "W2D1_Tutorial4", Funcs: []string{"NewConvFC"}, Bonus: true},
		probeNewConvFC, NewConvFC),
}
