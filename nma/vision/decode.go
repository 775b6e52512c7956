package vision

import (
	"fmt"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rng"
)

// Decoding orientation from the V1 responses (Tutorials 1 and 4).

// GetData draws nStim rows of (trainData, trainLabels) at random with replacement
// (np.random.choice(n, nStim) from r), the course's get_data.
func GetData(nStim int, trainData, trainLabels *nn.Tensor, r *rng.RandomState) (*nn.Tensor, *nn.Tensor, error) {
	idx, err := r.ChoiceIndex(trainLabels.Shape[0], nStim)
	if err != nil {
		return nil, nil, fmt.Errorf("vision.GetData: %w", err)
	}
	return trainData.Rows(idx), trainLabels.Rows(idx), nil
}

// StimulusClass returns the class of each orientation when 0…360° is cut into nClasses
// equal bins: np.digitize(ori, linspace(0, 360, nClasses+1)) − 1 (stimulus_class).
func StimulusClass(ori *nn.Tensor, nClasses int) *nn.Tensor {
	edges := make([]float64, nClasses+1)
	for i := range edges {
		edges[i] = 360 * float64(i) / float64(nClasses)
	}
	bins := nma.Digitize(ori.Data, edges)
	out := make([]float64, len(bins))
	for i, b := range bins {
		out[i] = float64(b - 1)
	}
	return nn.FromData(out, len(out))
}

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
func DecodeOrientation(net nn.Module, nClasses int, lossFn nn.LossFunc, sp data.Split, nIter int) (Decoding, error) {
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
