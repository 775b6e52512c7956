package neuron

// The implementations before issue 15's fast paths, kept to prove that the fast paths give
// the same numbers bit for bit: the dense Poisson generator (one Float64 per step), the
// conductance-based LIF with its separate passes, and run_LIF_cond_STDP with the dense
// indicator and nma.Sum of the 300 weights per step.

import (
	"fmt"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// refPoissonTrainsFrom is PoissonTrainsFrom drawing one Float64 per step.
func refPoissonTrainsFrom(r *rng.RandomState, T, dt, rate float64, n int) ([][]float64, error) {
	lt, err := checkPoisson(T, dt, rate, n)
	if err != nil {
		return nil, err
	}
	thr := rate * (dt / 1000)
	out := make([][]float64, n)
	flat := make([]float64, n*lt)
	for i := range out {
		row := flat[i*lt : (i+1)*lt : (i+1)*lt]
		for k := range row {
			if r.Float64() < thr {
				row[k] = 1
			}
		}
		out[i] = row
	}
	return out, nil
}

// refRunLIFCond is RunLIFCond as three passes: sums, conductances, membrane.
func refRunLIFCond(p Pars, iinj []float64, preEx, preIn [][]float64) (CondRun, error) {
	if err := p.validateSyn(); err != nil {
		return CondRun{}, err
	}
	in, err := InputCurrent(p, iinj, false)
	if err != nil {
		return CondRun{}, err
	}
	lt := len(in)
	gE := refExpSyn(refSumTrains(preEx, lt), p.GEBar, p.TauSynE, p.Dt)
	gI := refExpSyn(refSumTrains(preIn, lt), p.GIBar, p.TauSynI, p.Dt)
	v, sp := refCondLIF(p, in, gE, gI)
	return CondRun{V: v, Spikes: sp, GE: gE, GI: gI}, nil
}

func refSumTrains(trains [][]float64, lt int) []float64 {
	tot := make([]float64, lt)
	for _, row := range trains {
		for k, s := range row {
			tot[k] += s
		}
	}
	return tot
}
func refExpSyn(n []float64, gBar, tau, dt float64) []float64 {
	g := make([]float64, len(n))
	k := dt / tau
	for it := 0; it < len(n)-1; it++ {
		g[it+1] = g[it] - float64(k*g[it]) + float64(gBar*n[it+1])
	}
	return g
}
func refCondLIF(p Pars, in, gE, gI []float64) ([]float64, []float64) {
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
func refRunLIFCondSTP(p Pars, iinj []float64, preEx, preIn [][]float64) (STPRun, error) {
	in, err := InputCurrent(p, iinj, false)
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
	v, sp := refCondLIF(p, in, gE, gI)
	return STPRun{V: v, Spikes: sp, GE: gE, GI: gI}, nil
}

// refSTDPRun is STDPRun with P and ḡ as the course's dense matrices.
type refSTDPRun struct {
	V, Spikes, GE, M []float64
	P, GBar          [][]float64
	Idx              []int
}

// refRunSTDP is runSTDP with the dense loops: ḡ and P written at every recorded step, the
// trace decayed with the spikes as 0/1 values, and g_E's sum over every synapse (nma.Sum).
func refRunSTDP(p STDPPars, ev *events, opt stdpOptions) (refSTDPRun, error) {
	n, lt := ev.n, ev.lt
	g := make([]float64, n)
	switch {
	case p.GEInitEach != nil && len(p.GEInitEach) != n:
		return refSTDPRun{}, fmt.Errorf("neuron: GEInitEach has %d values for %d presynaptic trains", len(p.GEInitEach), n)
	case p.GEInitEach != nil:
		copy(g, p.GEInitEach)
	default:
		for i := range g {
			g[i] = p.GEInit
		}
	}
	run := refSTDPRun{V: make([]float64, lt), GE: make([]float64, lt), M: make([]float64, lt)}
	if opt.idx == nil {
		opt.idx = make([]int, lt)
		for i := range opt.idx {
			opt.idx[i] = i
		}
	}
	run.Idx = opt.idx
	run.GBar = make([][]float64, n)
	flat := make([]float64, n*len(opt.idx))
	for i := range run.GBar {
		run.GBar[i] = flat[i*len(opt.idx) : (i+1)*len(opt.idx) : (i+1)*len(opt.idx)]
	}
	if opt.recordP {
		run.P = make([][]float64, n)
		flatP := make([]float64, n*lt)
		for i := range run.P {
			run.P[i] = flatP[i*lt : (i+1)*lt : (i+1)*lt]
		}
	}
	if lt == 0 {
		return run, nil
	}
	P := make([]float64, n)   // P[:, it]
	x := make([]float64, n)   // ḡ[:, it]·pre[:, it], summed like NumPy
	act := make([]float64, n) // pre[:, it+1] as 0/1
	v, M, gE := run.V, run.M, run.GE
	nrn := p.lif()
	v[0] = nrn.vInit
	kP := -(p.Dt / p.TauSTDP)
	kM := p.Dt / p.TauSTDP
	kS := p.Dt / p.TauSynE
	kV := p.Dt / p.TauM
	gmax := p.GEBar
	next := 0 // next position in opt.idx
	record := func(it int) {
		for next < len(opt.idx) && opt.idx[next] == it {
			for i := range g {
				run.GBar[i][next] = g[i]
			}
			next++
		}
	}
	for it := 0; it < lt-1; it++ {
		if nrn.fire(v, it) {
			M[it] = M[it] - p.AMinus
			for i := range g {
				g[i] = g[i] + float64(P[i]*gmax)
				if g[i] > gmax {
					g[i] = gmax
				}
			}
		}
		record(it)
		if opt.recordP {
			for i := range P {
				run.P[i][it] = P[i]
			}
		}
		// presynaptic traces for step it+1
		for _, i := range ev.at(it + 1) {
			act[i] = 1
		}
		for i := range P {
			dP := float64(kP*P[i]) + float64(p.APlus*act[i])
			P[i] = P[i] + dP
		}
		for _, i := range ev.at(it + 1) {
			act[i] = 0
		}
		// postsynaptic trace, conductance and plastic weights
		M[it+1] = M[it] - float64(kM*M[it])
		now := ev.at(it)
		for _, i := range now {
			x[i] = g[i]
		}
		gE[it+1] = gE[it] - float64(kS*gE[it]) + nma.Sum(x)
		for _, i := range now {
			x[i] = 0
			g[i] = g[i] + float64(M[it]*gmax)
			if g[i] < 0 {
				g[i] = 0
			}
		}
		dv := float64((-(v[it] - p.VL) - float64(gE[it+1]*(v[it]-p.VE))) * kV)
		v[it+1] = v[it] + dv
	}
	record(lt - 1)
	if opt.recordP {
		for i := range P {
			run.P[i][lt-1] = P[i]
		}
	}
	run.Spikes = nrn.spikes
	return run, nil
}

// refRunLIF is runLIF with the shared fire step and the potential in the slice.
func refRunLIF(p Pars, in []float64) ([]float64, []float64) {
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
		dv := float64((-(v[it] - p.EL) + in[it]/p.GL) * k)
		v[it+1] = v[it] + dv
	}
	return v, n.spikes
}

// refLIFPairCC is one trial of LIFOutputCC as CorrelateInput, the scaling by g_L and two
// runs of the LIF neuron.
func refLIFPairCC(r *rng.RandomState, p Pars, mu, sig, c float64) (sp1, sp2 []float64) {
	i1, i2, err := CorrelateInput(r, p, mu, sig, c)
	if err != nil {
		panic(err)
	}
	for j := range i1 {
		i1[j] *= p.GL
		i2[j] *= p.GL
	}
	_, sp1 = refRunLIF(p, i1)
	_, sp2 = refRunLIF(p, i2)
	return sp1, sp2
}
