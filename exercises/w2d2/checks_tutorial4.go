package w2d2

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
	"gonum.org/v1/gonum/mat"
)

// The functions the exercises of Tutorial 4 ask for.
type (
	ResidualsFunc = func(x1, x2 []float64, lamHat float64) []float64
	FitARFunc     = func(x []float64) (r int, x1 *mat.Dense, x2, p []float64)
)

// CheckResiduals compares Residuals with the solution on the tutorial's OU data (seed 2020,
// x0 = 10, λ = 0.9, σ = 0.2, with its fitted λ̂) and on other data and slopes.
func CheckResiduals(f ResidualsFunc) exercise.Result {
	return exercise.Run("W2D2.T4.E1", "Residuals", func(c *exercise.C) {
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
			want := sol.Residuals(k.x1, k.x2, k.lamHat)
			got := f(append([]float64(nil), k.x1...), append([]float64(nil), k.x2...), k.lamHat)
			c.True(len(got) == len(want), "%s: returned %d residuals, expected one per pair (%d)", in, len(got), len(want))
			c.Floats(in+" (residual = data x2 − prediction lamHat·x1)", want, got, 1e-9)
		}
	})
}

// CheckFitARModel checks that FitARModel fits an order-5 model and returns what
// linsys.ARModel does for the tutorial's training sequence and for its test sequence.
func CheckFitARModel(f FitARFunc) exercise.Result {
	return exercise.Run("W2D2.T4.E2", "FitARModel", func(c *exercise.C) {
		for _, s := range []struct{ name, digits string }{{"the training sequence", linsys.MonkeyAtTypewriter}, {"the test sequence", linsys.TestMonkey}} {
			x, err := linsys.Char2Array(s.digits)
			if err != nil {
				panic(err)
			}
			in := "FitARModel(" + s.name + ")"
			wantR, wantX1, wantX2, wantP := sol.FitARModel(x)
			gotR, gotX1, gotX2, gotP := f(append([]float64(nil), x...))
			c.True(gotR == wantR, "%s: returned the order r = %d, the exercise asks for an order-%d model", in, gotR, wantR)
			c.True(gotX1 != nil, "%s: x1 is nil; return the x1 that linsys.ARModel gives", in)
			wr, wc := wantX1.Dims()
			gr, gc := gotX1.Dims()
			c.True(gr == wr && gc == wc, "%s: x1 is %d×%d, expected %d×%d", in, gr, gc, wr, wc)
			c.True(mat.EqualApprox(gotX1, wantX1, 1e-12), "%s: x1 differs from linsys.ARModel's", in)
			c.Floats(in+": x2", wantX2, gotX2, 1e-12)
			c.True(len(gotP) == len(wantP), "%s: p has %d coefficients, expected %d (intercept + %d lags)", in, len(gotP), len(wantP), wantR)
			c.Floats(in+": p", wantP, gotP, 1e-9)
		}
	})
}
