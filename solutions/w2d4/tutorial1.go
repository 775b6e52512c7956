package w2d4

import (
	"math"

	"github.com/nma-go/nma-go/nma/ratemodel"
)

// F is the population activation (F-I) function with gain a and threshold theta.
// Exercise W2D4.T1.E1.
func F(x, a, theta float64) float64 {
	f := 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
	return f
}

// ComputeDrdt returns dr/dt = (−r + F(w·r + I_ext))/τ for one rate r.
// Exercise W2D4.T1.E2.
func ComputeDrdt(r, iExt, w, a, theta, tau float64) float64 {
	drdt := (-r + F(w*r+iExt, a, theta)) / tau
	return drdt
}

// FindFixedPoints returns the fixed points of the single population with parameters p,
// found numerically from initial guesses near the zero crossings of dr/dt.
// Exercise W2D4.T1.E3.
func FindFixedPoints(p ratemodel.SingleParams) []float64 {
	rGuessVector := []float64{0, 0.4, 0.9}
	xFps := ratemodel.FixedPointsSingle(p, rGuessVector)
	return xFps
}

// EigSingle returns the eigenvalue of the linearised dynamics at the fixed point fp:
// λ = (−1 + w·F′(w·fp + I_ext))/τ. Bonus exercise W2D4.T1.E4.
func EigSingle(fp, tau, a, theta, w, iExt float64) float64 {
	eig := (-1 + w*ratemodel.DF(w*fp+iExt, a, theta)) / tau
	return eig
}
