package w2d3

import (
	"fmt"
	"slices"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
	"github.com/nma-go/nma-go/nma/rng"
)

// The functions the exercises of Tutorial 4 ask for, as types the checks accept.
type (
	DeltaWFunc    = func(pars neuron.STDPPars, aPlus, aMinus, tauSTDP float64, timeDiff []float64) []float64
	GeneratePFunc = func(pars neuron.STDPPars, preSpikeTrainEx [][]float64) [][]float64
)

// probeDeltaW runs DeltaW on the tutorial's time differences np.linspace(−5τ, 5τ, 50) with
// the default amplitudes, and on other amplitudes and time constants including Δt = 0
// exactly (potentiation): the number of values, then each value.
func probeDeltaW(r *exercise.Recorder, f DeltaWFunc) {
	p := neuron.DefaultSTDPPars()
	for _, k := range []struct {
		aPlus, aMinus, tau float64
		td                 []float64
	}{
		{p.APlus, p.AMinus, p.TauSTDP, nma.Linspace(-5*p.TauSTDP, 5*p.TauSTDP, 50)},
		{0.01, 0.02, 10, []float64{-30, -10, -1e-3, 0, 1e-3, 10, 30}},
	} {
		got := f(p, k.aPlus, k.aMinus, k.tau, slices.Clone(k.td))
		r.Float(exercise.Describe("DeltaW", "aPlus", k.aPlus, "aMinus", k.aMinus, "tauSTDP", k.tau)+fmt.Sprintf(" on %d time differences: number of values (one per time difference)", len(k.td)),
			float64(len(got)), 0)
		if len(got) != len(k.td) {
			return // the count differs: the comparison ends there
		}
		for i := range k.td {
			in := exercise.Describe("DeltaW", "aPlus", k.aPlus, "aMinus", k.aMinus, "tauSTDP", k.tau, "t_pre−t_post", k.td[i])
			r.Float(in, got[i], 1e-9)
		}
	}
}

// probeGenerateP runs GenerateP on the tutorial's 5 trains (neuron.PoissonTrains at 10 Hz,
// T = 200 ms, dt = 1 ms, seed 2020) and on 3 faster trains (neuron.PoissonTrainsFrom at
// 50 Hz with seed 7) with dt = 0.1 ms and other A₊ and τ_stdp: the number of rows, then P of
// each train.
func probeGenerateP(r *exercise.Recorder, f GeneratePFunc) {
	p := neuron.DefaultSTDPPars()
	p.T, p.Dt = 200, 1
	q := neuron.DefaultPars()
	q.T, q.Dt = 200, 1
	pre1, _ := neuron.PoissonTrains(q, 10, 5, 2020)
	p2 := neuron.DefaultSTDPPars()
	p2.T, p2.Dt, p2.APlus, p2.TauSTDP = 100, 0.1, 0.01, 10
	pre2, _ := neuron.PoissonTrainsFrom(rng.New(7), 100, 0.1, 50, 3)
	for _, k := range []struct {
		name string
		p    neuron.STDPPars
		pre  [][]float64
	}{{"5 trains at 10 Hz, T=200 ms, Dt=1 ms, seed 2020", p, pre1},
		{"3 trains at 50 Hz, T=100 ms, Dt=0.1 ms, APlus=0.01, TauSTDP=10 ms", p2, pre2}} {
		got := f(k.p, clone2(k.pre))
		in := "GenerateP(" + k.name + ")"
		r.Float(in+": number of rows (one per train)", float64(len(got)), 0)
		for i := range got {
			r.Floats(fmt.Sprintf("%s: P of train %d at each step", in, i), got[i], 1e-9)
		}
	}
}
