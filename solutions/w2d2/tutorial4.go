package w2d2

import (
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/linsys"
	"gonum.org/v1/gonum/mat"
)

// Residuals returns the errors x2 − λ̂·x1 of the one-step prediction x[k+1] ≈ λ̂·x[k]
// (x1 = x[k], x2 = x[k+1]). Exercise W2D2.T4.E1.
func Residuals(x1, x2 []float64, lamHat float64) []float64 {
	res := make([]float64, len(x2))
	for k := range res {
		res[k] = x2[k] - lamHat*x1[k]
	}
	return res
}

// FitARModel fits an autoregressive model of order 5 to x and returns the order r, the
// regression matrices x1 and x2 and the coefficients p (from linsys.ARModel).
// Exercise W2D2.T4.E2.
func FitARModel(x []float64) (r int, x1 *mat.Dense, x2, p []float64) {
	// define the model order, and use linsys.ARModel to fit the model
	r = 5
	x1, x2, p = nma.Must3(linsys.ARModel(x, r))
	return r, x1, x2, p
}
