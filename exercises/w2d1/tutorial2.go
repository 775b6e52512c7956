package w2d1

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial2 lists the exercises of Tutorial 2 (Convolutional neural networks).
var tutorial2 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D1.T2.E1", Title: "Coding Exercise 1.3: 2D convolution", Notebook: "W2D1_Tutorial2", Funcs: []string{"ConvolveStimuli"}},
		probeConvolveStimuli, ConvolveStimuli),
	exercise.Define(exercise.Exercise{ID: "W2D1.T2.E2", Title: "Bonus Coding Exercise 2: visualizing convolutional filter weights", Notebook: "W2D1_Tutorial2", Funcs: []string{"ConvWeights"}, Bonus: true},
		probeConvWeights, ConvWeights),
}
