package vision

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/nn"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// Minibatch training of the T3 CNN on a small set of gratings learns the left/right task.
func TestCNNLearnsTilt(t *testing.T) {
	g := nn.ManualSeed(12)
	oris := g.Uniform(-90, 90, 200)
	var lab []float64
	for _, o := range oris {
		lab = append(lab, map[bool]float64{true: 1, false: 0}[o > 0])
	}
	x := nn.Stack(func() []*nn.Tensor {
		var ts []*nn.Tensor
		for _, o := range oris {
			ts = append(ts, Grating(o, ZeroOne()))
		}
		return ts
	}())
	net := NewCNN(48, 64, g)
	if n := nn.CountParameters(net); n != 300+2890+11 {
		t.Errorf("CNN has %d parameters, want 3201 (conv 300, fc 2890, out 11)", n)
	}
	h, err := nn.Train(net, nn.BCELoss(), x, nn.Column(lab), nn.TrainOptions{Epochs: 20, LearningRate: 5e-4, Momentum: 0.99, BatchSize: 20, Shuffle: g, LogEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	first, last := h.TrainLoss[0], h.TrainLoss[len(h.TrainLoss)-1]
	if !(last < 0.3*first) {
		t.Errorf("BCE went from %g to %g; want a drop to below 30%%", first, last)
	}
	p := net.Forward(x)
	correct := 0
	for i, v := range p.Data {
		if (v > 0.5) == (lab[i] == 1) {
			correct++
		}
	}
	t.Logf("BCE %.3g → %.3g, %d/200 correct", first, last, correct)
	if correct < 180 {
		t.Errorf("%d/200 training gratings classified right, want ≥ 180", correct)
	}
}

// The CNN's named children give the course's hidden activities: 'pool' after conv → ReLU →
// pooling (6 channels × 6 × 8), 'fc' the fully connected layer before its ReLU.
func TestCNNHiddenActivity(t *testing.T) {
	g := nn.ManualSeed(1)
	net := NewCNN(48, 64, g)
	stim := nn.Stack([]*nn.Tensor{Grating(-45, ZeroOne()), Grating(30, ZeroOne()), Grating(80, ZeroOne())})
	act, err := nn.GetHiddenActivity(net, stim, []string{"pool", "fc"})
	if err != nil {
		t.Fatal(err)
	}
	pool, fc := act["pool"], act["fc"]
	if !slices.Equal(pool.Shape, []int{3, 288}) || !slices.Equal(fc.Shape, []int{3, 10}) || slices.Min(pool.Data) < 0 {
		t.Fatalf("pool activity %v (min %g), fc activity %v; want [3 288] after a ReLU, and [3 10]", pool.Shape, slices.Min(pool.Data), fc.Shape)
	}
	// fc is captured before its ReLU, so it matches the layer applied to the pooled output.
	want := net.FC.Forward(pool)
	for i, v := range want.Data {
		if !near(fc.Data[i], v, 1e-12) {
			t.Fatalf("fc activity %d = %g, FC(pool activity) = %g", i, fc.Data[i], v)
		}
	}
}

// Tutorial 2's convolution with the example filters keeps the image size (padding K/2),
// and a constant image gives zero response for the zero-mean filters away from the border
// — to float32 precision (1e-5: a sum of 49 float32 products of weights below 1; the
// test asked 1e-12 when the convolution computed in float64).
func TestConvolutionalLayerWithFilters(t *testing.T) {
	l := NewConvolutionalLayer(1, 6, 7, Filters(6, 7, true), nn.ManualSeed(0))
	out := l.Forward(nn.Unsqueeze(nn.Unsqueeze(nn.Full(1, 48, 64), 0), 0))
	if s := out.Shape; s[0] != 1 || s[1] != 6 || s[2] != 48 || s[3] != 64 {
		t.Fatalf("output shape %v, want [1 6 48 64]", s)
	}
	for c := 0; c < 6; c++ {
		if v := out.At(0, c, 20, 30); math.Abs(v) > 1e-5 {
			t.Errorf("channel %d on a constant image: %g, want 0", c, v)
		}
	}
	if n := nn.CountParameters(l); n != 6*49+6 {
		t.Errorf("%d parameters, want 300", n)
	}
}

// Filters that do not fit the convolution are a programming error, named with both shapes.
func TestFiltersMustFitTheConvolution(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "do not fit") {
			t.Errorf("panic %v, want one saying the filters do not fit", r)
		}
	}()
	NewConvolutionalLayer(1, 6, 7, Filters(6, 5, true), nn.ManualSeed(0))
}
