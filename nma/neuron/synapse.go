package neuron

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/internal/hugemem"
	"github.com/nma-go/nma-go/nma/rng"
)

// CondRun is the result of a conductance-based LIF simulation.
type CondRun struct {
	V      []float64 // membrane potential at every time step (mV)
	Spikes []float64 // spike times (ms)
	GE, GI []float64 // total excitatory and inhibitory conductance at every time step (nS)
}

// checkTrains verifies that every train has one value per time step.
func checkTrains(name string, trains [][]float64, lt int) error {
	for i, row := range trains {
		if len(row) != lt {
			return fmt.Errorf("neuron: %s train %d has %d values, want one per time step (%d)", name, i, len(row), lt)
		}
	}
	return nil
}

// addRows4Go sets c[k] = c[k] + r0[k] + r1[k] + r2[k] + r3[k], added left to right.
func addRows4Go(c, r0, r1, r2, r3 []float64) {
	r0, r1, r2, r3 = r0[:len(c)], r1[:len(c)], r2[:len(c)], r3[:len(c)]
	for k := range c {
		c[k] = c[k] + r0[k] + r1[k] + r2[k] + r3[k]
	}
}

// addRows8Go sets c[k] = c[k] + r[0][k] + … + r[7][k], added left to right.
func addRows8Go(c []float64, r *[8][]float64) {
	addRows4Go(c, r[0], r[1], r[2], r[3])
	addRows4Go(c, r[4], r[5], r[6], r[7])
}

// countBlock is the number of steps whose presynaptic spike counts the conductance-based
// simulations gather at a time (2 × 16 KB of counts, which stay in the cache).
const countBlock = 2048

// sumTrainsBlock sets c[j] to the sum of the trains at step k0+j, for j < len(c): 0 +
// trains[0][k] + trains[1][k] + …, row after row as pre_spike_train.sum(axis=0) adds them,
// eight rows per pass over c.
func sumTrainsBlock(c []float64, trains [][]float64, k0 int) {
	clear(c)
	k1 := k0 + len(c)
	i := 0
	for ; i+8 <= len(trains); i += 8 {
		var r [8][]float64
		for j := range r {
			r[j] = trains[i+j][k0:k1]
		}
		addRows8(c, &r)
	}
	for ; i+4 <= len(trains); i += 4 {
		addRows4(c, trains[i][k0:k1], trains[i+1][k0:k1], trains[i+2][k0:k1], trains[i+3][k0:k1])
	}
	for ; i < len(trains); i++ {
		r := trains[i][k0:k1]
		r = r[:len(c)]
		for k := range c {
			c[k] += r[k]
		}
	}
}

func (p Pars) validateSyn() error {
	if err := p.Validate(); err != nil {
		return err
	}
	switch {
	case !(p.TauSynE > 0):
		return fmt.Errorf("neuron: TauSynE=%g must be positive", p.TauSynE)
	case !(p.TauSynI > 0):
		return fmt.Errorf("neuron: TauSynI=%g must be positive", p.TauSynI)
	case math.IsNaN(p.GEBar) || math.IsNaN(p.GIBar) || math.IsNaN(p.VE) || math.IsNaN(p.VI):
		return fmt.Errorf("neuron: a synapse parameter is NaN (GEBar=%g, GIBar=%g, VE=%g, VI=%g)", p.GEBar, p.GIBar, p.VE, p.VI)
	}
	return nil
}

// RunLIFCond simulates the conductance-based LIF neuron of Tutorial 3 (run_LIF_cond),
//
//	τ_m dV/dt = −(V − E_L) − (g_E/g_L)(V − E_E) − (g_I/g_L)(V − E_I) + I_inj/g_L,
//
// driven by the binary spike trains preEx and preIn (one row per presynaptic neuron, one
// value per time step; either may be empty) and the injected current iinj (as in
// InputCurrent). Each conductance jumps by ḡ per presynaptic spike and decays with its
// synaptic time constant: g[k+1] = g[k] − (dt/τ_syn)·g[k] + ḡ·n_spikes[k+1]; the potential is
// updated with the new conductances g[k+1]; threshold, reset and refractoriness are as in
// RunLIF. Set p.VTh very high (1e3) to get the free membrane potential.
//
// It reads every value of the trains once (pre_spike_train.sum(axis=0)), which for long runs
// costs more than the simulation: 100 trains of 10^6 steps are 800 MB. RunLIFCondSpikes
// takes the same trains as event lists and gives the same numbers.
func RunLIFCond(p Pars, iinj []float64, preEx, preIn [][]float64) (CondRun, error) {
	if err := p.validateSyn(); err != nil {
		return CondRun{}, err
	}
	inGL, mask, err := p.inputOverGL(iinj)
	if err != nil {
		return CondRun{}, err
	}
	lt := p.Lt()
	if err := checkTrains("excitatory", preEx, lt); err != nil {
		return CondRun{}, err
	}
	if err := checkTrains("inhibitory", preIn, lt); err != nil {
		return CondRun{}, err
	}
	return condLIFCounts(p, inGL, mask, lt, func(cE, cI []float64, k0 int) {
		sumTrainsBlock(cE, preEx, k0)
		sumTrainsBlock(cI, preIn, k0)
	}), nil
}

// RunLIFCondSpikes is RunLIFCond driven by event lists (see SpikeTrains; either may have no
// trains), with the same numbers for the same trains: the presynaptic spike counts of each
// step are the same small integers whether they are summed from the dense matrices or
// counted from the events. It needs neither the matrices nor a pass over them, so a long run
// costs little more than its Euler loop.
func RunLIFCondSpikes(p Pars, iinj []float64, preEx, preIn SpikeTrains) (CondRun, error) {
	if err := p.validateSyn(); err != nil {
		return CondRun{}, err
	}
	inGL, mask, err := p.inputOverGL(iinj)
	if err != nil {
		return CondRun{}, err
	}
	lt := p.Lt()
	for _, t := range []struct {
		name string
		s    SpikeTrains
	}{{"excitatory", preEx}, {"inhibitory", preIn}} {
		if t.s.N() > 0 {
			if err := t.s.check(t.name, lt); err != nil {
				return CondRun{}, err
			}
		}
	}
	posE, posI := make([]int, preEx.N()), make([]int, preIn.N())
	return condLIFCounts(p, inGL, mask, lt, func(cE, cI []float64, k0 int) {
		preEx.countBlock(cE, k0, posE)
		preIn.countBlock(cI, k0, posI)
	}), nil
}

// inputOverGL returns the injected current divided by g_L as the simulations read it, the
// value of step it being inGL[it&mask]: one value (mask 0) for no current or a constant one,
// else one per step (mask −1). It checks iinj as InputCurrent does (no pulse).
func (p Pars) inputOverGL(iinj []float64) (inGL []float64, mask int, err error) {
	switch lt := p.Lt(); len(iinj) {
	case 0:
		return []float64{0 / p.GL}, 0, nil
	case 1:
		return []float64{iinj[0] / p.GL}, 0, nil
	case lt:
		inGL = make([]float64, lt)
		for k, x := range iinj {
			inGL[k] = x / p.GL
		}
		return inGL, -1, nil
	default:
		return nil, 0, fmt.Errorf("neuron: iinj has %d values, want 0, 1 or one per time step (%d)", len(iinj), lt)
	}
}

// condLIFCounts is run_LIF_cond's loop on the presynaptic spike counts of each step, which
// counts(cE, cI, k0) sets for the steps k0 … k0+len(cE)−1, a block of countBlock steps at a
// time: per step k ≥ 1 it updates the conductances with the Euler step
// g[k] = g[k−1] − (dt/τ_syn)·g[k−1] + ḡ·n[k] (g[0] = 0) and the potential from k−1 to k
// (condLIF), in one pass with the state in registers.
func condLIFCounts(p Pars, inGL []float64, mask, lt int, counts func(cE, cI []float64, k0 int)) CondRun {
	// three time series of lt values: 24 MB for 10⁶ steps, allocated with huge pages as
	// NumPy would (nma/internal/hugemem), as their page faults cost as much as the loop
	run := CondRun{V: hugemem.Make[float64](lt), GE: hugemem.Make[float64](lt), GI: hugemem.Make[float64](lt)}
	if lt == 0 {
		return run
	}
	v, gE, gI := run.V, run.GE, run.GI
	kE, kI := p.Dt/p.TauSynE, p.Dt/p.TauSynI
	k := p.Dt / p.TauM
	vReset, vTh, tRefDt, dt := p.VReset, p.VTh, p.TRef/p.Dt, p.Dt
	var cE, cI [countBlock]float64
	tr := 0.0
	vc := p.VInit
	ge, gi := 0.0, 0.0
	for k0 := 1; k0 < lt; k0 += countBlock {
		k1 := min(k0+countBlock, lt)
		nE, nI := cE[:k1-k0], cI[:k1-k0]
		counts(nE, nI, k0)
		for j := range nE {
			it := k0 + j - 1
			// fire: refractory clamp, threshold and reset of v[it]
			if tr > 0 {
				vc = vReset
				tr = tr - 1
			} else if vc >= vTh {
				run.Spikes = append(run.Spikes, float64(it)*dt)
				vc = vReset
				tr = tRefDt
			}
			v[it] = vc
			ge = ge - float64(kE*ge) + float64(p.GEBar*nE[j])
			gi = gi - float64(kI*gi) + float64(p.GIBar*nI[j])
			gE[it+1], gI[it+1] = ge, gi
			a := -(vc - p.EL) - float64(ge/p.GL*(vc-p.VE))
			a = a - float64(gi/p.GL*(vc-p.VI)) + inGL[it&mask]
			vc = vc + float64(k*a)
		}
	}
	v[lt-1] = vc
	return run
}

// condLIF is the membrane loop of run_LIF_cond with the conductances given (g[it+1] drives
// step it), as condLIFCounts.
func condLIF(p Pars, inGL []float64, mask int, gE, gI []float64) ([]float64, []float64) {
	lt := len(gE)
	v := make([]float64, lt)
	if lt == 0 {
		return v, nil
	}
	gI = gI[:lt]
	k := p.Dt / p.TauM
	vReset, vTh, tRefDt, dt := p.VReset, p.VTh, p.TRef/p.Dt, p.Dt
	var spikes []float64
	tr := 0.0
	vc := p.VInit
	for it := 0; it < lt-1; it++ {
		if tr > 0 {
			vc = vReset
			tr = tr - 1
		} else if vc >= vTh {
			spikes = append(spikes, float64(it)*dt)
			vc = vReset
			tr = tRefDt
		}
		v[it] = vc
		a := -(vc - p.EL) - float64(gE[it+1]/p.GL*(vc-p.VE))
		a = a - float64(gI[it+1]/p.GL*(vc-p.VI)) + inGL[it&mask]
		vc = vc + float64(k*a)
	}
	v[lt-1] = vc
	return v, spikes
}

// DynamicSyn integrates the Tsodyks–Markram short-term plasticity model of one synapse
// driven by the spike counts pre (one value per time step) with time step dt (the course's
// dynamic_syn):
//
//	du/dt = −u/τ_f + U0(1 − u⁻)δ(t − t_sp)
//	dR/dt = (1 − R)/τ_d − u⁺R⁻δ(t − t_sp)
//	dg/dt = −g/τ_syn + ḡ u⁺R⁻δ(t − t_sp)
//
// with u(0) = 0, R(0) = 1, g(0) = 0 and the course's Euler steps (a spike in step k+1 acts
// on the step from k to k+1; a spike at step 0 has no effect). u is the release
// probability, R the available resources, g the conductance (nS).
func DynamicSyn(gBar, tauSyn, U0, tauD, tauF float64, pre []float64, dt float64) (u, R, g []float64, err error) {
	if err := checkSTP(tauSyn, U0, tauD, tauF, dt); err != nil {
		return nil, nil, nil, err
	}
	lt := len(pre)
	u, R, g = make([]float64, lt), make([]float64, lt), make([]float64, lt)
	if lt > 0 {
		R[0] = 1
	}
	dynamicSyn(gBar, tauSyn, U0, tauD, tauF, pre, dt, u, R, g)
	return u, R, g, nil
}

func checkSTP(tauSyn, U0, tauD, tauF, dt float64) error {
	switch {
	case !(tauSyn > 0):
		return fmt.Errorf("neuron.DynamicSyn: tauSyn=%g must be positive", tauSyn)
	case !(tauD > 0):
		return fmt.Errorf("neuron.DynamicSyn: tauD=%g must be positive", tauD)
	case !(tauF > 0):
		return fmt.Errorf("neuron.DynamicSyn: tauF=%g must be positive", tauF)
	case !(dt > 0):
		return fmt.Errorf("neuron.DynamicSyn: dt=%g must be positive", dt)
	case !(U0 >= 0 && U0 <= 1):
		return fmt.Errorf("neuron.DynamicSyn: U0=%g must be in [0, 1]", U0)
	}
	return nil
}

func dynamicSyn(gBar, tauSyn, U0, tauD, tauF float64, pre []float64, dt float64, u, R, g []float64) {
	kf, kd, ks := -(dt / tauF), dt/tauD, -(dt / tauSyn)
	for it := 0; it < len(pre)-1; it++ {
		s := pre[it+1]
		du := float64(kf*u[it]) + float64(U0*(1.0-u[it])*s)
		u[it+1] = u[it] + du
		dR := float64(kd*(1.0-R[it])) - float64(u[it+1]*R[it]*s)
		R[it+1] = R[it] + dR
		dg := float64(ks*g[it]) + float64(gBar*R[it]*u[it+1]*s)
		g[it+1] = g[it] + dg
	}
}

// STDRun is one presynaptic train through a dynamic synapse (IllusSTD).
type STDRun struct {
	P       Pars      // the simulation's parameters (T = 10 spike intervals)
	Pre     []float64 // presynaptic spike counts per time step
	U, R, G []float64 // release probability, resources and conductance (nS)
	ISINum  int       // steps between regular spikes (0 for Poisson input)
	// G1 and G10 are the conductance at the first and the tenth spike of the regular train
	// (g[isi_num] and g[9·isi_num] in the course; NaN for Poisson input).
	G1, G10 float64
}

// IllusSTD drives a dynamic synapse (ḡ = 1.2 nS, τ_syn = 5 ms) with one presynaptic train at
// rate (Hz) for 10 mean inter-spike intervals, T = 10·1000/rate ms with dt = 0.1 ms (the
// course's my_illus_STD): a regular train with a spike every int((1000/rate)/dt) steps, or,
// with poisson, a Poisson train drawn with seed (the course leaves it unseeded).
func IllusSTD(poisson bool, rate, U0, tauD, tauF float64, seed uint32) (STDRun, error) {
	if !(rate > 0) || math.IsInf(rate, 0) {
		return STDRun{}, fmt.Errorf("neuron.IllusSTD: rate=%g Hz must be positive", rate)
	}
	p := DefaultSynPars()
	p.T = 10.0 * 1000 / (1.0 * rate)
	lt := p.Lt()
	run := STDRun{P: p, G1: math.NaN(), G10: math.NaN()}
	if poisson {
		tr, err := PoissonTrains(p, rate, 1, seed)
		if err != nil {
			return STDRun{}, err
		}
		run.Pre = tr[0]
	} else {
		run.ISINum = int((1e3 / rate) / p.Dt)
		if run.ISINum < 1 {
			return STDRun{}, fmt.Errorf("neuron.IllusSTD: rate=%g Hz leaves less than one step (dt=%g ms) between spikes", rate, p.Dt)
		}
		run.Pre = make([]float64, lt)
		for k := 0; k < lt; k += run.ISINum {
			run.Pre[k] = 1
		}
	}
	var err error
	run.U, run.R, run.G, err = DynamicSyn(1.2, 5, U0, tauD, tauF, run.Pre, p.Dt)
	if err != nil {
		return STDRun{}, err
	}
	if !poisson && 9*run.ISINum < lt {
		run.G1, run.G10 = run.G[run.ISINum], run.G[9*run.ISINum]
	}
	return run, nil
}

// STPSweep returns the conductance at the first and tenth spike of a regular presynaptic
// train for each rate (Hz) — the course's rate sweeps of Sections 2.1 (U0 = 0.5, τ_d = 100,
// τ_f = 50: depression) and 2.2 (U0 = 0.2, τ_d = 100, τ_f = 750: facilitation).
func STPSweep(rates []float64, U0, tauD, tauF float64) (g1, g10 []float64, err error) {
	g1, g10 = make([]float64, len(rates)), make([]float64, len(rates))
	for i, r := range rates {
		run, err := IllusSTD(false, r, U0, tauD, tauF, 0)
		if err != nil {
			return nil, nil, err
		}
		g1[i], g10[i] = run.G1, run.G10
	}
	return g1, g10, nil
}

// EIRun is one run of Interactive Demo 1.2: the same Poisson input through the
// conductance-based neuron with and without its threshold.
type EIRun struct {
	P       Pars
	FMP     []float64 // free membrane potential (threshold removed)
	V       []float64 // membrane potential with the threshold
	Spikes  []float64 // spike times (ms)
	GE, GI  []float64 // total conductances (nS)
	Rate    float64   // output rate (Hz)
	CV      float64   // CV_ISI (0 with 3 spikes or fewer, as in the course)
	MeanFMP float64   // mean of the free membrane potential (mV)
	StdFMP  float64   // standard deviation of the free membrane potential (mV)
}

// SimulateEI draws nE excitatory trains at excRate and nI inhibitory trains at inhRate
// (Hz; in that order from rng.New(seed)), simulates the conductance-based neuron p once with
// its threshold raised to 1e3 mV (the free membrane potential) and once as it is, and
// measures the output (the course's EI_isi_regularity).
func SimulateEI(p Pars, excRate, inhRate float64, nE, nI int, seed uint32) (EIRun, error) {
	if err := p.validateSyn(); err != nil {
		return EIRun{}, err
	}
	r := rng.New(seed)
	ex, err := PoissonSpikesFrom(r, p.T, p.Dt, excRate, nE)
	if err != nil {
		return EIRun{}, err
	}
	in, err := PoissonSpikesFrom(r, p.T, p.Dt, inhRate, nI)
	if err != nil {
		return EIRun{}, err
	}
	free := p
	free.VTh = 1e3
	fmp, err := RunLIFCondSpikes(free, nil, ex, in)
	if err != nil {
		return EIRun{}, err
	}
	run, err := RunLIFCondSpikes(p, nil, ex, in)
	if err != nil {
		return EIRun{}, err
	}
	out := EIRun{P: p, FMP: fmp.V, V: run.V, Spikes: run.Spikes, GE: run.GE, GI: run.GI,
		Rate: 1e3 * float64(len(run.Spikes)) / p.T, MeanFMP: nma.Mean(fmp.V), StdFMP: nma.Std(fmp.V)}
	if len(run.Spikes) > 3 {
		_, out.CV = ISICV(run.Spikes)
	}
	return out, nil
}

// STPRun is the result of RunLIFCondSTP.
type STPRun struct {
	V      []float64 // membrane potential (mV)
	Spikes []float64 // spike times (ms)
	GE, GI []float64 // total excitatory and inhibitory conductance (nS)
}

// RunLIFCondSTP is RunLIFCond with short-term plastic synapses (the course's
// run_LIF_cond_STP): every presynaptic train drives its own DynamicSyn (with p.GEBar,
// p.TauSynE, p.U0E, p.TauDE, p.TauFE for excitatory trains, the I fields for inhibitory
// ones), and the neuron sees the summed conductances. (The course's function also returns
// the u and R traces, listing R_I twice by mistake; only the totals are needed here.)
func RunLIFCondSTP(p Pars, iinj []float64, preEx, preIn [][]float64) (STPRun, error) {
	if err := p.validateSyn(); err != nil {
		return STPRun{}, err
	}
	inGL, mask, err := p.inputOverGL(iinj)
	if err != nil {
		return STPRun{}, err
	}
	lt := p.Lt()
	if err := checkTrains("excitatory", preEx, lt); err != nil {
		return STPRun{}, err
	}
	if err := checkTrains("inhibitory", preIn, lt); err != nil {
		return STPRun{}, err
	}
	total := func(trains [][]float64, gBar, tauSyn, U0, tauD, tauF float64) ([]float64, error) {
		tot := make([]float64, lt)
		if len(trains) == 0 {
			return tot, nil
		}
		if err := checkSTP(tauSyn, U0, tauD, tauF, p.Dt); err != nil {
			return nil, err
		}
		u, R, g := make([]float64, lt), make([]float64, lt), make([]float64, lt)
		for _, pre := range trains {
			clear(u)
			clear(g)
			clear(R)
			R[0] = 1
			dynamicSyn(gBar, tauSyn, U0, tauD, tauF, pre, p.Dt, u, R, g)
			for k := range tot {
				tot[k] += g[k]
			}
		}
		return tot, nil
	}
	gE, err := total(preEx, p.GEBar, p.TauSynE, p.U0E, p.TauDE, p.TauFE)
	if err != nil {
		return STPRun{}, err
	}
	gI, err := total(preIn, p.GIBar, p.TauSynI, p.U0I, p.TauDI, p.TauFI)
	if err != nil {
		return STPRun{}, err
	}
	v, sp := condLIF(p, inGL, mask, gE, gI)
	return STPRun{V: v, Spikes: sp, GE: gE, GI: gI}, nil
}
