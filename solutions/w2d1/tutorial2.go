package w2d1

import (
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// ConvolveStimuli makes a convolutional layer of outChannels K×K filters over inChannels
// input channels, with its weights set to exampleFilters, and runs the stimuli (n,
// inChannels, H, W) through it. It returns the layer and its output, detached from the
// gradient history.
// Exercise W2D1.T2.E1.
func ConvolveStimuli(stimuli, exampleFilters *nn.Tensor, inChannels, outChannels, K int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
	convLayer := vision.NewConvolutionalLayer(inChannels, outChannels, K, exampleFilters, g)
	convout := convLayer.Forward(stimuli)
	convout = convout.Detach() // detach gradients
	return convLayer, convout
}

// ConvWeights returns the weights of the layer's convolution, detached.
// Bonus exercise W2D1.T2.E2.
func ConvWeights(convLayer *vision.ConvolutionalLayer) *nn.Tensor {
	weights := convLayer.Conv.Weight.Detach()
	return weights
}
