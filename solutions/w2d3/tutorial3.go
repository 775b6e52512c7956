package w2d3

import (
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/neuron"
)

// FreeMembranePotential returns the free membrane potential of the conductance-based neuron
// pars driven by the excitatory and inhibitory spike trains preEx and preIn: its membrane
// potential when it cannot spike. Exercise W2D3.T3.E1.
func FreeMembranePotential(pars neuron.Pars, preEx, preIn [][]float64) []float64 {
	// Change the threshold
	pars.VTh = 1e3

	// Calculate FMP
	run := nma.Must(neuron.RunLIFCond(pars, nil, preEx, preIn))
	return run.V
}
