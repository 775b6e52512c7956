package neuron

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// ISICV returns the inter-spike intervals of sorted spike times, np.diff(spikeTimes), and
// their coefficient of variation CV_ISI = std(ISI)/mean(ISI) (population std). With fewer
// than two spikes there is no interval: isi is nil and cv is NaN (the course's isi_cv_LIF).
func ISICV(spikeTimes []float64) (isi []float64, cv float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	isi = nma.Diff(spikeTimes)
	return isi, nma.Std(isi) / nma.Mean(isi)
}

// FICurve returns the spike counts of the LIF neuron over p.T for each mean current in iMean
// (pA), driven by GWN with standard deviation sig and seed (gwn), and by the DC current
// alone (dc) — Interactive Demo 3A. As in the course, every mean current gets the same noise
// (each my_GWN call reseeds with the same seed).
func FICurve(p Pars, iMean []float64, sig float64, seed uint32) (gwn, dc []int, err error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	if !(sig >= 0) || math.IsInf(sig, 0) {
		return nil, nil, fmt.Errorf("neuron.FICurve: sig=%g must be a non-negative number", sig)
	}
	xi, err := rng.New(seed).Randn(p.Lt())
	if err != nil {
		return nil, nil, err
	}
	s := math.Sqrt(p.Dt / 1000)
	lt := p.Lt()
	in, v := make([]float64, lt), make([]float64, lt)
	gwn, dc = make([]int, len(iMean)), make([]int, len(iMean))
	for i, mu := range iMean {
		for k, x := range xi {
			in[k] = mu + float64(sig*x)/s
		}
		gwn[i] = countLIF(p, in, v)
		for k := range in {
			in[k] = mu
		}
		dc[i] = countLIF(p, in, v)
	}
	return gwn, dc, nil
}

// CVCurve returns the spike count and CV_ISI of the LIF neuron over p.T for each mean current
// in iMean (pA) driven by GWN with standard deviation sig, each mean with fresh noise drawn
// from r in order — Interactive Demo 3B. The CV is NaN when there are 3 spikes or fewer.
func CVCurve(r *rng.RandomState, p Pars, iMean []float64, sig float64) (counts []int, cv []float64, err error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	counts, cv = make([]int, len(iMean)), make([]float64, len(iMean))
	v := make([]float64, p.Lt())
	for i, mu := range iMean {
		in, err := GWNFrom(r, p, mu, sig)
		if err != nil {
			return nil, nil, err
		}
		_, sp := runLIF(p, in, v)
		counts[i] = len(sp)
		cv[i] = math.NaN()
		if len(sp) > 3 {
			_, cv[i] = ISICV(sp)
		}
	}
	return counts, cv, nil
}
