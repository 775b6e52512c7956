package vision

import (
	"bytes"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/nn"
)

// tinyStringer is a small stand-in for the 1° data: 360 stimuli, neurons tuned to
// orientation (a cosine bump at a preferred angle, no noise).
func tinyStringer(neurons int) *data.Stringer {
	resp := nn.Zeros(360, neurons)
	ori := make([]float64, 360)
	for i := range ori {
		ori[i] = float64(i)
		for j := 0; j < neurons; j++ {
			resp.Set(math.Cos((ori[i]-360*float64(j)/float64(neurons))*math.Pi/180), i, j)
		}
	}
	return &data.Stringer{Resp: resp, Stimuli: nn.Column(ori)}
}

// TrainedClassifier trains exactly as DecodeOrientation does in Coding Exercise 2.3, once:
// the second call loads the same weights from the cache.
func TestTrainedClassifierIsTheExercisesDecoder(t *testing.T) {
	useTempCache(t)
	ds := tinyStringer(6)
	sp := ds.MustTrainTestSplit(0.6, 4)
	// Exercise 2.3's training (the penalty must apply to the trained network's weights).
	want := NewDeepNetSoftmax(6, 20, 20, nn.ManualSeed(1))
	lossFn := func(o, y *nn.Tensor) *nn.Tensor {
		return nn.Regularized(nn.NLLLoss())(o, y, want.InLayer.Weight, 1e-2, 5e-4)
	}
	captureStdout(t, func() {
		if _, err := DecodeOrientation(want, 20, lossFn, sp, 1000); err != nil {
			t.Fatal(err)
		}
	})
	for call := range 2 {
		got, err := TrainedClassifier(ds, true)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.InLayer.Weight.Data, want.InLayer.Weight.Data) || !slices.Equal(got.OutLayer.Bias.Data, want.OutLayer.Bias.Data) {
			t.Errorf("call %d: the weights differ from the exercise's training", call+1)
		}
	}
}

// TrainedEncoder trains the encoding model as the course does, prints its log, and on the
// second call loads the model, the loss curves and the log from the cache; a model built by
// another function with the same shapes gets the cached weights. (20 of the 200 iterations,
// to keep the test short; a thousand neurons, as the course's learning rate needs: the MSE
// averages over the neurons, so with fewer the steps grow and diverge.)
func TestTrainedEncoderTrainsOnceAndCaches(t *testing.T) {
	useTempCache(t)
	const neurons, epochs = 1000, 20
	ori, stim := EncoderStimuli()
	tuned := func(phase float64) *nn.Tensor { // orientation-tuned responses
		r := nn.Zeros(60, neurons)
		for i, o := range ori {
			for j := 0; j < neurons; j++ {
				r.Set(math.Cos(2*(o-60*float64(j))*math.Pi/180+phase), i, j)
			}
		}
		return r
	}
	sp := &data.StringerSplit{RespTrain: tuned(0), RespTest: tuned(0.3), Stimuli: nn.Column(ori)}
	calls := 0
	build := func(n, cIn, cOut, K, b int, f *nn.Tensor, g *nn.Generator) *ConvFC {
		calls++
		return NewConvFC(n, cIn, cOut, K, b, f, g)
	}
	var log1, log2 bytes.Buffer
	net1, h1, err := trainedEncoder(build, sp, &log1, epochs)
	if err != nil {
		t.Fatal(err)
	}
	net2, h2, err := trainedEncoder(nil, sp, &log2, epochs)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("newConvFC called %d times, want 2 (one model trained, one loaded)", calls)
	}
	if n := strings.Count(log1.String(), "iteration"); n != 1 || log1.String() != log2.String() {
		t.Errorf("first log (%d iterations):\n%s\nsecond log:\n%s\nwant 1 line (every 20 iterations), the same twice", n, log1.String(), log2.String())
	}
	if len(h1.TrainLoss) != epochs || !(h1.TrainLoss[epochs-1] < h1.TrainLoss[0]/2) || math.IsNaN(h1.TestLoss[19]) || !math.IsNaN(h1.TestLoss[1]) {
		t.Errorf("loss curves: %d train losses %g → %g, test losses at 2 and 20: %g, %g",
			len(h1.TrainLoss), h1.TrainLoss[0], h1.TrainLoss[len(h1.TrainLoss)-1], h1.TestLoss[1], h1.TestLoss[19])
	}
	if !slices.Equal(h1.TrainLoss, h2.TrainLoss) || !slices.Equal(net1.OutLayer.Weight.Data, net2.OutLayer.Weight.Data) ||
		!slices.Equal(net1.Conv.Weight.Data, net2.Conv.Weight.Data) {
		t.Error("the cached model or loss curves differ from the trained ones")
	}
	// The model fits its data: the trained loss equals the loss of its predictions.
	pred := net2.Forward(stim)
	if l := nn.RegularizedMSELoss(pred, sp.RespTrain, net2.OutLayer.Weight, 5e-4, 1e-6).Item(); !(l < h1.TrainLoss[epochs-1]*1.01) {
		t.Errorf("loss of the loaded model %g, last training loss %g", l, h1.TrainLoss[epochs-1])
	}
	bad := &data.StringerSplit{RespTrain: nn.Zeros(59, 2), RespTest: nn.Zeros(59, 2), Stimuli: nn.Zeros(59, 1)}
	if _, _, err := TrainedEncoder(nil, bad, io.Discard); err == nil || !strings.Contains(err.Error(), "want 60") {
		t.Errorf("59 stimuli: %v, want an error", err)
	}
}
