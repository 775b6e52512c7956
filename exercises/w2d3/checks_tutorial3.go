package w2d3

import (
	"slices"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
	"github.com/nma-go/nma-go/nma/rng"
	sol "github.com/nma-go/nma-go/solutions/w2d3"
)

// FMPFunc is the function Coding Exercise 1.2 of Tutorial 3 asks for.
type FMPFunc = func(pars neuron.Pars, preEx, preIn [][]float64) []float64

// CheckFreeMembranePotential compares FreeMembranePotential with the solution for the
// exercise's input (80 excitatory and 20 inhibitory trains at 10 Hz, ḡ = 2.4 nS) and for a
// strongly excited neuron whose free membrane potential stays above the threshold.
func CheckFreeMembranePotential(f FMPFunc) exercise.Result {
	return exercise.Run("W2D3.T3.E1", "FreeMembranePotential", func(c *exercise.C) {
		for _, k := range []struct {
			name                   string
			gBar, excRate, inhRate float64
			seed                   uint32
		}{{"exercise input: 80 exc. and 20 inh. trains at 10 Hz, gE_bar = gI_bar = 2.4 nS", 2.4, 10, 10, 2020},
			{"80 exc. trains at 20 Hz, 20 inh. at 10 Hz, gE_bar = gI_bar = 3 nS", 3, 20, 10, 7}} {
			p := neuron.DefaultSynPars()
			p.T = 1000
			p.GEBar, p.GIBar = k.gBar, k.gBar
			r := rng.New(k.seed)
			ex, _ := neuron.PoissonTrainsFrom(r, p.T, p.Dt, k.excRate, 80)
			in, _ := neuron.PoissonTrainsFrom(r, p.T, p.Dt, k.inhRate, 20)
			want := sol.FreeMembranePotential(p, ex, in)
			got := f(p, clone2(ex), clone2(in))
			desc := "FreeMembranePotential(" + k.name + ")"
			c.True(len(got) == len(want), "%s: expected %d values (one per time step), got %d", desc, len(want), len(got))
			if slices.Max(want) > p.VTh {
				c.True(slices.Max(got) > p.VTh, "%s: your potential never rises above the threshold V_th = %g mV, so the neuron still fires and resets; raise pars.VTh far above any potential the neuron can reach", desc, p.VTh)
			}
			c.Floats(desc+": free membrane potential (mV) at each step", want, got, 1e-9)
		}
	})
}

func clone2(x [][]float64) [][]float64 {
	out := make([][]float64, len(x))
	for i, r := range x {
		out[i] = slices.Clone(r)
	}
	return out
}
