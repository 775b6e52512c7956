// Package w2d4 holds the W2D4 (Dynamic networks) coding exercises: the stubs students start
// from (the same code as in the notebooks' exercise cells; a test keeps them equal), and the
// checks that compare a student's function with the reference solution.
package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// F is the population activation (F-I) function: the firing rate of the population for a
// total input x, with gain a and threshold theta.
func F(x, a, theta float64) float64 {
	f := exercise.Blank[float64]("W2D4.T1.E1") // ← F(x; a, θ), equation (2) above (math.Exp is the exponential)
	return f
}

// ComputeDrdt returns dr/dt for a population rate r (the equation above).
func ComputeDrdt(r, iExt, w, a, theta, tau float64) float64 {
	drdt := exercise.Blank[float64]("W2D4.T1.E2") // ← dr/dt at r, with your F
	return drdt
}

// FindFixedPoints returns the fixed points of the population with parameters p.
func FindFixedPoints(p ratemodel.SingleParams) []float64 {
	rGuessVector := exercise.Blank[[]float64]("W2D4.T1.E3") // ← initial guesses, one near each zero crossing of dr/dt in the plot above (how many are there?)
	xFps := ratemodel.FixedPointsSingle(p, rGuessVector)
	return xFps
}

// EigSingle returns the eigenvalue of the linearised dynamics at the fixed point fp.
func EigSingle(fp, tau, a, theta, w, iExt float64) float64 {
	eig := exercise.Blank[float64]("W2D4.T1.E4") // ← λ at fp, equation (5) above; F′ is ratemodel.DF(x, a, theta)
	return eig
}
