package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// FICurvesEI returns the F-I curves of the excitatory and the inhibitory population at the
// inputs x, each with its own gain and threshold.
func FICurvesEI(x []float64, p ratemodel.WCParams) (fiExc, fiInh []float64) {
	// TODO(W2D4.T2.E1): for every input x[i], compute
	//   fiExc[i] = F(x[i]; a_E, θ_E)   with ratemodel.F(x[i], p.AE, p.ThetaE)
	//   fiInh[i] = F(x[i]; a_I, θ_I)   with the inhibitory gain and threshold
	// (make both slices with len(x) values first), return them, and delete the panic.
	panic(exercise.TODO("W2D4.T2.E1"))
}

// SimulateWC integrates the Wilson–Cowan equations with the Euler method and returns the
// rates of both populations at every time step.
func SimulateWC(p ratemodel.WCParams) (rE, rI []float64) {
	// Initialize activity arrays: one value per time step, starting at the initial rates.
	lt := len(p.RangeT())
	rE, rI = make([]float64, lt), make([]float64, lt)
	rE[0], rI[0] = p.REInit, p.RIInit

	// TODO(W2D4.T2.E2): get the external inputs at every step,
	//   iExtE, iExtI := p.InputsE(), p.InputsI()
	// then, for k = 0 … lt−2, compute the changes
	//   drE = dt/τ_E · (−rE[k] + F(wEE·rE[k] − wEI·rI[k] + iExtE[k]; a_E, θ_E))
	//   drI = dt/τ_I · (−rI[k] + F(wIE·rE[k] − wII·rI[k] + iExtI[k]; a_I, θ_I))
	// (p.Dt, p.TauE, p.WEE, …; F is ratemodel.F), update rE[k+1] = rE[k] + drE and
	// rI[k+1] = rI[k] + drI, return rE, rI, and delete the panic.
	panic(exercise.TODO("W2D4.T2.E2"))
}

// FInv is the inverse of the F-I curve with gain a and threshold theta.
func FInv(x, a, theta float64) float64 {
	// TODO(W2D4.T2.E3): compute
	//   F⁻¹(x) = −(1/a)·ln[1/(x + 1/(1 + exp(aθ))) − 1] + θ
	// (math.Log is ln, math.Exp the exponential), return it, and delete the panic.
	// Where x is outside the range of F, math.Log of a negative number gives NaN — as NumPy does.
	panic(exercise.TODO("W2D4.T2.E3"))
}

// GetENullcline returns r_I on the E nullcline (dr_E/dt = 0) at the excitatory rate rE.
func GetENullcline(rE float64, p ratemodel.WCParams) float64 {
	// TODO(W2D4.T2.E4): compute rI = (wEE·rE − F_E⁻¹(rE) + I_E^ext)/wEI with your FInv and the
	// excitatory parameters (p.WEE, p.AE, p.ThetaE, p.IExtE, p.WEI), return it, and delete the panic.
	panic(exercise.TODO("W2D4.T2.E4"))
}

// GetINullcline returns r_E on the I nullcline (dr_I/dt = 0) at the inhibitory rate rI.
func GetINullcline(rI float64, p ratemodel.WCParams) float64 {
	// TODO(W2D4.T2.E4): compute rE = (wII·rI + F_I⁻¹(rI) − I_I^ext)/wIE with your FInv and the
	// inhibitory parameters, return it, and delete the panic.
	panic(exercise.TODO("W2D4.T2.E4"))
}

// EIDerivs returns the time derivatives (dr_E/dt, dr_I/dt) at the point (rE, rI) of the
// phase plane.
func EIDerivs(rE, rI float64, p ratemodel.WCParams) (drEdt, drIdt float64) {
	// TODO(W2D4.T2.E5): compute
	//   drEdt = (−rE + F(wEE·rE − wEI·rI + I_E^ext; a_E, θ_E))/τ_E
	//   drIdt = (−rI + F(wIE·rE − wII·rI + I_I^ext; a_I, θ_I))/τ_I
	// with ratemodel.F and the constant inputs p.IExtE, p.IExtI, return both, and delete the panic.
	panic(exercise.TODO("W2D4.T2.E5"))
}
