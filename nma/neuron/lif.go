// Package neuron holds the spiking-neuron models of W2D3 (Biological neuron models): the
// leaky integrate-and-fire (LIF) neuron and its inputs (DC, Gaussian white noise, OU
// current, Poisson spike trains), spike statistics (ISI, CV, Pearson correlation of binned
// counts, F-I curves), the conductance-based LIF with static and short-term plastic
// (Tsodyks–Markram) synapses, and pair-based spike-timing dependent plasticity (STDP). The
// package computes only; the course's figures of these models are drawn by the companion
// package neuronfig, so a program that only simulates links no plotting.
//
// Units follow the course: potentials in mV, times in ms, rates in Hz, conductances in nS
// and currents in pA (in Tutorial 4 conductances are relative to the leak conductance).
//
// Randomness is explicit. Where the course seeds NumPy (np.random.seed(2020), myseed=…),
// the functions take the same seed and draw with nma/rng, NumPy's legacy generator, in the
// course's order, so the numbers equal the course's. Where the course leaves NumPy unseeded,
// the functions still take a seed (or a *rng.RandomState), so every figure and test is
// reproducible.
//
// Every simulation is forward Euler with the course's update order; products that are
// added are wrapped in float64(…) so the compiler cannot fuse them into FMA instructions,
// which keeps results bit for bit equal to NumPy's.
//
// Spike trains come as the course's dense 0/1 matrices (PoissonTrains, one float64 per
// train and step) or as event lists (SpikeTrains: the steps at which each train spikes,
// PoissonSpikes), drawn from the same random numbers. Long runs should use the event lists:
// RunLIFCondSpikes gives RunLIFCond's numbers without the 800 MB matrices of 100 trains ×
// 10^6 steps, and the STDP demos keep their inputs as events and record the weights only at
// the steps the course's figures read. The loops keep their state in registers and do the
// course's arithmetic unchanged (the tests compare them bit for bit with straightforward
// loops); the STDP traces decay with AVX on amd64 (build tag purego: plain Go).
package neuron

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/nma-go/nma-go/nma"
)

// Pars are the parameters of a LIF neuron and of its simulation (the course's
// default_pars), plus the synapse parameters of the conductance-based neuron of Tutorial 3.
//
// The membrane obeys τ_m dV/dt = −(V − E_L) + I/g_L; when V ≥ V_th a spike is recorded, V is
// reset to V_reset and clamped there for τ_ref.
type Pars struct {
	VTh    float64 // spike threshold V_th (mV)
	VReset float64 // reset potential V_reset (mV)
	TauM   float64 // membrane time constant τ_m (ms)
	GL     float64 // leak conductance g_L (nS)
	VInit  float64 // initial potential V_init (mV)
	EL     float64 // leak reversal potential E_L (mV; V_L in the course's Tutorial 2)
	TRef   float64 // refractory time τ_ref (ms)
	T      float64 // simulation length (ms)
	Dt     float64 // Euler time step (ms)

	// Conductance-based synapses (Tutorial 3): the conductance jumps by GEBar (GIBar) at
	// each excitatory (inhibitory) presynaptic spike and decays with TauSynE (TauSynI).
	GEBar, GIBar     float64 // peak conductance per spike ḡ (nS)
	VE, VI           float64 // synaptic reversal potentials E_E, E_I (mV)
	TauSynE, TauSynI float64 // synaptic time constants τ_E, τ_I (ms)

	// Short-term plasticity (Tutorial 3 bonus, RunLIFCondSTP): release increment U0,
	// depression (resource recovery) time constant τ_d and facilitation time constant τ_f
	// of the excitatory (E) and inhibitory (I) synapses.
	U0E, TauDE, TauFE float64
	U0I, TauDI, TauFI float64
}

// DefaultPars returns the course's default_pars of Tutorials 1 and 2: V_th = −55 mV,
// V_reset = −75 mV, τ_m = 10 ms, g_L = 10 nS, V_init = −75 mV, E_L = −75 mV, τ_ref = 2 ms,
// T = 400 ms, dt = 0.1 ms. The synapse fields are zero.
func DefaultPars() Pars {
	return Pars{VTh: -55, VReset: -75, TauM: 10, GL: 10, VInit: -75, EL: -75, TRef: 2, T: 400, Dt: 0.1}
}

// DefaultSynPars returns Tutorial 3's default_pars (as DefaultPars but V_init = −65 mV) with
// the synapses of its Coding Exercise 1.2: ḡ_E = ḡ_I = 2.4 nS, E_E = 0 mV, E_I = −80 mV,
// τ_E = 2 ms, τ_I = 5 ms. The STP fields are zero.
func DefaultSynPars() Pars {
	p := DefaultPars()
	p.VInit = -65
	p.GEBar, p.VE, p.TauSynE = 2.4, 0, 2
	p.GIBar, p.VI, p.TauSynI = 2.4, -80, 5
	return p
}

// RangeT is the time axis np.arange(0, T, dt) in ms.
func (p Pars) RangeT() []float64 { return nma.Arange(0, p.T, p.Dt) }

// Lt is the number of time steps, len(RangeT()).
func (p Pars) Lt() int { return steps(p.T, p.Dt) }

// steps is NumPy's arange length ceil(T/dt) (0 when it is not positive).
func steps(T, dt float64) int {
	n := math.Ceil(T / dt)
	if !(n > 0) || math.IsInf(n, 0) {
		return 0
	}
	return int(n)
}

// Validate reports the first parameter that makes a LIF simulation meaningless.
func (p Pars) Validate() error {
	if err := p.lif().validate(); err != nil {
		return err
	}
	if !(p.GL > 0) {
		return fmt.Errorf("neuron: GL=%g must be positive", p.GL)
	}
	return nil
}

// lif returns the threshold, reset and refractory clamp of p with its time grid.
func (p Pars) lif() lif {
	return lif{T: p.T, dt: p.Dt, tauM: p.TauM, tRef: p.TRef, vTh: p.VTh, vReset: p.VReset, vInit: p.VInit, vLeak: p.EL}
}

// lif is what every LIF simulation of the package (RunLIF, RunLIFCond, RunLIFCondSTP,
// RunLIFCondSTDP) shares: the time grid and membrane constants its parameters' Validate
// checks, and the threshold, reset and refractory clamp of each step (fire), with the state
// of that clamp during a run. Each simulation keeps its own Euler update of the potential.
type lif struct {
	T, dt, tauM, tRef         float64 // simulation length, time step, τ_m and τ_ref (ms)
	vTh, vReset, vInit, vLeak float64 // threshold, reset, initial and leak potential (mV)

	tr     float64   // refractory steps left
	spikes []float64 // spike times so far (ms)
}

// validate reports the first of the shared parameters that makes a simulation meaningless.
func (n lif) validate() error {
	if err := checkGrid(n.T, n.dt); err != nil {
		return err
	}
	switch {
	case n.T/n.dt > 5e8:
		return fmt.Errorf("neuron: T=%g with Dt=%g makes %g steps, more than 5e8", n.T, n.dt, math.Ceil(n.T/n.dt))
	case !(n.tauM > 0):
		return fmt.Errorf("neuron: TauM=%g must be positive", n.tauM)
	case !(n.tRef >= 0):
		return fmt.Errorf("neuron: TRef=%g must not be negative", n.tRef)
	case math.IsNaN(n.vTh) || math.IsNaN(n.vReset) || math.IsNaN(n.vInit) || math.IsNaN(n.vLeak):
		return fmt.Errorf("neuron: a potential is NaN (VTh=%g, VReset=%g, VInit=%g, leak=%g)", n.vTh, n.vReset, n.vInit, n.vLeak)
	}
	return nil
}

// checkGrid reports a time grid np.arange(0, T, dt) that cannot be simulated.
func checkGrid(T, dt float64) error {
	switch {
	case !(dt > 0) || math.IsInf(dt, 0):
		return fmt.Errorf("neuron: Dt=%g must be positive", dt)
	case !(T > 0) || math.IsInf(T, 0):
		return fmt.Errorf("neuron: T=%g must be positive", T)
	}
	return nil
}

// fire is the course's threshold, reset and refractory clamp at step it, applied to v[it]
// before the Euler step from it to it+1:
//
//	if the refractory counter tr > 0:  v[it] = V_reset, tr = tr − 1
//	else if v[it] ≥ V_th:              record it·dt, v[it] = V_reset, tr = τ_ref/dt
//
// It reports whether the neuron spiked at step it.
func (n *lif) fire(v []float64, it int) bool {
	if n.tr > 0 {
		v[it] = n.vReset
		n.tr = n.tr - 1
		return false
	}
	if v[it] >= n.vTh {
		n.spikes = append(n.spikes, float64(it)*n.dt)
		v[it] = n.vReset
		n.tr = n.tRef / n.dt
		return true
	}
	return false
}

// InputCurrent returns the injected current of a simulation, one value per time step: iinj
// may be empty (no current), hold one value (a constant, like NumPy broadcasting a scalar)
// or one value per step. With stop, the current is a pulse: it is set to zero before step
// Lt/2 − 1000 and from step Lt/2 + 1000 on (the course's run_LIF(…, stop=True); with
// dt = 0.1 ms the pulse lasts 200 ms around the middle of the run). Like the course's
// NumPy slice, a negative start counts from the end.
func InputCurrent(p Pars, iinj []float64, stop bool) ([]float64, error) {
	lt := p.Lt()
	out := make([]float64, lt)
	switch len(iinj) {
	case 0:
	case 1:
		for i := range out {
			out[i] = iinj[0]
		}
	case lt:
		copy(out, iinj)
	default:
		return nil, fmt.Errorf("neuron: iinj has %d values, want 0, 1 or one per time step (%d)", len(iinj), lt)
	}
	if stop {
		a, b := lt/2-1000, lt/2+1000
		if a < 0 { // Python's Iinj[:a] with a negative a
			a = max(a+lt, 0)
		}
		for i := 0; i < min(a, lt); i++ {
			out[i] = 0
		}
		for i := b; i < lt; i++ {
			out[i] = 0
		}
	}
	return out, nil
}

// DC is a constant current of i pA at every time step.
func DC(p Pars, i float64) []float64 { return nma.Full(p.Lt(), i) }

// RunLIF simulates the LIF neuron driven by the injected current iinj (pA; see InputCurrent
// for its shapes and stop) and returns the membrane potential at every time step (mV) and
// the spike times (ms). It is the course's run_LIF, step for step:
//
//	for it < Lt−1:
//	  if the refractory counter tr > 0:  v[it] = V_reset, tr = tr − 1
//	  else if v[it] ≥ V_th:              record it·dt, v[it] = V_reset, tr = τ_ref/dt
//	  v[it+1] = v[it] + (−(v[it] − E_L) + I[it]/g_L)·dt/τ_m
func RunLIF(p Pars, iinj []float64, stop bool) (v, spikes []float64, err error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	in, err := InputCurrent(p, iinj, stop)
	if err != nil {
		return nil, nil, err
	}
	v, spikes = runLIF(p, in, nil)
	return v, spikes, nil
}

// runLIF is RunLIF on a validated current of length Lt; when v is non-nil (length Lt) it is
// reused. It returns the potential and the spike times.
func runLIF(p Pars, in, v []float64) ([]float64, []float64) {
	lt := len(in)
	if v == nil {
		v = make([]float64, lt)
	}
	if lt == 0 {
		return v, nil
	}
	v = v[:lt]
	k := p.Dt / p.TauM
	vReset, vTh, tRefDt, dt, eL, gL := p.VReset, p.VTh, p.TRef/p.Dt, p.Dt, p.EL, p.GL
	var spikes []float64
	tr := 0.0
	vc := p.VInit
	for it := 0; it < lt-1; it++ {
		// fire: refractory clamp, threshold and reset of v[it]
		if tr > 0 {
			vc = vReset
			tr = tr - 1
		} else if vc >= vTh {
			spikes = append(spikes, float64(it)*dt)
			vc = vReset
			tr = tRefDt
		}
		v[it] = vc
		dv := float64((-(vc - eL) + in[it]/gL) * k)
		vc = vc + dv
	}
	v[lt-1] = vc
	return v, spikes
}

// countLIF runs the LIF neuron on in and returns only the number of spikes (no allocation
// beyond the scratch potential v, which must have len(in) values).
func countLIF(p Pars, in, v []float64) int {
	_, sp := runLIF(p, in, v)
	return len(sp)
}

// String prints the parameters like fmt's %+v, with their units, and leaves out the synapse
// fields when all of them are zero (Tutorials 1–2) and the short-term-plasticity fields when
// all of those are zero — so DefaultPars shows the nine numbers that matter:
// {VTh:-55 mV VReset:-75 mV TauM:10 ms GL:10 nS VInit:-75 mV EL:-75 mV TRef:2 ms T:400 ms Dt:0.1 ms}.
func (p Pars) String() string {
	type field struct {
		name string
		v    float64
		unit string
	}
	groups := [][]field{
		{{"VTh", p.VTh, "mV"}, {"VReset", p.VReset, "mV"}, {"TauM", p.TauM, "ms"}, {"GL", p.GL, "nS"},
			{"VInit", p.VInit, "mV"}, {"EL", p.EL, "mV"}, {"TRef", p.TRef, "ms"}, {"T", p.T, "ms"}, {"Dt", p.Dt, "ms"}},
		{{"GEBar", p.GEBar, "nS"}, {"GIBar", p.GIBar, "nS"}, {"VE", p.VE, "mV"}, {"VI", p.VI, "mV"},
			{"TauSynE", p.TauSynE, "ms"}, {"TauSynI", p.TauSynI, "ms"}},
		{{"U0E", p.U0E, ""}, {"TauDE", p.TauDE, "ms"}, {"TauFE", p.TauFE, "ms"},
			{"U0I", p.U0I, ""}, {"TauDI", p.TauDI, "ms"}, {"TauFI", p.TauFI, "ms"}},
	}
	var parts []string
	for g, fs := range groups {
		if g > 0 && !slices.ContainsFunc(fs, func(f field) bool { return f.v != 0 }) {
			continue // a synapse or STP group that is all zero
		}
		for _, f := range fs {
			parts = append(parts, strings.TrimSpace(fmt.Sprintf("%s:%g %s", f.name, f.v, f.unit)))
		}
	}
	return "{" + strings.Join(parts, " ") + "}"
}
