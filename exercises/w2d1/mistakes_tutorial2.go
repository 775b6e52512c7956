//go:build !nmagrade

package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// mistakesTutorial2 are the classic mistakes of Tutorial 2's exercises (see mistakesTutorial1).
var mistakesTutorial2 = exercise.Mistakes{
	"W2D1.T2.E1": {
		{Name: "filters not passed to the layer", Hint: "without the example filters the layer starts from random weights: give them to the layer when you make it",
			Impl: ConvolveFunc(convolveRandomFilters)},
		{Name: "output not detached", Hint: "the output is only looked at, not trained: cut it from the gradient history before returning it",
			Impl: ConvolveFunc(convolveNotDetached)},
	},
}

func convolveRandomFilters(stimuli, exampleFilters *nn.Tensor, inChannels, outChannels, K int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
	convLayer := vision.NewConvolutionalLayer(inChannels, outChannels, K, nil, g)
	return convLayer, convLayer.Forward(stimuli).Detach()
}

func convolveNotDetached(stimuli, exampleFilters *nn.Tensor, inChannels, outChannels, K int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
	convLayer := vision.NewConvolutionalLayer(inChannels, outChannels, K, exampleFilters, g)
	return convLayer, convLayer.Forward(stimuli)
}
