//lint:file-ignore SA4006 the stubs are unfinished on purpose: a blank never returns, so the code after it looks dead

package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// PreferredOrientation returns, for each neuron (column of respSmoothed, stimuli ×
// neurons), the stimulus at which its smoothed response is largest.
func PreferredOrientation(respSmoothed *nn.Tensor) []int {
	nStimuli, nNeurons := respSmoothed.Shape[0], respSmoothed.Shape[1]
	preferred := make([]int, nNeurons) // one stimulus (row) per neuron

	exercise.BlankStep("W2D1.T4.E1", nStimuli) // ← set preferred[j] to the row i where respSmoothed.At(i, j) is largest, for every neuron j
	return preferred
}

// NewDecoder returns the classifier of Coding Exercise 2.2 — a DeepNetSoftmax with 20
// hidden units and nClasses outputs — and the negative log likelihood loss to train it.
func NewDecoder(nNeurons, nClasses int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc) {
	// Initialize the network, with M = 20 hidden units
	net := exercise.Blank[*vision.DeepNetSoftmax]("W2D1.T4.E2") // ← vision.NewDeepNetSoftmax: nNeurons inputs, M hidden units, nClasses outputs, g

	// Initialize the built-in negative log likelihood loss function
	lossFn := exercise.Blank[nn.LossFunc]("W2D1.T4.E2") // ← package nn's negative log likelihood loss
	return net, lossFn
}

// RegularizedLoss is the negative log likelihood plus an L2 and an L1 penalty on weights
// (the equations above).
func RegularizedLoss(output, target, weights *nn.Tensor, l2Penalty, l1Penalty float64) *nn.Tensor {
	lossFn := nn.NLLLoss()
	loss := lossFn(output, target)

	l2 := exercise.Blank[*nn.Tensor]("W2D1.T4.E3")                // ← R_L2 of weights with l2Penalty (nn.Square, nn.Sum, nn.Scale)
	l1 := exercise.Blank[*nn.Tensor]("W2D1.T4.E3")                // ← R_L1 of weights with l1Penalty (nn.Abs, nn.Sum, nn.Scale)
	loss = exercise.Blank[*nn.Tensor]("W2D1.T4.E3", loss, l1, l2) // ← the loss with both penalties added (nn.Add)
	return loss
}

// NewConvFC builds the convolutional encoding model: a convolution of cOut K×K filters
// (padding K/2) over images of b pixels, whose flattened output feeds a fully connected
// layer with one output per neuron.
func NewConvFC(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *vision.ConvFC {
	net := vision.NewConvFCConv(cIn, cOut, K, b, filters, g) // the convolutional layer, net.Conv
	M := net.Dims[0] * net.Dims[1]                           // number of convolutional units

	// Add the fully connected layer from the convolutional units to the neurons
	net.OutLayer = exercise.Blank[*nn.Linear]("W2D1.T4.E4", M) // ← an nn.NewLinear from the M units to the nNeurons neurons, with g

	exercise.BlankStep("W2D1.T4.E4") // ← initialize net.OutLayer's weights to be small: normal, mean 0, standard deviation 0.01 (nn.InitNormal, g)
	return net
}
