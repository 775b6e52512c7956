package w2d3

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// DeltaW returns the STDP weight change for each spike-time difference in timeDiff
// (t_pre − t_post, ms).
func DeltaW(pars neuron.STDPPars, aPlus, aMinus, tauSTDP float64, timeDiff []float64) []float64 {
	// STDP change
	dW := make([]float64, len(timeDiff))
	for k, d := range timeDiff {
		if d <= 0 {
			// Calculate dW for LTP
			dW[k] = exercise.Blank[float64]("W2D3.T4.E1") // ← ΔW for Δt = d ≤ 0, from aPlus and tauSTDP (math.Exp)
		} else {
			// Calculate dW for LTD
			dW[k] = exercise.Blank[float64]("W2D3.T4.E1") // ← ΔW for Δt = d > 0, from aMinus and tauSTDP
		}
	}
	return dW
}

// GenerateP returns the presynaptic trace P of every binary spike train in preSpikeTrainEx
// (one row per train, one value per time step): P decays with τ_stdp and jumps by A₊ at each
// presynaptic spike.
func GenerateP(pars neuron.STDPPars, preSpikeTrainEx [][]float64) [][]float64 {
	// Initialize
	lt := pars.Lt()
	P := make([][]float64, len(preSpikeTrainEx))
	for i := range P {
		P[i] = make([]float64, lt)
	}
	for it := 0; it < lt-1; it++ {
		for i := range P {
			// Calculate the delta increment dP
			dP := exercise.Blank[float64]("W2D3.T4.E2") // ← the Euler increment of P[i] from P[i][it] and the spike train preSpikeTrainEx[i] (pars.Dt, pars.TauSTDP, pars.APlus)

			// Update P
			P[i][it+1] = P[i][it] + dP
		}
	}
	return P
}
