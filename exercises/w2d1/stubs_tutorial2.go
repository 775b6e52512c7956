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
	// TODO(W2D1.T2.E1): create the layer, giving the number of input channels, output
	// channels and the filter size:
	//   convLayer := vision.NewConvolutionalLayer(..., ..., ..., exampleFilters, g)
	// run the stimuli through it with convLayer.Forward(...), detach the result
	// (convout.Detach()), return both, and delete the panic.
	panic(exercise.TODO("W2D1.T2.E1"))
}

// ConvWeights returns the weights of the layer's convolution, detached.
func ConvWeights(convLayer *vision.ConvolutionalLayer) *nn.Tensor {
	// TODO(W2D1.T2.E2): the convolution is convLayer.Conv and its weights Conv.Weight;
	// return them detached (.Detach()) and delete the panic.
	panic(exercise.TODO("W2D1.T2.E2"))
}
