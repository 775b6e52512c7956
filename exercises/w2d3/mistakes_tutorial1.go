//go:build !nmagrade

package w2d3

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// mistakesTutorial1 are the classic mistakes of Tutorial 1's exercises: each a variant of the
// solution (solutions/w2d3) that differs from it in one idea. A failed check whose outputs
// match one names it (exercise.Diagnose). Registered in solutions.go.
var mistakesTutorial1 = exercise.Mistakes{
	"W2D3.T1.E1": {
		{Name: "no refractory clamp", Hint: "for t_ref after a spike the potential stays at V_reset: check the refractory counter before integrating",
			Impl: RunLIFFunc(runLIFNoClamp)},
		{Name: "refractory counter in ms", Hint: "the refractory counter counts time steps, not milliseconds: t_ref/Δt of them",
			Impl: RunLIFFunc(runLIFRefractoryMs)},
		{Name: "current not divided by g_L", Hint: "I/g_L turns the injected current (pA) into a voltage (mV) with g_L in nS: the current enters divided by g_L",
			Impl: RunLIFFunc(runLIFNoGL)},
	},
	"W2D3.T1.E2": {
		{Name: "variance instead of standard deviation", Hint: "CV is the standard deviation of the ISIs over their mean: the square root of the variance",
			Impl: IsiCvFunc(isiCvVariance)},
		{Name: "sample standard deviation (n−1)", Hint: "the course takes NumPy's np.std, which divides by n (ddof = 0), as nma.Std does",
			Impl: IsiCvFunc(isiCvSampleStd)},
		{Name: "mean over standard deviation", Hint: "CV measures the spread relative to the mean: the standard deviation goes on top",
			Impl: IsiCvFunc(isiCvInverted)},
	},
}

func runLIFNoClamp(pars neuron.Pars, iinj []float64, stop bool) (v, recSpikes []float64) {
	vTh, vReset := pars.VTh, pars.VReset
	dt := pars.Dt
	lt := pars.Lt()
	v = make([]float64, lt)
	v[0] = pars.VInit
	iinj, err := neuron.InputCurrent(pars, iinj, stop)
	if err != nil {
		panic(err)
	}
	for it := 0; it < lt-1; it++ {
		if v[it] >= vTh {
			recSpikes = append(recSpikes, float64(it)*dt)
			v[it] = vReset
		}
		dv := (-(v[it] - pars.EL) + iinj[it]/pars.GL) * (dt / pars.TauM)
		v[it+1] = v[it] + dv
	}
	return v, recSpikes
}

func runLIFRefractoryMs(pars neuron.Pars, iinj []float64, stop bool) (v, recSpikes []float64) {
	vTh, vReset := pars.VTh, pars.VReset
	dt := pars.Dt
	lt := pars.Lt()
	tref := pars.TRef
	v = make([]float64, lt)
	v[0] = pars.VInit
	iinj, err := neuron.InputCurrent(pars, iinj, stop)
	if err != nil {
		panic(err)
	}
	tr := 0.0
	for it := 0; it < lt-1; it++ {
		if tr > 0 {
			v[it] = vReset
			tr = tr - 1
		} else if v[it] >= vTh {
			recSpikes = append(recSpikes, float64(it)*dt)
			v[it] = vReset
			tr = tref
		}
		dv := (-(v[it] - pars.EL) + iinj[it]/pars.GL) * (dt / pars.TauM)
		v[it+1] = v[it] + dv
	}
	return v, recSpikes
}

func runLIFNoGL(pars neuron.Pars, iinj []float64, stop bool) (v, recSpikes []float64) {
	vTh, vReset := pars.VTh, pars.VReset
	dt := pars.Dt
	lt := pars.Lt()
	tref := pars.TRef
	v = make([]float64, lt)
	v[0] = pars.VInit
	iinj, err := neuron.InputCurrent(pars, iinj, stop)
	if err != nil {
		panic(err)
	}
	tr := 0.0
	for it := 0; it < lt-1; it++ {
		if tr > 0 {
			v[it] = vReset
			tr = tr - 1
		} else if v[it] >= vTh {
			recSpikes = append(recSpikes, float64(it)*dt)
			v[it] = vReset
			tr = tref / dt
		}
		dv := (-(v[it] - pars.EL) + iinj[it]) * (dt / pars.TauM)
		v[it+1] = v[it] + dv
	}
	return v, recSpikes
}

// isi are the intervals between consecutive spike times, as the solution computes them.
func isi(spikeTimes []float64) []float64 {
	out := make([]float64, len(spikeTimes)-1)
	for k := range out {
		out[k] = spikeTimes[k+1] - spikeTimes[k]
	}
	return out
}

func isiCvVariance(spikeTimes []float64) ([]float64, float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	d := isi(spikeTimes)
	return d, nma.Var(d) / nma.Mean(d)
}

func isiCvSampleStd(spikeTimes []float64) ([]float64, float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	d := isi(spikeTimes)
	n := float64(len(d))
	return d, math.Sqrt(nma.Var(d)*n/(n-1)) / nma.Mean(d)
}

func isiCvInverted(spikeTimes []float64) ([]float64, float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	d := isi(spikeTimes)
	return d, nma.Mean(d) / nma.Std(d)
}
