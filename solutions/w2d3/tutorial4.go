package w2d3

import (
	"math"

	"github.com/nma-go/nma-go/nma/neuron"
)

// DeltaW returns the STDP weight change for each spike-time difference in timeDiff
// (t_pre − t_post, ms): potentiation A₊·exp(Δt/τ) for Δt ≤ 0 and depression −A₋·exp(−Δt/τ)
// for Δt > 0. Exercise W2D3.T4.E1.
func DeltaW(pars neuron.STDPPars, aPlus, aMinus, tauSTDP float64, timeDiff []float64) []float64 {
	// STDP change
	dW := make([]float64, len(timeDiff))
	for k, d := range timeDiff {
		if d <= 0 {
			// Calculate dW for LTP
			dW[k] = aPlus * math.Exp(d/tauSTDP)
		} else {
			// Calculate dW for LTD
			dW[k] = -aMinus * math.Exp(-d/tauSTDP)
		}
	}
	return dW
}

// GenerateP returns the presynaptic trace P of every binary spike train in preSpikeTrainEx
// (one row per train, one value per time step): P decays with τ_stdp and jumps by A₊ at each
// presynaptic spike. Exercise W2D3.T4.E2.
func GenerateP(pars neuron.STDPPars, preSpikeTrainEx [][]float64) [][]float64 {
	// Get parameters
	aPlus, tauSTDP := pars.APlus, pars.TauSTDP
	dt := pars.Dt
	lt := pars.Lt()

	// Initialize
	P := make([][]float64, len(preSpikeTrainEx))
	for i := range P {
		P[i] = make([]float64, lt)
	}
	for it := 0; it < lt-1; it++ {
		for i := range P {
			// Calculate the delta increment dP
			dP := -(dt/tauSTDP)*P[i][it] + aPlus*preSpikeTrainEx[i][it+1]
			// Update P
			P[i][it+1] = P[i][it] + dP
		}
	}
	return P
}
