package w2d1

import (
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rng"
	"github.com/nma-go/nma-go/nma/rsa"
	"github.com/nma-go/nma-go/nma/vision"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// The tutorials' pipelines on the synthetic stand-in (23589 model neurons, the real files'
// shapes; data.DefaultSynth). The numbers are this port's, quoted in the notebooks; they
// differ from the course's, which were computed on the real recordings with PyTorch's
// random generator — the course's values are given in the comments.

// TestMain makes the whole package use the synthetic data, even where the real files have
// been downloaded, so that the reference values hold, and a cache of trained networks of its
// own (vision.Cache, under the user cache folder: $XDG_CACHE_HOME), so that every run trains
// them; the slow tests then run in parallel.
func TestMain(m *testing.M) {
	os.Setenv(data.EnvData, "synthetic")
	cache, err := os.MkdirTemp("", "nma-w2d1-test-cache-")
	if err == nil {
		os.Setenv("XDG_CACHE_HOME", cache)
	}
	code := m.Run()
	if err == nil {
		os.RemoveAll(cache)
	}
	os.Exit(code)
}

func synthetic(t *testing.T) {
	t.Helper()
	t.Parallel()
}

// slow skips a training test (12–40 s here, up to two minutes on a loaded 2-core machine) in
// `go test -short`; `go test ./...` and `make test` run it.
func slow(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("trains a network for tens of seconds; run without -short")
	}
}

// Tutorial 1: the untrained decoder's MSE on 20 random training stimuli, and the loss of 50
// iterations of gradient descent with the course's learning rate, 1e-4. The losses are
// deterministic (seeded data, weights and split); the relative tolerance 1e-3 allows for
// another summation order in the float32 matrix products (nma/gemm) on another machine.
// Course (real data, lr 1e-4): MSE 42949.14; losses 12219.759, 1672.732, 548.097, 235.619, 144.001.
func TestTutorial1Reference(t *testing.T) {
	synthetic(t)
	ds, sp := t1Data()
	net := vision.NewDeepNetReLU(ds.NNeurons(), 10, nn.ManualSeed(1))
	r, ori, err := vision.GetData(20, sp.RespTrain, sp.StimuliTrain, rng.New(1))
	if err != nil {
		t.Fatal(err)
	}
	if mse := nn.MSELoss()(net.Forward(r), ori).Item(); math.Abs(mse-42823.72) > 0.01 {
		t.Errorf("untrained MSE = %.2f, want 42823.72", mse)
	}
	var losses []float64
	quiet(func() { losses = sol.Train(net, nn.MSELoss(), sp.RespTrain, sp.StimuliTrain, 50, 1e-4) })
	want := map[int]float64{10: 18935.284, 20: 1781.274, 30: 627.281, 40: 308.439, 50: 162.524}
	for it, v := range want {
		if got := losses[it-1]; math.Abs(got-v) > 1e-3*v {
			t.Errorf("loss at iteration %d = %.3f, want %.3f", it, got, v)
		}
	}
}

// Tutorial 4, Coding Exercises 2.2 and 2.3: 20-class decoding of the test set (144
// stimuli). The run is deterministic; ±0.02 (3 stimuli) allows for float32 summation
// order on another machine tipping a stimulus near a class boundary.
// Course (real data): fraction correct 0.861, and 0.882 with L2 = 1e-2, L1 = 5e-4.
func TestTutorial4DecodingReference(t *testing.T) {
	slow(t)
	synthetic(t)
	ds, sp := t1Data()
	for _, c := range []struct {
		regularized bool
		want        float64
	}{{false, 0.875}, {true, 0.896}} {
		net := vision.NewDeepNetSoftmax(ds.NNeurons(), 20, 20, nn.ManualSeed(1))
		lossFn := nn.NLLLoss()
		if c.regularized {
			lossFn = func(o, y *nn.Tensor) *nn.Tensor { return sol.RegularizedLoss(o, y, net.InLayer.Weight, 1e-2, 5e-4) }
		}
		var res vision.Decoding
		var err error
		quiet(func() { res, err = vision.DecodeOrientation(net, 20, lossFn, sp, 1000) })
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(res.FractionCorrect-c.want) > 0.02 {
			t.Errorf("regularized=%v: fraction correct %.3f, want %.3f ± 0.02", c.regularized, res.FractionCorrect, c.want)
		}
		if last := res.TrainLoss[len(res.TrainLoss)-1]; !(last < res.TrainLoss[0]/4) {
			t.Errorf("regularized=%v: training loss %g → %g did not drop", c.regularized, res.TrainLoss[0], last)
		}
	}
}

// Tutorial 3: after training on the tilt task (1000 gratings, 25 epochs: vision.TrainedCNN),
// the 'pool' layer's RDM correlates better with V1's than the 'fc' layer's. The run is
// deterministic; ±0.05 allows for the 250 momentum steps amplifying float32 summation-order
// differences on another machine.
// Course (real data): 0.71 ('pool') and 0.56 ('fc').
func TestTutorial3RSAReference(t *testing.T) {
	slow(t)
	synthetic(t)
	var log strings.Builder
	net, err := vision.TrainedCNN(&log) // the notebook's network, trained here (the cache is the test's)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	var last float64
	if n := len(lines); n < 2 || lines[n-1] != "training done!" {
		t.Fatalf("training log:\n%s\nwant epochs and \"training done!\"", log.String())
	} else if _, err := fmt.Sscanf(lines[n-2], "epoch 25/25 | loss on last mini-batch: %g", &last); err != nil || last > 0.05 {
		t.Errorf("%q: BCE on the last minibatch %g (%v), want < 0.05", lines[n-2], last, err)
	}
	v1 := data.MustLoadDataTilt()
	act, err := nn.GetHiddenActivity(net, vision.GratingStack(v1.Stimuli.Data, vision.ZeroOne()), []string{"pool", "fc"})
	if err != nil {
		t.Fatal(err)
	}
	rv1 := sol.RDM(v1.Resp)
	pool := sol.CorrelateRDMs(rv1, sol.RDM(act["pool"]))
	fc := sol.CorrelateRDMs(rv1, sol.RDM(act["fc"]))
	t.Logf("RDM correlation with V1: pool %.3f, fc %.3f", pool, fc)
	if math.Abs(pool-0.700) > 0.05 || math.Abs(fc-0.637) > 0.05 || !(pool > fc) {
		t.Errorf("RDM correlations pool %.3f (want 0.700 ± 0.05), fc %.3f (want 0.637 ± 0.05), pool > fc", pool, fc)
	}
	// The fc layer separates left from right: its RDM is near 0 within a side, high across.
	m := sol.RDM(act["fc"])
	if !(m.At(45, 60) < 0.1 && m.At(45, 135) > 0.4) { // −45° vs −30° (same side) and vs +45°
		t.Errorf("fc RDM: within-side %.2f, across %.2f", m.At(45, 60), m.At(45, 135))
	}
	if _, err := rsa.Embed(act["fc"]); err != nil {
		t.Error(err)
	}
}

// Tutorial 4, Coding Exercise 3.2: the encoding model's train and test losses fall (50 of
// the course's 200 iterations here, to keep the test short). Both include the penalties,
// which dominate at first: the initial weights, N(0, 0.01²), of 1152 × 23589 output
// weights cost 5e-4·Σw² + 1e-6·Σ|w| ≈ 1.36 + 0.22, of the first loss 1.83. At iteration
// 50 the two losses are still close (1.832 → 0.279 and 1.794 → 0.273 here: the test loss is
// measured after the step); the test loss stays above the training loss only later (0.050
// and 0.032 at 200). Want both to fall at least fourfold.
// Course (real data, 200 iterations): train MSE ≈ 1.88 → 0.06, test ≈ 0.11.
func TestTutorial4EncoderReference(t *testing.T) {
	slow(t)
	synthetic(t)
	sp := data.MustLoadDataSplit()
	_, x := vision.EncoderStimuli()
	net := sol.NewConvFC(sp.NNeurons(), 1, 6, 7, 12*16, vision.Filters(6, 7, true), nn.ManualSeed(1))
	lossFn := func(o, y *nn.Tensor) *nn.Tensor { return nn.RegularizedMSELoss(o, y, net.OutLayer.Weight, 5e-4, 1e-6) }
	h, err := nn.Train(net, lossFn, x, sp.RespTrain, nn.TrainOptions{Epochs: 50, LearningRate: 2, Momentum: 0.9,
		TestData: x, TestLabels: sp.RespTest, TestEvery: 10, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	tr0, tr1 := h.TrainLoss[0], h.TrainLoss[49]
	te0, te1 := h.TestLoss[0], h.TestLoss[49]
	t.Logf("train %.3f → %.3f, test %.3f → %.3f", tr0, tr1, te0, te1)
	if !(tr1 < tr0/4 && te1 < te0/4) {
		t.Errorf("train %.3f → %.3f, test %.3f → %.3f: want both to fall at least fourfold", tr0, tr1, te0, te1)
	}
}
