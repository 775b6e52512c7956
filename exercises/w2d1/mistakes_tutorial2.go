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
	"W2D1.T2.E2": {
		{Name: "weights not detached", Hint: "the weights are only looked at: cut them from the gradient history, or whatever is done to them reaches the layer's training",
			Impl: ConvWeightsFunc(convWeightsNotDetached)},
		{Name: "input-channel dimension dropped", Hint: "a convolutional layer's weights have four dimensions — filters, input channels, height, width — even with one input channel: keep them all",
			Impl: ConvWeightsFunc(convWeightsSqueezed)},
	},
}

func convWeightsNotDetached(convLayer *vision.ConvolutionalLayer) *nn.Tensor {
	return convLayer.Conv.Weight
}

func convWeightsSqueezed(convLayer *vision.ConvolutionalLayer) *nn.Tensor {
	w := convLayer.Conv.Weight.Detach()
	return nn.FromData(w.Data, w.Shape[0], w.Shape[2], w.Shape[3])
}

func convolveRandomFilters(stimuli, exampleFilters *nn.Tensor, inChannels, outChannels, K int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
	convLayer := vision.NewConvolutionalLayer(inChannels, outChannels, K, nil, g)
	return convLayer, convLayer.Forward(stimuli).Detach()
}

func convolveNotDetached(stimuli, exampleFilters *nn.Tensor, inChannels, outChannels, K int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
	convLayer := vision.NewConvolutionalLayer(inChannels, outChannels, K, exampleFilters, g)
	return convLayer, convLayer.Forward(stimuli)
}
