package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// PreferredOrientation returns, for each neuron (column of respSmoothed, stimuli ×
// neurons), the stimulus at which its smoothed response is largest.
func PreferredOrientation(respSmoothed *nn.Tensor) []int {
	// TODO(W2D1.T4.E1): for every neuron j (column), find the row i where
	// respSmoothed.At(i, j) is largest (NumPy's argmax(axis=0)); return these rows, one per
	// neuron, and delete the panic.
	panic(exercise.TODO("W2D1.T4.E1"))
}

// NewDecoder returns the classifier of Coding Exercise 2.2 — a DeepNetSoftmax with 20
// hidden units and nClasses outputs — and the negative log likelihood loss to train it.
func NewDecoder(nNeurons, nClasses int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc) {
	// TODO(W2D1.T4.E2): initialize the network with M = 20 hidden units,
	//   net := vision.NewDeepNetSoftmax(..., ..., ..., g)
	// and the built-in negative log likelihood loss, lossFn := nn....(); return both and
	// delete the panic.
	panic(exercise.TODO("W2D1.T4.E2"))
}

// RegularizedLoss is the negative log likelihood plus an L2 and an L1 penalty on weights:
// NLL + l2·Σw² + l1·Σ|w|.
func RegularizedLoss(output, target, weights *nn.Tensor, l2Penalty, l1Penalty float64) *nn.Tensor {
	lossFn := nn.NLLLoss()
	loss := lossFn(output, target)
	_ = loss

	// TODO(W2D1.T4.E3): add the penalties with the tensor operations (they keep the
	// gradients): nn.Square, nn.Abs, nn.Sum, nn.Scale(c, t) for c·t and nn.Add(a, b, …).
	//   l2 := nn.Scale(l2Penalty, ...)   — l2·Σ w²
	//   l1 := nn.Scale(l1Penalty, ...)   — l1·Σ |w|
	//   loss = nn.Add(loss, l1, l2)
	// Return loss and delete the panic.
	panic(exercise.TODO("W2D1.T4.E3"))
}

// NewConvFC builds the convolutional encoding model: a convolution of cOut K×K filters
// (padding K/2) over images of b pixels, whose flattened output feeds a fully connected
// layer with one output per neuron.
func NewConvFC(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *vision.ConvFC {
	net := vision.NewConvFCConv(cIn, cOut, K, b, filters, g) // the convolutional layer, net.Conv
	M := net.Dims[0] * net.Dims[1]                           // number of convolutional units
	_ = M

	// TODO(W2D1.T4.E4): add the fully connected layer from the M convolutional units to
	// the nNeurons neurons, net.OutLayer = nn.NewLinear(M, ..., g), and initialize its
	// weights to be small with nn.InitNormal(net.OutLayer.Weight, 0, 0.01, g). Return net
	// and delete the panic. (net.Forward then flattens the convolution's output and applies
	// net.OutLayer to it.)
	panic(exercise.TODO("W2D1.T4.E4"))
}
