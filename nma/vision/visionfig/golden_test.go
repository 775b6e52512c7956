package visionfig

import (
	"math"
	"testing"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/fig/figtest"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// Small deterministic inputs (closed-form curves, no training), so that the golden images
// are fast to draw and the same on every machine.

// wobble is a deterministic stand-in for noise, in [−1, 1].
func wobble(i int) float64 { return math.Sin(1.7*float64(i) + 0.3*float64(i*i%7)) }

// tuned returns responses (stimuli × neurons) of neurons tuned to orientation, with
// preferred orientations spread over 0…180° and smooth ripples (phase changes them: train
// and test sets).
func tuned(stimuli []float64, neurons int, phase float64) *nn.Tensor {
	r := nn.Zeros(len(stimuli), neurons)
	for i, s := range stimuli {
		for j := 0; j < neurons; j++ {
			pref := 180 * float64(j) / float64(neurons)
			v := math.Exp(2*(math.Cos(2*(s-pref)*math.Pi/180)-1)) * (1 + 0.5*float64(j%3))
			r.Set(v-0.3+0.08*math.Sin(0.37*float64(i)+1.3*float64(j))+phase*0.08*math.Sin(0.61*float64(i)+0.7*float64(j)), i, j)
		}
	}
	return r
}

func degrees(n int, step, offset float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = offset + step*float64(i)
	}
	return s
}

func decay(n int, from, to float64) []float64 {
	l := make([]float64, n)
	for i := range l {
		l[i] = to + (from-to)*math.Exp(-float64(i)/float64(n)*6) + 0.02*to*wobble(i)
	}
	return l
}

func TestGoldenData(t *testing.T) {
	ori := degrees(360, 1, 0)
	ds := &data.Stringer{Resp: tuned(ori, 40, 1), Stimuli: nn.Column(ori)}
	figtest.Golden(t, "data_overview", PlotDataOverview(ds, 100, []int{3, 17, 30}))
	figtest.Golden(t, "neuron_tuning", PlotNeuronTuning(ds, 17))
}

func TestGoldenStimuliAndFilters(t *testing.T) {
	oris := []float64{-45, 0, 45}
	var imgs []*nn.Tensor
	for _, o := range oris {
		imgs = append(imgs, vision.Grating(o))
	}
	figtest.Golden(t, "gratings", PlotGratings(oris, imgs))
	filters := vision.Filters(6, 7, true)
	figtest.Golden(t, "filter_pair", PlotFilterPair(filters.Rows([]int{0}), filters.Rows([]int{4}), "center-surround filter", "gabor filter"))
	figtest.Golden(t, "weights", PlotWeights(filters, []int{0, 1, 2, 3, 4, 5}))
	stim := vision.Gratings(oris[1:])
	act := vision.NewConvolutionalLayer(1, 6, 7, filters, nn.ManualSeed(0)).Forward(stim).Detach()
	figtest.Golden(t, "example_activations", PlotExampleActivations(stim, act, []int{0, 1, 2, 3, 4, 5}))
}

func TestGoldenLosses(t *testing.T) {
	figtest.Golden(t, "train_loss", PlotTrainLoss(decay(50, 43000, 34), ""))
	train, test := decay(200, 1.9, 0.06), decay(200, 2.0, 0.11)
	for i := range test {
		if i%20 != 0 && i != 199 {
			test[i] = math.NaN()
		}
	}
	figtest.Golden(t, "training_curves", PlotTrainingCurves(train, test))
}

func TestGoldenDecoding(t *testing.T) {
	trueOri := degrees(36, 10, 3)
	decoded := make([]float64, len(trueOri))
	predicted := make([]int, len(trueOri))
	for i, o := range trueOri {
		decoded[i] = o + 25*wobble(i)
		if i == 30 {
			decoded[i] = 15 // one wrap-around error
		}
		predicted[i] = min(19, max(0, int(o/18)+int(math.Round(0.7*wobble(i+5)))))
	}
	figtest.Golden(t, "decoded_vs_true", PlotDecodedVsTrue(trueOri, decoded, 1234.56))
	figtest.Golden(t, "decoding_error", PlotDecodingError(trueOri, decoded))
	figtest.Golden(t, "decoded_results", PlotDecodedResults(decay(1000, 3, 0.05), decay(1000, 3, 0.6), trueOri, predicted, 20))
}

func TestGoldenDecoderWeights(t *testing.T) {
	wIn, wOut := nn.Zeros(10, 60), nn.Zeros(1, 10)
	for i := 0; i < 10; i++ {
		for j := 0; j < 60; j++ {
			wIn.Set(0.012*math.Cos(2*math.Pi*(float64(j)/60-float64(i)/10)), i, j)
		}
		wOut.Set(3*wobble(i), 0, i)
	}
	figtest.Golden(t, "decoder_weights", VisualizeWeights(wIn, wOut))
	h := tuned(degrees(360, 1, 0), 10, 0)
	figtest.Golden(t, "hidden_units", VisualizeHiddenUnits(wIn, nn.Transpose(h)))
}

func TestGoldenTuningGrids(t *testing.T) {
	stimuli := degrees(60, 6, 3)
	train, test, pred := tuned(stimuli, 15, 1), tuned(stimuli, 15, -1), tuned(stimuli, 15, 0)
	neurons := []int{0, 2, 4, 6, 8, 10, 12, 14, 1, 3}
	figtest.Golden(t, "tuning_grid", PlotTuningGrid(stimuli, train, test, neurons, 2, 4)) // the last two do not fit
	figtest.Golden(t, "prediction_grid", PlotPredictionGrid(stimuli, pred, train, test, neurons[:3], 1, 3))
}
