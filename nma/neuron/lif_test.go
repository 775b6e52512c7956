package neuron

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestDefaultPars(t *testing.T) {
	p := DefaultPars()
	want := Pars{VTh: -55, VReset: -75, TauM: 10, GL: 10, VInit: -75, EL: -75, TRef: 2, T: 400, Dt: 0.1}
	if p != want {
		t.Errorf("DefaultPars() = %+v, want %+v", p, want)
	}
	if n := len(p.RangeT()); n != 4000 || p.Lt() != 4000 {
		t.Errorf("RangeT has %d steps, Lt = %d, want 4000 (np.arange(0, 400, 0.1))", n, p.Lt())
	}
	s := DefaultSynPars()
	if s.VInit != -65 || s.GEBar != 2.4 || s.GIBar != 2.4 || s.VE != 0 || s.VI != -80 || s.TauSynE != 2 || s.TauSynI != 5 {
		t.Errorf("DefaultSynPars() = %+v", s)
	}
	d := DefaultSTDPPars()
	if d.APlus != 0.008 || !near(d.AMinus, 0.0088, 1e-15) || d.TauSTDP != 20 || d.VInit != -65 || d.VL != -75 {
		t.Errorf("DefaultSTDPPars() = %+v", d)
	}
}

// Rheobase g_L(V_th − E_L) = 200 pA: the inventory's DC counts over T = 100 ms (data/reference/nma-week2.md §3.1).
func TestRheobaseAndDCSpikeCounts(t *testing.T) {
	p := DefaultPars()
	p.T = 100
	if rheo := p.GL * (p.VTh - p.EL); rheo != 200 {
		t.Fatalf("rheobase %g pA, want 200", rheo)
	}
	for _, c := range []struct {
		i     float64
		count int
	}{{0, 0}, {100, 0}, {200, 0}, {200.5, 1}, {210, 3}, {250, 5}, {300, 7}} {
		_, sp, err := RunLIF(p, []float64{c.i}, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(sp) != c.count {
			t.Errorf("I = %g pA: %d spikes %v, want %d", c.i, len(sp), sp, c.count)
		}
	}
	_, sp, _ := RunLIF(p, []float64{200.5}, false)
	if len(sp) != 1 || !near(sp[0], 59.7, 1e-9) {
		t.Errorf("200.5 pA: spikes %v, want one at 59.7 ms", sp)
	}
}

func TestTauMChangesRate(t *testing.T) {
	p := DefaultPars()
	p.T = 100
	for _, c := range []struct {
		tau   float64
		count int
	}{{2, 19}, {4, 12}, {10, 5}, {20, 2}} {
		p.TauM = c.tau
		_, sp, _ := RunLIF(p, DC(p, 250), false)
		if len(sp) != c.count {
			t.Errorf("τ_m = %g ms, 250 pA: %d spikes, want %d", c.tau, len(sp), c.count)
		}
	}
}

// Coding Exercise 1: a 100 pA pulse from 150 to 350 ms stays below threshold and the
// potential plateaus at E_L + I/g_L = −65 mV.
func TestPulseOfExercise1(t *testing.T) {
	p := DefaultPars()
	p.T = 500
	v, sp, err := RunLIF(p, []float64{100}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(sp) != 0 {
		t.Errorf("spikes %v, want none", sp)
	}
	if v[1500] != -75 {
		t.Errorf("v before the pulse = %v, want exactly −75 (no input)", v[1500])
	}
	if !near(v[3499], -65, 1e-6) || !near(v[3500], -65, 1e-6) {
		t.Errorf("v at the end of the pulse = %v, want −65 ± 1e-6", v[3499])
	}
	if !near(v[len(v)-1], -75, 1e-5) {
		t.Errorf("v at 500 ms = %v, want back at −75", v[len(v)-1])
	}
	// the pulse is on exactly in steps [1500, 3500)
	in, _ := InputCurrent(p, []float64{100}, true)
	if in[1499] != 0 || in[1500] != 100 || in[3499] != 100 || in[3500] != 0 {
		t.Errorf("pulse edges: I[1499..1500] = %v %v, I[3499..3500] = %v %v", in[1499], in[1500], in[3499], in[3500])
	}
}

// Between spikes a DC-driven LIF follows V(t) = E_L + ΔV(1 − e^{−t/τ}), so the ISI is
// τ_ref + τ_m·ln(ΔV/(ΔV − (V_th − E_L))); Euler with dt = 0.1 ms is within 0.5%.
func TestDCISIMatchesAnalytic(t *testing.T) {
	p := DefaultPars()
	p.T = 1000
	for _, i := range []float64{220, 250, 300, 400} {
		_, sp, _ := RunLIF(p, []float64{i}, false)
		isi, cv := ISICV(sp)
		dv := i / p.GL
		want := p.TRef + p.TauM*math.Log(dv/(dv-(p.VTh-p.EL)))
		if got := isi[len(isi)-1]; math.Abs(got-want)/want > 0.005 {
			t.Errorf("I = %g: ISI %g ms, analytic %g (±0.5%%)", i, got, want)
		}
		if !(cv < 1e-3) {
			t.Errorf("I = %g: CV %g, want ≈ 0 for DC", i, cv)
		}
	}
	_, sp, _ := RunLIF(p, []float64{250}, false)
	isi, _ := ISICV(sp)
	for _, d := range isi {
		if !near(d, 18.1, 1e-9) {
			t.Fatalf("250 pA ISIs %v, want all 18.1 ms", isi)
		}
	}
}

// Coding Exercise 3 with seed 2020 (exact with nma/rng): 55 and 57 spikes, CV 0.04284 and
// 0.22229, mean ISI 17.94 and 17.39 ms.
func TestCVExerciseSeed2020(t *testing.T) {
	p := DefaultPars()
	p.T = 1000
	for _, c := range []struct {
		sig        float64
		count      int
		cv, isiAvg float64
	}{{0.5, 55, 0.04284, 17.94}, {3, 57, 0.22229, 17.39}} {
		in, err := GWN(p, 250, c.sig, 2020)
		if err != nil {
			t.Fatal(err)
		}
		_, sp, _ := RunLIF(p, in, false)
		isi, cv := ISICV(sp)
		if len(sp) != c.count || !near(cv, c.cv, 5e-6) || !near(nma.Mean(isi), c.isiAvg, 5e-3) {
			t.Errorf("σ = %g: %d spikes, CV %.6f, mean ISI %.4f; want %d, %.5f (±5e-6), %.2f", c.sig, len(sp), cv, nma.Mean(isi), c.count, c.cv, c.isiAvg)
		}
	}
}

// Interactive Demo 3A at its initial state (σ = 3, seed 2020), the inventory's table (data/reference/nma-week2.md §3.1).
func TestFICurveSeed2020(t *testing.T) {
	p := DefaultPars()
	p.T = 1000
	iMean := nma.Arange(100, 400, 10)
	want := []int{0, 0, 0, 0, 2, 6, 8, 13, 23, 29, 33, 39, 46, 49, 54, 57, 61, 66, 71, 74, 78, 81, 86, 90, 93, 97, 99, 103, 106, 109}
	gwn, dc, err := FICurve(p, iMean, 3, 2020)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gwn, want) {
		t.Errorf("GWN F-I counts\n got %v\nwant %v", gwn, want)
	}
	for i, mu := range iMean {
		_, sp, _ := RunLIF(p, []float64{mu}, false)
		if dc[i] != len(sp) {
			t.Errorf("DC count at %g pA = %d, RunLIF gives %d", mu, dc[i], len(sp))
		}
		if (mu <= 200) != (dc[i] == 0) {
			t.Errorf("DC count at %g pA = %d: should be zero exactly up to the rheobase", mu, dc[i])
		}
		in, _ := GWN(p, mu, 3, 2020)
		_, sp, _ = RunLIF(p, in, false)
		if gwn[i] != len(sp) {
			t.Errorf("GWN count at %g pA = %d, GWN+RunLIF give %d", mu, gwn[i], len(sp))
		}
	}
}

func TestGWNScalingAndSeed(t *testing.T) {
	p := DefaultPars()
	in, _ := GWN(p, 250, 3, 2020)
	xi0, sig := -1.7688457055759508, 3.0 // np.random.seed(2020); np.random.randn()
	if want := 250 + sig*xi0/math.Sqrt(0.1/1000); in[0] != want {
		t.Errorf("GWN[0] = %v, want %v", in[0], want)
	}
	p.T = 10000
	x, _ := GWN(p, 5, 1, 7)
	m, s := nma.Mean(x), nma.Std(x)
	if !near(m, 5, 5*100/math.Sqrt(1e5)) || !near(s, 100, 1) {
		t.Errorf("GWN(μ=5, σ=1): mean %.3f, std %.3f; want 5 ± 1.6 and 100 ± 1 (σ/sqrt(dt in s))", m, s)
	}
	y, _ := GWNTau(rng.New(7), p, 2)
	if s := nma.Std(y); !near(s, 2*math.Sqrt(100), 0.1) {
		t.Errorf("GWNTau(σ=2): std %.3f, want σ·sqrt(τ_m/dt) = 20 ± 0.1", s)
	}
}

func TestOU(t *testing.T) {
	p := DefaultPars()
	p.T = 1000
	x, err := OU(p, 190, 10, 10, 2020)
	if err != nil {
		t.Fatal(err)
	}
	xi0 := -1.7688457055759508
	if x[0] != xi0*10 {
		t.Errorf("I_OU[0] = %v, want σ·ξ0 = %v (the course starts at σξ, not μ)", x[0], xi0*10)
	}
	noise, _ := rng.New(2020).Randn(2)
	if want := x[0] + (0.1/10)*(190-x[0]) + math.Sqrt(2*0.1/10)*10*noise[1]; x[1] != want {
		t.Errorf("I_OU[1] = %v, want one Euler step %v", x[1], want)
	}
	// Stationary statistics: mean μ, std σ/sqrt(1 − dt/(2τ)) (Euler), autocorrelation e^{−lag/τ}.
	p.T = 200000
	y, _ := OU(p, 5, 2, 10, 11)
	y = y[10000:]
	if m, s := nma.Mean(y), nma.Std(y); !near(m, 5, 0.1) || !near(s, 2/math.Sqrt(1-0.005), 0.05) {
		t.Errorf("OU mean %.3f std %.3f, want 5 ± 0.1 and 2.005 ± 0.05", m, s)
	}
	lag := 100 // 10 ms = τ
	c, _ := nma.Pearson(y[:len(y)-lag], y[lag:])
	if !near(c, math.Exp(-1), 0.03) {
		t.Errorf("OU autocorrelation at lag τ = %.3f, want e^-1 = 0.368 ± 0.03", c)
	}
}

func TestPoissonTrains(t *testing.T) {
	p := DefaultPars()
	tr, err := PoissonTrains(p, 10, 100, 2020)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := rng.New(2020).Rand(100 * 4000)
	total := 0.0
	for i, row := range tr {
		for k, s := range row {
			if (u[i*4000+k] < 10*(0.1/1000)) != (s == 1) {
				t.Fatalf("train %d step %d = %v, but rand = %v", i, k, s, u[i*4000+k])
			}
			total += s
		}
	}
	// 100 trains × 0.4 s × 10 Hz = 400 expected spikes, Poisson sd 20.
	if !near(total, 400, 60) {
		t.Errorf("%g spikes, want 400 ± 60", total)
	}
}

// Coding Exercise 1B: trial 0 has a mother train of 1011 spikes and children of 202; the
// mean correlation over 100 trials (seeds 2020+i) is 0.197.
func TestCorrPoissonSeed2020(t *testing.T) {
	p := DefaultPars()
	p.T = 10000
	mother, _ := PoissonTrains(p, 20/0.2, 1, 2020)
	if n := nma.Sum(mother[0]); n != 1011 {
		t.Errorf("mother train has %g spikes, want 1011", n)
	}
	sp1, sp2, err := CorrPoisson(p, 20, 0.2, 2020)
	if err != nil {
		t.Fatal(err)
	}
	ms := SpikeTimes(p, mother[0])
	for _, sp := range [][]float64{sp1, sp2} {
		if len(sp) != 202 || !slices.IsSorted(sp) {
			t.Errorf("child has %d spikes (sorted %v), want 202 sorted", len(sp), slices.IsSorted(sp))
		}
		for _, s := range sp {
			if _, ok := slices.BinarySearch(ms, s); !ok {
				t.Fatalf("child spike %g is not a mother spike", s)
			}
		}
	}
	bins := nma.Arange(0, p.T, 20)
	r := make([]float64, 100)
	for i := range r {
		a, b, _ := CorrPoisson(p, 20, 0.2, uint32(2020+i))
		h1, _ := nma.Histogram(a, bins)
		h2, _ := nma.Histogram(b, bins)
		r[i], _ = nma.Pearson(h1, h2)
	}
	if m := nma.Mean(r); !near(m, 0.1971, 5e-5) {
		t.Errorf("mean correlation %.5f, want 0.197 (0.19710)", m)
	}
	if _, _, err := CorrPoisson(p, 20, 0, 1); err == nil || !strings.Contains(err.Error(), "c=0") {
		t.Errorf("c = 0: error %v, want one naming c=0", err)
	}
}

func TestISICV(t *testing.T) {
	isi, cv := ISICV([]float64{10, 20, 30, 40})
	if !slices.Equal(isi, []float64{10, 10, 10}) || cv != 0 {
		t.Errorf("regular: %v, %v", isi, cv)
	}
	isi, cv = ISICV([]float64{0, 10, 30})
	if want := 5.0 / 15; !near(cv, want, 1e-15) || len(isi) != 2 {
		t.Errorf("ISI [10 20]: cv %v, want std/mean = 5/15", cv)
	}
	for _, sp := range [][]float64{nil, {3}} {
		if isi, cv := ISICV(sp); isi != nil || !math.IsNaN(cv) {
			t.Errorf("%v: %v, %v; want nil, NaN", sp, isi, cv)
		}
	}
}

func TestCorrelateInputHasCorrelationC(t *testing.T) {
	got, err := SampleCC([]float64{0, 0.3, 0.6, 0.9}, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []float64{0, 0.3, 0.6, 0.9} {
		if !near(got[i], c, 0.01) {
			t.Errorf("c = %g: sample correlation %.4f (±0.01)", c, got[i])
		}
	}
	if _, _, err := CorrelateInput(rng.New(1), DefaultPars(), 20, 7.5, 1.5); err == nil || !strings.Contains(err.Error(), "c=1.5") {
		t.Errorf("c = 1.5: error %v", err)
	}
}

// The inventory's ballpark (data/reference/nma-week2.md §3.2) for Sections 2–3 of Tutorial 2 (unseeded in the course): rates
// ≈ 14.6, 38.6 and 37 Hz; the output correlation is below the input correlation and grows
// with it.
func TestLIFOutputCC(t *testing.T) {
	p := DefaultPars()
	p.T, p.Dt = 80000, 1
	for _, c := range []struct {
		mu, sig, rate float64
		out           []float64 // at c_in = 0, 0.3, 0.6, 0.9 (inventory, 5 trials)
	}{
		{10, 10, 14.6, []float64{0.005, 0.056, 0.257, 0.599}},
		{18, 10, 38.6, []float64{-0.001, 0.116, 0.294, 0.589}},
		{10, 20, 37, []float64{-0.011, 0.110, 0.319, 0.637}},
	} {
		prev := -1.0
		for i, cin := range []float64{0, 0.3, 0.6, 0.9} {
			res, err := LIFOutputCC(p, c.mu, c.sig, cin, 10, 10, uint32(100+10*i))
			if err != nil {
				t.Fatal(err)
			}
			if !near(res.Rate, c.rate, 0.06*c.rate) {
				t.Errorf("μ=%g σ=%g: rate %.1f Hz, want %.1f ± 6%%", c.mu, c.sig, res.Rate, c.rate)
			}
			if !near(res.R12, c.out[i], 0.08) || (cin > 0 && res.R12 >= cin) || res.R12 <= prev {
				t.Errorf("μ=%g σ=%g c_in=%g: output CC %.3f, want %.3f ± 0.08, below c_in and rising", c.mu, c.sig, cin, res.R12, c.out[i])
			}
			prev = res.R12
		}
	}
	a, _ := LIFOutputCC(p, 10, 10, 0.5, 10, 4, 9)
	b, _ := LIFOutputCC(p, 10, 10, 0.5, 10, 4, 9)
	if a.R12 != b.R12 || !slices.Equal(a.Sp1, b.Sp1) {
		t.Error("LIFOutputCC is not reproducible for the same seed")
	}
	if _, err := LIFOutputCC(p, 10, 10, 0.5, 10, 0, 9); err == nil || !strings.Contains(err.Error(), "nTrials=0") {
		t.Errorf("nTrials = 0: error %v", err)
	}
}

func TestValidateNamesTheParameter(t *testing.T) {
	for _, c := range []struct {
		mod  func(*Pars)
		want string
	}{
		{func(p *Pars) { p.Dt = 0 }, "Dt=0"},
		{func(p *Pars) { p.T = -1 }, "T=-1"},
		{func(p *Pars) { p.TauM = math.NaN() }, "TauM=NaN"},
		{func(p *Pars) { p.GL = 0 }, "GL=0"},
		{func(p *Pars) { p.TRef = -2 }, "TRef=-2"},
	} {
		p := DefaultPars()
		c.mod(&p)
		_, _, err := RunLIF(p, nil, false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want it to mention %q", err, c.want)
		}
	}
	if _, _, err := RunLIF(DefaultPars(), []float64{1, 2}, false); err == nil || !strings.Contains(err.Error(), "iinj has 2 values") {
		t.Errorf("2-value current: error %v", err)
	}
	if _, err := GWN(DefaultPars(), 0, -1, 1); err == nil || !strings.Contains(err.Error(), "sig=-1") {
		t.Errorf("negative sigma: error %v", err)
	}
	if _, err := OU(DefaultPars(), 0, 1, 0, 1); err == nil || !strings.Contains(err.Error(), "tauOU=0") {
		t.Errorf("tauOU = 0: error %v", err)
	}
	if _, err := PoissonTrains(DefaultPars(), -3, 2, 1); err == nil || !strings.Contains(err.Error(), "rate=-3") {
		t.Errorf("negative rate: error %v", err)
	}
}

func BenchmarkRunLIF(b *testing.B) {
	p := DefaultPars()
	p.T = 1000 // 10^4 steps, as in the F-I sweeps
	in, _ := GWN(p, 250, 3, 2020)
	for b.Loop() {
		if _, _, err := RunLIF(p, in, false); err != nil {
			b.Fatal(err)
		}
	}
}

// Interactive Demo 3A: 30 mean currents × (GWN + DC) × 10^4 steps.
func BenchmarkFICurve(b *testing.B) {
	p := DefaultPars()
	p.T = 1000
	iMean := nma.Arange(100, 400, 10)
	for b.Loop() {
		if _, _, err := FICurve(p, iMean, 3, 2020); err != nil {
			b.Fatal(err)
		}
	}
}

// Interactive Demo 3B: 15 mean currents with fresh noise each.
func BenchmarkCVCurve(b *testing.B) {
	p := DefaultPars()
	p.T = 1000
	iMean := nma.Arange(100, 400, 20)
	for b.Loop() {
		if _, _, err := CVCurve(rng.New(1), p, iMean, 5); err != nil {
			b.Fatal(err)
		}
	}
}

// One point of the correlation transfer function: 10 trials of 2 neurons × 80000 steps.
func BenchmarkLIFOutputCC(b *testing.B) {
	p := DefaultPars()
	p.T, p.Dt = 80000, 1
	for b.Loop() {
		if _, err := LIFOutputCC(p, 10, 10, 0.3, 10, 10, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func TestParsString(t *testing.T) {
	want := "{VTh:-55 mV VReset:-75 mV TauM:10 ms GL:10 nS VInit:-75 mV EL:-75 mV TRef:2 ms T:400 ms Dt:0.1 ms}"
	if got := DefaultPars().String(); got != want {
		t.Errorf("DefaultPars().String() = %s, want %s", got, want)
	}
	if got := fmt.Sprintf("%+v", DefaultPars()); got != want {
		t.Errorf("%%+v of DefaultPars = %s, want %s", got, want)
	}
	syn := DefaultSynPars().String()
	if !strings.Contains(syn, "GEBar:2.4 nS") || !strings.Contains(syn, "VE:0 mV") || strings.Contains(syn, "U0E") {
		t.Errorf("DefaultSynPars().String() = %s: want the synapse fields (VE:0 included), no STP fields", syn)
	}
	p := DefaultSynPars()
	p.U0E = 0.5
	if s := p.String(); !strings.Contains(s, "U0E:0.5 TauDE:0 ms") {
		t.Errorf("with STP set: %s", s)
	}
}
