package w2d3

import (
	"fmt"
	"slices"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
	"github.com/nma-go/nma-go/nma/rng"
)

// The functions the exercises of Tutorial 2 ask for, as types the checks accept.
type (
	MyCCFunc      = func(i, j []float64) float64
	CorrPairsFunc = func(pars neuron.Pars, rate, c float64, trials int, bins []float64) []float64
)

// probeMyCC runs MyCC on correlated GWN inputs (neuron.CorrelateInput with c = 0.3 and 0.9,
// from one generator seeded 2020, as in the tutorial's figure), on binned spike counts
// (neuron.CorrPoisson, seed 2020, 20 ms bins), on short series with known correlation (1, −1,
// 0.8, 0) and on a constant series (NaN, as in NumPy).
func probeMyCC(rec *exercise.Recorder, f MyCCFunc) {
	type pair struct {
		name string
		i, j []float64
	}
	var pairs []pair
	p := neuron.DefaultPars()
	p.T = 1000
	r := rng.New(2020)
	for _, cc := range []float64{0.3, 0.9} {
		i1, i2, _ := neuron.CorrelateInput(r, p, 20, 7.5, cc)
		pairs = append(pairs, pair{fmt.Sprintf("correlated inputs with c=%g", cc), i1, i2})
	}
	q := neuron.DefaultPars()
	q.T = 10000
	sp1, sp2, _ := neuron.CorrPoisson(q, 20, 0.2, 2020)
	bins := nma.Arange(0, q.T, 20)
	h1, _ := nma.Histogram(sp1, bins)
	h2, _ := nma.Histogram(sp2, bins)
	pairs = append(pairs, pair{"binned spike counts", h1, h2})
	x := []float64{1, 2, 3, 4, 5}
	pairs = append(pairs,
		pair{"i=[1 2 3 4 5], j=[2 4 6 8 10]", x, []float64{2, 4, 6, 8, 10}},
		pair{"i=[1 2 3 4 5], j=[5 4 3 2 1]", x, []float64{5, 4, 3, 2, 1}},
		pair{"i=[1 2 3 4 5], j=[1 3 2 5 4]", x, []float64{1, 3, 2, 5, 4}},
		pair{"i=[1 2 3 4 5], j=[2 1 2 1 2]", x, []float64{2, 1, 2, 1, 2}},
		pair{"i=[3 3 3], j=[1 2 3] (constant i)", []float64{3, 3, 3}, []float64{1, 2, 3}},
	)
	for _, pr := range pairs {
		rec.Float("MyCC("+pr.name+")", f(slices.Clone(pr.i), slices.Clone(pr.j)), 1e-9)
	}
}

// probeCorrCoeffPairs runs CorrCoeffPairs for the tutorial's run (rate 20 Hz, c = 0.2,
// T = 10 s, 20 ms bins, 100 trials) and for another rate, correlation and binning (10 Hz,
// c = 0.5, 50 ms bins, 5 trials).
func probeCorrCoeffPairs(rec *exercise.Recorder, f CorrPairsFunc) {
	p := neuron.DefaultPars()
	p.T = 10000
	for _, k := range []struct {
		rate, cc float64
		trials   int
		bin      float64
	}{{20, 0.2, 100, 20}, {10, 0.5, 5, 50}} {
		bins := nma.Arange(0, p.T, k.bin)
		got := f(p, k.rate, k.cc, k.trials, slices.Clone(bins))
		in := exercise.Describe("CorrCoeffPairs", "T", p.T, "rate", k.rate, "c", k.cc, "trials", k.trials, "bins", fmt.Sprintf("%g ms", k.bin))
		rec.Floats(in+": r12 of each trial", got, 1e-9)
	}
}
