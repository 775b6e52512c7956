package neuron

import (
	"github.com/nma-go/nma-go/nma/internal/benchcpu"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// Benchmarks at the sizes of issue 15's comparison with the course's NumPy code.

// courseCondInput is Tutorial 3's input at a 100 s run (10^6 steps of 0.1 ms): 80 excitatory
// and 20 inhibitory Poisson trains at 10 Hz.
func courseCondInput(b *testing.B) (Pars, [][]float64, [][]float64) {
	p := DefaultSynPars()
	p.T = 100000
	r := rng.New(2020)
	ex, err := PoissonTrainsFrom(r, p.T, p.Dt, 10, 80)
	if err != nil {
		b.Fatal(err)
	}
	in, err := PoissonTrainsFrom(r, p.T, p.Dt, 10, 20)
	if err != nil {
		b.Fatal(err)
	}
	return p, ex, in
}

// The conductance-based LIF (run_LIF_cond) on 100 dense trains × 10^6 steps.
func BenchmarkRunLIFCond1M(b *testing.B) {
	p, ex, in := courseCondInput(b)
	b.ResetTimer()
	benchcpu.Loop(b, func() error { _, err := RunLIFCond(p, nil, ex, in); return err })
}

// run_LIF_cond_STDP as the course's example_LIF_STDP calls it: 300 dense trains at 15 Hz ×
// 120000 steps of 1 ms, recording every trace at every step (P and ḡ as SynapseMatrix).
func BenchmarkRunLIFCondSTDP120k(b *testing.B) {
	p := DefaultSTDPPars()
	p.T, p.Dt = 120000, 1
	p.GEInit = 0.014
	pre, err := p.PoissonTrains(15, 300, 2020)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	benchcpu.Loop(b, func() error { _, err := RunLIFCondSTDP(p, pre); return err })
}

// The same run with P and ḡ materialised as the course's dense matrices (2 × 288 MB), the
// cost of asking for everything the course's function writes.
func BenchmarkRunLIFCondSTDP120kDense(b *testing.B) {
	p := DefaultSTDPPars()
	p.T, p.Dt = 120000, 1
	p.GEInit = 0.014
	pre, err := p.PoissonTrains(15, 300, 2020)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	benchcpu.Loop(b, func() error {
		run, err := RunLIFCondSTDP(p, pre)
		if err == nil {
			_, _ = run.P.Dense(), run.GBar.Dense()
		}
		return err
	})
}

// Interactive Demo 2 of Tutorial 4 (example_LIF_STDP): 300 Poisson inputs at 15 Hz drawn
// with seed 2020 (36 million draws) and 120000 steps of 1 ms.
func BenchmarkExampleLIFSTDPCourse(b *testing.B) {
	benchcpu.Loop(b, func() error { _, err := ExampleLIFSTDP(15, 120000, []float64{0.5}); return err })
}

// One point of Tutorial 2's correlation transfer function (LIF_output_cc): 10 trials of two
// neurons × 80000 steps of 1 ms, 2.4 million Gaussian draws; run with -cpu 1 for one core.
func BenchmarkLIFOutputCCCourse(b *testing.B) {
	p := DefaultPars()
	p.T, p.Dt = 80000, 1
	benchcpu.Loop(b, func() error { _, err := LIFOutputCC(p, 10, 10, 0.3, 10, 10, 2020); return err })
}

// The same run on event lists (RunLIFCondSpikes): the 100 trains as spike steps.
func BenchmarkRunLIFCondSpikes1M(b *testing.B) {
	p, ex, in := courseCondInput(b)
	exS, err := SpikesFromDense(ex, p.Lt())
	if err != nil {
		b.Fatal(err)
	}
	inS, _ := SpikesFromDense(in, p.Lt())
	b.ResetTimer()
	benchcpu.Loop(b, func() error { _, err := RunLIFCondSpikes(p, nil, exS, inS); return err })
}

// The sum of the 300 STDP weights of one step with 5 active inputs: sparse (what runSTDP
// does) and dense (nma.Sum, what the course does).
func BenchmarkSparseSum300(b *testing.B) {
	z := newSparseSum(300)
	x := make([]float64, 300)
	for i := range x {
		x[i] = float64(i) * 0.001
	}
	idx := []int32{3, 50, 77, 140, 299}
	var s float64
	benchcpu.Loop(b, func() error { s += z.sum(idx, x); return nil })
	_ = s
}

func BenchmarkDenseSum300(b *testing.B) {
	x := make([]float64, 300)
	for i := range x {
		x[i] = float64(i) * 0.001
	}
	var s float64
	benchcpu.Loop(b, func() error { s += nma.Sum(x); return nil })
	_ = s
}
