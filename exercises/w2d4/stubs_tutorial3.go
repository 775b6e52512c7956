package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// FindFixedPointsWC returns the fixed points of the Wilson–Cowan model with parameters p,
// found with a root finder from initial guesses near the crossings of the nullclines.
func FindFixedPointsWC(p ratemodel.WCParams) [][2]float64 {
	// TODO(W2D4.T3.E1): read the crossings of the nullclines off the plot above and choose
	// one initial guess (rE, rI) near each. For every guess
	//   xFP, err := ratemodel.FixedPointWC(p, rEGuess, rIGuess)
	// keep xFP when err == nil and ratemodel.IsFixedPointWC(p, xFP, 1e-6) holds.
	// Return the fixed points you kept, and delete the panic.
	panic(exercise.TODO("W2D4.T3.E1"))
}

// GetEigJacobian returns the eigenvalues of the Jacobian matrix of the Wilson–Cowan model at
// the fixed point fp = (r_E*, r_I*).
func GetEigJacobian(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
	// TODO(W2D4.T3.E2): with rE, rI := fp[0], fp[1], the inputs
	//   xE = wEE·rE − wEI·rI + I_E^ext   and   xI = wIE·rE − wII·rI + I_I^ext
	// and F′ = ratemodel.DF(x, a, theta), fill a  var J [2][2]float64:
	//   J[0][0] = (−1 + wEE·F_E′(xE))/τ_E      J[0][1] = −wEI·F_E′(xE)/τ_E
	//   J[1][0] = wIE·F_I′(xI)/τ_I             J[1][1] = (−1 − wII·F_I′(xI))/τ_I
	// then return ratemodel.Eig2(J) (the eigenvalues, complex when needed), and delete the panic.
	panic(exercise.TODO("W2D4.T3.E2"))
}

// GetDGdE returns ∂G_E/∂r_E, the (0, 0) element of the Jacobian, at the fixed point fp.
func GetDGdE(fp [2]float64, p ratemodel.WCParams) float64 {
	// TODO(W2D4.T3.E3): compute dGdrE = (−1 + wEE·F_E′(wEE·rE − wEI·rI + I_E^ext))/τ_E at
	// (rE, rI) = (fp[0], fp[1]), with F_E′ = ratemodel.DF(x, p.AE, p.ThetaE); return it, and
	// delete the panic.
	panic(exercise.TODO("W2D4.T3.E3"))
}
