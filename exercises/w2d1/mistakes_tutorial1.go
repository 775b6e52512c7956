//go:build !nmagrade

package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// mistakesTutorial1 are the classic mistakes of Tutorial 1's exercises: each a variant of the
// solution (solutions/w2d1) that differs from it in one idea. A failed check whose outputs
// match one names it (exercise.Diagnose). Registered in solutions.go. The variants of Train
// train the probe's three small networks like the solution, no more.
var mistakesTutorial1 = exercise.Mistakes{
	"W2D1.T1.E1": {
		{Name: "no ReLU on the hidden layer", Hint: "without a nonlinearity the two layers collapse into one linear map: the hidden units pass through a ReLU",
			Impl: ForwardFunc(forwardNoReLU)},
		{Name: "ReLU on the output too", Hint: "the decoder's output is linear (it can be negative): the ReLU belongs to the hidden layer only",
			Impl: ForwardFunc(forwardReLUOut)},
	},
	"W2D1.T1.E2": {
		{Name: "gradients never cleared", Hint: "Backward adds to the gradients already there: clear them at every iteration, before computing the new ones",
			Impl: TrainFunc(trainNoZeroGrad)},
		{Name: "gradients cleared after Backward", Hint: "the order is: clear the old gradients, compute the new ones (Backward), then step; cleared after Backward, the step has nothing to follow",
			Impl: TrainFunc(trainZeroGradLate)},
	},
}

func forwardNoReLU(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
	return net.OutLayer.Forward(net.InLayer.Forward(r))
}

func forwardReLUOut(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
	return nn.ReLU(sol.DeepNetReLUForward(net, r))
}

// train is the solution's loop (without its progress lines) with one iteration's gradient
// step given by step.
func train(net nn.Module, lossFn nn.LossFunc, trainData, trainLabels *nn.Tensor, nEpochs int, learningRate float64, step func(o *nn.SGD, loss *nn.Tensor)) []float64 {
	optimizer := nn.NewSGD(net.Parameters(), learningRate, 0)
	trainLoss := make([]float64, 0, nEpochs)
	for i := 0; i < nEpochs; i++ {
		loss := lossFn(net.Forward(trainData), trainLabels)
		step(optimizer, loss)
		trainLoss = append(trainLoss, loss.Item())
	}
	return trainLoss
}

func trainNoZeroGrad(net nn.Module, lossFn nn.LossFunc, trainData, trainLabels *nn.Tensor, nEpochs int, learningRate float64) []float64 {
	return train(net, lossFn, trainData, trainLabels, nEpochs, learningRate, func(o *nn.SGD, loss *nn.Tensor) {
		loss.Backward()
		o.Step()
	})
}

func trainZeroGradLate(net nn.Module, lossFn nn.LossFunc, trainData, trainLabels *nn.Tensor, nEpochs int, learningRate float64) []float64 {
	return train(net, lossFn, trainData, trainLabels, nEpochs, learningRate, func(o *nn.SGD, loss *nn.Tensor) {
		loss.Backward()
		o.ZeroGrad()
		o.Step()
	})
}
