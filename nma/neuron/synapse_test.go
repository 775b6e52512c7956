package neuron

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// Without input the conductance-based neuron relaxes from V_init to E_L by the Euler factor
// (1 − dt/τ_m) per step, and a single presynaptic spike at step k makes g jump by ḡ at k and
// decay by (1 − dt/τ_syn) per step.
func TestRunLIFCondAnalytic(t *testing.T) {
	p := DefaultSynPars()
	p.T = 100
	lt := p.Lt()
	run, err := RunLIFCond(p, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{1, 10, 500, 999} {
		want := p.EL + (p.VInit-p.EL)*math.Pow(1-p.Dt/p.TauM, float64(k))
		if !near(run.V[k], want, 1e-9) {
			t.Errorf("V[%d] = %v, want %v", k, run.V[k], want)
		}
	}
	ex := [][]float64{make([]float64, lt)}
	ex[0][100] = 1
	run, _ = RunLIFCond(p, nil, ex, nil)
	if run.GE[99] != 0 || run.GE[100] != p.GEBar {
		t.Errorf("gE around the spike = %v, %v; want 0, %v", run.GE[99], run.GE[100], p.GEBar)
	}
	if want := p.GEBar * math.Pow(1-p.Dt/p.TauSynE, 50); !near(run.GE[150], want, 1e-12) {
		t.Errorf("gE 5 ms later = %v, want %v", run.GE[150], want)
	}
	if !(run.V[110] > run.V[99]+0.1) {
		t.Errorf("the excitatory spike did not depolarise: V %v → %v", run.V[99], run.V[110])
	}
	in := [][]float64{make([]float64, lt), make([]float64, lt)}
	in[0][100], in[1][100] = 1, 1
	run, _ = RunLIFCond(p, nil, nil, in)
	if run.GI[100] != 2*p.GIBar {
		t.Errorf("two coincident inhibitory spikes: gI = %v, want %v", run.GI[100], 2*p.GIBar)
	}
}

// Coding Exercise 1.2 (unseeded in the course): the mean free membrane potential sits a few
// mV below the threshold (≈ −58 mV) and the neuron fires irregularly, some 20–30 spikes in 1 s.
func TestFreeMembranePotentialExercise(t *testing.T) {
	for seed := uint32(1); seed <= 5; seed++ {
		p := DefaultSynPars()
		p.T = 1000
		r := rng.New(seed)
		ex, _ := PoissonTrainsFrom(r, p.T, p.Dt, 10, 80)
		in, _ := PoissonTrainsFrom(r, p.T, p.Dt, 10, 20)
		run, err := RunLIFCond(p, nil, ex, in)
		if err != nil {
			t.Fatal(err)
		}
		free := p
		free.VTh = 1e3
		fmp, _ := RunLIFCond(free, nil, ex, in)
		if len(fmp.Spikes) != 0 {
			t.Errorf("seed %d: the free membrane potential spiked", seed)
		}
		m := nma.Mean(fmp.V)
		_, cv := ISICV(run.Spikes)
		if !(m > -60 && m < -56) || len(run.Spikes) < 10 || len(run.Spikes) > 45 || !(cv > 0.5) {
			t.Errorf("seed %d: mean FMP %.2f mV, %d spikes, CV %.2f; want −58 ± 2, 10–45, > 0.5", seed, m, len(run.Spikes), cv)
		}
	}
}

// Demo 1.2: mean-driven (mean FMP above threshold) firing is fast and regular,
// fluctuation-driven firing slow and irregular.
func TestSimulateEIRegimes(t *testing.T) {
	p := DefaultSynPars()
	p.T = 1000
	p.GEBar, p.GIBar = 3, 3
	mean, err := SimulateEI(p, 20, 10, 80, 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	fluct, _ := SimulateEI(p, 10, 20, 80, 20, 1)
	if !(mean.MeanFMP > p.VTh && mean.Rate > 100 && mean.CV < 0.45) {
		t.Errorf("exc 20 / inh 10 Hz: mean FMP %.1f, rate %.0f, CV %.2f; want above threshold, > 100 Hz, CV < 0.45", mean.MeanFMP, mean.Rate, mean.CV)
	}
	if !(fluct.MeanFMP < p.VTh && fluct.Rate < 60 && fluct.CV > 0.6) {
		t.Errorf("exc 10 / inh 20 Hz: mean FMP %.1f, rate %.0f, CV %.2f; want below threshold, < 60 Hz, CV > 0.6", fluct.MeanFMP, fluct.Rate, fluct.CV)
	}
	if quiet, _ := SimulateEI(p, 2, 60, 80, 20, 1); quiet.Rate != 0 || quiet.CV != 0 {
		t.Errorf("exc 2 / inh 60 Hz: rate %v, CV %v; want 0 and 0 (the course's CV for ≤ 3 spikes)", quiet.Rate, quiet.CV)
	}
}

// The rate sweeps of Sections 2.1 and 2.2, deterministic: g at the first spike is ḡ·U0, and
// the tenth-spike conductances equal an independent pure-Python run of the course's code.
func TestSTPSweepsMatchCourse(t *testing.T) {
	for _, c := range []struct {
		name           string
		rates          []float64
		U0, tauD, tauF float64
		g10            []float64
	}{
		{"depression", nma.Arange(5, 40.1, 5), 0.5, 100, 50, []float64{0.5611968173492063, 0.49033553924367257, 0.42951647140283955, 0.3779432126139256, 0.33475650282736596, 0.298936590099559, 0.2693547187195678, 0.24564456381218616}},
		{"facilitation", nma.Arange(2, 40.1, 2), 0.2, 100, 750, []float64{0.40619566484924746, 0.536362878210092, 0.5824062550745353, 0.582953862301107, 0.5629606814285979, 0.534874514947019, 0.5047371318267999, 0.47527047427332947, 0.44719174912083565, 0.4217167846865496, 0.3978876867777583, 0.3763507452067784, 0.3568512184240675, 0.3393984366918575, 0.3231035657228172, 0.3082404121742218, 0.29505525904803787, 0.28223339235780426, 0.2714137721936439, 0.2611657069916828}},
	} {
		g1, g10, err := STPSweep(c.rates, c.U0, c.tauD, c.tauF)
		if err != nil {
			t.Fatal(err)
		}
		for i := range c.rates {
			if !near(g1[i], 1.2*c.U0, 1e-15) || !near(g10[i], c.g10[i], 1e-14) {
				t.Errorf("%s at %g Hz: g1 %v, g10 %v; want %v, %v", c.name, c.rates[i], g1[i], g10[i], 1.2*c.U0, c.g10[i])
			}
		}
	}
	// Depression: g10/g1 falls monotonically with rate; facilitation: rises, peaks near 8 Hz, falls.
	_, g10, _ := STPSweep(nma.Arange(5, 40.1, 5), 0.5, 100, 50)
	if !slices.IsSortedFunc(g10, func(a, b float64) int { return -cmpF(a, b) }) {
		t.Errorf("depression: g10 %v not decreasing", g10)
	}
	_, g10, _ = STPSweep(nma.Arange(2, 40.1, 2), 0.2, 100, 750)
	if k := slices.Index(g10, slices.Max(g10)); k != 3 {
		t.Errorf("facilitation: g10 peaks at rate index %d (%g Hz), want 8 Hz", k, 2+2*float64(k))
	}
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestIllusSTDRegularTrain(t *testing.T) {
	run, err := IllusSTD(false, 20, 0.5, 100, 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	if run.P.T != 500 || run.ISINum != 500 || nma.Sum(run.Pre) != 10 {
		t.Errorf("20 Hz: T %g, isi_num %d, %g spikes; want 500 ms, 500 steps, 10", run.P.T, run.ISINum, nma.Sum(run.Pre))
	}
	if run.R[0] != 1 || run.U[0] != 0 || run.G[run.ISINum-1] != 0 {
		t.Error("the spike at step 0 must have no effect (the course reads pre[k+1])")
	}
	for k := range run.R {
		if run.R[k] < 0 || run.R[k] > 1 || run.U[k] < 0 || run.U[k] > 1 {
			t.Fatalf("step %d: R = %v, u = %v outside [0, 1]", k, run.R[k], run.U[k])
		}
	}
	pois, _ := IllusSTD(true, 20, 0.5, 100, 50, 3)
	if !math.IsNaN(pois.G1) || pois.ISINum != 0 {
		t.Errorf("Poisson input: G1 %v, ISINum %d; want NaN, 0", pois.G1, pois.ISINum)
	}
	if _, err := IllusSTD(false, 0, 0.5, 100, 50, 0); err == nil || !strings.Contains(err.Error(), "rate=0") {
		t.Errorf("rate 0: error %v", err)
	}
	if _, _, _, err := DynamicSyn(1, 5, 1.5, 100, 50, []float64{0, 1}, 0.1); err == nil || !strings.Contains(err.Error(), "U0=1.5") {
		t.Errorf("U0 = 1.5: error %v", err)
	}
}

// With U0 = 1 and τ_f = τ_d = dt every spike finds u = 0 and R = 1 and releases everything:
// the STP neuron is the static one (up to the order of summation).
func TestRunLIFCondSTPReducesToStatic(t *testing.T) {
	p := DefaultSynPars()
	p.T = 500
	p.U0E, p.TauDE, p.TauFE = 1, p.Dt, p.Dt
	p.U0I, p.TauDI, p.TauFI = 1, p.Dt, p.Dt
	lt := p.Lt()
	mk := func(n, every, off int) [][]float64 {
		out := make([][]float64, n)
		for i := range out {
			out[i] = make([]float64, lt)
			for k := off + 7*i; k < lt; k += every {
				out[i][k] = 1
			}
		}
		return out
	}
	ex, in := mk(20, 97, 3), mk(5, 211, 11)
	stat, _ := RunLIFCond(p, nil, ex, in)
	stp, err := RunLIFCondSTP(p, nil, ex, in)
	if err != nil {
		t.Fatal(err)
	}
	for k := range stat.V {
		if !near(stat.V[k], stp.V[k], 1e-9) || !near(stat.GE[k], stp.GE[k], 1e-9) || !near(stat.GI[k], stp.GI[k], 1e-9) {
			t.Fatalf("step %d: static V %v gE %v gI %v, STP V %v gE %v gI %v", k, stat.V[k], stat.GE[k], stat.GI[k], stp.V[k], stp.GE[k], stp.GI[k])
		}
	}
	if !slices.Equal(stat.Spikes, stp.Spikes) || len(stat.Spikes) == 0 {
		t.Errorf("spikes static %v, STP %v", stat.Spikes, stp.Spikes)
	}
	// Depressing synapses (the bonus demo) transmit less than static ones of the same ḡ.
	p.U0E, p.TauDE, p.TauFE = 0.45, 500, 300
	p.U0I, p.TauDI, p.TauFI = 0.45, 500, 300
	r := rng.New(3)
	exP, _ := PoissonTrainsFrom(r, p.T, p.Dt, 15, 80)
	dep, _ := RunLIFCondSTP(p, nil, exP, nil)
	st, _ := RunLIFCond(p, nil, exP, nil)
	if !(nma.Mean(dep.GE) < 0.6*nma.Mean(st.GE)) {
		t.Errorf("mean gE with depression %.3f, static %.3f; want well below", nma.Mean(dep.GE), nma.Mean(st.GE))
	}
}

func TestSynapseErrors(t *testing.T) {
	p := DefaultSynPars()
	if _, err := RunLIFCond(p, nil, [][]float64{{0, 1}}, nil); err == nil || !strings.Contains(err.Error(), "excitatory train 0 has 2 values") {
		t.Errorf("short train: error %v", err)
	}
	p.TauSynI = 0
	if _, err := RunLIFCond(p, nil, nil, nil); err == nil || !strings.Contains(err.Error(), "TauSynI=0") {
		t.Errorf("TauSynI = 0: error %v", err)
	}
}

func BenchmarkRunLIFCond(b *testing.B) {
	p := DefaultSynPars()
	p.T = 1000
	r := rng.New(1)
	ex, _ := PoissonTrainsFrom(r, p.T, p.Dt, 10, 80)
	in, _ := PoissonTrainsFrom(r, p.T, p.Dt, 10, 20)
	for b.Loop() {
		if _, err := RunLIFCond(p, nil, ex, in); err != nil {
			b.Fatal(err)
		}
	}
}

// One frame of Interactive Demo 1.2: 100 Poisson trains and two 10^4-step simulations.
func BenchmarkSimulateEI(b *testing.B) {
	p := DefaultSynPars()
	p.T = 1000
	p.GEBar, p.GIBar = 3, 3
	for b.Loop() {
		if _, err := SimulateEI(p, 10, 20, 80, 20, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// One frame of the STP bonus demo: 100 dynamic synapses over 10^4 steps.
func BenchmarkRunLIFCondSTP(b *testing.B) {
	p := DefaultSynPars()
	p.T = 1000
	p.U0E, p.TauDE, p.TauFE = 0.45, 325, 195
	p.U0I, p.TauDI, p.TauFI = 0.45, 325, 195
	r := rng.New(1)
	ex, _ := PoissonTrainsFrom(r, p.T, p.Dt, 15, 80)
	in, _ := PoissonTrainsFrom(r, p.T, p.Dt, 15, 20)
	for b.Loop() {
		if _, err := RunLIFCondSTP(p, nil, ex, in); err != nil {
			b.Fatal(err)
		}
	}
}
