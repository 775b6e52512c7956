package nn

import (
	"math"
	"slices"
	"testing"
)

// gradCheck compares the gradients that Backward gives for the scalar L = Σ c·f(inputs)
// (random weights c) with central finite differences, for every tensor in wrt.
//
// It runs on the float64 reference path (exact64): finite differences of float32 forward
// passes are too coarse.
func gradCheck(t *testing.T, name string, f func() *Tensor, wrt []*Tensor, tol float64) {
	t.Helper()
	defer useExact64()()
	g := ManualSeed(99)
	out := f()
	c := g.Normal(0, 1, out.Numel())
	loss := func() float64 {
		o := f()
		s := 0.0
		for i, v := range o.Data {
			s += c[i] * v
		}
		return s
	}
	for _, p := range wrt {
		p.Grad = nil
	}
	Sum(mulConst(f(), c)).Backward()
	const h = 1e-6
	for k, p := range wrt {
		if p.Grad == nil {
			t.Fatalf("%s: tensor %d got no gradient", name, k)
		}
		for i := range p.Data {
			old := p.Data[i]
			p.Data[i] = old + h
			lp := loss()
			p.Data[i] = old - h
			lm := loss()
			p.Data[i] = old
			num := (lp - lm) / (2 * h)
			if d := math.Abs(num - p.Grad[i]); d > tol*math.Max(1, math.Abs(num)) {
				t.Errorf("%s: d/d tensor%d[%d]: backward %.8g, finite difference %.8g", name, k, i, p.Grad[i], num)
				return
			}
		}
	}
}

// mulConst multiplies element-wise by constants (a test helper with its own gradient).
func mulConst(x *Tensor, c []float64) *Tensor {
	y := make([]float64, len(x.Data))
	for i := range y {
		y[i] = x.Data[i] * c[i]
	}
	return result(x.Shape, y, func(g []float64) {
		gx := make([]float64, len(g))
		for i := range g {
			gx[i] = g[i] * c[i]
		}
		x.BackwardWith(gx)
	}, x)
}

func randParam(g *Generator, shape ...int) *Tensor {
	return NewParameter(FromData(g.Normal(0, 1, numel(shape)), shape...))
}

func TestGradientsMatchFiniteDifferences(t *testing.T) {
	g := ManualSeed(1)
	x2 := randParam(g, 4, 5)
	lin := NewLinear(5, 3, g)
	conv := NewConv2d(2, 3, 3, 1, g)
	x4 := randParam(g, 2, 2, 6, 7)
	convNoPad := NewConv2d(1, 2, 3, 0, g)
	x4b := randParam(g, 2, 1, 5, 6)
	pool := NewMaxPool2d(2)
	logits := randParam(g, 3, 4)
	probs := NewParameter(FromData([]float64{0.2, 0.7, 0.9, 0.35, 0.5, 0.05}, 6))
	bin := FromData([]float64{0, 1, 1, 0, 1, 0}, 6)
	labels := FromData([]float64{2, 0, 3}, 3)
	target := FromData(g.Normal(0, 1, 12), 4, 3)
	nonzero := NewParameter(FromData([]float64{-1.5, 0.3, 2, -0.7}, 4))
	seq := NewSequential(NewConv2d(1, 2, 3, 1, g), NewReLU(), NewMaxPool2d(2), NewFlatten(), NewLinear(2*3*3, 2, g), NewSigmoid())
	x4c := randParam(g, 3, 1, 6, 7)

	cases := []struct {
		name string
		f    func() *Tensor
		wrt  []*Tensor
	}{
		{"Linear", func() *Tensor { return lin.Forward(x2) }, []*Tensor{x2, lin.Weight, lin.Bias}},
		{"ReLU", func() *Tensor { return ReLU(x2) }, []*Tensor{x2}},
		{"Sigmoid", func() *Tensor { return Sigmoid(x2) }, []*Tensor{x2}},
		{"LogSoftmax", func() *Tensor { return LogSoftmax(x2) }, []*Tensor{x2}},
		{"Conv2d padding 1", func() *Tensor { return conv.Forward(x4) }, []*Tensor{x4, conv.Weight, conv.Bias}},
		{"Conv2d no padding", func() *Tensor { return convNoPad.Forward(x4b) }, []*Tensor{x4b, convNoPad.Weight, convNoPad.Bias}},
		{"MaxPool2d", func() *Tensor { return pool.Forward(x4) }, []*Tensor{x4}},
		{"Flatten", func() *Tensor { return Flatten(x4) }, []*Tensor{x4}},
		{"MSELoss", func() *Tensor { return MSELoss()(lin.Forward(x2), target) }, []*Tensor{x2, lin.Weight, lin.Bias}},
		{"BCELoss", func() *Tensor { return BCELoss()(probs, bin) }, []*Tensor{probs}},
		{"NLLLoss", func() *Tensor { return NLLLoss()(LogSoftmax(logits), labels) }, []*Tensor{logits}},
		{"Penalty", func() *Tensor { return Penalty(nonzero, 0.3, 0.7) }, []*Tensor{nonzero}},
		{"Mean of Square", func() *Tensor { return Mean(Square(x2)) }, []*Tensor{x2}},
		{"Sequential CNN", func() *Tensor { return seq.Forward(x4c) }, append([]*Tensor{x4c}, seq.Parameters()...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { gradCheck(t, c.name, c.f, c.wrt, 1e-5) })
	}
}

// The sparse path of Conv2d's backward (most output gradients zero, as after max pooling)
// must agree with the dense one: to 1e-12 on the float64 reference path, and to float32
// precision (relative 1e-6) on the fast path, where the dense one is float32.
func TestConvSparseBackwardEqualsDense(t *testing.T) {
	t.Run("float64", func(t *testing.T) {
		defer useExact64()()
		testConvSparseBackwardEqualsDense(t, 1e-12)
	})
	t.Run("float32", func(t *testing.T) { testConvSparseBackwardEqualsDense(t, 1e-6) })
}

func testConvSparseBackwardEqualsDense(t *testing.T, tol float64) {
	g := ManualSeed(3)
	conv := NewConv2d(2, 2, 3, 1, g)
	x := randParam(g, 2, 2, 8, 8)
	gout := make([]float64, 2*2*8*8)
	gout[5], gout[77], gout[200] = 1.5, -2, 0.25 // sparse: 3 of 256
	run := func(gv []float64) ([]float64, []float64) {
		conv.Weight.Grad, x.Grad = nil, nil
		conv.Forward(x).BackwardWith(gv)
		return append([]float64(nil), conv.Weight.Grad...), append([]float64(nil), x.Grad...)
	}
	ws, xs := run(gout)
	// The same gradient plus a tiny dense part removed again: force the dense path.
	dense := append([]float64(nil), gout...)
	for i := range dense {
		if dense[i] == 0 {
			dense[i] = 1e-300
		}
	}
	wd, xd := run(dense)
	for i := range ws {
		if !near(ws[i], wd[i], tol) {
			t.Fatalf("weight grad %d: sparse %g, dense %g", i, ws[i], wd[i])
		}
	}
	for i := range xs {
		if !near(xs[i], xd[i], tol) {
			t.Fatalf("input grad %d: sparse %g, dense %g", i, xs[i], xd[i])
		}
	}
}

// useExact64 switches to the float64 reference layers and returns the function that
// switches back.
func useExact64() func() {
	old := exact64
	exact64 = true
	return func() { exact64 = old }
}

// The fast float32 layers agree with the float64 reference ones to float32 precision, in
// their outputs and in every gradient: Linear (skinny and square products, input
// gradients), Conv2d with and without padding, one and several channels, dense and
// sparse output gradients, and a small CNN.
func TestFastPathMatchesFloat64(t *testing.T) {
	g := ManualSeed(7)
	x2 := randParam(g, 40, 300)
	lin := NewLinear(300, 7, g)
	x2b := randParam(g, 33, 50)
	linSq := NewLinear(50, 45, g)
	x4 := randParam(g, 3, 2, 9, 11)
	conv := NewConv2d(2, 3, 3, 1, g)
	convNoPad := NewConv2d(2, 4, 3, 0, g)
	x1 := randParam(g, 5, 1, 16, 20)
	conv7 := NewConv2d(1, 6, 7, 3, g)
	seq := NewSequential(NewConv2d(1, 6, 7, 3, g), NewReLU(), NewMaxPool2d(4), NewFlatten(), NewLinear(6*4*5, 10, g), NewReLU(), NewLinear(10, 1, g), NewSigmoid())
	linBig := NewLinear(300, 60, g) // large enough to keep a float32 copy (shadowMin)
	x2c := randParam(g, 70, 300)
	linWide := NewLinear(300, 250, g) // 70 rows: products cut into blocks of rows (byRowBlocks)
	cases := []struct {
		name string
		f    func() *Tensor
		wrt  []*Tensor
	}{
		{"Linear skinny", func() *Tensor { return lin.Forward(x2) }, []*Tensor{x2, lin.Weight, lin.Bias}},
		{"Linear square", func() *Tensor { return linSq.Forward(x2b) }, []*Tensor{x2b, linSq.Weight, linSq.Bias}},
		{"Linear in row blocks", func() *Tensor { return linWide.Forward(x2c) }, []*Tensor{x2c, linWide.Weight, linWide.Bias}},
		{"Conv2d padding 1", func() *Tensor { return conv.Forward(x4) }, []*Tensor{x4, conv.Weight, conv.Bias}},
		{"Conv2d no padding", func() *Tensor { return convNoPad.Forward(x4) }, []*Tensor{x4, convNoPad.Weight, convNoPad.Bias}},
		{"Conv2d 7×7", func() *Tensor { return conv7.Forward(x1) }, []*Tensor{x1, conv7.Weight, conv7.Bias}},
		{"Conv2d 7×7 sparse gradient", func() *Tensor { return NewMaxPool2d(4).Forward(conv7.Forward(x1)) }, []*Tensor{x1, conv7.Weight, conv7.Bias}},
		{"CNN", func() *Tensor { return seq.Forward(x1) }, append([]*Tensor{x1}, seq.Parameters()...)},
		{"Penalty", func() *Tensor { return Penalty(lin.Weight, 0.3, 0.01) }, []*Tensor{lin.Weight}},
		{"Penalty on a float32 copy", func() *Tensor {
			return Add(Sum(linBig.Forward(x2)), Penalty(linBig.Weight, 0.3, 0.01))
		}, []*Tensor{x2, linBig.Weight, linBig.Bias}},
	}
	run := func(f func() *Tensor, wrt []*Tensor, c []float64) (out []float64, grads [][]float64) {
		for _, p := range wrt {
			p.Grad = nil
		}
		o := f()
		Sum(mulConst(o, c)).Backward()
		for _, p := range wrt {
			grads = append(grads, append([]float64(nil), p.Grad...))
		}
		return append([]float64(nil), o.Data...), grads
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ManualSeed(99).Normal(0, 1, tc.f().Numel())
			fastOut, fastGrads := run(tc.f, tc.wrt, c)
			restore := useExact64()
			refOut, refGrads := run(tc.f, tc.wrt, c)
			restore()
			scale := 0.0
			for _, v := range refOut {
				scale = math.Max(scale, math.Abs(v))
			}
			for i := range refOut {
				if math.Abs(fastOut[i]-refOut[i]) > 1e-5*math.Max(scale, 1) {
					t.Fatalf("output %d: fast %.9g, float64 %.9g", i, fastOut[i], refOut[i])
				}
			}
			for k := range refGrads {
				scale := 0.0
				for _, v := range refGrads[k] {
					scale = math.Max(scale, math.Abs(v))
				}
				for i := range refGrads[k] {
					if math.Abs(fastGrads[k][i]-refGrads[k][i]) > 1e-5*math.Max(scale, 1e-3) {
						t.Fatalf("gradient of tensor %d [%d]: fast %.9g, float64 %.9g", k, i, fastGrads[k][i], refGrads[k][i])
					}
				}
			}
		})
	}
}

// SGD keeps the float32 copy of a large parameter equal to its float64 values, with and
// without momentum, and LoadStateDict and InitNormal make the layers convert again.
func TestFloat32CopyFollowsTheValues(t *testing.T) {
	g := ManualSeed(5)
	x := FromData(g.Normal(0, 1, 20*400), 20, 400)
	y := FromData(g.Normal(0, 1, 20*50), 20, 50)
	lin := NewLinear(400, 50, g)
	check := func(when string) {
		t.Helper()
		s := lin.Weight.cached32()
		if s == nil {
			t.Fatalf("%s: no valid float32 copy", when)
		}
		for i, v := range lin.Weight.Data {
			if s[i] != float32(v) {
				t.Fatalf("%s: copy[%d] = %g, value %g", when, i, s[i], v)
			}
		}
	}
	for _, mom := range []float64{0, 0.9} {
		opt := NewSGD(lin.Parameters(), 0.01, mom)
		for range 3 {
			l := MSELoss()(lin.Forward(x), y)
			opt.ZeroGrad()
			l.Backward()
			opt.Step()
			check("after a step")
		}
	}
	sd := GetStateDict(NewLinear(400, 50, ManualSeed(9)))
	if err := LoadStateDict(lin, sd); err != nil {
		t.Fatal(err)
	}
	if lin.Weight.cached32() != nil {
		t.Fatal("LoadStateDict left the float32 copy valid")
	}
	want := NewLinear(400, 50, ManualSeed(9)).Forward(x)
	if got := lin.Forward(x); !slices.Equal(got.Data, want.Data) {
		t.Fatal("after LoadStateDict the layer computes with the old weights")
	}
	check("after a forward pass")
	InitNormal(lin.Weight, 0, 1, g)
	if lin.Weight.cached32() != nil {
		t.Fatal("InitNormal left the float32 copy valid")
	}
}

// The penalty sums that SGD finds while it writes a large parameter are those Penalty
// would compute from the weights, bit for bit, with and without momentum.
func TestPenaltySumsFromTheStep(t *testing.T) {
	g := ManualSeed(6)
	x := FromData(g.Normal(0, 1, 8*1000), 8, 1000)
	y := FromData(g.Normal(0, 1, 8*150), 8, 150) // 150 000 weights: three sum blocks
	for _, mom := range []float64{0, 0.9} {
		lin := NewLinear(1000, 150, g)
		opt := NewSGD(lin.Parameters(), 0.01, mom)
		for range 2 {
			l := RegularizedMSELoss(lin.Forward(x), y, lin.Weight, 1e-3, 1e-4)
			opt.ZeroGrad()
			l.Backward()
			opt.Step()
			if !lin.Weight.sh.sumsOK {
				t.Fatal("the step left no penalty sums")
			}
			s2, s1 := penaltySums32(lin.Weight.sh.data)
			if got := lin.Weight.sh.sums; got[0] != s2 || got[1] != s1 {
				t.Fatalf("momentum %g: step's sums %v, Penalty's %v", mom, got, [2]float64{s2, s1})
			}
		}
	}
}

// A regularised loss adds the penalty's gradient in the pass that delivers the layer's
// weight gradient (Add primes the weights); the gradients are those of the two terms
// back-propagated one after the other, bit for bit, for large (float32 copy) and small
// weights, with a fresh and with an accumulating Grad.
func TestPenaltyFusedIntoTheWeightGradient(t *testing.T) {
	g := ManualSeed(8)
	for _, size := range [][2]int{{400, 60}, {30, 7}} {
		x := FromData(g.Normal(0, 1, 9*size[0]), 9, size[0])
		y := FromData(g.Normal(0, 1, 9*size[1]), 9, size[1])
		lin := NewLinear(size[0], size[1], g)
		w := lin.Weight
		for _, accumulate := range []bool{false, true} {
			start := func() {
				w.Grad = nil
				if accumulate {
					w.Grad = slices.Repeat([]float64{0.25}, len(w.Data))
				}
			}
			start()
			RegularizedMSELoss(lin.Forward(x), y, w, 0.03, 0.002).Backward()
			fused := slices.Clone(w.Grad)
			if w.fusePen != nil {
				t.Fatal("Add left the weights primed")
			}
			start()
			MSELoss()(lin.Forward(x), y).Backward()
			Penalty(w, 0.03, 0.002).Backward()
			if !slices.Equal(fused, w.Grad) {
				t.Errorf("%v weights, accumulate %v: fused gradient differs from the two passes", size, accumulate)
			}
		}
	}
}
