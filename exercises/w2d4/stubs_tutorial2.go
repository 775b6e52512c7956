package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// FICurvesEI returns the F-I curves of the excitatory and the inhibitory population at the
// inputs x, each with its own gain and threshold.
func FICurvesEI(x []float64, p ratemodel.WCParams) (fiExc, fiInh []float64) {
	fiExc = make([]float64, len(x))
	fiInh = make([]float64, len(x))
	for i := range x {
		fiExc[i] = exercise.Blank[float64]("W2D4.T2.E1") // ← F at x[i] with the excitatory gain and threshold (ratemodel.F, p.AE, p.ThetaE)
		fiInh[i] = exercise.Blank[float64]("W2D4.T2.E1") // ← F at x[i] with the inhibitory ones
	}
	return fiExc, fiInh
}

// SimulateWC integrates the Wilson–Cowan equations with the Euler method and returns the
// rates of both populations at every time step.
func SimulateWC(p ratemodel.WCParams) (rE, rI []float64) {
	// Initialize activity arrays: one value per time step, starting at the initial rates.
	lt := len(p.RangeT())
	rE, rI = make([]float64, lt), make([]float64, lt)
	rE[0], rI[0] = p.REInit, p.RIInit
	iExtE, iExtI := p.InputsE(), p.InputsI() // the external inputs at every step

	// Simulate the Wilson-Cowan equations
	for k := 0; k < lt-1; k++ {
		// Calculate the change of the E population
		drE := exercise.Blank[float64]("W2D4.T2.E2", iExtE) // ← Δr_E[k], the increment above (p.Dt, p.TauE, p.WEE, p.WEI, p.AE, p.ThetaE; F is ratemodel.F)

		// Calculate the change of the I population
		drI := exercise.Blank[float64]("W2D4.T2.E2", iExtI) // ← Δr_I[k] (p.TauI, p.WIE, p.WII, p.AI, p.ThetaI)

		// Update using Euler's method
		rE[k+1] = rE[k] + drE
		rI[k+1] = rI[k] + drI
	}
	return rE, rI
}

// FInv is the inverse of the F-I curve with gain a and threshold theta.
func FInv(x, a, theta float64) float64 {
	fInverse := exercise.Blank[float64]("W2D4.T2.E3") // ← F⁻¹(x; a, θ), equation (6) above (math.Log is ln, math.Exp the exponential)
	return fInverse
}

// GetENullcline returns r_I on the E nullcline (dr_E/dt = 0) at the excitatory rate rE.
func GetENullcline(rE float64, p ratemodel.WCParams) float64 {
	rI := exercise.Blank[float64]("W2D4.T2.E4") // ← equation (4) above, with your FInv (p.WEE, p.WEI, p.AE, p.ThetaE, p.IExtE)
	return rI
}

// GetINullcline returns r_E on the I nullcline (dr_I/dt = 0) at the inhibitory rate rI.
func GetINullcline(rI float64, p ratemodel.WCParams) float64 {
	rE := exercise.Blank[float64]("W2D4.T2.E4") // ← equation (5) above, with your FInv (p.WIE, p.WII, p.AI, p.ThetaI, p.IExtI)
	return rE
}

// EIDerivs returns the time derivatives (dr_E/dt, dr_I/dt) at the point (rE, rI) of the
// phase plane.
func EIDerivs(rE, rI float64, p ratemodel.WCParams) (drEdt, drIdt float64) {
	// Compute the derivative of rE
	drEdt = exercise.Blank[float64]("W2D4.T2.E5") // ← dr_E/dt at (rE, rI), the equations above (ratemodel.F; p.TauE, p.WEE, p.WEI, p.IExtE, p.AE, p.ThetaE)

	// Compute the derivative of rI
	drIdt = exercise.Blank[float64]("W2D4.T2.E5") // ← dr_I/dt at (rE, rI) (p.TauI, p.WIE, p.WII, p.IExtI, p.AI, p.ThetaI)

	return drEdt, drIdt
}
