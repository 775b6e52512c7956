//go:build !nmagrade

package w2d4

import (
	"math"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// mistakesTutorial2 are the classic mistakes of Tutorial 2's exercises (see mistakesTutorial1).
var mistakesTutorial2 = exercise.Mistakes{
	"W2D4.T2.E1": {
		{Name: "E and I parameters swapped", Hint: "each population has its own gain and threshold: a_E, θ_E for the excitatory curve, a_I, θ_I for the inhibitory one",
			Impl: FICurvesFunc(fiCurvesSwapped)},
		{Name: "E's parameters for both curves", Hint: "the inhibitory curve has its own gain and threshold, a_I and θ_I",
			Impl: FICurvesFunc(fiCurvesBothE)},
		{Name: "gain and threshold swapped in the call", Hint: "F takes the input, then the gain, then the threshold: check the order of your arguments",
			Impl: FICurvesFunc(fiCurvesArgOrder)},
	},
	"W2D4.T2.E2": {
		{Name: "r_I updated from the new r_E", Hint: "the inhibitory update uses the new r_E: compute both derivatives from the old state, then update both",
			Impl: SimulateWCFunc(simulateWCNewRE)},
		{Name: "Δt·τ instead of Δt/τ", Hint: "an Euler step changes r by Δt/τ times the bracket: a slower population (larger τ) changes less per step",
			Impl: SimulateWCFunc(simulateWCDtTimesTau)},
		{Name: "inhibition with a plus sign", Hint: "inhibition lowers a population's input: the terms with w_EI and w_II enter F with a minus sign",
			Impl: SimulateWCFunc(simulateWCInhibitionPlus)},
		{Name: "constant external input", Hint: "the external input may change with time: take its value at step k (p.InputsE(), p.InputsI()), not the constant",
			Impl: SimulateWCFunc(simulateWCConstantInput)},
	},
	"W2D4.T2.E3": {
		{Name: "offset not added back", Hint: "F was shifted down by its value at x = 0: add that offset back to x before inverting the sigmoid",
			Impl: FInvFunc(fInvNoOffset)},
		{Name: "offset subtracted", Hint: "inverting F undoes its shift: the offset that F subtracts is added back to x",
			Impl: FInvFunc(fInvOffsetSign)},
		{Name: "θ missing", Hint: "the sigmoid is centred on the threshold: F⁻¹ shifts the result back by θ at the end",
			Impl: FInvFunc(fInvNoTheta)},
		{Name: "base-10 logarithm", Hint: "the inverse of the exponential is the natural logarithm (math.Log)",
			Impl: FInvFunc(fInvLog10)},
	},
	"W2D4.T2.E4": {
		{Name: "I nullcline with E's gain and threshold", Hint: "each nullcline inverts its own population's F: the I nullcline needs F_I⁻¹, with a_I and θ_I",
			Impl: NullclineFuncs{sol.GetENullcline, iNullclineEParams}},
		{Name: "I nullcline with the E nullcline's signs", Hint: "solve dr_I/dt = 0 for r_E yourself: in F_I the weights enter as +w_IE·r_E − w_II·r_I, so the signs differ from the E nullcline",
			Impl: NullclineFuncs{sol.GetENullcline, iNullclineESigns}},
		{Name: "not divided by the weight", Hint: "to solve for r_I (r_E), divide by its weight, w_EI (w_IE)",
			Impl: NullclineFuncs{eNullclineNoDivide, iNullclineNoDivide}},
	},
	"W2D4.T2.E5": {
		{Name: "time constants swapped", Hint: "each population relaxes with its own time constant: τ_E for dr_E/dt, τ_I for dr_I/dt",
			Impl: EIDerivsFunc(eiDerivsTauSwapped)},
		{Name: "inhibition with a plus sign", Hint: "inhibition lowers a population's input: the terms with w_EI and w_II enter F with a minus sign",
			Impl: EIDerivsFunc(eiDerivsInhibitionPlus)},
		{Name: "no τ", Hint: "each derivative is the bracket (−r + F(…)) divided by its population's time constant",
			Impl: EIDerivsFunc(eiDerivsNoTau)},
	},
}

func fiCurvesSwapped(x []float64, p ratemodel.WCParams) (fiExc, fiInh []float64) {
	fiExc, fiInh = make([]float64, len(x)), make([]float64, len(x))
	for i, xi := range x {
		fiExc[i] = sol.F(xi, p.AI, p.ThetaI)
		fiInh[i] = sol.F(xi, p.AE, p.ThetaE)
	}
	return fiExc, fiInh
}

func fiCurvesBothE(x []float64, p ratemodel.WCParams) (fiExc, fiInh []float64) {
	fiExc, fiInh = make([]float64, len(x)), make([]float64, len(x))
	for i, xi := range x {
		fiExc[i] = sol.F(xi, p.AE, p.ThetaE)
		fiInh[i] = sol.F(xi, p.AE, p.ThetaE)
	}
	return fiExc, fiInh
}

func fiCurvesArgOrder(x []float64, p ratemodel.WCParams) (fiExc, fiInh []float64) {
	fiExc, fiInh = make([]float64, len(x)), make([]float64, len(x))
	for i, xi := range x {
		fiExc[i] = sol.F(xi, p.ThetaE, p.AE)
		fiInh[i] = sol.F(xi, p.ThetaI, p.AI)
	}
	return fiExc, fiInh
}

// simulateWC is the solution's Euler loop with the step of each population given by step.
func simulateWC(p ratemodel.WCParams, inE, inI func(k int) float64,
	step func(k int, rE, rI []float64, iE, iI float64)) (rE, rI []float64) {
	lt := len(p.RangeT())
	rE, rI = make([]float64, lt), make([]float64, lt)
	rE[0], rI[0] = p.REInit, p.RIInit
	for k := 0; k < lt-1; k++ {
		step(k, rE, rI, inE(k), inI(k))
	}
	return rE, rI
}

func simulateWCNewRE(p ratemodel.WCParams) (rE, rI []float64) {
	iExtE, iExtI := p.InputsE(), p.InputsI()
	return simulateWC(p, func(k int) float64 { return iExtE[k] }, func(k int) float64 { return iExtI[k] },
		func(k int, rE, rI []float64, iE, iI float64) {
			rE[k+1] = rE[k] + p.Dt/p.TauE*(-rE[k]+sol.F(p.WEE*rE[k]-p.WEI*rI[k]+iE, p.AE, p.ThetaE))
			rI[k+1] = rI[k] + p.Dt/p.TauI*(-rI[k]+sol.F(p.WIE*rE[k+1]-p.WII*rI[k]+iI, p.AI, p.ThetaI))
		})
}

func simulateWCDtTimesTau(p ratemodel.WCParams) (rE, rI []float64) {
	iExtE, iExtI := p.InputsE(), p.InputsI()
	return simulateWC(p, func(k int) float64 { return iExtE[k] }, func(k int) float64 { return iExtI[k] },
		func(k int, rE, rI []float64, iE, iI float64) {
			drE := p.Dt * p.TauE * (-rE[k] + sol.F(p.WEE*rE[k]-p.WEI*rI[k]+iE, p.AE, p.ThetaE))
			drI := p.Dt * p.TauI * (-rI[k] + sol.F(p.WIE*rE[k]-p.WII*rI[k]+iI, p.AI, p.ThetaI))
			rE[k+1], rI[k+1] = rE[k]+drE, rI[k]+drI
		})
}

func simulateWCInhibitionPlus(p ratemodel.WCParams) (rE, rI []float64) {
	iExtE, iExtI := p.InputsE(), p.InputsI()
	return simulateWC(p, func(k int) float64 { return iExtE[k] }, func(k int) float64 { return iExtI[k] },
		func(k int, rE, rI []float64, iE, iI float64) {
			drE := p.Dt / p.TauE * (-rE[k] + sol.F(p.WEE*rE[k]+p.WEI*rI[k]+iE, p.AE, p.ThetaE))
			drI := p.Dt / p.TauI * (-rI[k] + sol.F(p.WIE*rE[k]+p.WII*rI[k]+iI, p.AI, p.ThetaI))
			rE[k+1], rI[k+1] = rE[k]+drE, rI[k]+drI
		})
}

func simulateWCConstantInput(p ratemodel.WCParams) (rE, rI []float64) {
	return simulateWC(p, func(int) float64 { return p.IExtE }, func(int) float64 { return p.IExtI },
		func(k int, rE, rI []float64, iE, iI float64) {
			drE := p.Dt / p.TauE * (-rE[k] + sol.F(p.WEE*rE[k]-p.WEI*rI[k]+iE, p.AE, p.ThetaE))
			drI := p.Dt / p.TauI * (-rI[k] + sol.F(p.WIE*rE[k]-p.WII*rI[k]+iI, p.AI, p.ThetaI))
			rE[k+1], rI[k+1] = rE[k]+drE, rI[k]+drI
		})
}

func fInvNoOffset(x, a, theta float64) float64 {
	return -1/a*math.Log(1/x-1) + theta
}

func fInvOffsetSign(x, a, theta float64) float64 {
	return -1/a*math.Log(1/(x-1/(1+math.Exp(a*theta)))-1) + theta
}

func fInvNoTheta(x, a, theta float64) float64 {
	return -1 / a * math.Log(1/(x+1/(1+math.Exp(a*theta)))-1)
}

func fInvLog10(x, a, theta float64) float64 {
	return -1/a*math.Log10(1/(x+1/(1+math.Exp(a*theta)))-1) + theta
}

func iNullclineEParams(rI float64, p ratemodel.WCParams) float64 {
	return 1 / p.WIE * (p.WII*rI + sol.FInv(rI, p.AE, p.ThetaE) - p.IExtI)
}

func iNullclineESigns(rI float64, p ratemodel.WCParams) float64 {
	return 1 / p.WIE * (p.WII*rI - sol.FInv(rI, p.AI, p.ThetaI) + p.IExtI)
}

func eNullclineNoDivide(rE float64, p ratemodel.WCParams) float64 {
	return p.WEE*rE - sol.FInv(rE, p.AE, p.ThetaE) + p.IExtE
}

func iNullclineNoDivide(rI float64, p ratemodel.WCParams) float64 {
	return p.WII*rI + sol.FInv(rI, p.AI, p.ThetaI) - p.IExtI
}

func eiDerivsTauSwapped(rE, rI float64, p ratemodel.WCParams) (drEdt, drIdt float64) {
	drEdt = (-rE + sol.F(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)) / p.TauI
	drIdt = (-rI + sol.F(p.WIE*rE-p.WII*rI+p.IExtI, p.AI, p.ThetaI)) / p.TauE
	return drEdt, drIdt
}

func eiDerivsInhibitionPlus(rE, rI float64, p ratemodel.WCParams) (drEdt, drIdt float64) {
	drEdt = (-rE + sol.F(p.WEE*rE+p.WEI*rI+p.IExtE, p.AE, p.ThetaE)) / p.TauE
	drIdt = (-rI + sol.F(p.WIE*rE+p.WII*rI+p.IExtI, p.AI, p.ThetaI)) / p.TauI
	return drEdt, drIdt
}

func eiDerivsNoTau(rE, rI float64, p ratemodel.WCParams) (drEdt, drIdt float64) {
	drEdt = -rE + sol.F(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)
	drIdt = -rI + sol.F(p.WIE*rE-p.WII*rI+p.IExtI, p.AI, p.ThetaI)
	return drEdt, drIdt
}
