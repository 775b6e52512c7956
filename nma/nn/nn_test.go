package nn

import (
	"bytes"
	"encoding/gob"
	"math"
	"slices"
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

// regressionData draws 100 inputs x (100 × 2) from g and their targets y = 2x₁ − 3x₂ + 0.5.
func regressionData(g *Generator) (x, y *Tensor) {
	x = FromData(g.Normal(0, 1, 200), 100, 2)
	y = Zeros(100, 1)
	for i := 0; i < 100; i++ {
		y.Data[i] = 2*x.Data[2*i] - 3*x.Data[2*i+1] + 0.5
	}
	return x, y
}

// Full-batch gradient descent on a linear regression converges to the least-squares fit,
// and the loss never increases for a small enough step — except by float32 rounding near
// the optimum: the outputs are float32 (values of a few units, rounding ~1e-7), so the
// MSE has a noise floor of ~1e-13, and the test allows rises below 1e-12 (it allowed
// 1e-15 when the layers computed in float64).
func TestTrainFitsLinearRegression(t *testing.T) {
	g := ManualSeed(3)
	x, y := regressionData(g)
	net := NewLinear(2, 1, g)
	var log bytes.Buffer
	h, err := Train(net, MSELoss(), x, y, TrainOptions{Epochs: 300, LearningRate: 0.1, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(h.TrainLoss); i++ {
		if h.TrainLoss[i] > h.TrainLoss[i-1]+1e-12 {
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

// Minibatch training (a new random order each epoch) also fits the linear regression, prints
// one line per logged epoch and a last line, and records a loss per step.
func TestTrainMinibatches(t *testing.T) {
	g := ManualSeed(12)
	x, y := regressionData(g)
	net := NewLinear(2, 1, g)
	var log bytes.Buffer
	h, err := Train(net, MSELoss(), x, y, TrainOptions{Epochs: 40, LearningRate: 0.05, Momentum: 0.5, BatchSize: 30, Shuffle: g, LogEvery: 10, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.TrainLoss) != 40 || len(h.StepLoss) != 40*4 {
		t.Errorf("%d epoch losses and %d step losses, want 40 and 160 (4 minibatches of ≤ 30)", len(h.TrainLoss), len(h.StepLoss))
	}
	if first, last := h.TrainLoss[0], h.TrainLoss[39]; !(last < 1e-4*first) {
		t.Errorf("MSE went from %g to %g; want it near 0", first, last)
	}
	if !near(net.Weight.Data[0], 2, 1e-3) || !near(net.Weight.Data[1], -3, 1e-3) || !near(net.Bias.Data[0], 0.5, 1e-3) {
		t.Errorf("fit w=%v b=%v, want [2 −3] 0.5", net.Weight.Data, net.Bias.Data)
	}
	if n := strings.Count(log.String(), "loss on last mini-batch"); n != 4 || !strings.HasSuffix(log.String(), "training done!\n") {
		t.Errorf("progress:\n%s\nwant 4 epoch lines and \"training done!\"", log.String())
	}
}

// GetHiddenActivity reads named children with forward hooks, flattens their outputs to
// (stimuli × units), removes its hooks, and names the layers when one is unknown.
func TestHooksAndHiddenActivity(t *testing.T) {
	g := ManualSeed(1)
	conv, pool, fc := NewConv2d(1, 2, 3, 1, g), NewMaxPool2d(2), NewLinear(2*3*4, 5, g)
	net := NewSequential().Add("conv", conv).Add("relu", NewReLU()).Add("pool", pool).
		Add("flatten", NewFlatten()).Add("fc", fc).Add("sigmoid", NewSigmoid())
	x := FromData(g.Normal(0, 1, 3*6*8), 3, 1, 6, 8)
	act, err := GetHiddenActivity(net, x, []string{"pool", "fc"})
	if err != nil {
		t.Fatal(err)
	}
	if got := act["pool"].Shape; got[0] != 3 || got[1] != 2*3*4 {
		t.Errorf("pool activity shape %v, want [3 24]", got)
	}
	if got := act["fc"].Shape; got[0] != 3 || got[1] != 5 {
		t.Errorf("fc activity shape %v, want [3 5]", got)
	}
	for _, v := range act["pool"].Data {
		if v < 0 {
			t.Fatal("pool activity (after ReLU) is negative")
		}
	}
	// fc is its own output (before the sigmoid): the layer applied to the pooled activity.
	out := fc.Forward(act["pool"])
	for i := range out.Data {
		if !near(out.Data[i], act["fc"].Data[i], 1e-12) {
			t.Fatal("fc activity differs from fc(pool activity)")
		}
	}
	if len(pool.hooks) != 0 || len(fc.hooks) != 0 {
		t.Error("hooks left registered")
	}
	if _, err := GetHiddenActivity(net, x, []string{"nope"}); err == nil || !strings.Contains(err.Error(), "no layer \"nope\"") || !strings.Contains(err.Error(), "flatten") {
		t.Errorf("unknown layer: %v", err)
	}
}

// A state dict survives gob (what a cache of trained networks stores) and loads only into
// the same architecture.
func TestStateDictRoundTripThroughGob(t *testing.T) {
	mk := func(classes int, g *Generator) *Sequential {
		return NewSequential(NewLinear(5, 4, g), NewReLU(), NewLinear(4, classes, g), NewLogSoftmax())
	}
	a := mk(3, ManualSeed(1))
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(GetStateDict(a)); err != nil {
		t.Fatal(err)
	}
	var sd StateDict
	if err := gob.NewDecoder(&buf).Decode(&sd); err != nil {
		t.Fatal(err)
	}
	b := mk(3, ManualSeed(2))
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
	if err := LoadStateDict(mk(2, ManualSeed(1)), sd); err == nil {
		t.Error("loading into another architecture: no error")
	}
}

// ReLU's branch-free passes: max(x, 0) with NaN kept, and the gradient passed where x > 0
// only (not at 0, −0, −Inf or NaN).
func TestReLUSpecialValues(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	x := NewParameter(FromData([]float64{-2, math.Copysign(0, -1), 0, 1e-310, 3, inf, -inf, nan, -math.MaxFloat64, math.MaxFloat64}))
	y := ReLU(x)
	want := []float64{0, 0, 0, 1e-310, 3, inf, 0, nan, 0, math.MaxFloat64}
	for i, w := range want {
		if got := y.Data[i]; got != w && !(math.IsNaN(w) && math.IsNaN(got)) || math.Signbit(got) {
			t.Errorf("ReLU(%g) = %g, want %g", x.Data[i], got, w)
		}
	}
	g := []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	y.BackwardWith(g)
	wantG := []float64{0, 0, 0, 1, 1, 1, 0, 0, 0, 1}
	for i, w := range wantG {
		if x.Grad[i] != w {
			t.Errorf("ReLU'(%g) = %g, want %g", x.Data[i], x.Grad[i], w)
		}
	}
}

// Max pooling keeps the first largest value of each window, and NaN wherever a window
// holds one (as PyTorch does).
func TestMaxPoolTiesAndNaN(t *testing.T) {
	nan := math.NaN()
	x := NewParameter(FromData([]float64{
		1, 3, nan, 0,
		3, 2, 5, 7,
	}, 1, 1, 2, 4))
	y := NewMaxPool2d(2).Forward(x)
	if y.Data[0] != 3 || !math.IsNaN(y.Data[1]) {
		t.Fatalf("pooled %v, want [3 NaN]", y.Data)
	}
	y.BackwardWith([]float64{1, 1})
	want := []float64{0, 1, 1, 0, 0, 0, 0, 0}
	for i, w := range want {
		if x.Grad[i] != w {
			t.Fatalf("gradient %v, want %v", x.Grad, want)
		}
	}
}

// SGD.ZeroGrad sets the gradients to nil (PyTorch's set_to_none), and the next Backward
// fills them afresh in the same memory: the gradient of one step, not a sum over steps.
func TestZeroGradSetsToNoneAndReuses(t *testing.T) {
	g := ManualSeed(4)
	x := FromData(g.Normal(0, 1, 6*300), 6, 300)
	y := FromData(g.Normal(0, 1, 6*80), 6, 80)
	lin := NewLinear(300, 80, g) // 24 000 weights: the float32 delivery
	opt := NewSGD(lin.Parameters(), 0.01, 0)
	grads := func() []float64 {
		RegularizedMSELoss(lin.Forward(x), y, lin.Weight, 1e-2, 1e-3).Backward()
		return slices.Clone(lin.Weight.Grad)
	}
	want := grads()
	buf := &lin.Weight.Grad[0]
	opt.ZeroGrad()
	if lin.Weight.Grad != nil || lin.Bias.Grad != nil {
		t.Fatal("ZeroGrad left a gradient")
	}
	got := grads()
	if &lin.Weight.Grad[0] != buf {
		t.Error("the gradient was not written into the buffer ZeroGrad set aside")
	}
	if !slices.Equal(got, want) {
		t.Error("the gradient after ZeroGrad differs from the first one")
	}
	lin.Bias.ZeroGrad() // the tensor's own ZeroGrad clears in place
	if lin.Bias.Grad == nil || slices.Max(lin.Bias.Grad) != 0 || slices.Min(lin.Bias.Grad) != 0 {
		t.Error("Tensor.ZeroGrad did not clear the gradient")
	}
}

// Forward passes in several goroutines may share a large input (its float32 copy is made
// once, under a lock) and give the results of serial passes (run with -race).
func TestConcurrentForwardsShareAnInput(t *testing.T) {
	g := ManualSeed(13)
	x := FromData(g.Normal(0, 1, 40*600), 40, 600)
	layers := []*Linear{NewLinear(600, 5, g), NewLinear(600, 7, g), NewLinear(600, 5, g)}
	want := make([][]float64, len(layers))
	for i, l := range layers {
		want[i] = l.Forward(FromData(slices.Clone(x.Data), 40, 600)).Data
	}
	got := make([][]float64, len(layers))
	done := make(chan int)
	for i, l := range layers {
		go func() {
			got[i] = l.Forward(x.Detach()).Data
			done <- i
		}()
	}
	for range layers {
		<-done
	}
	for i := range layers {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("layer %d: concurrent forward differs from a serial one", i)
		}
	}
}

// At and Set allocate nothing: loops over every element of a 360 × 23589 response matrix
// (W2D1's PreferredOrientation) call them millions of times.
func TestAtSetDoNotAllocate(t *testing.T) {
	x := Zeros(3, 4)
	s := 0.0
	if n := testing.AllocsPerRun(100, func() { s += x.At(2, 3); x.Set(s, 1, 2) }); n != 0 {
		t.Errorf("At and Set: %g allocations per call, want 0", n)
	}
}
