package w2d1

import (
	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// The functions the exercises ask for, as types the checks accept.
type (
	PreferredFunc  = func(respSmoothed *nn.Tensor) []int
	NewDecoderFunc = func(nNeurons, nClasses int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc)
	RegLossFunc    = func(output, target, weights *nn.Tensor, l2Penalty, l1Penalty float64) *nn.Tensor
	NewConvFCFunc  = func(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *vision.ConvFC
)

// probePreferredOrientation runs PreferredOrientation on a 3 stimuli × 2 neurons matrix, on
// one with ties (they go to the first stimulus), and on the tutorial's smoothed tuning
// curves (resp_all, 1° bins, Gaussian filter of σ = 5).
func probePreferredOrientation(r *exercise.Recorder, pref PreferredFunc) {
	ds := data.MustLoadData(1)
	inputs := []struct {
		name string
		x    *nn.Tensor
	}{
		{"3 stimuli × 2 neurons", nn.FromData([]float64{0, 5, 9, 1, 2, 7}, 3, 2)},
		{"ties", nn.FromData([]float64{1, 4, 1, 4, 0, 4}, 3, 2)},
		{"smoothed resp_all", vision.GaussianFilter1D(ds.Resp, 5)},
	}
	for _, in := range inputs {
		got := pref(in.x)
		desc := exercise.Describe("PreferredOrientation", "respSmoothed", in.name)
		r.Float(desc+": number of values returned (one value per neuron, the columns)", float64(len(got)), 0)
		r.Floats(desc+": preferred stimulus of each neuron (element j is neuron j)", ints(got), 0)
	}
}

// probeNewDecoder runs NewDecoder for the tutorial's neurons with 20 and 8 classes (seed 1):
// it records the network's size (20 hidden units, one output per class), its output on the
// training set, and the loss of that output for the stimuli's classes (it must be the
// negative log likelihood).
func probeNewDecoder(r *exercise.Recorder, newDecoder NewDecoderFunc) {
	ds, sp := t1Data()
	n := ds.NNeurons()
	for _, nc := range []int{20, 8} {
		net, lossFn := newDecoder(n, nc, nn.ManualSeed(1))
		in := exercise.Describe("NewDecoder", "nNeurons", n, "nClasses", nc)
		ok := net != nil && lossFn != nil
		r.Require(in+": must return a network and a loss function, not nil", ok)
		if !ok {
			return
		}
		r.Float(in+": number of hidden units (net.InLayer.OutFeatures)", float64(net.InLayer.OutFeatures), 0)
		r.Float(in+": number of outputs, one per class (net.OutLayer.OutFeatures)", float64(net.OutLayer.OutFeatures), 0)
		out := net.Forward(sp.RespTrain)
		if !recordTensor(r, in+" output on the training set", out, 1e-9) {
			return
		}
		labels := vision.StimulusClass(sp.StimuliTrain, nc)
		r.Float(in+" loss on the training set", lossFn(out, labels).Item(), 1e-9)
	}
}

// probeRegularizedLoss runs RegularizedLoss on the log-probabilities of 6 random logits over
// 4 classes and 3×4 random weights (seed 5), for the penalties (L2, L1) = (0, 0), (1e-2,
// 5e-4), (0.3, 0) and (0, 0.7); it records the loss and its gradients with respect to the
// output and the weights.
func probeRegularizedLoss(r *exercise.Recorder, loss RegLossFunc) {
	g := nn.ManualSeed(5)
	logits := nn.FromData(g.Normal(0, 1, 6*4), 6, 4)
	logp := nn.LogSoftmax(logits)
	target := nn.FromData([]float64{0, 3, 1, 1, 2, 0}, 6)
	w := nn.FromData(append(g.Normal(0, 0.1, 11), 0), 3, 4)
	for _, pen := range [][2]float64{{0, 0}, {1e-2, 5e-4}, {0.3, 0}, {0, 0.7}} {
		out := nn.NewParameter(logp)
		wp := nn.NewParameter(w)
		l := loss(out, target, wp, pen[0], pen[1])
		l.Backward()
		in := exercise.Describe("RegularizedLoss", "L2_penalty", pen[0], "L1_penalty", pen[1])
		r.Float(in, l.Item(), 1e-9)
		r.Require(in+": the gradients must reach the output and the weights; build the loss from tensor operations (nn.Sum, nn.Square, nn.Abs, nn.Scale, nn.Add)", out.Grad != nil && wp.Grad != nil)
		r.Floats(in+" gradient with respect to the output", out.Grad, 1e-9)
		r.Floats(in+" gradient with respect to the weights", wp.Grad, 1e-9)
	}
}

// probeNewConvFC builds the encoding model for 1000 and 7 neurons (1 input channel, the 6
// example 7×7 filters, 12×16 images, seed 1) and records its output layer (size and
// weights), its predictions for 60 gratings (−180°, −174°, …, 174°, at the tutorial's
// resolution) and the shape of its convolution.
func probeNewConvFC(r *exercise.Recorder, newConvFC NewConvFCFunc) {
	_, stim := vision.EncoderStimuli()
	for _, n := range []int{1000, 7} {
		in := exercise.Describe("NewConvFC", "nNeurons", n, "cIn", 1, "cOut", 6, "K", 7, "b", 12*16)
		net := newConvFC(n, 1, 6, 7, 12*16, vision.Filters(6, 7, true), nn.ManualSeed(1))
		ok := net != nil && net.OutLayer != nil
		r.Require(in+": the network must have an OutLayer", ok)
		if !ok {
			return
		}
		r.Float(in+": OutLayer.InFeatures (the 1152 convolutional units, 6 × 12 × 16)", float64(net.OutLayer.InFeatures), 0)
		r.Float(in+": OutLayer.OutFeatures (one per neuron)", float64(net.OutLayer.OutFeatures), 0)
		r.Floats(in+" OutLayer.Weight (normal, std 0.01)", net.OutLayer.Weight.Data, 1e-12)
		if !recordTensor(r, in+" predictions for the 60 gratings", net.Forward(stim), 1e-9) {
			return
		}
		r.Floats(in+": shape of Conv.Weight (the convolution must stay as vision.NewConvFCConv made it)", ints(net.Conv.Weight.Shape), 0)
	}
}
