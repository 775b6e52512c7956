package w2d4

import (
	"math"

	"github.com/nma-go/nma-go/nma/ratemodel"
)

// FICurvesEI returns the F-I curves of the excitatory and the inhibitory population at the
// inputs x, each with its own gain and threshold. Exercise W2D4.T2.E1.
func FICurvesEI(x []float64, p ratemodel.WCParams) (fiExc, fiInh []float64) {
	fiExc = make([]float64, len(x))
	fiInh = make([]float64, len(x))
	for i, xi := range x {
		fiExc[i] = ratemodel.F(xi, p.AE, p.ThetaE)
		fiInh[i] = ratemodel.F(xi, p.AI, p.ThetaI)
	}
	return fiExc, fiInh
}

// SimulateWC integrates the Wilson–Cowan equations with the Euler method and returns the
// rates of both populations at every time step. Exercise W2D4.T2.E2.
func SimulateWC(p ratemodel.WCParams) (rE, rI []float64) {
	// Initialize activity arrays: one value per time step, starting at the initial rates.
	lt := len(p.RangeT())
	rE, rI = make([]float64, lt), make([]float64, lt)
	rE[0], rI[0] = p.REInit, p.RIInit
	iExtE, iExtI := p.InputsE(), p.InputsI() // the external inputs at every step

	// Simulate the Wilson-Cowan equations
	for k := 0; k < lt-1; k++ {
		// Calculate the change of the E population
		drE := p.Dt / p.TauE * (-rE[k] + ratemodel.F(p.WEE*rE[k]-p.WEI*rI[k]+iExtE[k], p.AE, p.ThetaE))

		// Calculate the change of the I population
		drI := p.Dt / p.TauI * (-rI[k] + ratemodel.F(p.WIE*rE[k]-p.WII*rI[k]+iExtI[k], p.AI, p.ThetaI))

		// Update using Euler's method
		rE[k+1] = rE[k] + drE
		rI[k+1] = rI[k] + drI
	}
	return rE, rI
}

// FInv is the inverse of the F-I curve with gain a and threshold theta. Outside the range of
// F the logarithm's argument is negative and the result is NaN. Exercise W2D4.T2.E3.
func FInv(x, a, theta float64) float64 {
	fInverse := -1/a*math.Log(1/(x+1/(1+math.Exp(a*theta)))-1) + theta
	return fInverse
}

// GetENullcline returns r_I on the E nullcline (dr_E/dt = 0) at the excitatory rate rE.
// Exercise W2D4.T2.E4.
func GetENullcline(rE float64, p ratemodel.WCParams) float64 {
	rI := 1 / p.WEI * (p.WEE*rE - FInv(rE, p.AE, p.ThetaE) + p.IExtE)
	return rI
}

// GetINullcline returns r_E on the I nullcline (dr_I/dt = 0) at the inhibitory rate rI.
// Exercise W2D4.T2.E4.
func GetINullcline(rI float64, p ratemodel.WCParams) float64 {
	rE := 1 / p.WIE * (p.WII*rI + FInv(rI, p.AI, p.ThetaI) - p.IExtI)
	return rE
}

// EIDerivs returns the time derivatives (dr_E/dt, dr_I/dt) at the point (rE, rI) of the
// phase plane. Exercise W2D4.T2.E5.
func EIDerivs(rE, rI float64, p ratemodel.WCParams) (drEdt, drIdt float64) {
	// Compute the derivative of rE
	drEdt = (-rE + ratemodel.F(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)) / p.TauE

	// Compute the derivative of rI
	drIdt = (-rI + ratemodel.F(p.WIE*rE-p.WII*rI+p.IExtI, p.AI, p.ThetaI)) / p.TauI

	return drEdt, drIdt
}
