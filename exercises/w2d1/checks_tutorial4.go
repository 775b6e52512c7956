package w2d1

import (
	"slices"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// The functions the exercises ask for, as types the checks accept.
type (
	PreferredFunc  = func(respSmoothed *nn.Tensor) []int
	NewDecoderFunc = func(nNeurons, nClasses int, g *nn.Generator) (*nn.DeepNetSoftmax, nn.LossFunc)
	RegLossFunc    = func(output, target, weights *nn.Tensor, l2Penalty, l1Penalty float64) *nn.Tensor
	NewConvFCFunc  = func(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *nn.ConvFC
)

// CheckPreferredOrientation compares PreferredOrientation with the solution on the
// tutorial's smoothed tuning curves and on small matrices (ties go to the first stimulus).
func CheckPreferredOrientation(pref PreferredFunc) exercise.Result {
	return exercise.Run("W2D1.T4.E1", "PreferredOrientation", func(c *exercise.C) {
		ds := data.MustLoadData(1)
		inputs := []struct {
			name string
			x    *nn.Tensor
		}{
			{"3 stimuli × 2 neurons", nn.FromData([]float64{0, 5, 9, 1, 2, 7}, 3, 2)},
			{"ties", nn.FromData([]float64{1, 4, 1, 4, 0, 4}, 3, 2)},
			{"smoothed resp_all", data.GaussianFilter1D(ds.Resp, 5)},
		}
		for _, in := range inputs {
			want, got := sol.PreferredOrientation(in.x), pref(in.x)
			desc := exercise.Describe("PreferredOrientation", "respSmoothed", in.name)
			c.True(len(got) == len(want), "%s: expected one value per neuron (%d, the columns), got %d", desc, len(want), len(got))
			for j := range want {
				c.True(got[j] == want[j], "%s: neuron %d: expected stimulus %d, got %d", desc, j, want[j], got[j])
			}
		}
	})
}

// CheckNewDecoder checks the network (20 hidden units, nClasses outputs, the same weights
// as the solution's from the same seed) and that the loss is the negative log likelihood.
func CheckNewDecoder(newDecoder NewDecoderFunc) exercise.Result {
	return exercise.Run("W2D1.T4.E2", "NewDecoder", func(c *exercise.C) {
		ds, sp := t1Data()
		n := ds.NNeurons()
		for _, nc := range []int{20, 8} {
			ref, refLoss := sol.NewDecoder(n, nc, nn.ManualSeed(1))
			net, lossFn := newDecoder(n, nc, nn.ManualSeed(1))
			in := exercise.Describe("NewDecoder", "nNeurons", n, "nClasses", nc)
			c.True(net != nil && lossFn != nil, "%s: returned a nil network or loss", in)
			c.True(net.InLayer.OutFeatures == 20, "%s: expected 20 hidden units, got %d", in, net.InLayer.OutFeatures)
			c.True(net.OutLayer.OutFeatures == nc, "%s: expected %d outputs (one per class), got %d", in, nc, net.OutLayer.OutFeatures)
			out := net.Forward(sp.RespTrain)
			tensorEq(c, in+" output on the training set", ref.Forward(sp.RespTrain), out, 1e-9)
			labels := data.StimulusClass(sp.StimuliTrain, nc)
			c.Float(in+" loss on the training set", refLoss(out, labels).Item(), lossFn(out, labels).Item(), 1e-9)
		}
	})
}

// CheckRegularizedLoss compares RegularizedLoss and its gradients (with respect to the
// output and the weights) with the solution for several penalties, zero included.
func CheckRegularizedLoss(loss RegLossFunc) exercise.Result {
	return exercise.Run("W2D1.T4.E3", "RegularizedLoss", func(c *exercise.C) {
		g := nn.ManualSeed(5)
		logits := nn.FromData(g.Normal(0, 1, 6*4), 6, 4)
		logp := nn.LogSoftmax(logits)
		target := nn.FromData([]float64{0, 3, 1, 1, 2, 0}, 6)
		w := nn.FromData(append(g.Normal(0, 0.1, 11), 0), 3, 4)
		for _, pen := range [][2]float64{{0, 0}, {1e-2, 5e-4}, {0.3, 0}, {0, 0.7}} {
			run := func(f RegLossFunc) (float64, []float64, []float64) {
				out := nn.NewParameter(logp)
				wp := nn.NewParameter(w)
				l := f(out, target, wp, pen[0], pen[1])
				l.Backward()
				return l.Item(), out.Grad, wp.Grad
			}
			wl, wgo, wgw := run(sol.RegularizedLoss)
			gl, ggo, ggw := run(loss)
			in := exercise.Describe("RegularizedLoss", "L2_penalty", pen[0], "L1_penalty", pen[1])
			c.Float(in, wl, gl, 1e-9)
			c.True(ggo != nil && ggw != nil, "%s: no gradient reached the output or the weights; build the loss from tensor operations (nn.Sum, nn.Square, nn.Abs, nn.Scale, nn.Add)", in)
			c.Floats(in+" gradient with respect to the output", wgo, ggo, 1e-9)
			c.Floats(in+" gradient with respect to the weights", wgw, ggw, 1e-9)
		}
	})
}

// CheckNewConvFC builds the encoding model for 1000 and 7 neurons and compares its layers
// and its predictions for the tutorial's 12×16 gratings with the solution's (same seed).
func CheckNewConvFC(newConvFC NewConvFCFunc) exercise.Result {
	return exercise.Run("W2D1.T4.E4", "NewConvFC", func(c *exercise.C) {
		oris := make([]float64, 60)
		for i := range oris {
			oris[i] = 6*float64(i) - 180
		}
		stim := nn.Gratings(oris, nn.Res(0.025))
		for _, n := range []int{1000, 7} {
			in := exercise.Describe("NewConvFC", "nNeurons", n, "cIn", 1, "cOut", 6, "K", 7, "b", 12*16)
			ref := sol.NewConvFC(n, 1, 6, 7, 12*16, nn.Filters(6, 7, true), nn.ManualSeed(1))
			net := newConvFC(n, 1, 6, 7, 12*16, nn.Filters(6, 7, true), nn.ManualSeed(1))
			c.True(net != nil && net.OutLayer != nil, "%s: the network has no OutLayer", in)
			c.True(net.OutLayer.InFeatures == 1152 && net.OutLayer.OutFeatures == n,
				"%s: OutLayer maps %d → %d; expected 1152 convolutional units (6 × 12 × 16) → %d neurons", in, net.OutLayer.InFeatures, net.OutLayer.OutFeatures, n)
			c.Floats(in+" OutLayer.Weight (normal, std 0.01)", ref.OutLayer.Weight.Data, net.OutLayer.Weight.Data, 1e-12)
			tensorEq(c, in+" predictions for the 60 gratings", ref.Forward(stim), net.Forward(stim), 1e-9)
			c.True(slices.Equal(ref.Conv.Weight.Shape, net.Conv.Weight.Shape), "%s: the convolution changed", in)
		}
	})
}
