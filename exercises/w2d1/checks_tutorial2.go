package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// The functions the exercises ask for, as types the checks accept.
type (
	ConvolveFunc    = func(stimuli, exampleFilters *nn.Tensor, inChannels, outChannels, K int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor)
	ConvWeightsFunc = func(convLayer *vision.ConvolutionalLayer) *nn.Tensor
)

// probeConvolveStimuli runs ConvolveStimuli on the tutorial's five gratings (−90…90°) with
// the 6 example 7×7 filters, and on two other orientations with 5×5 filters (1 input
// channel, 6 output channels, seed 0); it records the layer's weights (they must be the
// filters), the output, and whether the output is detached.
func probeConvolveStimuli(r *exercise.Recorder, convolve ConvolveFunc) {
	type set struct {
		oris []float64
		K    int
	}
	for _, s := range []set{{[]float64{-90, -45, 0, 45, 90}, 7}, {[]float64{10, 33}, 5}} {
		stim := vision.Gratings(s.oris)
		filt := vision.Filters(6, s.K, true)
		layer, got := convolve(stim, filt, 1, 6, s.K, nn.ManualSeed(0))
		in := exercise.Describe("ConvolveStimuli", "orientations", s.oris, "K", s.K)
		r.Require(in+": the returned layer must not be nil", layer != nil)
		if layer == nil {
			return
		}
		if !recordTensor(r, in+" weights of the layer", layer.Conv.Weight, 0) {
			return
		}
		if !recordTensor(r, in+" output", got, 1e-9) {
			return
		}
		r.Require(in+": the output must not carry its gradient history; return convout.Detach()", !got.RequiresGrad())
	}
}

// probeConvWeights runs ConvWeights on a layer with the 6 example 7×7 filters and on a
// randomly initialised one (4 filters of 3×3, seed 5); the weights must be detached.
func probeConvWeights(r *exercise.Recorder, weights ConvWeightsFunc) {
	for _, l := range []*vision.ConvolutionalLayer{
		vision.NewConvolutionalLayer(1, 6, 7, vision.Filters(6, 7, true), nn.ManualSeed(0)),
		vision.NewConvolutionalLayer(1, 4, 3, nil, nn.ManualSeed(5)),
	} {
		in := exercise.Describe("ConvWeights", "layer", shape(l.Conv.Weight))
		got := weights(l)
		if !recordTensor(r, in, got, 0) {
			return
		}
		r.Require(in+": the weights must be detached (Weight.Detach())", !got.RequiresGrad())
	}
}
