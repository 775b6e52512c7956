package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// DeepNetReLUForward is the forward pass of a DeepNetReLU: a hidden layer of ReLU units
// h = ReLU(W_in·r + b_in), then the output y = W_out·h + b_out.
func DeepNetReLUForward(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
	// TODO(W2D1.T1.E1): compute the hidden units
	//   h := nn.ReLU(...)   (apply net.InLayer to r with net.InLayer.Forward(r))
	// then the output y := net.OutLayer.Forward(...), return y, and delete the panic.
	panic(exercise.TODO("W2D1.T1.E1"))
}

// Train runs full-batch gradient descent on net for nEpochs iterations and returns the
// loss at each one.
func Train(net nn.Module, lossFn nn.LossFunc, trainData, trainLabels *nn.Tensor, nEpochs int, learningRate float64) []float64 {
	// TODO(W2D1.T1.E2): make an optimizer
	//   optimizer := nn.NewSGD(net.Parameters(), learningRate, 0)
	// and a slice trainLoss; then, for each of the nEpochs iterations:
	//   1. out := net.Forward(trainData)            — the network's output
	//   2. loss := lossFn(out, trainLabels)         — the loss
	//   3. optimizer.ZeroGrad()                     — clear the previous gradients
	//   4. loss.Backward()                          — compute the gradients
	//   5. optimizer.Step()                         — update the weights
	//   6. append loss.Item() to trainLoss
	// and every nEpochs/5 iterations print
	//   fmt.Printf("iteration %d/%d | loss: %.3f\n", i+1, nEpochs, loss.Item())
	// Return trainLoss and delete the panic.
	panic(exercise.TODO("W2D1.T1.E2"))
}
