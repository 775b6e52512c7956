package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// FindFixedPointsWC returns the fixed points of the Wilson–Cowan model with parameters p,
// found with a root finder from initial guesses near the crossings of the nullclines.
func FindFixedPointsWC(p ratemodel.WCParams) [][2]float64 {
	guesses := exercise.Blank[[][2]float64]("W2D4.T3.E1") // ← one initial guess (rE, rI) near each crossing of the nullclines in the plot above

	var fps [][2]float64
	for _, guess := range guesses {
		xFP, err := ratemodel.FixedPointWC(p, guess[0], guess[1])
		ok := exercise.Blank[bool]("W2D4.T3.E1", xFP, err) // ← did the root finder converge (err) to a true fixed point (ratemodel.IsFixedPointWC, tolerance 1e-6)?
		if ok {
			fps = append(fps, xFP)
		}
	}
	return fps
}

// GetEigJacobian returns the eigenvalues of the Jacobian matrix of the Wilson–Cowan model at
// the fixed point fp = (r_E*, r_I*).
func GetEigJacobian(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
	rE, rI := fp[0], fp[1]
	var J [2][2]float64

	// Compute the four elements of the Jacobian matrix (F′ is ratemodel.DF(x, a, theta))
	J[0][0] = exercise.Blank[float64]("W2D4.T3.E2", rE, rI) // ← ∂G_E/∂r_E at (rE, rI)
	J[0][1] = exercise.Blank[float64]("W2D4.T3.E2", rE, rI) // ← ∂G_E/∂r_I
	J[1][0] = exercise.Blank[float64]("W2D4.T3.E2", rE, rI) // ← ∂G_I/∂r_E
	J[1][1] = exercise.Blank[float64]("W2D4.T3.E2", rE, rI) // ← ∂G_I/∂r_I

	// Compute and return the eigenvalues (complex when needed)
	evals := ratemodel.Eig2(J)
	return evals
}

// GetDGdE returns ∂G_E/∂r_E, the (0, 0) element of the Jacobian, at the fixed point fp.
func GetDGdE(fp [2]float64, p ratemodel.WCParams) float64 {
	rE, rI := fp[0], fp[1]

	// Calculate J[0][0]
	dGdrE := exercise.Blank[float64]("W2D4.T3.E3", rE, rI) // ← ∂G_E/∂r_E at (rE, rI), equation (8) above; F_E′ is ratemodel.DF(x, p.AE, p.ThetaE)

	return dGdrE
}
