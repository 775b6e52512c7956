package w2d4

import "github.com/nma-go/nma-go/nma/ratemodel"

// FindFixedPointsWC returns the fixed points of the Wilson–Cowan model with parameters p,
// found with a root finder from initial guesses near the crossings of the nullclines.
// Exercise W2D4.T3.E1.
func FindFixedPointsWC(p ratemodel.WCParams) [][2]float64 {
	var fps [][2]float64
	for _, guess := range [][2]float64{{0.1, 0.1}, {0.3, 0.3}, {0.8, 0.6}} {
		xFP, err := ratemodel.FixedPointWC(p, guess[0], guess[1])
		if err == nil && ratemodel.IsFixedPointWC(p, xFP, 1e-6) {
			fps = append(fps, xFP)
		}
	}
	return fps
}

// GetEigJacobian returns the eigenvalues of the Jacobian matrix of the Wilson–Cowan model at
// the fixed point fp = (r_E*, r_I*). Exercise W2D4.T3.E2.
func GetEigJacobian(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
	rE, rI := fp[0], fp[1]
	var J [2][2]float64

	// Compute the four elements of the Jacobian matrix
	J[0][0] = (-1 + p.WEE*ratemodel.DF(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)) / p.TauE
	J[0][1] = (-p.WEI * ratemodel.DF(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)) / p.TauE
	J[1][0] = (p.WIE * ratemodel.DF(p.WIE*rE-p.WII*rI+p.IExtI, p.AI, p.ThetaI)) / p.TauI
	J[1][1] = (-1 - p.WII*ratemodel.DF(p.WIE*rE-p.WII*rI+p.IExtI, p.AI, p.ThetaI)) / p.TauI

	// Compute and return the eigenvalues
	evals := ratemodel.Eig2(J)
	return evals
}

// GetDGdE returns ∂G_E/∂r_E, the (0, 0) element of the Jacobian, at the fixed point fp.
// Exercise W2D4.T3.E3.
func GetDGdE(fp [2]float64, p ratemodel.WCParams) float64 {
	rE, rI := fp[0], fp[1]

	// Calculate J[0][0]
	dGdrE := (-1 + p.WEE*ratemodel.DF(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)) / p.TauE

	return dGdrE
}
