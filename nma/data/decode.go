package data

import (
	"fmt"
	"sort"

	"github.com/nma-go/nma-go/nma/nn"
)

// Decoding is the result of DecodeOrientation.
type Decoding struct {
	TrainLoss, TestLoss []float64 // loss at every iteration
	Predicted           []int     // decoded class of each test stimulus
	TestClasses         []int     // true class of each test stimulus
	FractionCorrect     float64
}

// DecodeOrientation trains a classifier (log-probabilities out) to decode the orientation
// class — 0…360° cut into nClasses bins — from the responses of a train/test split, by
// full-batch gradient descent with learning rate 0.1 for nIter iterations, recording the
// test loss at every iteration; it then decodes the test set, prints the fraction correct
// and returns everything (the course's decode_orientation). For L1/L2 penalties, pass a
// lossFn that adds them.
func DecodeOrientation(net nn.Module, nClasses int, lossFn nn.LossFunc, sp Split, nIter int) (Decoding, error) {
	trainClasses := StimulusClass(sp.StimuliTrain, nClasses)
	testClasses := StimulusClass(sp.StimuliTest, nClasses)
	h, err := nn.Train(net, lossFn, sp.RespTrain, trainClasses, nn.TrainOptions{
		Epochs: nIter, LearningRate: 0.1, TestData: sp.RespTest, TestLabels: testClasses,
	})
	if err != nil {
		return Decoding{}, err
	}
	pred := nn.Argmax(net.Forward(sp.RespTest.Detach()))
	d := Decoding{TrainLoss: h.TrainLoss, TestLoss: h.TestLoss, Predicted: pred}
	correct := 0
	for i, p := range pred {
		c := int(testClasses.Data[i])
		d.TestClasses = append(d.TestClasses, c)
		if p == c {
			correct++
		}
	}
	d.FractionCorrect = float64(correct) / float64(len(pred))
	fmt.Printf(">>> fraction correct = %.3f\n", d.FractionCorrect)
	return d, nil
}

// Argsort returns the indices that sort v in increasing order; equal values keep their
// order (a stable np.argsort).
func Argsort(v []int) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	return idx
}

// PreferredStimulus returns, for each neuron (column of resp, stimuli × neurons), the
// stimulus where its tuning curve, smoothed with a Gaussian of sigma stimuli, is largest.
func PreferredStimulus(resp *nn.Tensor, sigma float64) []int {
	return nn.Argmax(nn.Transpose(GaussianFilter1D(resp, sigma)))
}

// SortByPreference returns the neurons of resp ordered by their preferred stimulus
// (smoothing σ = 5 stimuli), as Tutorial 4 sorts the decoder's input weights.
func SortByPreference(resp *nn.Tensor) []int {
	return Argsort(PreferredStimulus(resp, 5))
}
