//go:build !nmagrade

package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// mistakesTutorial3 are the classic mistakes of Tutorial 3's exercises (see mistakesTutorial1).
var mistakesTutorial3 = exercise.Mistakes{
	"W2D4.T3.E1": {
		{Name: "one initial guess", Hint: "the root finder returns the fixed point nearest its start: give one guess near each crossing of the nullclines",
			Impl: FixedPtsWCFunc(fixedPtsWCOneGuess)},
		{Name: "the guesses returned", Hint: "the guesses are where the root finder starts: keep the fixed points it finds from them",
			Impl: FixedPtsWCFunc(fixedPtsWCGuesses)},
		{Name: "no guess near the high crossing", Hint: "the nullclines cross three times in the phase plane: one guess near each, the one at high rates too",
			Impl: FixedPtsWCFunc(fixedPtsWCTwoGuesses)},
	},
	"W2D4.T3.E2": {
		{Name: "J_EI with a plus sign", Hint: "inhibition enters F_E as −w_EI·r_I, so ∂G_E/∂r_I carries a minus sign",
			Impl: EigJacobianFunc(eigJacobianEISign)},
		{Name: "J_II with a plus sign", Hint: "in ∂G_I/∂r_I both the leak and the self-inhibition −w_II·r_I pull down: two minus signs",
			Impl: EigJacobianFunc(eigJacobianIISign)},
		{Name: "no τ", Hint: "each row of the Jacobian is divided by its population's time constant, τ_E or τ_I",
			Impl: EigJacobianFunc(eigJacobianNoTau)},
		{Name: "I row at E's input", Hint: "each row takes F′ of its own population, with its own gain and threshold, at its own total input",
			Impl: EigJacobianFunc(eigJacobianIRowEInput)},
	},
	"W2D4.T3.E3": {
		{Name: "F instead of F′", Hint: "a Jacobian element is a derivative: it needs F′ (ratemodel.DF), not F",
			Impl: DGdEFunc(dGdEWithF)},
		{Name: "no τ", Hint: "G_E is dr_E/dt, which is divided by τ_E, and so is its derivative",
			Impl: DGdEFunc(dGdENoTau)},
		{Name: "no leak", Hint: "the leak −r_E contributes −1 to ∂G_E/∂r_E",
			Impl: DGdEFunc(dGdENoLeak)},
	},
}

func fixedPtsWCFrom(p ratemodel.WCParams, guesses [][2]float64) [][2]float64 {
	var fps [][2]float64
	for _, guess := range guesses {
		xFP, err := ratemodel.FixedPointWC(p, guess[0], guess[1])
		if err == nil && ratemodel.IsFixedPointWC(p, xFP, 1e-6) {
			fps = append(fps, xFP)
		}
	}
	return fps
}

func fixedPtsWCOneGuess(p ratemodel.WCParams) [][2]float64 {
	return fixedPtsWCFrom(p, [][2]float64{{0.3, 0.3}})
}

func fixedPtsWCTwoGuesses(p ratemodel.WCParams) [][2]float64 {
	return fixedPtsWCFrom(p, [][2]float64{{0.1, 0.1}, {0.3, 0.3}})
}

func fixedPtsWCGuesses(p ratemodel.WCParams) [][2]float64 {
	guesses := [][2]float64{{0.1, 0.1}, {0.3, 0.3}, {0.8, 0.6}}
	fixedPtsWCFrom(p, guesses)
	return guesses
}

// jacobianWC is the solution's Jacobian with the sign of J_EI and J_II's weight term, the
// time constants and the input of the I row given by the caller.
func jacobianWC(fp [2]float64, p ratemodel.WCParams, signEI, signII float64, tauE, tauI float64, iRowAtE bool) [2]complex128 {
	rE, rI := fp[0], fp[1]
	dFE := ratemodel.DF(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)
	dFI := ratemodel.DF(p.WIE*rE-p.WII*rI+p.IExtI, p.AI, p.ThetaI)
	if iRowAtE {
		dFI = dFE
	}
	var J [2][2]float64
	J[0][0] = (-1 + p.WEE*dFE) / tauE
	J[0][1] = (signEI * p.WEI * dFE) / tauE
	J[1][0] = (p.WIE * dFI) / tauI
	J[1][1] = (-1 + signII*p.WII*dFI) / tauI
	return ratemodel.Eig2(J)
}

func eigJacobianEISign(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
	return jacobianWC(fp, p, +1, -1, p.TauE, p.TauI, false)
}

func eigJacobianIISign(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
	return jacobianWC(fp, p, -1, +1, p.TauE, p.TauI, false)
}

func eigJacobianNoTau(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
	return jacobianWC(fp, p, -1, -1, 1, 1, false)
}

func eigJacobianIRowEInput(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
	return jacobianWC(fp, p, -1, -1, p.TauE, p.TauI, true)
}

func dGdEWithF(fp [2]float64, p ratemodel.WCParams) float64 {
	rE, rI := fp[0], fp[1]
	return (-1 + p.WEE*ratemodel.F(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)) / p.TauE
}

func dGdENoTau(fp [2]float64, p ratemodel.WCParams) float64 {
	rE, rI := fp[0], fp[1]
	return -1 + p.WEE*ratemodel.DF(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)
}

func dGdENoLeak(fp [2]float64, p ratemodel.WCParams) float64 {
	rE, rI := fp[0], fp[1]
	return p.WEE * ratemodel.DF(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE) / p.TauE
}
