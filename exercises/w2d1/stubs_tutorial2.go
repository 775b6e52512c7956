package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// ConvolveStimuli makes a convolutional layer of outChannels K×K filters over inChannels
// input channels, with its weights set to exampleFilters, and runs the stimuli (n,
// inChannels, H, W) through it. It returns the layer and its output, detached from the
// gradient history.
func ConvolveStimuli(stimuli, exampleFilters *nn.Tensor, inChannels, outChannels, K int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
	convLayer := exercise.Blank[*vision.ConvolutionalLayer]("W2D1.T2.E1") // ← vision.NewConvolutionalLayer: the numbers of input and output channels, the filter size, exampleFilters, g
	convout := exercise.Blank[*nn.Tensor]("W2D1.T2.E1", convLayer)        // ← the stimuli run through convLayer (its Forward), then detached (.Detach())
	return convLayer, convout
}

// ConvWeights returns the weights of the layer's convolution, detached.
func ConvWeights(convLayer *vision.ConvolutionalLayer) *nn.Tensor {
	weights := exercise.Blank[*nn.Tensor]("W2D1.T2.E2") // ← the Weight of convLayer's convolution (its field Conv), detached
	return weights
}
