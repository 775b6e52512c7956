package neuron

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
)

func TestSTDPKernel(t *testing.T) {
	p := DefaultSTDPPars()
	for _, c := range []struct{ dt, want float64 }{
		{0, p.APlus},
		{-20, p.APlus * math.Exp(-1)},
		{20, -p.AMinus * math.Exp(-1)},
		{1e-9, -p.AMinus * math.Exp(-1e-9/20)},
		{-100, p.APlus * math.Exp(-5)},
	} {
		if got := STDPKernel(c.dt, p.APlus, p.AMinus, p.TauSTDP); !near(got, c.want, 1e-15) {
			t.Errorf("ΔW(%g) = %v, want %v", c.dt, got, c.want)
		}
	}
	// The area under the window is negative (A₋ > A₊): uncorrelated input weakens synapses.
	area := 0.0
	for _, d := range nma.Linspace(-200, 200, 4001) {
		area += STDPKernel(d, p.APlus, p.AMinus, p.TauSTDP) * 0.1
	}
	if want := (p.APlus - p.AMinus) * p.TauSTDP; !near(area, want, 0.002) {
		t.Errorf("area %g, want (A₊ − A₋)τ = %g", area, want)
	}
}

func stdpExercisePars() (STDPPars, Pars) {
	ps := DefaultSTDPPars()
	ps.T, ps.Dt = 200, 1
	pp := DefaultPars()
	pp.T, pp.Dt = 200, 1
	return ps, pp
}

// Coding Exercise 1B: 5 trains at 10 Hz, seed 2020, have 1, 2, 1, 0 and 4 spikes; max P = 0.0207.
// After a lone spike P decays by (1 − dt/τ) per step.
func TestGenerateP(t *testing.T) {
	ps, pp := stdpExercisePars()
	pre, _ := PoissonTrains(pp, 10, 5, 2020)
	P, err := GenerateP(ps, pre)
	if err != nil {
		t.Fatal(err)
	}
	var counts []float64
	mx := 0.0
	for i := range pre {
		counts = append(counts, nma.Sum(pre[i]))
		mx = max(mx, slices.Max(P[i]))
	}
	if !slices.Equal(counts, []float64{1, 2, 1, 0, 4}) || !near(mx, 0.0207, 5e-5) {
		t.Errorf("spike counts %v, max P %.5f; want [1 2 1 0 4], 0.0207", counts, mx)
	}
	row := make([]float64, 200)
	row[10] = 1
	P, _ = GenerateP(ps, [][]float64{row})
	if P[0][9] != 0 || P[0][10] != ps.APlus || !near(P[0][30], ps.APlus*math.Pow(1-1.0/20, 20), 1e-15) {
		t.Errorf("lone spike: P[9..10] = %v %v, P[30] = %v", P[0][9], P[0][10], P[0][30])
	}
}

// Coding Exercise 2: 300 inputs at 10 Hz (seed 2020) over 200 ms: 616 presynaptic spikes,
// postsynaptic spikes at 25, 43, 68, 90, 116, 171 and 194 ms, final mean ḡ = 0.02392, and
// 147 of 300 synapses weakened.
func TestRunLIFCondSTDPExercise2(t *testing.T) {
	ps, pp := stdpExercisePars()
	pre, _ := PoissonTrains(pp, 10, 300, 2020)
	nPre := 0.0
	for _, row := range pre {
		nPre += nma.Sum(row)
	}
	run, err := RunLIFCondSTDP(ps, pre)
	if err != nil {
		t.Fatal(err)
	}
	var final []float64
	weak := 0
	for i, row := range run.GBar.Dense() {
		for k, g := range row {
			if g < 0 || g > ps.GEBar {
				t.Fatalf("ḡ[%d][%d] = %v outside [0, %v]", i, k, g, ps.GEBar)
			}
		}
		final = append(final, row[len(row)-1])
		if row[len(row)-1] < ps.GEInit {
			weak++
		}
	}
	if nPre != 616 || !slices.Equal(run.Spikes, []float64{25, 43, 68, 90, 116, 171, 194}) || !near(nma.Mean(final), 0.02392, 5e-6) || weak != 147 {
		t.Errorf("%g presynaptic spikes, post spikes %v, mean ḡ %.6f, %d weakened; want 616, [25 43 68 90 116 171 194], 0.02392, 147",
			nPre, run.Spikes, nma.Mean(final), weak)
	}
	P, _ := GenerateP(ps, pre)
	for i := range P {
		if !slices.Equal(P[i], run.P.Row(i)) {
			t.Fatalf("run.P[%d] differs from GenerateP", i)
		}
	}
	for _, k := range []int{0, 24, 25, 26, 50} {
		if run.M[k] > 0 {
			t.Errorf("M[%d] = %v > 0", k, run.M[k])
		}
	}
	if run.M[25] != -ps.AMinus {
		t.Errorf("M at the first post spike = %v, want −A₋", run.M[25])
	}
}

// Interactive Demo 2 (15 Hz, 120 s, seed 2020): about 1219 postsynaptic spikes; the
// distribution of ḡ/ḡ_max stays unimodal with mean ≈ 0.60 from 30 s on, about 6% above
// 0.9 at 120 s.
func TestExampleLIFSTDP(t *testing.T) {
	h, err := ExampleLIFSTDP(15, 120000, []float64{0.25, 0.5, 1})
	if err != nil {
		t.Fatal(err)
	}
	if h.NPost() != 1219 {
		t.Errorf("%d postsynaptic spikes, want 1219", h.NPost())
	}
	for _, s := range []float64{0.25, 0.5, 1} {
		w, err := h.WeightsAt(h.SampleIndex(s))
		if err != nil {
			t.Fatal(err)
		}
		hi := 0
		for i := range w {
			w[i] /= h.P.GEBar
			if w[i] > 0.9 {
				hi++
			}
		}
		if m := nma.Mean(w); !near(m, 0.60, 0.01) {
			t.Errorf("t = %g s: mean ḡ/ḡ_max %.4f, want 0.60 ± 0.01", 120*s, m)
		}
		if s == 1 && !near(float64(hi)/300, 0.06, 0.01) {
			t.Errorf("120 s: fraction above 0.9 = %.4f, want 0.06 ± 0.01", float64(hi)/300)
		}
	}
	if _, err := h.WeightsAt(12345); err == nil {
		t.Error("WeightsAt an unrecorded step: no error")
	}
	ts, g := h.Traces(0)
	if len(ts) != 120 || ts[1] != 1 || len(g) != 120 {
		t.Errorf("traces: %d samples, t[1] = %v; want 120 samples a second apart", len(ts), ts[1])
	}
}

// Interactive Demo 3 (10 Hz, 50 identical inputs): the correlated group saturates at ḡ_max;
// the uncorrelated group's mean falls 0.45 → 0.33 and its fraction below 0.1 rises
// 0.17 → 0.30 from 30 to 120 s.
func TestExampleLIFSTDPCorrInput(t *testing.T) {
	h, err := ExampleLIFSTDPCorrInput(10, 120000, []float64{0.25, 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ s, mean, low float64 }{{0.25, 0.45, 0.17}, {1, 0.33, 0.30}} {
		w, _ := h.WeightsAt(h.SampleIndex(c.s))
		for i := range w {
			w[i] /= h.P.GEBar
		}
		low := 0
		for _, x := range w[50:] {
			if x < 0.1 {
				low++
			}
		}
		if m := nma.Mean(w[:50]); m < 0.995 {
			t.Errorf("t = %g s: correlated mean %.4f, want ≈ 1", 120*c.s, m)
		}
		if m, f := nma.Mean(w[50:]), float64(low)/250; !near(m, c.mean, 0.01) || !near(f, c.low, 0.01) {
			t.Errorf("t = %g s: uncorrelated mean %.4f, fraction < 0.1 %.4f; want %.2f, %.2f (±0.01)", 120*c.s, m, f, c.mean, c.low)
		}
	}
	// np.random.seed(2020); np.random.rand() = 0.9862768288615988
	u0 := 0.9862768288615988
	if w, _ := h.WeightsAt(0); w[0] != 0.024*u0 {
		t.Errorf("ḡ_0(0) = %v, want 0.024·rand() = %v", w[0], 0.024*u0)
	}
}

func TestSTDPErrors(t *testing.T) {
	ps, _ := stdpExercisePars()
	if _, err := RunLIFCondSTDP(ps, [][]float64{make([]float64, 200)}); err != nil {
		t.Errorf("silent input: %v", err)
	}
	bad := [][]float64{make([]float64, 200)}
	bad[0][3] = 2
	if _, err := RunLIFCondSTDP(ps, bad); err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("a 2 in the train: error %v", err)
	}
	ps.TauSTDP = 0
	if _, err := GenerateP(ps, nil); err == nil || !strings.Contains(err.Error(), "TauSTDP=0") {
		t.Errorf("TauSTDP = 0: error %v", err)
	}
	ps, _ = stdpExercisePars()
	ps.GEInitEach = []float64{1, 2}
	if _, err := RunLIFCondSTDP(ps, bad[:0]); err == nil || !strings.Contains(err.Error(), "GEInitEach has 2 values") {
		t.Errorf("GEInitEach length: error %v", err)
	}
}

// Interactive Demo 2's simulation: 300 synapses × 120000 steps, with the 36 million
// Poisson draws.
func BenchmarkExampleLIFSTDP(b *testing.B) {
	for b.Loop() {
		if _, err := ExampleLIFSTDP(15, 120000, []float64{0.5}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRunLIFCondSTDP(b *testing.B) {
	ps, pp := stdpExercisePars()
	pre, _ := PoissonTrains(pp, 10, 300, 2020)
	for b.Loop() {
		if _, err := RunLIFCondSTDP(ps, pre); err != nil {
			b.Fatal(err)
		}
	}
}
