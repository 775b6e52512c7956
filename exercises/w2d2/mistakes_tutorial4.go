//go:build !nmagrade

package w2d2

import (
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	"gonum.org/v1/gonum/mat"
)

// mistakesTutorial4 are the classic mistakes of Tutorial 4's exercises (see mistakesTutorial1).
var mistakesTutorial4 = exercise.Mistakes{
	"W2D2.T4.E1": {
		{Name: "prediction minus data", Hint: "a residual is what the model missed: the data minus the model's prediction, not the other way round",
			Impl: ResidualsFunc(residualsSign)},
		{Name: "x1 and x2 swapped", Hint: "the model predicts the next value from the current one: x2 = x[k+1] is the data, and the prediction comes from x1 = x[k]",
			Impl: ResidualsFunc(residualsSwapped)},
		{Name: "squared residuals", Hint: "the residuals are the errors themselves, with their sign: squaring belongs to the loss, not here",
			Impl: ResidualsFunc(residualsSquared)},
	},
	"W2D2.T4.E2": {
		{Name: "intercept counted in the order", Hint: "the order counts the past values (lags) the model uses: an order-5 model has 5 lags plus the intercept, 6 coefficients",
			Impl: FitARFunc(fitAROrder6)},
		{Name: "fitted to the training sequence, not to x", Hint: "fit the sequence the function is given (x): the notebook's training data is only one of the sequences it is called with",
			Impl: FitARFunc(fitARGlobal)},
	},
}

func residualsSign(x1, x2 []float64, lamHat float64) []float64 {
	res := make([]float64, len(x2))
	for k := range res {
		res[k] = lamHat*x1[k] - x2[k]
	}
	return res
}

func residualsSwapped(x1, x2 []float64, lamHat float64) []float64 {
	res := make([]float64, len(x2))
	for k := range res {
		res[k] = x1[k] - lamHat*x2[k]
	}
	return res
}

func residualsSquared(x1, x2 []float64, lamHat float64) []float64 {
	res := make([]float64, len(x2))
	for k := range res {
		e := x2[k] - lamHat*x1[k]
		res[k] = e * e
	}
	return res
}

func fitAROrder6(x []float64) (r int, x1 *mat.Dense, x2, p []float64) {
	r = 6
	x1, x2, p = nma.Must3(linsys.ARModel(x, r))
	return r, x1, x2, p
}

func fitARGlobal(x []float64) (r int, x1 *mat.Dense, x2, p []float64) {
	r = 5
	x1, x2, p = nma.Must3(linsys.ARModel(nma.Must(linsys.Char2Array(linsys.MonkeyAtTypewriter)), r))
	return r, x1, x2, p
}
