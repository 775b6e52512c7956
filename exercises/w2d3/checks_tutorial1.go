package w2d3

import (
	"fmt"
	"slices"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// The functions the exercises of Tutorial 1 ask for, as types the checks accept.
type (
	RunLIFFunc  = func(pars neuron.Pars, iinj []float64, stop bool) (v, recSpikes []float64)
	IsiCvFunc   = func(spikeTimes []float64) (isi []float64, cv float64)
	lifCheckRun struct {
		name string
		pars neuron.Pars
		iinj []float64
		stop bool
	}
)

// lifCases are the tutorial's runs of RunLIF (the 100 pA pulse of Coding Exercise 1, DC and
// GWN input) plus other parameters.
func lifCases() []lifCheckRun {
	p := neuron.DefaultPars()
	pulse := p
	pulse.T = 500
	short := p
	short.T = 100
	slow := short
	slow.TauM = 4
	long := p
	long.T = 1000
	gwn, _ := neuron.GWN(long, 250, 3, 2020)
	coarse := p
	coarse.T, coarse.Dt, coarse.TRef = 200, 1, 5
	return []lifCheckRun{
		{"T=500 ms, Iinj=100 pA, stop=true", pulse, []float64{100}, true},
		{"T=100 ms, Iinj=250 pA", short, []float64{250}, false},
		{"T=100 ms, Iinj=200.5 pA", short, []float64{200.5}, false},
		{"T=100 ms, TauM=4 ms, Iinj=250 pA", slow, []float64{250}, false},
		{"T=1000 ms, GWN input (mu=250, sig=3, seed 2020)", long, gwn, false},
		{"T=200 ms, Dt=1 ms, TRef=5 ms, Iinj=300 pA", coarse, []float64{300}, false},
		{"T=500 ms, Iinj=400 pA, stop=true", pulse, []float64{400}, true},
	}
}

// probeRunLIF runs RunLIF on lifCases — the tutorial's pulse, DC and noisy (neuron.GWN,
// seed 2020) inputs and other membrane time constants, time steps and refractory times:
// first the spike times, then the membrane potential at every step.
func probeRunLIF(r *exercise.Recorder, f RunLIFFunc) {
	for _, k := range lifCases() {
		gotV, gotSp := f(k.pars, slices.Clone(k.iinj), k.stop)
		in := "RunLIF(" + k.name + ")"
		r.Floats(in+": spike times (ms)", gotSp, 1e-9)
		r.Floats(in+": membrane potential v (mV) at each step", gotV, 1e-9)
	}
}

// probeIsiCvLIF runs IsiCvLIF on the spike trains of Coding Exercise 3 (neuron.RunLIF
// driven by neuron.GWN with σ = 0.5 and 3, seed 2020) and on regular, short and empty
// trains.
func probeIsiCvLIF(r *exercise.Recorder, f IsiCvFunc) {
	p := neuron.DefaultPars()
	p.T = 1000
	trains := [][]float64{}
	for _, sig := range []float64{0.5, 3} {
		in, _ := neuron.GWN(p, 250, sig, 2020)
		_, sp, _ := neuron.RunLIF(p, in, false)
		trains = append(trains, sp)
	}
	trains = append(trains, []float64{10, 20, 30, 40}, []float64{0, 10, 30}, []float64{2.5, 7}, []float64{5}, nil)
	for _, sp := range trains {
		gotISI, gotCV := f(slices.Clone(sp))
		in := fmt.Sprintf("IsiCvLIF(%d spike times %s)", len(sp), head(sp))
		r.Floats(in+": isi", gotISI, 1e-9)
		r.Float(in+": cv", gotCV, 1e-9)
	}
}

// head formats the first values of a series for a failure message.
func head(x []float64) string {
	if len(x) <= 4 {
		return fmt.Sprintf("%g", x)
	}
	return fmt.Sprintf("[%g %g %g …]", x[0], x[1], x[2])
}
