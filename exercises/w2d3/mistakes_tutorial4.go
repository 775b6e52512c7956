//go:build !nmagrade

package w2d3

import (
	"math"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// mistakesTutorial4 are the classic mistakes of Tutorial 4's exercises (see mistakesTutorial1).
var mistakesTutorial4 = exercise.Mistakes{
	"W2D3.T4.E1": {
		{Name: "Δt = 0 counted as depression", Hint: "when pre and post fire together (Δt = 0) the course potentiates: the LTP branch takes Δt ≤ 0",
			Impl: DeltaWFunc(deltaWZeroLTD)},
		{Name: "depression with a plus sign", Hint: "depression weakens the synapse: ΔW is negative when the presynaptic spike comes after the postsynaptic one",
			Impl: DeltaWFunc(deltaWLTDSign)},
		{Name: "pre and post swapped", Hint: "Δt = t_pre − t_post: a presynaptic spike before the postsynaptic one (Δt < 0) potentiates",
			Impl: DeltaWFunc(deltaWSwapped)},
	},
	"W2D3.T4.E2": {
		{Name: "the spike of the current step", Hint: "P[k+1] jumps at a spike in step k+1: add A₊ times the spike of the step you are computing",
			Impl: GeneratePFunc(generatePSpikeNow)},
		{Name: "decay without Δt", Hint: "in an Euler step the decay −P/τ is multiplied by Δt",
			Impl: GeneratePFunc(generatePNoDt)},
		{Name: "jump scaled by Δt", Hint: "a spike makes P jump by A₊ itself, whatever the time step: only the decay is multiplied by Δt",
			Impl: GeneratePFunc(generatePJumpDt)},
	},
}

func deltaWZeroLTD(pars neuron.STDPPars, aPlus, aMinus, tauSTDP float64, timeDiff []float64) []float64 {
	dW := make([]float64, len(timeDiff))
	for k, d := range timeDiff {
		if d < 0 {
			dW[k] = aPlus * math.Exp(d/tauSTDP)
		} else {
			dW[k] = -aMinus * math.Exp(-d/tauSTDP)
		}
	}
	return dW
}

func deltaWLTDSign(pars neuron.STDPPars, aPlus, aMinus, tauSTDP float64, timeDiff []float64) []float64 {
	dW := make([]float64, len(timeDiff))
	for k, d := range timeDiff {
		if d <= 0 {
			dW[k] = aPlus * math.Exp(d/tauSTDP)
		} else {
			dW[k] = aMinus * math.Exp(-d/tauSTDP)
		}
	}
	return dW
}

func deltaWSwapped(pars neuron.STDPPars, aPlus, aMinus, tauSTDP float64, timeDiff []float64) []float64 {
	dW := make([]float64, len(timeDiff))
	for k, d := range timeDiff {
		if d >= 0 {
			dW[k] = aPlus * math.Exp(-d/tauSTDP)
		} else {
			dW[k] = -aMinus * math.Exp(d/tauSTDP)
		}
	}
	return dW
}

// generateP is the solution's loop with the increment dP given by step.
func generateP(pars neuron.STDPPars, pre [][]float64, step func(p, spikeNow, spikeNext float64) float64) [][]float64 {
	lt := pars.Lt()
	P := make([][]float64, len(pre))
	for i := range P {
		P[i] = make([]float64, lt)
	}
	for it := 0; it < lt-1; it++ {
		for i := range P {
			P[i][it+1] = P[i][it] + step(P[i][it], pre[i][it], pre[i][it+1])
		}
	}
	return P
}

func generatePSpikeNow(pars neuron.STDPPars, pre [][]float64) [][]float64 {
	return generateP(pars, pre, func(p, spikeNow, _ float64) float64 {
		return -(pars.Dt/pars.TauSTDP)*p + pars.APlus*spikeNow
	})
}

func generatePNoDt(pars neuron.STDPPars, pre [][]float64) [][]float64 {
	return generateP(pars, pre, func(p, _, spikeNext float64) float64 {
		return -(1/pars.TauSTDP)*p + pars.APlus*spikeNext
	})
}

func generatePJumpDt(pars neuron.STDPPars, pre [][]float64) [][]float64 {
	return generateP(pars, pre, func(p, _, spikeNext float64) float64 {
		return pars.Dt * (-p/pars.TauSTDP + pars.APlus*spikeNext)
	})
}
