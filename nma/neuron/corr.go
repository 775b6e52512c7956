package neuron

import (
	"fmt"
	"math"
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
			sp1, sp2 := lifPairCC(rng.New(seed+uint32(k)), p, mu, sig, c)
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

// noisePool holds lifPairCC's noise buffers between trials (every value is drawn anew).
var noisePool = sync.Pool{New: func() any { return new([]float64) }}

// lifPairCC is one trial of LIFOutputCC: the spike times of the two neurons driven by
// g_L·CorrelateInput(r, p, mu, sig, c), as runLIF gives them, computed in one loop that
// forms each step's inputs from the three noises and advances both neurons (no input or
// potential arrays, and the two neurons' Euler chains overlap). p is valid, sig ≥ 0 and
// c ∈ [0, 1].
func lifPairCC(r *rng.RandomState, p Pars, mu, sig, c float64) (sp1, sp2 []float64) {
	lt := p.Lt()
	buf := noisePool.Get().(*[]float64)
	defer noisePool.Put(buf)
	if cap(*buf) < 3*lt {
		*buf = make([]float64, 3*lt)
	}
	xi := (*buf)[:3*lt] // ξ1, ξ2, ξc: three Randn(Lt) in a row are one Randn(3·Lt)
	r.StandardNormalTo(xi)
	x1, x2, xc := xi[:lt], xi[lt:2*lt], xi[2*lt:3*lt]
	s := math.Sqrt(p.TauM / p.Dt)        // GWNTau's scale
	a, b := math.Sqrt(1-c), math.Sqrt(c) // CorrelateInput's weights
	k := p.Dt / p.TauM
	vReset, vTh, tRefDt, dt, eL, gL := p.VReset, p.VTh, p.TRef/p.Dt, p.Dt, p.EL, p.GL
	tr1, tr2 := 0.0, 0.0
	v1, v2 := p.VInit, p.VInit
	for it := 0; it < lt-1; it++ {
		if tr1 > 0 {
			v1 = vReset
			tr1 = tr1 - 1
		} else if v1 >= vTh {
			sp1 = append(sp1, float64(it)*dt)
			v1 = vReset
			tr1 = tRefDt
		}
		if tr2 > 0 {
			v2 = vReset
			tr2 = tr2 - 1
		} else if v2 >= vTh {
			sp2 = append(sp2, float64(it)*dt)
			v2 = vReset
			tr2 = tRefDt
		}
		common := float64(b * float64(float64(sig*xc[it])*s))
		i1 := (mu + float64(a*float64(float64(sig*x1[it])*s)) + common) * gL
		i2 := (mu + float64(a*float64(float64(sig*x2[it])*s)) + common) * gL
		v1 = v1 + float64((-(v1-eL)+i1/gL)*k)
		v2 = v2 + float64((-(v2-eL)+i2/gL)*k)
	}
	return sp1, sp2
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
