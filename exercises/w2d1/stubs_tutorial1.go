//lint:file-ignore SA4008 the stubs are unfinished on purpose: a blank never returns, so the code after it looks dead

package w2d1

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// DeepNetReLUForward is the forward pass of a DeepNetReLU: a hidden layer of ReLU units, then
// a linear output (the equations above).
func DeepNetReLUForward(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
	h := exercise.Blank[*nn.Tensor]("W2D1.T1.E1")    // ← the hidden units from r: net.InLayer, then nn.ReLU (stimuli × hidden units)
	y := exercise.Blank[*nn.Tensor]("W2D1.T1.E1", h) // ← the output from h: net.OutLayer (stimuli × 1)
	return y
}

// Train runs full-batch gradient descent on net for nEpochs iterations and returns the
// loss at each one.
func Train(net nn.Module, lossFn nn.LossFunc, trainData, trainLabels *nn.Tensor, nEpochs int, learningRate float64) []float64 {
	// Initialize the SGD optimizer
	optimizer := exercise.Blank[*nn.SGD]("W2D1.T1.E2") // ← plain gradient descent (momentum 0) on net.Parameters() with learningRate

	// Placeholder to save the loss at each iteration
	trainLoss := make([]float64, 0, nEpochs)

	// Loop over epochs
	for i := 0; i < nEpochs; i++ {
		out := exercise.Blank[*nn.Tensor]("W2D1.T1.E2")       // ← the network's output for trainData
		loss := exercise.Blank[*nn.Tensor]("W2D1.T1.E2", out) // ← the loss of out against trainLabels, with lossFn

		exercise.BlankStep("W2D1.T1.E2", optimizer, loss) // ← clear the previous gradients, compute the new ones from loss, update the weights

		// store the current value of the loss
		trainLoss = append(trainLoss, loss.Item())

		// track progress
		if (i+1)%max(nEpochs/5, 1) == 0 {
			fmt.Printf("iteration %d/%d | loss: %.3f\n", i+1, nEpochs, loss.Item())
		}
	}
	return trainLoss
}
