package w2d1

import (
	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// The functions the exercises ask for, as types the checks accept.
type (
	ForwardFunc = func(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor
	TrainFunc   = func(net nn.Module, lossFn nn.LossFunc, trainData, trainLabels *nn.Tensor, nEpochs int, learningRate float64) []float64
)

// t1Data is the tutorial's data with its train/test split (seed 4).
func t1Data() (*data.Stringer, data.Split) {
	ds := data.MustLoadData(1)
	return ds, ds.MustTrainTestSplit(0.6, 4)
}

// probeDeepNetReLUForward runs DeepNetReLUForward on networks of 200 and 10 hidden units
// (seeds 1 and 2) for one, twenty and all training stimuli, then on a network of 10 hidden
// units (seed 3) for 30 training stimuli, whose output must carry its gradient history: the
// gradient of the MSE against the stimuli's orientations must reach the input layer.
func probeDeepNetReLUForward(r *exercise.Recorder, forward ForwardFunc) {
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
		net := vision.NewDeepNetReLU(n, s.hidden, nn.ManualSeed(s.seed))
		got := forward(net, x)
		in := exercise.Describe("DeepNetReLUForward", "hidden", s.hidden, "seed", s.seed, "stimuli", len(s.rows))
		if !recordTensor(r, in, got, 1e-9) {
			return
		}
	}
	// Gradients: the output must come from the layers' Forward (not be computed apart).
	x := sp.RespTrain.Rows(all[:30])
	y := sp.StimuliTrain.Rows(all[:30])
	net := vision.NewDeepNetReLU(n, 10, nn.ManualSeed(3))
	out := forward(net, x)
	ok := out != nil && out.RequiresGrad()
	r.Require("DeepNetReLUForward: the output must carry its gradient history: build it with net.InLayer.Forward, nn.ReLU and net.OutLayer.Forward (and do not Detach it)", ok)
	if !ok {
		return
	}
	nn.MSELoss()(out, y).Backward()
	grad := net.InLayer.Weight.Grad
	r.Require("DeepNetReLUForward: the gradient must reach net.InLayer; use net.InLayer.Forward(r)", grad != nil)
	r.Floats("gradient of the MSE with respect to InLayer.Weight", grad, 1e-9)
}

// probeTrain runs Train on the tutorial's network (10 hidden units, seed 1) with 40
// training stimuli and the MSE for 50 iterations (learning rate 1e-4, the course's) and 7 (5e-5), and on
// a classifier (DeepNetSoftmax, 5 hidden units, 4 classes, seed 2) with the negative log
// likelihood for 10 iterations (0.1); it records the losses Train returns and, for the
// first network, the weights it leaves.
func probeTrain(r *exercise.Recorder, train TrainFunc) {
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
	for _, s := range []set{{50, 1e-4}, {7, 5e-5}} {
		net := vision.NewDeepNetReLU(n, 10, nn.ManualSeed(1))
		var got []float64
		quiet(func() { got = train(net, nn.MSELoss(), x, y, s.epochs, s.lr) })
		in := exercise.Describe("Train", "nEpochs", s.epochs, "learningRate", s.lr, "loss", "MSE")
		r.Float(in+": number of losses (one per iteration)", float64(len(got)), 0)
		r.Floats(in+" losses", got, 1e-9)
		r.Floats(in+" trained InLayer.Weight", net.InLayer.Weight.Data, 1e-9)
	}
	// Another network and loss: Train must use its arguments, not the tutorial's.
	cls := vision.StimulusClass(y, 4)
	net := vision.NewDeepNetSoftmax(n, 5, 4, nn.ManualSeed(2))
	var got []float64
	quiet(func() { got = train(net, nn.NLLLoss(), x, cls, 10, 0.1) })
	in := exercise.Describe("Train", "net", "DeepNetSoftmax", "loss", "NLL", "nEpochs", 10, "learningRate", 0.1)
	r.Float(in+": number of losses (one per iteration)", float64(len(got)), 0)
	r.Floats(in+" losses", got, 1e-9)
}
