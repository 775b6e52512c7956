package w2d1

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// DeepNetReLUForward is the forward pass of a DeepNetReLU: a hidden layer of ReLU units
// h = ReLU(W_in·r + b_in), then the output y = W_out·h + b_out.
// Exercise W2D1.T1.E1.
func DeepNetReLUForward(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
	h := nn.ReLU(net.InLayer.Forward(r)) // h is stimuli × hidden units
	y := net.OutLayer.Forward(h)         // y is stimuli × 1
	return y
}

// Train runs full-batch gradient descent on net for nEpochs iterations and returns the
// loss at each one.
// Exercise W2D1.T1.E2.
func Train(net nn.Module, lossFn nn.LossFunc, trainData, trainLabels *nn.Tensor, nEpochs int, learningRate float64) []float64 {
	// Initialize the SGD optimizer
	optimizer := nn.NewSGD(net.Parameters(), learningRate, 0)

	// Placeholder to save the loss at each iteration
	trainLoss := make([]float64, 0, nEpochs)

	// Loop over epochs
	for i := 0; i < nEpochs; i++ {
		// compute the network's output from the inputs in trainData
		out := net.Forward(trainData)

		// evaluate the loss function
		loss := lossFn(out, trainLabels)

		// clear the previous gradients
		optimizer.ZeroGrad()

		// compute the gradients
		loss.Backward()

		// update the weights
		optimizer.Step()

		// store the current value of the loss
		trainLoss = append(trainLoss, loss.Item())

		// track progress
		if (i+1)%max(nEpochs/5, 1) == 0 {
			fmt.Printf("iteration %d/%d | loss: %.3f\n", i+1, nEpochs, loss.Item())
		}
	}
	return trainLoss
}
