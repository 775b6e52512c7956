//go:build !nmagrade

package w2d4

import (
	"math"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// mistakesTutorial1 are the classic mistakes of Tutorial 1's exercises: each a variant of the
// solution (solutions/w2d4) that differs from it in one idea. A failed check whose outputs
// match one names it (exercise.Diagnose). Registered in solutions.go.
var mistakesTutorial1 = exercise.Mistakes{
	"W2D4.T1.E1": {
		{Name: "no offset", Hint: "F is shifted down so that F(0) = 0: subtract the sigmoid's own value at x = 0",
			Impl: FFunc(fNoOffset)},
		{Name: "sign of the exponent", Hint: "the rate must rise with the input: check the sign inside exp for an x above θ",
			Impl: FFunc(fExponentSign)},
		{Name: "offset from the wrong sigmoid", Hint: "the offset is the first term itself evaluated at x = 0: put x = 0 into it",
			Impl: FFunc(fOffsetSign)},
		{Name: "gain on x only", Hint: "the gain a scales the distance from the threshold, x − θ, as a whole: mind the brackets",
			Impl: FFunc(fGainOnX)},
	},
	"W2D4.T1.E2": {
		{Name: "no τ", Hint: "the whole right-hand side, leak and input together, is divided by the time constant τ",
			Impl: DrdtFunc(drdtNoTau)},
		{Name: "τ on the leak only", Hint: "divide the whole bracket (−r + F(…)) by τ, not the leak alone",
			Impl: DrdtFunc(drdtTauOnLeak)},
		{Name: "leak with a plus sign", Hint: "the leak pulls the rate back towards zero: it enters with a minus sign",
			Impl: DrdtFunc(drdtLeakSign)},
		{Name: "external input outside F", Hint: "I_ext is part of the population's total input: it goes inside F, next to w·r",
			Impl: DrdtFunc(drdtInputOutside)},
	},
	"W2D4.T1.E3": {
		{Name: "one initial guess", Hint: "the root finder returns the fixed point nearest its start: give one guess near each zero crossing of dr/dt",
			Impl: FixedPtsFunc(fixedPtsOneGuess)},
		{Name: "no guess near the high crossing", Hint: "dr/dt crosses zero three times in the plot: one guess near each, the one near r = 0.9 too",
			Impl: FixedPtsFunc(fixedPtsTwoGuesses)},
		{Name: "the guesses returned", Hint: "the guesses are where the root finder starts: return the fixed points it finds from them",
			Impl: FixedPtsFunc(fixedPtsGuesses)},
	},
	"W2D4.T1.E4": {
		{Name: "F instead of F′", Hint: "the eigenvalue is the slope of dr/dt at the fixed point: it needs the derivative F′, not F",
			Impl: EigFunc(eigWithF)},
		{Name: "no τ", Hint: "dr/dt is divided by τ, and so is its slope: divide the eigenvalue by τ",
			Impl: EigFunc(eigNoTau)},
		{Name: "chain rule without w", Hint: "the chain rule: the derivative of F(w·r + I_ext) with respect to r carries a factor w",
			Impl: EigFunc(eigNoW)},
	},
}

func fNoOffset(x, a, theta float64) float64 {
	return 1 / (1 + math.Exp(-a*(x-theta)))
}

func fExponentSign(x, a, theta float64) float64 {
	return 1/(1+math.Exp(a*(x-theta))) - 1/(1+math.Exp(a*theta))
}

func fOffsetSign(x, a, theta float64) float64 {
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(-a*theta))
}

func fGainOnX(x, a, theta float64) float64 {
	return 1/(1+math.Exp(-a*x-theta)) - 1/(1+math.Exp(a*theta))
}

func drdtNoTau(r, iExt, w, a, theta, tau float64) float64 {
	return -r + sol.F(w*r+iExt, a, theta)
}

func drdtTauOnLeak(r, iExt, w, a, theta, tau float64) float64 {
	return -r/tau + sol.F(w*r+iExt, a, theta)
}

func drdtLeakSign(r, iExt, w, a, theta, tau float64) float64 {
	return (r + sol.F(w*r+iExt, a, theta)) / tau
}

func drdtInputOutside(r, iExt, w, a, theta, tau float64) float64 {
	return (-r + sol.F(w*r, a, theta) + iExt) / tau
}

func fixedPtsOneGuess(p ratemodel.SingleParams) []float64 {
	return ratemodel.FixedPointsSingle(p, []float64{0.5})
}

func fixedPtsTwoGuesses(p ratemodel.SingleParams) []float64 {
	return ratemodel.FixedPointsSingle(p, []float64{0, 0.4})
}

func fixedPtsGuesses(p ratemodel.SingleParams) []float64 {
	rGuessVector := []float64{0, 0.4, 0.9}
	ratemodel.FixedPointsSingle(p, rGuessVector)
	return rGuessVector
}

func eigWithF(fp, tau, a, theta, w, iExt float64) float64 {
	return (-1 + w*sol.F(w*fp+iExt, a, theta)) / tau
}

func eigNoTau(fp, tau, a, theta, w, iExt float64) float64 {
	return -1 + w*ratemodel.DF(w*fp+iExt, a, theta)
}

func eigNoW(fp, tau, a, theta, w, iExt float64) float64 {
	return (-1 + ratemodel.DF(w*fp+iExt, a, theta)) / tau
}
