package neuron

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// OutputCC is the result of LIFOutputCC.
type OutputCC struct {
	R12  float64   // output correlation, averaged over trials
	Rate float64   // firing rate of neuron 1 (Hz), averaged over trials
	Sp1  []float64 // spike times (ms) of neuron 1 in the last trial
	Sp2  []float64 // spike times (ms) of neuron 2 in the last trial
	// Trials are the correlation of each trial (NaN when a neuron did not spike).
	Trials []float64
}

// LIFOutputCC simulates two unconnected LIF neurons driven by correlated inputs
// (CorrelateInput with mean mu, strength sig and input correlation c; the neurons get
// g_L·I/g_L) and measures their output correlation, as the course's LIF_output_cc: the spike
// times of each trial are binned with edges np.arange(0, T, binSize), every 20th bin count is
// kept, and the Pearson correlation of the two count series is averaged over nTrials trials.
//
// The course leaves NumPy unseeded here; trial k draws from rng.New(seed + k), and the trials
// run in parallel, so the result depends only on the arguments.
func LIFOutputCC(p Pars, mu, sig, c, binSize float64, nTrials int, seed uint32) (OutputCC, error) {
	if err := p.Validate(); err != nil {
		return OutputCC{}, err
	}
	switch {
	case nTrials < 1:
		return OutputCC{}, fmt.Errorf("neuron.LIFOutputCC: nTrials=%d must be at least 1", nTrials)
	case !(binSize > 0) || binSize >= p.T:
		return OutputCC{}, fmt.Errorf("neuron.LIFOutputCC: binSize=%g must be positive and below T=%g", binSize, p.T)
	case !(c >= 0 && c <= 1):
		return OutputCC{}, fmt.Errorf("neuron.LIFOutputCC: c=%g must be in [0, 1]", c)
	}
	edges := nma.Arange(0, p.T, binSize)
	if len(edges) < 2 {
		return OutputCC{}, fmt.Errorf("neuron.LIFOutputCC: binSize=%g leaves fewer than 2 bin edges in T=%g", binSize, p.T)
	}
	type trial struct {
		r12, rate float64
		sp1, sp2  []float64
		err       error
	}
	res := make([]trial, nTrials)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k := range nTrials {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			r := rng.New(seed + uint32(k))
			i1, i2, err := CorrelateInput(r, p, mu, sig, c)
			if err != nil {
				res[k].err = err
				return
			}
			for j := range i1 {
				i1[j] *= p.GL
				i2[j] *= p.GL
			}
			_, sp1 := runLIF(p, i1, nil)
			_, sp2 := runLIF(p, i2, nil)
			h1, _ := nma.Histogram(sp1, edges)
			h2, _ := nma.Histogram(sp2, edges)
			r12, _ := nma.Pearson(every(h1, 20), every(h2, 20))
			res[k] = trial{r12: r12, rate: float64(len(sp1)) / p.T * 1000, sp1: sp1, sp2: sp2}
		}()
	}
	wg.Wait()
	out := OutputCC{Trials: make([]float64, nTrials)}
	rates := make([]float64, nTrials)
	for k, t := range res {
		if t.err != nil {
			return OutputCC{}, t.err
		}
		out.Trials[k] = t.r12
		rates[k] = t.rate
	}
	out.R12, out.Rate = nma.Mean(out.Trials), nma.Mean(rates)
	out.Sp1, out.Sp2 = res[nTrials-1].sp1, res[nTrials-1].sp2
	return out, nil
}

// every returns x[::step].
func every(x []float64, step int) []float64 {
	out := make([]float64, 0, (len(x)+step-1)/step)
	for i := 0; i < len(x); i += step {
		out = append(out, x[i])
	}
	return out
}

// TransferCC returns the output correlation of LIFOutputCC for every input correlation in
// cIn (the correlation transfer function), with seeds seed, seed+nTrials, … per point.
func TransferCC(p Pars, mu, sig float64, cIn []float64, binSize float64, nTrials int, seed uint32) ([]float64, error) {
	out := make([]float64, len(cIn))
	for i, c := range cIn {
		res, err := LIFOutputCC(p, mu, sig, c, binSize, nTrials, seed+uint32(i*nTrials))
		if err != nil {
			return nil, err
		}
		out[i] = res.R12
	}
	return out, nil
}

// SampleCC returns the sample correlation of the two inputs of CorrelateInput for each true
// correlation in c (the course's example_plot_myCC, with T = 50000 ms, dt = 0.1 ms, μ = 20,
// σ = 7.5), computed with cc (pass student code, or nil for nma.Pearson).
func SampleCC(c []float64, seed uint32, cc func(i, j []float64) float64) ([]float64, error) {
	p := DefaultPars()
	p.T, p.Dt = 50000, 0.1
	r := rng.New(seed)
	out := make([]float64, len(c))
	for k, ck := range c {
		i1, i2, err := CorrelateInput(r, p, 20, 7.5, ck)
		if err != nil {
			return nil, err
		}
		if cc != nil {
			out[k] = cc(i1, i2)
		} else {
			out[k], _ = nma.Pearson(i1, i2)
		}
	}
	return out, nil
}
