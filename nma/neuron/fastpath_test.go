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

// Issue 15's fast paths against the implementations before them (reference_test.go), bit
// for bit on seeded inputs: the same trains, potentials, conductances, traces and spike
// times, and the generator left in the same state.

// sameBits reports the first index where a and b differ in any bit (−1 when they are
// identical, lengths included).
func sameBits(a, b []float64) int {
	for i := range min(len(a), len(b)) {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

func checkBits(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if i := sameBits(got, want); i >= 0 {
		g, w := math.NaN(), math.NaN()
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		t.Errorf("%s: differs at %d (len %d vs %d): %v, want %v", what, i, len(got), len(want), g, w)
	}
}

func TestPoissonFastPathsBitIdentical(t *testing.T) {
	for _, c := range []struct {
		T, dt, rate float64
		n           int
		seed        uint32
	}{
		{1000, 0.1, 10, 80, 2020}, {200, 1, 10, 5, 2020}, {100, 0.1, 50, 3, 7},
		{120000, 1, 15, 3, 2020}, {333, 0.1, 0, 4, 1}, {50, 1, 1000, 2, 3}, {50, 1, 2000, 2, 3},
		{77.7, 0.3, 123.4, 9, 99},
	} {
		name := fmt.Sprintf("T=%g dt=%g rate=%g n=%d seed=%d", c.T, c.dt, c.rate, c.n, c.seed)
		r0, r1, r2 := rng.New(c.seed), rng.New(c.seed), rng.New(c.seed)
		// start at an odd word so that draws straddle the generator's blocks differently
		r0.Uint32()
		r1.Uint32()
		r2.Uint32()
		want, err := refPoissonTrainsFrom(r0, c.T, c.dt, c.rate, c.n)
		if err != nil {
			t.Fatal(err)
		}
		got, err := PoissonTrainsFrom(r1, c.T, c.dt, c.rate, c.n)
		if err != nil {
			t.Fatal(err)
		}
		sp, err := PoissonSpikesFrom(r2, c.T, c.dt, c.rate, c.n)
		if err != nil {
			t.Fatal(err)
		}
		dense := sp.Dense()
		for i := range want {
			checkBits(t, name+" PoissonTrainsFrom row "+fmt.Sprint(i), got[i], want[i])
			checkBits(t, name+" PoissonSpikesFrom row "+fmt.Sprint(i), dense[i], want[i])
		}
		if a, b, c := r0.Uint32(), r1.Uint32(), r2.Uint32(); a != b || a != c {
			t.Errorf("%s: next draw %d, %d, %d; the generators differ afterwards", name, a, b, c)
		}
		back, err := SpikesFromDense(want, sp.Lt)
		if err != nil || !slices.EqualFunc(back.Steps, sp.Steps, slices.Equal) {
			t.Errorf("%s: SpikesFromDense does not invert Dense (%v)", name, err)
		}
		checkBits(t, name+" Counts", sp.Counts(), refSumTrains(want, sp.Lt))
	}
}

// run_LIF_cond: the fused loop on dense trains and on event lists equals the three passes,
// with no current, a constant and one per step, with and without threshold.
func TestRunLIFCondFastPathBitIdentical(t *testing.T) {
	p := DefaultSynPars()
	p.T = 2000
	r := rng.New(2020)
	ex, _ := PoissonTrainsFrom(r, p.T, p.Dt, 10, 80)
	in, _ := PoissonTrainsFrom(r, p.T, p.Dt, 10, 20)
	exS, _ := SpikesFromDense(ex, p.Lt())
	inS, _ := SpikesFromDense(in, p.Lt())
	ramp := make([]float64, p.Lt())
	for k := range ramp {
		ramp[k] = 300 * math.Sin(float64(k)/700)
	}
	for _, c := range []struct {
		name string
		iinj []float64
		vth  float64
	}{{"no current", nil, -55}, {"free", nil, 1e3}, {"constant", []float64{80}, -55}, {"ramp", ramp, -55}} {
		q := p
		q.VTh = c.vth
		want, err := refRunLIFCond(q, c.iinj, ex, in)
		if err != nil {
			t.Fatal(err)
		}
		if c.name == "no current" && len(want.Spikes) < 10 {
			t.Fatalf("only %d spikes; the test needs a firing neuron", len(want.Spikes))
		}
		got, err := RunLIFCond(q, c.iinj, ex, in)
		if err != nil {
			t.Fatal(err)
		}
		ev, err := RunLIFCondSpikes(q, c.iinj, exS, inS)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []struct {
			path string
			run  CondRun
		}{{"dense", got}, {"events", ev}} {
			checkBits(t, c.name+" "+g.path+" V", g.run.V, want.V)
			checkBits(t, c.name+" "+g.path+" GE", g.run.GE, want.GE)
			checkBits(t, c.name+" "+g.path+" GI", g.run.GI, want.GI)
			checkBits(t, c.name+" "+g.path+" spikes", g.run.Spikes, want.Spikes)
		}
	}
	// trains that are not 0/1 (the dense path sums any values, in the course's order)
	odd := [][]float64{make([]float64, p.Lt()), make([]float64, p.Lt()), make([]float64, p.Lt()), make([]float64, p.Lt()), make([]float64, p.Lt())}
	for i, row := range odd {
		for k := range row {
			row[k] = math.Mod(float64(k*(i+3)), 7.3) * 0.1
		}
	}
	want, _ := refRunLIFCond(p, nil, odd, odd[:3])
	got, _ := RunLIFCond(p, nil, odd, odd[:3])
	checkBits(t, "real-valued trains GE", got.GE, want.GE)
	checkBits(t, "real-valued trains V", got.V, want.V)
}

func TestRunLIFCondSTPFastPathBitIdentical(t *testing.T) {
	p := DefaultSynPars()
	p.T = 1000
	p.U0E, p.TauDE, p.TauFE = 0.45, 325, 195
	p.U0I, p.TauDI, p.TauFI = 0.45, 325, 195
	r := rng.New(1)
	ex, _ := PoissonTrainsFrom(r, p.T, p.Dt, 15, 80)
	in, _ := PoissonTrainsFrom(r, p.T, p.Dt, 15, 20)
	want, err := refRunLIFCondSTP(p, []float64{20}, ex, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := RunLIFCondSTP(p, []float64{20}, ex, in)
	if err != nil {
		t.Fatal(err)
	}
	checkBits(t, "STP V", got.V, want.V)
	checkBits(t, "STP GE", got.GE, want.GE)
	checkBits(t, "STP spikes", got.Spikes, want.Spikes)
}

func TestRunLIFCondSpikesErrors(t *testing.T) {
	p := DefaultSynPars()
	p.T = 10
	bad := SpikeTrains{Lt: 100, Steps: [][]int{{3, 3}}}
	if _, err := RunLIFCondSpikes(p, nil, bad, SpikeTrains{}); err == nil || err.Error() != "neuron: excitatory train 0 has the step 3 after 3; steps must increase within [0, 100)" {
		t.Errorf("repeated step: error %v", err)
	}
	short := SpikeTrains{Lt: 99, Steps: [][]int{{3}}}
	if _, err := RunLIFCondSpikes(p, nil, SpikeTrains{}, short); err == nil || err.Error() != "neuron: the inhibitory trains have Lt=99 steps, want one per time step (100)" {
		t.Errorf("short grid: error %v", err)
	}
	if _, err := RunLIFCondSpikes(p, []float64{1, 2}, SpikeTrains{}, SpikeTrains{}); err == nil || err.Error() != "neuron: iinj has 2 values, want 0, 1 or one per time step (100)" {
		t.Errorf("iinj: error %v", err)
	}
	if _, err := SpikesFromDense([][]float64{{0, 0.5}}, 2); err == nil || err.Error() != "neuron: train 0 has the value 0.5 at step 1; event lists need binary (0/1) trains" {
		t.Errorf("SpikesFromDense: error %v", err)
	}
}

// sparseSum equals nma.Sum of the dense vector for every length that exercises pairwise's
// branches (blocks under 8, up to 128, splits with remainders).
func TestSparseSumBitIdentical(t *testing.T) {
	r := rng.New(5)
	for _, n := range []int{1, 2, 7, 8, 9, 15, 16, 17, 100, 127, 128, 129, 136, 255, 256, 257, 300, 301, 1000, 1031} {
		z := newSparseSum(n)
		x := make([]float64, n)
		for trial := range 40 {
			clear(x)
			var idx []int32
			u, _ := r.Rand(n)
			frac := []float64{0.01, 0.1, 0.5, 1}[trial%4]
			for i := range x {
				if u[i] < frac {
					idx = append(idx, int32(i))
					x[i] = math.Exp(10 * (u[i] - 0.5)) // values of many magnitudes
				}
			}
			vals := slices.Clone(x)
			if got, want := z.sum(idx, vals), nma.Sum(x); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("n=%d, %d values: sparse sum %v, nma.Sum %v", n, len(idx), got, want)
			}
		}
	}
}

// run_LIF_cond_STDP: the sparse sums and the trace decay equal the dense loop, for the
// recorded run of Coding Exercise 2 and for Interactive Demo 2's 120-second simulation.
func TestSTDPFastPathBitIdentical(t *testing.T) {
	compare := func(name string, got STDPRun, want refSTDPRun) {
		t.Helper()
		checkBits(t, name+" V", got.V, want.V)
		checkBits(t, name+" GE", got.GE, want.GE)
		checkBits(t, name+" M", got.M, want.M)
		checkBits(t, name+" spikes", got.Spikes, want.Spikes)
		if !slices.Equal(got.Idx, want.Idx) {
			t.Fatalf("%s: %d recorded steps, want %d", name, len(got.Idx), len(want.Idx))
		}
		checkSynapseMatrix(t, name+" ḡ", got.GBar, want.GBar, 1)
		if want.P == nil {
			if got.P != nil {
				t.Errorf("%s: P recorded, want nil", name)
			}
		} else {
			checkSynapseMatrix(t, name+" P", got.P, want.P, 61)
		}
	}
	// Coding Exercise 2, everything recorded, plus a longer run at 30 Hz
	for _, c := range []struct {
		T, rate, gbar float64
		n             int
	}{{200, 10, 0.024, 300}, {5000, 30, 0.024, 300}, {3000, 40, 0.3, 13}} {
		ps := DefaultSTDPPars()
		ps.T, ps.Dt = c.T, 1
		ps.GEBar, ps.GEInit = c.gbar, c.gbar
		pre, _ := ps.PoissonTrains(c.rate, c.n, 2020)
		ev, err := eventsFromDense(pre, ps.Lt())
		if err != nil {
			t.Fatal(err)
		}
		want, err := refRunSTDP(ps, ev, stdpOptions{recordP: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := RunLIFCondSTDP(ps, pre)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Spikes) == 0 {
			t.Fatalf("T=%g: no postsynaptic spike; the test needs some", c.T)
		}
		compare(fmt.Sprintf("RunLIFCondSTDP T=%g rate=%g n=%d", c.T, c.rate, c.n), got, want)
	}
	// Interactive Demo 2 (15 Hz) and 3 (10 Hz, correlated group), 120 s
	h, err := ExampleLIFSTDP(15, 120000, []float64{0.5})
	if err != nil {
		t.Fatal(err)
	}
	r := rng.New(2020)
	dense, _ := refPoissonTrainsFrom(r, h.P.T, h.P.Dt, 15, 300)
	ev, _ := eventsFromDense(dense, h.P.Lt())
	want, err := refRunSTDP(h.P, ev, stdpOptions{idx: h.Run.Idx})
	if err != nil {
		t.Fatal(err)
	}
	compare("ExampleLIFSTDP", h.Run, want)
	hc, err := ExampleLIFSTDPCorrInput(10, 120000, []float64{0.25})
	if err != nil {
		t.Fatal(err)
	}
	dense, _ = refPoissonTrainsFrom(rng.New(2020), hc.P.T, hc.P.Dt, 10, 300)
	for i := 1; i < 50; i++ {
		dense[i] = dense[0]
	}
	ev, _ = eventsFromDense(dense, hc.P.Lt())
	want, err = refRunSTDP(hc.P, ev, stdpOptions{idx: hc.Run.Idx})
	if err != nil {
		t.Fatal(err)
	}
	compare("ExampleLIFSTDPCorrInput", hc.Run, want)
}

// checkSynapseMatrix compares m with the dense matrix want bit for bit: Dense, every Row,
// the columns at the first, last and every stride-th step, and At at those columns.
func checkSynapseMatrix(t *testing.T, name string, m *SynapseMatrix, want [][]float64, stride int) {
	t.Helper()
	r, c := m.Dims()
	if r != len(want) || (r > 0 && c != len(want[0])) {
		t.Fatalf("%s: %d×%d, want %d rows of %d", name, r, c, len(want), len(want[0]))
	}
	dense := m.Dense()
	for i := range want {
		checkBits(t, fmt.Sprintf("%s Dense[%d]", name, i), dense[i], want[i])
		checkBits(t, fmt.Sprintf("%s Row(%d)", name, i), m.Row(i), want[i])
	}
	col := make([]float64, r)
	for j := 0; j < c; j++ {
		if j%stride != 0 && j != c-1 && j != 1 {
			continue
		}
		for i := range want {
			col[i] = want[i][j]
			if got := m.At(i, j); math.Float64bits(got) != math.Float64bits(col[i]) {
				t.Fatalf("%s At(%d, %d) = %v, want %v", name, i, j, got, col[i])
			}
		}
		checkBits(t, fmt.Sprintf("%s Col(%d)", name, j), m.Col(j), col)
	}
}

// The LIF neuron: the loop with the potential in a register equals the slice loop (RunLIF,
// with DC, noise and the pulse), and the fused two-neuron trial of LIFOutputCC equals
// CorrelateInput followed by two runs.
func TestLIFFastPathsBitIdentical(t *testing.T) {
	p := DefaultPars()
	p.T = 1000
	gwn, _ := GWN(p, 250, 3, 2020)
	for _, c := range []struct {
		name string
		in   []float64
		stop bool
	}{{"GWN", gwn, false}, {"DC", []float64{300}, false}, {"pulse", []float64{500}, true}} {
		in, _ := InputCurrent(p, c.in, c.stop)
		wantV, wantSp := refRunLIF(p, in)
		v, sp, err := RunLIF(p, c.in, c.stop)
		if err != nil {
			t.Fatal(err)
		}
		if len(wantSp) < 3 {
			t.Fatalf("%s: %d spikes; the test needs a firing neuron", c.name, len(wantSp))
		}
		checkBits(t, c.name+" V", v, wantV)
		checkBits(t, c.name+" spikes", sp, wantSp)
	}
	q := DefaultPars()
	q.Dt = 1
	for _, c := range []struct{ T, mu, sig, c float64 }{{20000, 10, 10, 0.3}, {9999, 18, 10, 0}, {20000, 10, 20, 1}, {9999, 10, 10, 0.9}} {
		q.T = c.T // an odd number of steps leaves a Gaussian in the cache between the noises
		for seed := uint32(2020); seed < 2023; seed++ {
			w1, w2 := refLIFPairCC(rng.New(seed), q, c.mu, c.sig, c.c)
			g1, g2 := lifPairCC(rng.New(seed), q, c.mu, c.sig, c.c)
			if len(w1) < 10 || len(w2) < 10 {
				t.Fatalf("mu=%g sig=%g: %d and %d spikes; the test needs firing neurons", c.mu, c.sig, len(w1), len(w2))
			}
			name := fmt.Sprintf("T=%g mu=%g sig=%g c=%g seed=%d", c.T, c.mu, c.sig, c.c, seed)
			checkBits(t, name+" neuron 1", g1, w1)
			checkBits(t, name+" neuron 2", g2, w2)
		}
	}
}

// The AVX trace decay equals the Go loop, for every length around its blocks of 4 and 16.
func TestDecayTracesBitIdentical(t *testing.T) {
	r := rng.New(9)
	for n := range 70 {
		u, _ := r.Rand(n)
		for i := range u {
			u[i] = math.Ldexp(u[i], -int(u[i]*900)) // down to subnormal values
		}
		got, want := slices.Clone(u), slices.Clone(u)
		for range 30 {
			decayTraces(got, -0.05)
			decayTracesGo(want, -0.05)
		}
		checkBits(t, fmt.Sprintf("decay n=%d (AVX %v)", n, useAVX), got, want)
	}
}

// The masks of nonzero values (assembly and Go) against their definition, on trains with
// ±0, 1 and, once per trial, a value that is not binary (2, −1, NaN, ±Inf, a subnormal) at
// a random place; then eventsFromDense against SpikesFromDense, and its error.
func TestNonzeroMasks(t *testing.T) {
	r := rng.New(3)
	odd := []float64{2, -1, math.NaN(), math.Inf(1), math.Inf(-1), 5e-324, 0.5}
	for trial := range 200 {
		nb := 1 + trial%7
		x := make([]float64, 64*nb+trial%64)
		u, _ := r.Rand(len(x))
		for k := range x {
			switch {
			case u[k] < 0.05:
				x[k] = 1
			case u[k] < 0.1:
				x[k] = math.Copysign(0, -1)
			}
		}
		if trial%2 == 1 {
			x[int(u[0]*float64(len(x)))] = odd[trial%len(odd)]
		}
		want := make([]uint64, nb)
		wantBad := false
		for k, v := range x[:64*nb] {
			if v != 0 {
				want[k/64] |= 1 << (k % 64)
				wantBad = wantBad || v != 1
			}
		}
		got, gotGo := make([]uint64, nb), make([]uint64, nb)
		bad, badGo := nonzeroMasks(x, got), nonzeroMasksGo(x, gotGo)
		if !slices.Equal(got, want) || !slices.Equal(gotGo, want) || bad != wantBad || badGo != wantBad {
			t.Fatalf("trial %d (AVX %v): masks %x (Go %x), bad %v (Go %v); want %x, %v", trial, useAVX, got, gotGo, bad, badGo, want, wantBad)
		}
		ev, err := eventsFromDense([][]float64{x}, len(x))
		sp, spErr := SpikesFromDense([][]float64{x}, len(x))
		switch {
		case (err == nil) != (spErr == nil):
			t.Fatalf("trial %d: eventsFromDense error %v, SpikesFromDense error %v", trial, err, spErr)
		case err == nil && !slices.Equal(ev.rows[0], sp.Steps[0]):
			t.Fatalf("trial %d: steps %v, want %v", trial, ev.rows[0], sp.Steps[0])
		case err != nil:
			k := slices.IndexFunc(x, func(v float64) bool { return v != 0 && v != 1 })
			if want := fmt.Sprintf("has the value %g at step %d", x[k], k); !strings.Contains(err.Error(), want) {
				t.Fatalf("trial %d: error %q, want it to say %q", trial, err, want)
			}
		}
	}
}

// Demo 1.2 on event lists equals the dense trains through the reference loop.
func TestSimulateEIBitIdentical(t *testing.T) {
	p := DefaultSynPars()
	p.T = 1000
	p.GEBar, p.GIBar = 3, 3
	got, err := SimulateEI(p, 10, 20, 80, 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := rng.New(1)
	ex, _ := refPoissonTrainsFrom(r, p.T, p.Dt, 10, 80)
	in, _ := refPoissonTrainsFrom(r, p.T, p.Dt, 20, 20)
	free := p
	free.VTh = 1e3
	fmp, _ := refRunLIFCond(free, nil, ex, in)
	run, _ := refRunLIFCond(p, nil, ex, in)
	checkBits(t, "FMP", got.FMP, fmp.V)
	checkBits(t, "V", got.V, run.V)
	checkBits(t, "GE", got.GE, run.GE)
	checkBits(t, "spikes", got.Spikes, run.Spikes)
	if len(run.Spikes) == 0 {
		t.Error("no spikes; the test needs some")
	}
}

// The AVX row sums equal the Go loops, for lengths around their blocks of 4.
func TestAddRowsBitIdentical(t *testing.T) {
	r := rng.New(4)
	for n := range 23 {
		var rows [8][]float64
		for i := range rows {
			rows[i], _ = r.Randn(n)
		}
		c0, _ := r.Randn(n)
		got, want := slices.Clone(c0), slices.Clone(c0)
		addRows8(got, &rows)
		addRows8Go(want, &rows)
		checkBits(t, fmt.Sprintf("addRows8 n=%d", n), got, want)
		got, want = slices.Clone(c0), slices.Clone(c0)
		addRows4(got, rows[0], rows[1], rows[2], rows[3])
		for k := range want {
			want[k] = want[k] + rows[0][k] + rows[1][k] + rows[2][k] + rows[3][k]
		}
		checkBits(t, fmt.Sprintf("addRows4 n=%d", n), got, want)
	}
}
