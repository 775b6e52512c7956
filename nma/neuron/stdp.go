package neuron

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// STDPPars are the parameters of the LIF neuron with plastic excitatory synapses of
// Tutorial 4 (the course's default_pars_STDP plus the synapse fields its callers add).
// Conductances are relative to the leak conductance (there is no g_L):
//
//	τ_m dV/dt = −(V − V_L) − g_E(t)(V − E_E),   g_E = Σ_i g_i.
type STDPPars struct {
	VTh    float64 // spike threshold (mV)
	VReset float64 // reset potential (mV)
	TauM   float64 // membrane time constant (ms)
	VInit  float64 // initial potential (mV)
	VL     float64 // leak reversal potential (mV)
	TRef   float64 // refractory time (ms)

	APlus   float64 // LTP amplitude A₊
	AMinus  float64 // LTD amplitude A₋
	TauSTDP float64 // STDP time constant τ₊ = τ₋ (ms)

	T  float64 // simulation length (ms)
	Dt float64 // time step (ms)

	GEBar   float64 // ḡ_max, the largest peak conductance of a synapse
	GEInit  float64 // initial peak conductance ḡ_i(0) of every synapse
	VE      float64 // excitatory reversal potential (mV)
	TauSynE float64 // synaptic time constant (ms)
	// GEInitEach, when set, gives each synapse its own initial peak conductance (one value
	// per presynaptic train) and replaces GEInit.
	GEInitEach []float64
}

// DefaultSTDPPars returns default_pars_STDP — V_th = −55 mV, V_reset = −75 mV, τ_m = 10 ms,
// V_init = −65 mV, V_L = −75 mV, τ_ref = 2 ms, A₊ = 0.008, A₋ = 1.1·A₊ = 0.0088,
// τ_stdp = 20 ms, T = 400 ms, dt = 0.1 ms — with the synapses of Coding Exercise 2:
// ḡ_max = ḡ(0) = 0.024, E_E = 0 mV, τ_syn = 5 ms.
func DefaultSTDPPars() STDPPars {
	aPlus := 0.008
	return STDPPars{VTh: -55, VReset: -75, TauM: 10, VInit: -65, VL: -75, TRef: 2,
		APlus: aPlus, AMinus: aPlus * 1.10, TauSTDP: 20, T: 400, Dt: 0.1,
		GEBar: 0.024, GEInit: 0.024, VE: 0, TauSynE: 5}
}

// RangeT is the time axis np.arange(0, T, dt) in ms.
func (p STDPPars) RangeT() []float64 { return nma.Arange(0, p.T, p.Dt) }

// Lt is the number of time steps.
func (p STDPPars) Lt() int { return steps(p.T, p.Dt) }

// PoissonTrains returns n Poisson spike trains at rate (Hz) on the time grid of p, drawn
// like PoissonTrains (the course's Poisson_generator(pars, rate, n, myseed)).
func (p STDPPars) PoissonTrains(rate float64, n int, seed uint32) ([][]float64, error) {
	return PoissonTrainsFrom(rng.New(seed), p.T, p.Dt, rate, n)
}

// Validate reports the first parameter that makes a simulation meaningless.
func (p STDPPars) Validate() error {
	if err := p.lif().validate(); err != nil {
		return err
	}
	switch {
	case !(p.TauSTDP > 0):
		return fmt.Errorf("neuron: TauSTDP=%g must be positive", p.TauSTDP)
	case !(p.TauSynE > 0):
		return fmt.Errorf("neuron: TauSynE=%g must be positive", p.TauSynE)
	case !(p.GEBar >= 0):
		return fmt.Errorf("neuron: GEBar=%g must not be negative", p.GEBar)
	case math.IsNaN(p.APlus) || math.IsNaN(p.AMinus):
		return fmt.Errorf("neuron: APlus=%g and AMinus=%g must be numbers", p.APlus, p.AMinus)
	}
	return nil
}

// lif returns the threshold, reset and refractory clamp of p with its time grid.
func (p STDPPars) lif() lif {
	return lif{T: p.T, dt: p.Dt, tauM: p.TauM, tRef: p.TRef, vTh: p.VTh, vReset: p.VReset, vInit: p.VInit, vLeak: p.VL}
}

// STDPKernel is the pair-based STDP window: the weight change for one pair of spikes with
// Δt = t_pre − t_post (ms),
//
//	ΔW = A₊ exp(Δt/τ)    for Δt ≤ 0 (pre before post: potentiation)
//	ΔW = −A₋ exp(−Δt/τ)  for Δt > 0 (post before pre: depression).
func STDPKernel(dtPrePost, aPlus, aMinus, tau float64) float64 {
	if dtPrePost <= 0 {
		return aPlus * math.Exp(dtPrePost/tau)
	}
	return -aMinus * math.Exp(-dtPrePost/tau)
}

// GenerateP returns the presynaptic traces P (one row per train, one value per time step)
// of binary spike trains pre (the course's generate_P): τ₊ dP/dt = −P, and P jumps by A₊ at
// each presynaptic spike, with Euler steps P[k+1] = P[k] − (dt/τ_stdp)P[k] + A₊·pre[k+1].
func GenerateP(p STDPPars, pre [][]float64) ([][]float64, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	lt := p.Lt()
	if err := checkTrains("presynaptic", pre, lt); err != nil {
		return nil, err
	}
	kneg := -(p.Dt / p.TauSTDP)
	out := make([][]float64, len(pre))
	for i, row := range pre {
		P := make([]float64, lt)
		for it := 0; it < lt-1; it++ {
			dP := float64(kneg*P[it]) + float64(p.APlus*row[it+1])
			P[it+1] = P[it] + dP
		}
		out[i] = P
	}
	return out, nil
}

// STDPRun is the result of an STDP simulation.
type STDPRun struct {
	V      []float64 // membrane potential (mV), every step
	Spikes []float64 // postsynaptic spike times (ms)
	GE     []float64 // total excitatory conductance, every step
	M      []float64 // postsynaptic trace M (≤ 0), every step
	// P are the presynaptic traces, one row per synapse, every step (RunLIFCondSTDP only;
	// nil otherwise).
	P *SynapseMatrix
	// GBar are the peak conductances ḡ_i, one row per synapse, at the steps Idx.
	GBar *SynapseMatrix
	Idx  []int
}

// events is a set of binary spike trains stored sparsely by time step: the trains that
// spike in step k are ids[start[k]:start[k+1]], in increasing order. rows are the same
// spikes by train: the steps at which train i spikes, increasing.
type events struct {
	n, lt int
	start []int32
	ids   []int32
	rows  [][]int
}

func (e *events) at(k int) []int32 { return e.ids[e.start[k]:e.start[k+1]] }

// eventsFromTimes builds events from per-train spike steps (each sorted; kept as rows). It
// counts and then places the spikes in blocks of 2^13 steps, every train's cursor through
// each block in turn, so that the counts and the ids it writes stay in the cache.
func eventsFromTimes(spk [][]int, lt int) *events {
	const blk = 1 << 13
	e := &events{n: len(spk), lt: lt, start: make([]int32, lt+1), rows: spk}
	pos := make([]int, len(spk))
	for k1 := blk; ; k1 += blk {
		for i, s := range spk {
			j := pos[i]
			for ; j < len(s) && s[j] < k1; j++ {
				e.start[s[j]+1]++
			}
			pos[i] = j
		}
		if k1 >= lt {
			break
		}
	}
	for k := 0; k < lt; k++ {
		e.start[k+1] += e.start[k]
	}
	e.ids = make([]int32, e.start[lt])
	fill := slices.Clone(e.start[:lt])
	clear(pos)
	for k1 := blk; ; k1 += blk {
		for i, s := range spk {
			j := pos[i]
			for ; j < len(s) && s[j] < k1; j++ {
				k := s[j]
				e.ids[fill[k]] = int32(i)
				fill[k]++
			}
			pos[i] = j
		}
		if k1 >= lt {
			break
		}
	}
	return e
}

// eventsFromDense converts binary trains (lt values of 0 or 1 each) to events. Each row is
// read once, into bit masks of its nonzero values (nonzeroMasks, 64 values a word), from
// which its spike steps are counted and then listed.
func eventsFromDense(pre [][]float64, lt int) (*events, error) {
	spk := make([][]int, len(pre))
	masks := make([]uint64, lt/64)
	whole := 64 * len(masks)
	for i, row := range pre {
		if len(row) != lt {
			return nil, fmt.Errorf("neuron: presynaptic train %d has %d values, want one per time step (%d)", i, len(row), lt)
		}
		if nonzeroMasks(row, masks) {
			return nil, firstNotBinary(i, row)
		}
		n := 0
		for _, m := range masks {
			n += bits.OnesCount64(m)
		}
		for k, x := range row[whole:] {
			if x != 0 {
				if x != 1 {
					return nil, notBinary(i, whole+k, x)
				}
				n++
			}
		}
		s := make([]int, 0, n)
		for b, m := range masks {
			for ; m != 0; m &= m - 1 {
				s = append(s, 64*b+bits.TrailingZeros64(m))
			}
		}
		for k := whole; k < lt; k++ {
			if row[k] != 0 {
				s = append(s, k)
			}
		}
		spk[i] = s
	}
	return eventsFromTimes(spk, lt), nil
}

// nonzeroMasksGo sets bit j of masks[b] when x[64b+j] is not ±0, for the len(masks) blocks
// of 64 values at the start of x, and reports whether any of those values is neither ±0
// nor 1. It reads four values at a time and looks at them one by one only when one of them
// is not ±0.
func nonzeroMasksGo(x []float64, masks []uint64) (bad bool) {
	x = x[:64*len(masks)]
	for b := range masks {
		var m uint64
		blk := x[64*b : 64*b+64 : 64*b+64]
		for j := 0; j < 64; j += 4 {
			q := blk[j : j+4 : j+4]
			if (math.Float64bits(q[0])|math.Float64bits(q[1])|math.Float64bits(q[2])|math.Float64bits(q[3]))<<1 == 0 {
				continue
			}
			for l, v := range q {
				if v != 0 {
					m |= 1 << (j + l)
					bad = bad || v != 1
				}
			}
		}
		masks[b] = m
	}
	return bad
}

// firstNotBinary is the error for the first value of row that is neither ±0 nor 1.
func firstNotBinary(i int, row []float64) error {
	for k, x := range row {
		if x != 0 && x != 1 {
			return notBinary(i, k, x)
		}
	}
	return nil
}

func notBinary(i, k int, x float64) error {
	return fmt.Errorf("neuron: presynaptic train %d has the value %g at step %d; STDP needs binary (0/1) trains", i, x, k)
}

// poissonEvents draws n Poisson trains like PoissonTrainsFrom (np.random.rand(n, Lt) <
// rate·dt/1000, row by row) and stores them sparsely.
func poissonEvents(r *rng.RandomState, T, dt, rate float64, n int) (*events, error) {
	s, err := PoissonSpikesFrom(r, T, dt, rate, n)
	if err != nil {
		return nil, err
	}
	return eventsFromTimes(s.Steps, s.Lt), nil
}

// stdpOptions says what runSTDP records.
type stdpOptions struct {
	recordP bool
	idx     []int // sorted steps that are the columns of ḡ (nil: every step)
}

// decayTracesGo sets P[i] = P[i] + k·P[i] (the trace step without a spike), four at a time.
func decayTracesGo(P []float64, k float64) {
	i := 0
	for ; i+4 <= len(P); i += 4 {
		q := P[i : i+4 : i+4]
		q[0] = q[0] + float64(k*q[0])
		q[1] = q[1] + float64(k*q[1])
		q[2] = q[2] + float64(k*q[2])
		q[3] = q[3] + float64(k*q[3])
	}
	for ; i < len(P); i++ {
		P[i] = P[i] + float64(k*P[i])
	}
}

// runSTDP is the course's run_LIF_cond_STDP on sparse input, step for step (see
// RunLIFCondSTDP). Per step it touches every synapse once, to decay its trace P; the sum
// of the conductances of the synapses that spike (sparseSum) and their weight updates touch
// only those. It records P as the presynaptic spike steps and ḡ, at every step, as its
// changes (SynapseMatrix): ḡ_i after each of its depressions and every ḡ after each
// postsynaptic spike; when opt.idx picks a few steps it keeps ḡ at just those.
func runSTDP(p STDPPars, ev *events, opt stdpOptions) (STDPRun, error) {
	n, lt := ev.n, ev.lt
	g := make([]float64, n)
	switch {
	case p.GEInitEach != nil && len(p.GEInitEach) != n:
		return STDPRun{}, fmt.Errorf("neuron: GEInitEach has %d values for %d presynaptic trains", len(p.GEInitEach), n)
	case p.GEInitEach != nil:
		copy(g, p.GEInitEach)
	default:
		for i := range g {
			g[i] = p.GEInit
		}
	}
	run := STDPRun{V: make([]float64, lt), GE: make([]float64, lt), M: make([]float64, lt)}
	kP := -(p.Dt / p.TauSTDP)
	// ḡ at every step: its changes, after each depression (in the order of the events, dep)
	// and after each postsynaptic spike; at a few steps: snapshots of every synapse
	var wl *weightLog
	var snap *snapshots
	var dep []float64
	if opt.idx == nil {
		opt.idx = make([]int, lt)
		for i := range opt.idx {
			opt.idx[i] = i
		}
		wl = &weightLog{n: n, lt: lt, ev: ev, g0: slices.Clone(g), dep: make([]float64, len(ev.ids))}
		dep = wl.dep
		run.GBar = &SynapseMatrix{rows: n, cols: lt, src: wl}
	} else {
		snap = &snapshots{cols: len(opt.idx), data: make([]float64, n*len(opt.idx))}
		run.GBar = &SynapseMatrix{rows: n, cols: len(opt.idx), src: snap}
	}
	run.Idx = opt.idx
	scratch := make([]float64, n) // where the depressions go without a weightLog
	next := 0                     // next position in opt.idx for the snapshots
	record := func(it int) {
		for next < len(opt.idx) && opt.idx[next] == it {
			for i, x := range g {
				snap.data[i*snap.cols+next] = x
			}
			next++
		}
	}
	if opt.recordP {
		run.P = &SynapseMatrix{rows: n, cols: lt, src: &traceLog{lt: lt, steps: ev.rows, kP: kP, plus: p.APlus}}
	}
	if lt == 0 {
		return run, nil
	}
	P := make([]float64, n)    // P[:, it]
	spkP := make([]float64, n) // P[:, it+1] of the trains that spike in step it+1
	sum := newSparseSum(n)     // Σ_i ḡ[i, it]·pre[i, it] as nma.Sum adds it
	v, M, gE := run.V, run.M, run.GE
	nrn := p.lif()
	v[0] = nrn.vInit
	kM := p.Dt / p.TauSTDP
	kS := p.Dt / p.TauSynE
	kV := p.Dt / p.TauM
	gmax := p.GEBar
	for it := 0; it < lt-1; it++ {
		if nrn.fire(v, it) {
			M[it] = M[it] - p.AMinus
			for i := range g {
				g[i] = g[i] + float64(P[i]*gmax)
				if g[i] > gmax {
					g[i] = gmax
				}
			}
			if wl != nil {
				wl.potentiate(it, g)
			}
		}
		if snap != nil && next < len(opt.idx) && opt.idx[next] == it {
			record(it)
		}
		// presynaptic traces for step it+1: P + ((−dt/τ)·P + A₊·pre[:, it+1]), which is
		// P + (−dt/τ)·P for the trains that do not spike: adding A₊·0 = ±0 changes
		// (−dt/τ)·P only when that is a zero, and then P = +0 (P is never −0) and the sum +0
		// either way
		nxt := ev.at(it + 1)
		for j, i := range nxt {
			spkP[j] = P[i] + (float64(kP*P[i]) + p.APlus)
		}
		decayTraces(P, kP)
		for j, i := range nxt {
			P[i] = spkP[j]
		}
		// postsynaptic trace, conductance and plastic weights
		M[it+1] = M[it] - float64(kM*M[it])
		e0, e1 := ev.start[it], ev.start[it+1]
		now, dnow := ev.ids[e0:e1], scratch[:e1-e0]
		if wl != nil {
			dnow = dep[e0:e1]
		}
		gE[it+1] = gE[it] - float64(kS*gE[it]) + sum.sum(now, g)
		for j, i := range now {
			x := g[i] + float64(M[it]*gmax)
			if x < 0 {
				x = 0
			}
			g[i] = x
			dnow[j] = x
		}
		dv := float64((-(v[it] - p.VL) - float64(gE[it+1]*(v[it]-p.VE))) * kV)
		v[it+1] = v[it] + dv
	}
	if snap != nil {
		record(lt - 1)
	}
	run.Spikes = nrn.spikes
	return run, nil
}

// RunLIFCondSTDP simulates the LIF neuron with STDP synapses driven by the binary spike
// trains pre (one row per presynaptic neuron, one value per time step), recording everything
// at every step (the course's run_LIF_cond_STDP): V, g_E and M as slices, the traces P and
// the peak conductances ḡ as SynapseMatrix values that hold their changes and give any row,
// column or the dense matrix on demand. Per step k:
//
//   - refractoriness, threshold and reset as in RunLIF; at a postsynaptic spike M −= A₋ and
//     every ḡ_i += P_i·ḡ_max, capped at ḡ_max;
//   - M decays: M[k+1] = M[k] − (dt/τ_stdp)M[k];
//   - g_E[k+1] = g_E[k] − (dt/τ_syn)g_E[k] + Σ_i ḡ_i[k]·pre_i[k];
//   - at a presynaptic spike ḡ_i += M·ḡ_max, floored at 0;
//   - V[k+1] = V[k] + (−(V − V_L) − g_E[k+1](V − E_E))·dt/τ_m.
//
// The presynaptic traces P are those of GenerateP.
func RunLIFCondSTDP(p STDPPars, pre [][]float64) (STDPRun, error) {
	if err := p.Validate(); err != nil {
		return STDPRun{}, err
	}
	lt := p.Lt()
	if err := checkTrains("presynaptic", pre, lt); err != nil {
		return STDPRun{}, err
	}
	ev, err := eventsFromDense(pre, lt)
	if err != nil {
		return STDPRun{}, err
	}
	return runSTDP(p, ev, stdpOptions{recordP: true})
}

// STDPHistory is a long STDP run (Interactive Demos 2 and 3): the peak conductances of every
// synapse every TraceEvery steps (for the weight traces) and at the steps of the sample
// times asked for (for the weight histograms).
type STDPHistory struct {
	P          STDPPars
	Rate       float64 // presynaptic rate (Hz)
	NCorr      int     // the first NCorr trains are identical (correlated group); 0 for none
	TraceEvery int     // steps between trace samples (1000 in the course)
	Run        STDPRun // V, GE and M every step; GBar at Run.Idx
	Elapsed    time.Duration
}

// SampleIndex is the time step the course's slider value s ∈ [0, 1] selects:
// int(s·Lt) − 1, and 0 when that is negative.
func (h STDPHistory) SampleIndex(s float64) int { return sampleIndex(s, h.P.Lt()) }

func sampleIndex(s float64, lt int) int { return max(int(s*float64(lt))-1, 0) }

// WeightsAt returns the peak conductance of every synapse at time step k, which must be one
// of the recorded steps.
func (h STDPHistory) WeightsAt(k int) ([]float64, error) {
	j, ok := slices.BinarySearch(h.Run.Idx, k)
	if !ok {
		return nil, fmt.Errorf("neuron: the weights at step %d were not recorded; pass its sample time to the simulation", k)
	}
	return h.Run.GBar.Col(j), nil
}

// Traces returns the sample times (s) and the peak conductance of synapse i every
// TraceEvery steps (the course's gE_bar_update[i, ::1000]).
func (h STDPHistory) Traces(i int) (tSec, gbar []float64) {
	row := h.Run.GBar.Row(i)
	for j, k := range h.Run.Idx {
		if k%h.TraceEvery == 0 {
			tSec = append(tSec, float64(k)*h.P.Dt/1000)
			gbar = append(gbar, row[j])
		}
	}
	return tSec, gbar
}

// NPost is the number of postsynaptic spikes.
func (h STDPHistory) NPost() int { return len(h.Run.Spikes) }

func stdpIdx(lt, every int, samples []float64) []int {
	var idx []int
	for k := 0; k < lt; k += every {
		idx = append(idx, k)
	}
	for _, s := range samples {
		idx = append(idx, sampleIndex(s, lt))
	}
	slices.Sort(idx)
	return slices.Compact(idx)
}

// ExampleLIFSTDP is the simulation of Interactive Demo 2 (the course's example_LIF_STDP):
// 300 Poisson inputs at inputRate (Hz, seed 2020) drive the STDP neuron for tSim ms with
// dt = 1 ms, ḡ_max = 0.024 and ḡ(0) = 0.014 for every synapse. The weights are kept every
// 1000 steps and at the sample times samples (slider values in [0, 1], see SampleIndex).
func ExampleLIFSTDP(inputRate, tSim float64, samples []float64) (STDPHistory, error) {
	start := time.Now()
	p := DefaultSTDPPars()
	p.T, p.Dt = tSim, 1
	p.GEBar, p.GEInit, p.VE, p.TauSynE = 0.024, 0.014, 0, 5
	if err := p.Validate(); err != nil {
		return STDPHistory{}, err
	}
	ev, err := poissonEvents(rng.New(2020), p.T, p.Dt, inputRate, 300)
	if err != nil {
		return STDPHistory{}, err
	}
	run, err := runSTDP(p, ev, stdpOptions{idx: stdpIdx(p.Lt(), 1000, samples)})
	if err != nil {
		return STDPHistory{}, err
	}
	return STDPHistory{P: p, Rate: inputRate, TraceEvery: 1000, Run: run, Elapsed: time.Since(start)}, nil
}

// ExampleLIFSTDPCorrInput is the simulation of Interactive Demo 3 (the course's
// example_LIF_STDP_corrInput): after np.random.seed(2020) every synapse starts at
// ḡ_i(0) = 0.024·rand(); the 300 Poisson inputs at inputRate (Hz) are drawn with seed 2020,
// and inputs 1–49 are replaced by copies of input 0, so the first 50 inputs are perfectly
// correlated. Otherwise as ExampleLIFSTDP.
func ExampleLIFSTDPCorrInput(inputRate, tSim float64, samples []float64) (STDPHistory, error) {
	start := time.Now()
	const n, nCorr = 300, 50
	p := DefaultSTDPPars()
	p.T, p.Dt = tSim, 1
	p.GEBar, p.VE, p.TauSynE = 0.024, 0, 5
	u, err := rng.New(2020).Rand(n)
	if err != nil {
		return STDPHistory{}, err
	}
	p.GEInitEach = make([]float64, n)
	for i, x := range u {
		p.GEInitEach[i] = 0.024 * x
	}
	if err := p.Validate(); err != nil {
		return STDPHistory{}, err
	}
	lt, err := checkPoisson(p.T, p.Dt, inputRate, n)
	if err != nil {
		return STDPHistory{}, err
	}
	spk, err := PoissonSpikesFrom(rng.New(2020), p.T, p.Dt, inputRate, n)
	if err != nil {
		return STDPHistory{}, err
	}
	for i := 1; i < nCorr; i++ {
		spk.Steps[i] = spk.Steps[0]
	}
	run, err := runSTDP(p, eventsFromTimes(spk.Steps, lt), stdpOptions{idx: stdpIdx(lt, 1000, samples)})
	if err != nil {
		return STDPHistory{}, err
	}
	return STDPHistory{P: p, Rate: inputRate, NCorr: nCorr, TraceEvery: 1000, Run: run, Elapsed: time.Since(start)}, nil
}
