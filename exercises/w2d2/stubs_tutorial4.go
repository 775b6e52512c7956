//lint:file-ignore SA4006 the stubs are unfinished on purpose: a blank never returns, so the code after it looks dead

package w2d2

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"gonum.org/v1/gonum/mat"
)

// Residuals returns the errors of the one-step prediction of x2 = x[k+1] from x1 = x[k] with
// the fitted slope lamHat.
func Residuals(x1, x2 []float64, lamHat float64) []float64 {
	res := make([]float64, len(x2))
	for k := range res {
		res[k] = exercise.Blank[float64]("W2D2.T4.E1") // ← the data x2[k] minus the model's prediction from x1[k]
	}
	return res
}

// FitARModel fits an autoregressive model of order 5 to x and returns the order r, the
// regression matrices x1 and x2 and the coefficients p (from linsys.ARModel).
func FitARModel(x []float64) (r int, x1 *mat.Dense, x2, p []float64) {
	// define the model order, and use linsys.ARModel to fit the model
	r = exercise.Blank[int]("W2D2.T4.E2") // ← the order of the model

	exercise.BlankStep("W2D2.T4.E2", x) // ← set x1, x2 and p: the fit of order r to x (linsys.ARModel, wrapped in nma.Must3)
	return r, x1, x2, p
}
