package w2d2

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"gonum.org/v1/gonum/mat"
)

// Residuals returns the errors x2 − λ̂·x1 of the one-step prediction x[k+1] ≈ λ̂·x[k]
// (x1 = x[k], x2 = x[k+1]).
func Residuals(x1, x2 []float64, lamHat float64) []float64 {
	// TODO(W2D2.T4.E1): the model predicts lamHat·x1[k] for x2[k]; return the residuals
	// res[k] = x2[k] − lamHat·x1[k], and delete the panic.
	panic(exercise.TODO("W2D2.T4.E1"))
}

// FitARModel fits an autoregressive model of order 5 to x and returns the order r, the
// regression matrices x1 and x2 and the coefficients p (from linsys.ARModel).
func FitARModel(x []float64) (r int, x1 *mat.Dense, x2, p []float64) {
	// TODO(W2D2.T4.E2): set the model order r = 5, fit the model with
	//   x1, x2, p, err := linsys.ARModel(x, r)
	// (panic if err != nil), return r, x1, x2, p, and delete the panic.
	panic(exercise.TODO("W2D2.T4.E2"))
}
