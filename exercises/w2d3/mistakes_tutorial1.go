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
	return runLIFVariant(pars, iinj, stop, 0, pars.GL)
}

func runLIFRefractoryMs(pars neuron.Pars, iinj []float64, stop bool) (v, recSpikes []float64) {
	return runLIFVariant(pars, iinj, stop, pars.TRef, pars.GL)
}

func runLIFNoGL(pars neuron.Pars, iinj []float64, stop bool) (v, recSpikes []float64) {
	return runLIFVariant(pars, iinj, stop, pars.TRef/pars.Dt, 1)
}

// runLIFVariant is the solution's RunLIF with the two quantities the mistakes get wrong as
// parameters: the refractory count a spike starts (the solution: TRef/Dt steps; 0: no
// clamp) and the conductance the current is divided by (the solution: GL).
func runLIFVariant(pars neuron.Pars, iinj []float64, stop bool, refractorySteps, gl float64) (v, recSpikes []float64) {
	lt := pars.Lt()
	v = make([]float64, lt)
	v[0] = pars.VInit
	iinj = nma.Must(neuron.InputCurrent(pars, iinj, stop))
	tr := 0.0
	for it := 0; it < lt-1; it++ {
		if tr > 0 {
			v[it] = pars.VReset
			tr--
		} else if v[it] >= pars.VTh {
			recSpikes = append(recSpikes, float64(it)*pars.Dt)
			v[it] = pars.VReset
			tr = refractorySteps
		}
		v[it+1] = v[it] + (-(v[it]-pars.EL)+iinj[it]/gl)*(pars.Dt/pars.TauM)
	}
	return v, recSpikes
}

func isiCvVariance(spikeTimes []float64) ([]float64, float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	d := nma.Diff(spikeTimes)
	return d, nma.Var(d) / nma.Mean(d)
}

func isiCvSampleStd(spikeTimes []float64) ([]float64, float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	d := nma.Diff(spikeTimes)
	n := float64(len(d))
	return d, math.Sqrt(nma.Var(d)*n/(n-1)) / nma.Mean(d)
}

func isiCvInverted(spikeTimes []float64) ([]float64, float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	d := nma.Diff(spikeTimes)
	return d, nma.Mean(d) / nma.Std(d)
}
