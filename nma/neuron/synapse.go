package neuron

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
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

// sumTrains returns the number of spikes of all trains in each time step
// (pre_spike_train.sum(axis=0)).
func sumTrains(trains [][]float64, lt int) []float64 {
	tot := make([]float64, lt)
	for _, row := range trains {
		for k, s := range row {
			tot[k] += s
		}
	}
	return tot
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

// condInput checks the input of a conductance-based run — the parameters (validateSyn), the
// injected current (InputCurrent, no pulse) and one value per time step in every excitatory
// and inhibitory train — and returns the current, one value per step.
func (p Pars) condInput(iinj []float64, preEx, preIn [][]float64) ([]float64, error) {
	if err := p.validateSyn(); err != nil {
		return nil, err
	}
	in, err := InputCurrent(p, iinj, false)
	if err != nil {
		return nil, err
	}
	if err := checkTrains("excitatory", preEx, len(in)); err != nil {
		return nil, err
	}
	if err := checkTrains("inhibitory", preIn, len(in)); err != nil {
		return nil, err
	}
	return in, nil
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
func RunLIFCond(p Pars, iinj []float64, preEx, preIn [][]float64) (CondRun, error) {
	in, err := p.condInput(iinj, preEx, preIn)
	if err != nil {
		return CondRun{}, err
	}
	lt := len(in)
	gE := expSyn(sumTrains(preEx, lt), p.GEBar, p.TauSynE, p.Dt)
	gI := expSyn(sumTrains(preIn, lt), p.GIBar, p.TauSynI, p.Dt)
	v, sp := condLIF(p, in, gE, gI)
	return CondRun{V: v, Spikes: sp, GE: gE, GI: gI}, nil
}

// expSyn integrates dg/dt = ḡ·Σδ(t − t_k) − g/τ with Euler: g[k+1] = g[k] − (dt/τ)g[k] + ḡ·n[k+1].
func expSyn(n []float64, gBar, tau, dt float64) []float64 {
	g := make([]float64, len(n))
	k := dt / tau
	for it := 0; it < len(n)-1; it++ {
		g[it+1] = g[it] - float64(k*g[it]) + float64(gBar*n[it+1])
	}
	return g
}

// condLIF is the membrane loop of run_LIF_cond with the conductances given (g[it+1] drives
// step it).
func condLIF(p Pars, in, gE, gI []float64) ([]float64, []float64) {
	lt := len(in)
	v := make([]float64, lt)
	if lt == 0 {
		return v, nil
	}
	n := p.lif()
	v[0] = n.vInit
	k := p.Dt / p.TauM
	for it := 0; it < lt-1; it++ {
		n.fire(v, it)
		a := -(v[it] - p.EL) - float64(gE[it+1]/p.GL*(v[it]-p.VE))
		a = a - float64(gI[it+1]/p.GL*(v[it]-p.VI)) + in[it]/p.GL
		v[it+1] = v[it] + float64(k*a)
	}
	return v, n.spikes
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
	ex, err := PoissonTrainsFrom(r, p.T, p.Dt, excRate, nE)
	if err != nil {
		return EIRun{}, err
	}
	in, err := PoissonTrainsFrom(r, p.T, p.Dt, inhRate, nI)
	if err != nil {
		return EIRun{}, err
	}
	free := p
	free.VTh = 1e3
	fmp, err := RunLIFCond(free, nil, ex, in)
	if err != nil {
		return EIRun{}, err
	}
	run, err := RunLIFCond(p, nil, ex, in)
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
	in, err := p.condInput(iinj, preEx, preIn)
	if err != nil {
		return STPRun{}, err
	}
	lt := len(in)
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
	v, sp := condLIF(p, in, gE, gI)
	return STPRun{V: v, Spikes: sp, GE: gE, GI: gI}, nil
}
