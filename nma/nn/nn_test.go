package nn

import (
	"bytes"
	"encoding/gob"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

func TestLinearForwardByHand(t *testing.T) {
	l := NewLinear(2, 2, ManualSeed(0))
	copy(l.Weight.Data, []float64{1, 2, 3, 4})
	copy(l.Bias.Data, []float64{0.5, -1})
	y := l.Forward(FromData([]float64{1, 1, 2, -1}, 2, 2))
	want := []float64{3.5, 6, 0.5, 1} // [1 1]·Wᵀ+b, [2 −1]·Wᵀ+b
	for i, v := range want {
		if !near(y.Data[i], v, 1e-12) {
			t.Fatalf("y = %v, want %v", y.Data, want)
		}
	}
}

// PyTorch's default initialisation: uniform in ±1/√fan_in, mean ≈ 0, variance 1/(3·fan_in).
func TestInitialisationStatistics(t *testing.T) {
	l := NewLinear(400, 50, ManualSeed(7))
	bound := 1 / math.Sqrt(400)
	m, v := 0.0, 0.0
	for _, w := range l.Weight.Data {
		if math.Abs(w) > bound {
			t.Fatalf("weight %g outside ±%g", w, bound)
		}
		m += w
		v += w * w
	}
	n := float64(len(l.Weight.Data))
	m /= n
	v = v/n - m*m
	if math.Abs(m) > 4*bound/math.Sqrt(3*n) || !near(v, bound*bound/3, 0.05) {
		t.Errorf("mean %g, variance %g; want 0 and %g", m, v, bound*bound/3)
	}
	// Same seed, same weights; another seed, others.
	if a, b := NewLinear(3, 2, ManualSeed(1)), NewLinear(3, 2, ManualSeed(1)); a.Weight.Data[0] != b.Weight.Data[0] {
		t.Error("same seed gave different weights")
	}
	if a, b := NewLinear(3, 2, ManualSeed(1)), NewLinear(3, 2, ManualSeed(2)); a.Weight.Data[0] == b.Weight.Data[0] {
		t.Error("different seeds gave the same weights")
	}
}

func TestLossValues(t *testing.T) {
	out := FromData([]float64{1, 2, 3}, 3, 1)
	tgt := FromData([]float64{1, 0, 5}, 3, 1)
	if got := MSELoss()(out, tgt).Item(); !near(got, (0+4+4)/3.0, 1e-12) {
		t.Errorf("MSE = %g, want 8/3", got)
	}
	p := FromData([]float64{0.9, 0.2}, 2, 1)
	y := FromData([]float64{1, 0}, 2, 1)
	if got, want := BCELoss()(p, y).Item(), -(math.Log(0.9)+math.Log(0.8))/2; !near(got, want, 1e-12) {
		t.Errorf("BCE = %g, want %g", got, want)
	}
	// BCE clamps log(0) at −100, as PyTorch does.
	if got := BCELoss()(FromData([]float64{0}, 1), FromData([]float64{1}, 1)).Item(); got != 100 {
		t.Errorf("BCE(p=0, y=1) = %g, want 100", got)
	}
	lp := LogSoftmax(FromData([]float64{1, 2, 3, 0, 0, 0}, 2, 3))
	if got, want := NLLLoss()(lp, FromData([]float64{2, 0}, 2)).Item(), -(lp.Data[2]+lp.Data[3])/2; !near(got, want, 1e-12) {
		t.Errorf("NLL = %g, want %g", got, want)
	}
	if !near(lp.Data[3], -math.Log(3), 1e-12) {
		t.Errorf("log softmax of equal logits = %g, want −log 3", lp.Data[3])
	}
	w := FromData([]float64{1, -2, 0.5}, 3)
	if got := Penalty(w, 0.1, 0.01).Item(); !near(got, 0.1*5.25+0.01*3.5, 1e-12) {
		t.Errorf("Penalty = %g, want %g", got, 0.1*5.25+0.01*3.5)
	}
}

func TestBadInputPanicsWithShapes(t *testing.T) {
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"linear width", func() { NewLinear(3, 2, ManualSeed(0)).Forward(Zeros(4, 5)) }, "(batch, 3)"},
		{"conv channels", func() { NewConv2d(2, 1, 3, 1, ManualSeed(0)).Forward(Zeros(1, 1, 5, 5)) }, "(batch, 2, height, width)"},
		{"mse sizes", func() { MSELoss()(Zeros(3, 1), Zeros(2, 1)) }, "different sizes"},
		{"nll label", func() { NLLLoss()(Zeros(2, 3), FromData([]float64{0, 3}, 2)) }, "not a class label"},
		{"fromdata", func() { FromData([]float64{1, 2, 3}, 2, 2) }, "needs 4 values"},
		{"backward non-scalar", func() { Zeros(2).Backward() }, "one-element"},
		{"nil generator", func() { NewLinear(2, 2, nil) }, "nn.ManualSeed"},
		{"filters", func() { NewConvolutionalLayer(1, 6, 7, Filters(6, 5, true), ManualSeed(0)) }, "do not fit"},
	}
	for _, c := range cases {
		func() {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(r.(string), c.want) {
					t.Errorf("%s: panic %v, want one mentioning %q", c.name, r, c.want)
				}
			}()
			c.f()
		}()
	}
}

func TestTrainValidatesOptions(t *testing.T) {
	net := NewLinear(2, 1, ManualSeed(0))
	x, y := Zeros(4, 2), Zeros(4, 1)
	cases := []struct {
		o    TrainOptions
		want string
	}{
		{TrainOptions{Epochs: 0, LearningRate: 1}, "Epochs=0"},
		{TrainOptions{Epochs: 1, LearningRate: 0}, "LearningRate=0"},
		{TrainOptions{Epochs: 1, LearningRate: 1, Momentum: 1}, "Momentum=1"},
		{TrainOptions{Epochs: 1, LearningRate: 1, BatchSize: 2}, "Shuffle"},
		{TrainOptions{Epochs: 1, LearningRate: 1, TestData: x}, "TestLabels"},
	}
	for _, c := range cases {
		if _, err := Train(net, MSELoss(), x, y, c.o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Train(%+v): %v, want an error mentioning %q", c.o, err, c.want)
		}
	}
	if _, err := Train(net, MSELoss(), x, Zeros(3, 1), TrainOptions{Epochs: 1, LearningRate: 1}); err == nil {
		t.Error("mismatched data and labels: no error")
	}
}

// Full-batch gradient descent on a linear regression converges to the least-squares fit,
// and the loss never increases for a small enough step.
func TestTrainFitsLinearRegression(t *testing.T) {
	g := ManualSeed(3)
	x := FromData(g.Normal(0, 1, 200), 100, 2)
	y := Zeros(100, 1)
	for i := 0; i < 100; i++ {
		y.Data[i] = 2*x.Data[2*i] - 3*x.Data[2*i+1] + 0.5
	}
	net := NewLinear(2, 1, g)
	var log bytes.Buffer
	h, err := Train(net, MSELoss(), x, y, TrainOptions{Epochs: 300, LearningRate: 0.1, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(h.TrainLoss); i++ {
		if h.TrainLoss[i] > h.TrainLoss[i-1]+1e-15 {
			t.Fatalf("loss rose at iteration %d: %g → %g", i, h.TrainLoss[i-1], h.TrainLoss[i])
		}
	}
	if !near(net.Weight.Data[0], 2, 1e-6) || !near(net.Weight.Data[1], -3, 1e-6) || !near(net.Bias.Data[0], 0.5, 1e-6) {
		t.Errorf("fit w=%v b=%v, want [2 −3] 0.5", net.Weight.Data, net.Bias.Data)
	}
	if n := strings.Count(log.String(), "iteration"); n != 5 {
		t.Errorf("progress printed %d times, want 5:\n%s", n, log.String())
	}
}

// SGD with momentum follows PyTorch's update v ← μv + g, p ← p − lr·v, v₀ = g₀.
func TestSGDMomentumUpdate(t *testing.T) {
	p := NewParameter(FromData([]float64{1}, 1))
	opt := NewSGD([]*Tensor{p}, 0.1, 0.9)
	grads := []float64{1, 2, -1}
	want := 1.0
	v := 0.0
	for k, gr := range grads {
		opt.ZeroGrad()
		p.Grad = []float64{gr}
		opt.Step()
		if k == 0 {
			v = gr
		} else {
			v = 0.9*v + gr
		}
		want -= 0.1 * v
		if !near(p.Data[0], want, 1e-12) {
			t.Fatalf("step %d: p = %g, want %g", k, p.Data[0], want)
		}
	}
}

// Minibatch training of the T3 CNN on a small set of gratings learns the left/right task.
func TestCNNLearnsTilt(t *testing.T) {
	g := ManualSeed(12)
	oris := g.Uniform(-90, 90, 200)
	var lab []float64
	for _, o := range oris {
		lab = append(lab, map[bool]float64{true: 1, false: 0}[o > 0])
	}
	x := Stack(func() []*Tensor {
		var ts []*Tensor
		for _, o := range oris {
			ts = append(ts, Grating(o, ZeroOne()))
		}
		return ts
	}())
	net := NewCNN(48, 64, g)
	if n := CountParameters(net); n != 300+2890+11 {
		t.Errorf("CNN has %d parameters, want 3201 (conv 300, fc 2890, out 11)", n)
	}
	h, err := Train(net, BCELoss(), x, Column(lab), TrainOptions{Epochs: 20, LearningRate: 5e-4, Momentum: 0.99, BatchSize: 20, Shuffle: g, LogEvery: -1})
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

func TestHooksAndHiddenActivity(t *testing.T) {
	g := ManualSeed(1)
	net := NewCNN(48, 64, g)
	stim := Stack([]*Tensor{Grating(-45, ZeroOne()), Grating(30, ZeroOne()), Grating(80, ZeroOne())})
	act, err := GetHiddenActivity(net, stim, []string{"pool", "fc"})
	if err != nil {
		t.Fatal(err)
	}
	if got := act["pool"].Shape; got[0] != 3 || got[1] != 6*6*8 {
		t.Errorf("pool activity shape %v, want [3 288]", got)
	}
	if got := act["fc"].Shape; got[0] != 3 || got[1] != 10 {
		t.Errorf("fc activity shape %v, want [3 10]", got)
	}
	for _, v := range act["pool"].Data {
		if v < 0 {
			t.Fatal("pool activity (after ReLU) is negative")
		}
	}
	// fc is captured before its ReLU, so it matches the layer applied to the pooled output.
	fc := net.FC.Forward(act["pool"])
	for i := range fc.Data {
		if !near(fc.Data[i], act["fc"].Data[i], 1e-12) {
			t.Fatal("fc activity differs from FC(pool activity)")
		}
	}
	// Hooks are removed afterwards.
	if len(net.Pool.hooks) != 0 || len(net.FC.hooks) != 0 {
		t.Error("hooks left registered")
	}
	if _, err := GetHiddenActivity(net, stim, []string{"nope"}); err == nil || !strings.Contains(err.Error(), "no layer \"nope\"") {
		t.Errorf("unknown layer: %v", err)
	}
}

func TestStateDictRoundTripThroughGob(t *testing.T) {
	a := NewDeepNetSoftmax(5, 4, 3, ManualSeed(1))
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(GetStateDict(a)); err != nil {
		t.Fatal(err)
	}
	var sd StateDict
	if err := gob.NewDecoder(&buf).Decode(&sd); err != nil {
		t.Fatal(err)
	}
	b := NewDeepNetSoftmax(5, 4, 3, ManualSeed(2))
	if err := LoadStateDict(b, sd); err != nil {
		t.Fatal(err)
	}
	x := FromData(ManualSeed(5).Normal(0, 1, 10), 2, 5)
	ya, yb := a.Forward(x), b.Forward(x)
	for i := range ya.Data {
		if ya.Data[i] != yb.Data[i] {
			t.Fatal("loaded network computes differently")
		}
	}
	if err := LoadStateDict(NewDeepNetSoftmax(5, 4, 2, ManualSeed(1)), sd); err == nil {
		t.Error("loading into another architecture: no error")
	}
}

func TestGratingAndFilters(t *testing.T) {
	g0 := Grating(0)
	if g0.Shape[0] != 48 || g0.Shape[1] != 64 {
		t.Fatalf("grating shape %v, want [48 64]", g0.Shape)
	}
	// 0° (vertical) stripes: every row equal; 90°: every column equal; values ±0.5.
	for i := 1; i < 48; i++ {
		for j := 0; j < 64; j++ {
			if g0.At(i, j) != g0.At(0, j) {
				t.Fatalf("0° grating: row %d differs from row 0", i)
			}
		}
	}
	g90 := Grating(90)
	for i := 0; i < 48; i++ {
		for j := 1; j < 64; j++ {
			if g90.At(i, j) != g90.At(i, 0) {
				t.Fatalf("90° grating: column %d differs", j)
			}
		}
	}
	for _, v := range g0.Data {
		if v != 0.5 && v != -0.5 {
			t.Fatalf("grating value %g, want ±0.5", v)
		}
	}
	if s := Grating(10, Res(0.025)).Shape; s[0] != 12 || s[1] != 16 {
		t.Errorf("res 0.025 grating shape %v, want [12 16]", s)
	}
	if v := Grating(30, ZeroOne()).Data; v[0] != 1 { // cos(0) = 1 at the corner
		t.Errorf("0/1 grating corner %g, want 1", v[0])
	}
	f := Filters(6, 7, false)
	K := 7
	at := func(c, i, j int) float64 { return f.Data[c*K*K+i*K+j] }
	for c := 0; c < 6; c++ {
		m := 0.0
		for i := 0; i < K*K; i++ {
			m = math.Max(m, math.Abs(f.Data[c*K*K+i]))
		}
		if !near(m, 1, 1e-12) {
			t.Errorf("filter %d: max |w| = %g, want 1", c, m)
		}
	}
	for i := 0; i < K; i++ {
		for j := 0; j < K; j++ {
			if at(1, i, j) != -at(0, i, j) {
				t.Fatal("filter 1 is not −filter 0")
			}
			if !near(at(4, i, j), at(2, j, i), 1e-12) { // Gabor at 90° = transposed Gabor at 0°
				t.Fatal("Gabor(90°) is not Gabor(0°) transposed")
			}
		}
	}
	// Centre-surround at the centre: exp(0) − 0.5·exp(0) = 0.5, the largest value → 1 after scaling.
	if !near(at(0, 3, 3), 1, 1e-12) {
		t.Errorf("centre of the centre-surround filter = %g, want 1", at(0, 3, 3))
	}
	fm := Filters(6, 7, true)
	for c := 0; c < 6; c++ {
		s := 0.0
		for i := 0; i < K*K; i++ {
			s += fm.Data[c*K*K+i]
		}
		if math.Abs(s) > 1e-12 {
			t.Errorf("mean-subtracted filter %d sums to %g", c, s)
		}
	}
}

// Tutorial 2's convolution with the example filters keeps the image size (padding K/2),
// and a constant image gives zero response for the zero-mean filters away from the border.
func TestConvolutionalLayerWithFilters(t *testing.T) {
	l := NewConvolutionalLayer(1, 6, 7, Filters(6, 7, true), ManualSeed(0))
	out := l.Forward(Unsqueeze(Unsqueeze(Full(1, 48, 64), 0), 0))
	if s := out.Shape; s[0] != 1 || s[1] != 6 || s[2] != 48 || s[3] != 64 {
		t.Fatalf("output shape %v, want [1 6 48 64]", s)
	}
	for c := 0; c < 6; c++ {
		if v := out.At(0, c, 20, 30); math.Abs(v) > 1e-12 {
			t.Errorf("channel %d on a constant image: %g, want 0", c, v)
		}
	}
	if n := CountParameters(l); n != 6*49+6 {
		t.Errorf("%d parameters, want 300", n)
	}
}

func TestCacheComputesOnceAndSurvivesCorruption(t *testing.T) {
	t.Chdir(t.TempDir()) // its own cache folder
	key := "nn-test-cache"
	defer ResetCache(key)
	calls := 0
	fn := func() StateDict { calls++; return GetStateDict(NewLinear(2, 1, ManualSeed(1))) }
	a := Cache(key, fn)
	b := Cache(key, fn)
	if calls != 1 || len(a.Values) != 2 || a.Values[0][0] != b.Values[0][0] {
		t.Fatalf("calls=%d, a=%v, b=%v", calls, a, b)
	}
	// A corrupted file is recomputed, not fatal.
	os.WriteFile(filepath.Join(CacheDir(), key+".bin"), []byte("junk"), 0o644)
	c := Cache(key, fn)
	if calls != 2 || c.Values[0][0] != a.Values[0][0] {
		t.Errorf("after corruption: calls=%d", calls)
	}
	ents, _ := os.ReadDir(CacheDir())
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
