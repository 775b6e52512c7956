package w2d3

import (
	"fmt"
	"slices"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
	"github.com/nma-go/nma-go/nma/rng"
)

// FMPFunc is the function Coding Exercise 1.2 of Tutorial 3 asks for.
type FMPFunc = func(pars neuron.Pars, preEx, preIn [][]float64) []float64

// probeFreeMembranePotential runs FreeMembranePotential on the exercise's input (80
// excitatory and 20 inhibitory Poisson trains at 10 Hz from neuron.PoissonTrainsFrom with
// seed 2020, ḡ = 2.4 nS, T = 1 s) and on a strongly excited neuron (excitation at 20 Hz,
// ḡ = 3 nS, seed 7). Where the free membrane potential of the input rises above the
// threshold (neuron.RunLIFCond with V_th = 1e3 mV, as the library documents), it records
// whether the student's does too, before the potential itself.
func probeFreeMembranePotential(r *exercise.Recorder, f FMPFunc) {
	for _, k := range []struct {
		name                   string
		gBar, excRate, inhRate float64
		seed                   uint32
	}{{"exercise input: 80 exc. and 20 inh. trains at 10 Hz, gE_bar = gI_bar = 2.4 nS", 2.4, 10, 10, 2020},
		{"80 exc. trains at 20 Hz, 20 inh. at 10 Hz, gE_bar = gI_bar = 3 nS", 3, 20, 10, 7}} {
		p := neuron.DefaultSynPars()
		p.T = 1000
		p.GEBar, p.GIBar = k.gBar, k.gBar
		gen := rng.New(k.seed)
		ex, _ := neuron.PoissonTrainsFrom(gen, p.T, p.Dt, k.excRate, 80)
		in, _ := neuron.PoissonTrainsFrom(gen, p.T, p.Dt, k.inhRate, 20)
		free := p
		free.VTh = 1e3
		ref, err := neuron.RunLIFCond(free, nil, ex, in)
		if err != nil {
			panic("internal error: " + err.Error())
		}
		got := f(p, clone2(ex), clone2(in))
		desc := "FreeMembranePotential(" + k.name + ")"
		r.Float(desc+": number of values (one per time step)", float64(len(got)), 0)
		if slices.Max(ref.V) > p.VTh {
			r.Require(fmt.Sprintf("%s: the potential must rise above the threshold V_th = %g mV; if yours never does, the neuron still fires and resets: raise pars.VTh far above any potential the neuron can reach", desc, p.VTh),
				len(got) > 0 && slices.Max(got) > p.VTh)
		}
		r.Floats(desc+": free membrane potential (mV) at each step", got, 1e-9)
	}
}

func clone2(x [][]float64) [][]float64 {
	out := make([][]float64, len(x))
	for i, r := range x {
		out[i] = slices.Clone(r)
	}
	return out
}
