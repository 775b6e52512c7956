package w2d1

import (
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// PreferredOrientation returns, for each neuron (column of respSmoothed, stimuli ×
// neurons), the stimulus at which its smoothed response is largest.
// Exercise W2D1.T4.E1.
func PreferredOrientation(respSmoothed *nn.Tensor) []int {
	nStimuli, nNeurons := respSmoothed.Shape[0], respSmoothed.Shape[1]
	preferred := make([]int, nNeurons)
	for j := 0; j < nNeurons; j++ {
		for i := 1; i < nStimuli; i++ {
			if respSmoothed.At(i, j) > respSmoothed.At(preferred[j], j) {
				preferred[j] = i
			}
		}
	}
	return preferred
}

// NewDecoder returns the classifier of Coding Exercise 2.2 — a DeepNetSoftmax with 20
// hidden units and nClasses outputs — and the negative log likelihood loss to train it.
// Exercise W2D1.T4.E2.
func NewDecoder(nNeurons, nClasses int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc) {
	// Initialize the network, with M=20 hidden units
	net := vision.NewDeepNetSoftmax(nNeurons, 20, nClasses, g)

	// Initialize the built-in negative log likelihood loss function
	lossFn := nn.NLLLoss()
	return net, lossFn
}

// RegularizedLoss is the negative log likelihood plus an L2 and an L1 penalty on weights:
// NLL + l2·Σw² + l1·Σ|w|.
// Exercise W2D1.T4.E3.
func RegularizedLoss(output, target, weights *nn.Tensor, l2Penalty, l1Penalty float64) *nn.Tensor {
	lossFn := nn.NLLLoss()
	loss := lossFn(output, target)

	l2 := nn.Scale(l2Penalty, nn.Sum(nn.Square(weights)))
	l1 := nn.Scale(l1Penalty, nn.Sum(nn.Abs(weights)))
	loss = nn.Add(loss, l1, l2)
	return loss
}

// NewConvFC builds the convolutional encoding model: a convolution of cOut K×K filters
// (padding K/2) over images of b pixels, whose flattened output feeds a fully connected
// layer with one output per neuron.
// Exercise W2D1.T4.E4.
func NewConvFC(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *vision.ConvFC {
	net := vision.NewConvFCConv(cIn, cOut, K, b, filters, g) // the convolutional layer, net.Conv
	M := net.Dims[0] * net.Dims[1]                           // number of convolutional units

	// Add the fully connected layer from the convolutional units to the neurons
	net.OutLayer = nn.NewLinear(M, nNeurons, g)

	nn.InitNormal(net.OutLayer.Weight, 0, 0.01, g) // initialize the weights to be small
	return net
}
