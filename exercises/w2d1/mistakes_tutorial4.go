//go:build !nmagrade

package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// mistakesTutorial4 are the classic mistakes of Tutorial 4's exercises (see mistakesTutorial1).
var mistakesTutorial4 = exercise.Mistakes{
	"W2D1.T4.E1": {
		{Name: "compared with the previous stimulus", Hint: "compare each response with the largest one found so far for that neuron, not with the response to the stimulus just before it",
			Impl: PreferredFunc(preferredNeighbour)},
		{Name: "ties go to the last maximum", Hint: "like np.argmax, the first of equal maxima wins: move on only to a strictly larger response",
			Impl: PreferredFunc(preferredLastTie)},
	},
	"W2D1.T4.E2": {
		{Name: "hidden units and classes swapped", Hint: "the network's sizes come in order: inputs, hidden units (20), then outputs (one per class)",
			Impl: NewDecoderFunc(newDecoderSwapped)},
		{Name: "20 classes hard-coded", Hint: "the number of outputs is the nClasses argument: the notebook's 20 classes are only one of the values it is called with",
			Impl: NewDecoderFunc(newDecoder20Classes)},
	},
	"W2D1.T4.E3": {
		{Name: "L1 and L2 penalties swapped", Hint: "l2Penalty weighs the sum of squared weights, l1Penalty the sum of their absolute values",
			Impl: RegLossFunc(regLossSwapped)},
		{Name: "square of the sum", Hint: "R_L2 squares each weight, then sums: the sum of squares, not the square of the sum",
			Impl: RegLossFunc(regLossSquareOfSum)},
		{Name: "mean instead of sum", Hint: "the penalties sum over all the weights: they are not averaged",
			Impl: RegLossFunc(regLossMean)},
	},
	"W2D1.T4.E4": {
		{Name: "default initialisation kept", Hint: "after making the fully connected layer, start its weights small: redraw them from a normal distribution with standard deviation 0.01",
			Impl: NewConvFCFunc(newConvFCDefaultInit)},
		{Name: "mean and standard deviation swapped", Hint: "the normal initialisation takes the mean first, then the standard deviation: small weights are centred on 0",
			Impl: NewConvFCFunc(newConvFCMeanStd)},
	},
}

func preferredNeighbour(respSmoothed *nn.Tensor) []int {
	nStimuli, nNeurons := respSmoothed.Shape[0], respSmoothed.Shape[1]
	preferred := make([]int, nNeurons)
	for j := 0; j < nNeurons; j++ {
		for i := 1; i < nStimuli; i++ {
			if respSmoothed.At(i, j) > respSmoothed.At(i-1, j) {
				preferred[j] = i
			}
		}
	}
	return preferred
}

func preferredLastTie(respSmoothed *nn.Tensor) []int {
	nStimuli, nNeurons := respSmoothed.Shape[0], respSmoothed.Shape[1]
	preferred := make([]int, nNeurons)
	for j := 0; j < nNeurons; j++ {
		for i := 1; i < nStimuli; i++ {
			if respSmoothed.At(i, j) >= respSmoothed.At(preferred[j], j) {
				preferred[j] = i
			}
		}
	}
	return preferred
}

func newDecoderSwapped(nNeurons, nClasses int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc) {
	return vision.NewDeepNetSoftmax(nNeurons, nClasses, 20, g), nn.NLLLoss()
}

func newDecoder20Classes(nNeurons, nClasses int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc) {
	return vision.NewDeepNetSoftmax(nNeurons, 20, 20, g), nn.NLLLoss()
}

// regLoss is the solution with the penalties l2 and l1 on weights given by penalties.
func regLoss(output, target, weights *nn.Tensor, penalties func() (l2, l1 *nn.Tensor)) *nn.Tensor {
	loss := nn.NLLLoss()(output, target)
	l2, l1 := penalties()
	return nn.Add(loss, l1, l2)
}

func regLossSwapped(output, target, weights *nn.Tensor, l2Penalty, l1Penalty float64) *nn.Tensor {
	return regLoss(output, target, weights, func() (l2, l1 *nn.Tensor) {
		return nn.Scale(l1Penalty, nn.Sum(nn.Square(weights))), nn.Scale(l2Penalty, nn.Sum(nn.Abs(weights)))
	})
}

func regLossSquareOfSum(output, target, weights *nn.Tensor, l2Penalty, l1Penalty float64) *nn.Tensor {
	return regLoss(output, target, weights, func() (l2, l1 *nn.Tensor) {
		return nn.Scale(l2Penalty, nn.Square(nn.Sum(weights))), nn.Scale(l1Penalty, nn.Sum(nn.Abs(weights)))
	})
}

func regLossMean(output, target, weights *nn.Tensor, l2Penalty, l1Penalty float64) *nn.Tensor {
	return regLoss(output, target, weights, func() (l2, l1 *nn.Tensor) {
		return nn.Scale(l2Penalty, nn.Mean(nn.Square(weights))), nn.Scale(l1Penalty, nn.Mean(nn.Abs(weights)))
	})
}

// newConvFC is the solution with the fully connected layer's weights initialised by init.
func newConvFC(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator, init func(l *nn.Linear)) *vision.ConvFC {
	net := vision.NewConvFCConv(cIn, cOut, K, b, filters, g)
	net.OutLayer = nn.NewLinear(net.Dims[0]*net.Dims[1], nNeurons, g)
	init(net.OutLayer)
	return net
}

func newConvFCDefaultInit(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *vision.ConvFC {
	return newConvFC(nNeurons, cIn, cOut, K, b, filters, g, func(*nn.Linear) {})
}

func newConvFCMeanStd(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *vision.ConvFC {
	return newConvFC(nNeurons, cIn, cOut, K, b, filters, g, func(l *nn.Linear) { nn.InitNormal(l.Weight, 0.01, 0, g) })
}
