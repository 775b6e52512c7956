package w2d2

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
	"gonum.org/v1/gonum/mat"
)

// The functions the exercises of Tutorial 4 ask for.
type (
	ResidualsFunc = func(x1, x2 []float64, lamHat float64) []float64
	FitARFunc     = func(x []float64) (r int, x1 *mat.Dense, x2, p []float64)
)

// probeResiduals runs Residuals on the tutorial's OU data (linsys.DDM with seed 2020,
// x0 = 10, λ = 0.9, σ = 0.2, T = 200) with its fitted λ̂ (linsys.FitAR1) and with λ̂ = 0.5,
// and on a small hand-made example.
func probeResiduals(rec *exercise.Recorder, f ResidualsFunc) {
	_, x, err := linsys.DDM(200, 10, 0, 0.9, 0.2, rng.New(2020))
	if err != nil {
		panic(err)
	}
	_, lamHat, err := linsys.FitAR1(x)
	if err != nil {
		panic(err)
	}
	n := len(x) - 2
	cases := []struct {
		name   string
		x1, x2 []float64
		lamHat float64
	}{
		{fmt.Sprintf("the tutorial's OU data, lamHat=%.4f", lamHat), x[:n], x[1 : n+1], lamHat},
		{"the tutorial's OU data, lamHat=0.5", x[:n], x[1 : n+1], 0.5},
		{"x1=[1, 2, 3], x2=[2, 1, 0]", []float64{1, 2, 3}, []float64{2, 1, 0}, -0.25},
	}
	for _, k := range cases {
		in := "Residuals(" + k.name + ")"
		got := f(append([]float64(nil), k.x1...), append([]float64(nil), k.x2...), k.lamHat)
		rec.Float(in+": number of residuals (one per pair)", float64(len(got)), 0)
		rec.Floats(in+" (residual = data x2 − prediction lamHat·x1)", got, 1e-9)
	}
}

// probeFitARModel runs FitARModel on the tutorial's training sequence
// (linsys.MonkeyAtTypewriter) and on its test sequence (linsys.TestMonkey): the check wants
// an order-5 model and what linsys.ARModel returns for it.
func probeFitARModel(rec *exercise.Recorder, f FitARFunc) {
	for _, s := range []struct{ name, digits string }{{"the training sequence", linsys.MonkeyAtTypewriter}, {"the test sequence", linsys.TestMonkey}} {
		x, err := linsys.Char2Array(s.digits)
		if err != nil {
			panic(err)
		}
		in := "FitARModel(" + s.name + ")"
		gotR, gotX1, gotX2, gotP := f(append([]float64(nil), x...))
		rec.Float(in+": the order r (the exercise asks for an order-5 model)", float64(gotR), 0)
		rec.Require(in+": x1 must not be nil; return the x1 that linsys.ARModel gives", gotX1 != nil)
		if gotX1 == nil {
			return
		}
		rows, cols := gotX1.Dims()
		rec.Float(in+": number of rows of x1 (intercept + one per lag)", float64(rows), 0)
		rec.Float(in+": number of columns of x1 (one per predicted value)", float64(cols), 0)
		rec.Floats(in+": x1 (row by row), as linsys.ARModel gives it", denseValues(gotX1), 1e-12)
		rec.Floats(in+": x2", gotX2, 1e-12)
		rec.Float(in+": number of coefficients in p (intercept + one per lag)", float64(len(gotP)), 0)
		rec.Floats(in+": p", gotP, 1e-9)
	}
}

// denseValues returns the elements of m row by row.
func denseValues(m *mat.Dense) []float64 {
	rows, cols := m.Dims()
	out := make([]float64, 0, rows*cols)
	for i := range rows {
		for j := range cols {
			out = append(out, m.At(i, j))
		}
	}
	return out
}
