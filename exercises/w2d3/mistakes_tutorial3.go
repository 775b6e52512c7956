//go:build !nmagrade

package w2d3

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// mistakesTutorial3 are the classic mistakes of Tutorial 3's exercise (see mistakesTutorial1).
var mistakesTutorial3 = exercise.Mistakes{
	"W2D3.T3.E1": {
		{Name: "threshold left in place", Hint: "the free membrane potential is the potential of a neuron that cannot spike: raise V_th far above any potential it can reach",
			Impl: FMPFunc(fmpThreshold)},
		{Name: "excitation and inhibition swapped", Hint: "the excitatory trains drive g_E and the inhibitory ones g_I: pass them in the order the simulation expects",
			Impl: FMPFunc(fmpSwapped)},
		{Name: "inhibition left out", Hint: "the free membrane potential is set by both conductances: pass the inhibitory trains too",
			Impl: FMPFunc(fmpNoInhibition)},
	},
}

func fmpThreshold(pars neuron.Pars, preEx, preIn [][]float64) []float64 {
	run, err := neuron.RunLIFCond(pars, nil, preEx, preIn)
	if err != nil {
		panic(err)
	}
	return run.V
}

func fmpSwapped(pars neuron.Pars, preEx, preIn [][]float64) []float64 {
	pars.VTh = 1e3
	run, err := neuron.RunLIFCond(pars, nil, preIn, preEx)
	if err != nil {
		panic(err)
	}
	return run.V
}

func fmpNoInhibition(pars neuron.Pars, preEx, preIn [][]float64) []float64 {
	pars.VTh = 1e3
	run, err := neuron.RunLIFCond(pars, nil, preEx, nil)
	if err != nil {
		panic(err)
	}
	return run.V
}
