package w2d1

import (
	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// The functions the exercises ask for, as types the checks accept.
type (
	ForwardFunc = func(net *nn.DeepNetReLU, r *nn.Tensor) *nn.Tensor
	TrainFunc   = func(net nn.Module, lossFn nn.LossFunc, trainData, trainLabels *nn.Tensor, nEpochs int, learningRate float64) []float64
)

// t1Data is the tutorial's data with its train/test split (seed 4).
func t1Data() (*data.Stringer, data.Split) {
	ds := data.MustLoadData(1)
	return ds, ds.MustTrainTestSplit(0.6, 4)
}

// CheckDeepNetReLUForward compares DeepNetReLUForward with the solution on networks of 200
// and 10 hidden units (seeds 1 and 2) for one, twenty and all training stimuli, and checks
// that the gradients of an MSE loss flow back to the input layer as they should.
func CheckDeepNetReLUForward(forward ForwardFunc) exercise.Result {
	return exercise.Run("W2D1.T1.E1", "DeepNetReLUForward", func(c *exercise.C) {
		ds, sp := t1Data()
		n := ds.NNeurons()
		type set struct {
			hidden int
			seed   uint32
			rows   []int
		}
		all := make([]int, sp.RespTrain.Shape[0])
		for i := range all {
			all[i] = i
		}
		for _, s := range []set{{200, 1, []int{0}}, {10, 1, all[:20]}, {10, 2, all}} {
			x := sp.RespTrain.Rows(s.rows)
			want := sol.DeepNetReLUForward(nn.NewDeepNetReLU(n, s.hidden, nn.ManualSeed(s.seed)), x)
			net := nn.NewDeepNetReLU(n, s.hidden, nn.ManualSeed(s.seed))
			got := forward(net, x)
			in := exercise.Describe("DeepNetReLUForward", "hidden", s.hidden, "seed", s.seed, "stimuli", len(s.rows))
			tensorEq(c, in, want, got, 1e-9)
		}
		// Gradients: the output must come from the layers' Forward (not be computed apart).
		x := sp.RespTrain.Rows(all[:30])
		y := sp.StimuliTrain.Rows(all[:30])
		ref := nn.NewDeepNetReLU(n, 10, nn.ManualSeed(3))
		nn.MSELoss()(sol.DeepNetReLUForward(ref, x), y).Backward()
		net := nn.NewDeepNetReLU(n, 10, nn.ManualSeed(3))
		out := forward(net, x)
		c.True(out.RequiresGrad(), "DeepNetReLUForward: the output carries no gradient history; build it with net.InLayer.Forward, nn.ReLU and net.OutLayer.Forward (and do not Detach it)")
		nn.MSELoss()(out, y).Backward()
		c.True(net.InLayer.Weight.Grad != nil, "DeepNetReLUForward: no gradient reached net.InLayer; use net.InLayer.Forward(r)")
		c.Floats("gradient of the MSE with respect to InLayer.Weight", ref.InLayer.Weight.Grad, net.InLayer.Weight.Grad, 1e-9)
	})
}

// CheckTrain compares Train with the solution: the losses it returns and the weights it
// leaves, for the tutorial's network (10 hidden units, seed 1) on 40 training stimuli with
// MSE for 50 and 7 iterations, and for a classifier with the negative log likelihood.
func CheckTrain(train TrainFunc) exercise.Result {
	return exercise.Run("W2D1.T1.E2", "Train", func(c *exercise.C) {
		ds, sp := t1Data()
		n := ds.NNeurons()
		idx := make([]int, 40)
		for i := range idx {
			idx[i] = i
		}
		x, y := sp.RespTrain.Rows(idx), sp.StimuliTrain.Rows(idx)
		type set struct {
			epochs int
			lr     float64
		}
		for _, s := range []set{{50, 1e-3}, {7, 5e-4}} {
			ref := nn.NewDeepNetReLU(n, 10, nn.ManualSeed(1))
			net := nn.NewDeepNetReLU(n, 10, nn.ManualSeed(1))
			var want, got []float64
			quiet(func() { want = sol.Train(ref, nn.MSELoss(), x, y, s.epochs, s.lr) })
			quiet(func() { got = train(net, nn.MSELoss(), x, y, s.epochs, s.lr) })
			in := exercise.Describe("Train", "nEpochs", s.epochs, "learningRate", s.lr, "loss", "MSE")
			c.True(len(got) == len(want), "%s: expected %d losses (one per iteration), got %d", in, len(want), len(got))
			c.Floats(in+" losses", want, got, 1e-9)
			c.Floats(in+" trained InLayer.Weight", ref.InLayer.Weight.Data, net.InLayer.Weight.Data, 1e-9)
		}
		// Another network and loss: Train must use its arguments, not the tutorial's.
		cls := data.StimulusClass(y, 4)
		ref := nn.NewDeepNetSoftmax(n, 5, 4, nn.ManualSeed(2))
		net := nn.NewDeepNetSoftmax(n, 5, 4, nn.ManualSeed(2))
		var want, got []float64
		quiet(func() { want = sol.Train(ref, nn.NLLLoss(), x, cls, 10, 0.1) })
		quiet(func() { got = train(net, nn.NLLLoss(), x, cls, 10, 0.1) })
		in := exercise.Describe("Train", "net", "DeepNetSoftmax", "loss", "NLL", "nEpochs", 10, "learningRate", 0.1)
		c.True(len(got) == len(want), "%s: expected %d losses, got %d", in, len(want), len(got))
		c.Floats(in+" losses", want, got, 1e-9)
	})
}
