package w2d3

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// FreeMembranePotential returns the free membrane potential of the conductance-based neuron
// pars driven by the excitatory and inhibitory spike trains preEx and preIn: its membrane
// potential when it cannot spike.
func FreeMembranePotential(pars neuron.Pars, preEx, preIn [][]float64) []float64 {
	// TODO(W2D3.T3.E1): stop the neuron from firing by raising its threshold far above any
	// potential it can reach (pars.VTh = …; pars is your own copy), simulate it with
	//   run, err := neuron.RunLIFCond(pars, nil, preEx, preIn)   (nil: no injected current)
	// and return run.V. Delete the panic.
	panic(exercise.TODO("W2D3.T3.E1"))
}
