package w2d3

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// FreeMembranePotential returns the free membrane potential of the conductance-based neuron
// pars driven by the excitatory and inhibitory spike trains preEx and preIn: its membrane
// potential when it cannot spike.
func FreeMembranePotential(pars neuron.Pars, preEx, preIn [][]float64) []float64 {
	// Change the threshold
	pars.VTh = exercise.Blank[float64]("W2D3.T3.E1") // ← a threshold far above any potential the neuron reaches (pars is your own copy)

	// Calculate FMP
	v := exercise.Blank[[]float64]("W2D3.T3.E1") // ← the potential V of the neuron simulated by neuron.RunLIFCond (wrapped in nma.Must), driven by preEx and preIn with no injected current (nil)
	return v
}
