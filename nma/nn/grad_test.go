package nn

import (
	"math"
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
// must agree with the dense one.
func TestConvSparseBackwardEqualsDense(t *testing.T) {
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
		if math.Abs(ws[i]-wd[i]) > 1e-12 {
			t.Fatalf("weight grad %d: sparse %g, dense %g", i, ws[i], wd[i])
		}
	}
	for i := range xs {
		if math.Abs(xs[i]-xd[i]) > 1e-12 {
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
