package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// The functions the exercises ask for, as types the checks accept.
type (
	ConvolveFunc    = func(stimuli, exampleFilters *nn.Tensor, inChannels, outChannels, K int, g *nn.Generator) (*nn.ConvolutionalLayer, *nn.Tensor)
	ConvWeightsFunc = func(convLayer *nn.ConvolutionalLayer) *nn.Tensor
)

// CheckConvolveStimuli compares ConvolveStimuli with the solution on the tutorial's five
// gratings (−90…90°) with the 6 example 7×7 filters, and with 5×5 filters on other
// orientations; the output must be detached and the layer's weights the filters.
func CheckConvolveStimuli(convolve ConvolveFunc) exercise.Result {
	return exercise.Run("W2D1.T2.E1", "ConvolveStimuli", func(c *exercise.C) {
		type set struct {
			oris []float64
			K    int
		}
		for _, s := range []set{{[]float64{-90, -45, 0, 45, 90}, 7}, {[]float64{10, 33}, 5}} {
			stim := nn.Gratings(s.oris)
			filt := nn.Filters(6, s.K, true)
			_, want := sol.ConvolveStimuli(stim, filt, 1, 6, s.K, nn.ManualSeed(0))
			layer, got := convolve(stim, filt, 1, 6, s.K, nn.ManualSeed(0))
			in := exercise.Describe("ConvolveStimuli", "orientations", s.oris, "K", s.K)
			c.True(layer != nil, "%s: the returned layer is nil", in)
			tensorEq(c, in+" weights of the layer", filt, layer.Conv.Weight, 0)
			tensorEq(c, in+" output", want, got, 1e-9)
			c.True(!got.RequiresGrad(), "%s: the output still carries its gradient history; return convout.Detach()", in)
		}
	})
}

// CheckConvWeights compares ConvWeights with the solution on a layer with the example
// filters and on a randomly initialised one.
func CheckConvWeights(weights ConvWeightsFunc) exercise.Result {
	return exercise.Run("W2D1.T2.E2", "ConvWeights", func(c *exercise.C) {
		for _, l := range []*nn.ConvolutionalLayer{
			nn.NewConvolutionalLayer(1, 6, 7, nn.Filters(6, 7, true), nn.ManualSeed(0)),
			nn.NewConvolutionalLayer(1, 4, 3, nil, nn.ManualSeed(5)),
		} {
			got := weights(l)
			in := exercise.Describe("ConvWeights", "layer", shape(l.Conv.Weight))
			tensorEq(c, in, sol.ConvWeights(l), got, 0)
			c.True(!got.RequiresGrad(), "%s: detach the weights (Weight.Detach())", in)
		}
	})
}
