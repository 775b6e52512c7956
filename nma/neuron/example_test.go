package neuron_test

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/neuron"
	"github.com/nma-go/nma-go/nma/rng"
)

// A constant current just above the rheobase g_L(V_th − E_L) = 200 pA makes the LIF neuron
// fire regularly.
func ExampleRunLIF() {
	p := neuron.DefaultPars()
	p.T = 100
	_, spikes, err := neuron.RunLIF(p, []float64{210}, false)
	if err != nil {
		panic(err)
	}
	fmt.Println(spikes)
	// Output: [30.3 62.6 94.9]
}

// The course's Coding Exercise 3: GWN with seed 2020 drawn with NumPy's generator gives the
// course's spike counts and CVs.
func ExampleISICV() {
	p := neuron.DefaultPars()
	p.T = 1000
	for _, sig := range []float64{0.5, 3} {
		in, _ := neuron.GWN(p, 250, sig, 2020)
		_, sp, _ := neuron.RunLIF(p, in, false)
		_, cv := neuron.ISICV(sp)
		fmt.Printf("sigma %.1f: %d spikes, CV_ISI %.3f\n", sig, len(sp), cv)
	}
	// Output:
	// sigma 0.5: 55 spikes, CV_ISI 0.043
	// sigma 3.0: 57 spikes, CV_ISI 0.222
}

// Correlated Poisson trains by thinning a mother train (Tutorial 2, seeds 2020, 2021, …).
func ExampleCorrPoisson() {
	p := neuron.DefaultPars()
	p.T = 10000
	sp1, sp2, _ := neuron.CorrPoisson(p, 20, 0.2, 2020)
	fmt.Println(len(sp1), len(sp2))
	// Output: 202 202
}

// The first and tenth conductance of a depressing synapse driven regularly at 20 Hz.
func ExampleIllusSTD() {
	run, _ := neuron.IllusSTD(false, 20, 0.5, 100, 50, 0)
	fmt.Printf("g1 = %.3f nS, g10 = %.3f nS\n", run.G1, run.G10)
	// Output: g1 = 0.600 nS, g10 = 0.378 nS
}

// Coding Exercise 2 of Tutorial 4: 300 Poisson inputs (seed 2020) through STDP synapses.
func ExampleRunLIFCondSTDP() {
	p := neuron.DefaultSTDPPars()
	p.T, p.Dt = 200, 1
	pre, _ := p.PoissonTrains(10, 300, 2020)
	run, _ := neuron.RunLIFCondSTDP(p, pre)
	fmt.Println(run.Spikes)
	// Output: [25 43 68 90 116 171 194]
}

func ExampleSTDPKernel() {
	p := neuron.DefaultSTDPPars()
	for _, dt := range []float64{-20, 0, 20} {
		fmt.Printf("ΔW(%g ms) = %+.5f\n", dt, neuron.STDPKernel(dt, p.APlus, p.AMinus, p.TauSTDP))
	}
	// Output:
	// ΔW(-20 ms) = +0.00294
	// ΔW(0 ms) = +0.00800
	// ΔW(20 ms) = -0.00324
}

// Tutorial 3's input as event lists: the same 80 + 20 trains as PoissonTrainsFrom (seed
// 2020), and the same run of the conductance-based neuron, without the dense matrices.
func ExampleRunLIFCondSpikes() {
	p := neuron.DefaultSynPars()
	p.T = 1000
	r := rng.New(2020)
	ex, _ := neuron.PoissonSpikesFrom(r, p.T, p.Dt, 10, 80)
	in, _ := neuron.PoissonSpikesFrom(r, p.T, p.Dt, 10, 20)
	run, err := neuron.RunLIFCondSpikes(p, nil, ex, in)
	if err != nil {
		panic(err)
	}
	r = rng.New(2020)
	exD, _ := neuron.PoissonTrainsFrom(r, p.T, p.Dt, 10, 80)
	inD, _ := neuron.PoissonTrainsFrom(r, p.T, p.Dt, 10, 20)
	dense, _ := neuron.RunLIFCond(p, nil, exD, inD)
	fmt.Println(len(ex.Steps[0]), "spikes in train 0;", len(run.Spikes), "output spikes, first at", run.Spikes[0], "ms")
	fmt.Println("same as the dense run:", fmt.Sprint(run.Spikes) == fmt.Sprint(dense.Spikes))
	// Output:
	// 11 spikes in train 0; 30 output spikes, first at 4.4 ms
	// same as the dense run: true
}
