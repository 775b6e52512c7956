//lint:file-ignore SA4008 the stubs are unfinished on purpose: the student completes the loop

package w2d3

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// DeltaW returns the STDP weight change for each spike-time difference in timeDiff
// (t_pre − t_post, ms).
func DeltaW(pars neuron.STDPPars, aPlus, aMinus, tauSTDP float64, timeDiff []float64) []float64 {
	// TODO(W2D3.T4.E1): make dW with one value per time difference Δt = timeDiff[k]:
	//   LTP, Δt ≤ 0:  dW[k] =  A₊·exp( Δt/τ_stdp)
	//   LTD, Δt > 0:  dW[k] = −A₋·exp(−Δt/τ_stdp)      (math.Exp)
	// return it and delete the panic.
	panic(exercise.TODO("W2D3.T4.E1"))
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
		// TODO(W2D3.T4.E2): for every train i, calculate the increment
		//   dP = −(dt/τ_stdp)·P[i][it] + A₊·preSpikeTrainEx[i][it+1]
		// (pars.Dt, pars.TauSTDP, pars.APlus), update P[i][it+1] = P[i][it] + dP, and delete
		// the panic.
		panic(exercise.TODO("W2D3.T4.E2"))
	}
	return P
}
