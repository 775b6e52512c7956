//lint:file-ignore SA4006 the stubs are unfinished on purpose: a blank never returns, so the code after it looks dead

package w2d3

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// RunLIF simulates the LIF neuron with parameters pars driven by the current iinj (pA; one
// value for a constant current, or one per time step) and returns the membrane potential at
// every time step (mV) and the spike times (ms). With stop the current is a 200 ms pulse in
// the middle of the run.
func RunLIF(pars neuron.Pars, iinj []float64, stop bool) (v, recSpikes []float64) {
	// Set parameters
	vTh, vReset := pars.VTh, pars.VReset
	dt := pars.Dt
	lt := pars.Lt()
	tref := pars.TRef

	// Initialize voltage
	v = make([]float64, lt)
	v[0] = pars.VInit

	// Set current time course (one value per step; a pulse if stop)
	iinj = nma.Must(neuron.InputCurrent(pars, iinj, stop))

	// Loop over time
	tr := 0.0 // the count for refractory duration
	for it := 0; it < lt-1; it++ {
		if tr > 0 { // check if in refractory period
			v[it] = vReset // set voltage to reset
			tr = tr - 1    // reduce running counter of refractory period
		} else if v[it] >= vTh { // if voltage over threshold
			recSpikes = append(recSpikes, float64(it)*dt) // record spike event (in ms)
			v[it] = vReset                                // reset voltage
			tr = tref / dt                                // set refractory time
		}

		// Calculate the increment of the membrane potential
		dv := exercise.Blank[float64]("W2D3.T1.E1") // ← the Euler increment of V over dt, from v[it], iinj[it], pars.EL, pars.GL and pars.TauM

		// Update the membrane potential
		v[it+1] = v[it] + dv
	}
	return v, recSpikes
}

// IsiCvLIF returns the inter-spike intervals of the spike times (ms) and their coefficient of
// variation CV_ISI; with fewer than two spikes it returns nil and NaN.
func IsiCvLIF(spikeTimes []float64) (isi []float64, cv float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	// Compute isi
	isi = exercise.Blank[[]float64]("W2D3.T1.E2") // ← the intervals between consecutive spike times (NumPy's np.diff)
	// Compute cv
	cv = exercise.Blank[float64]("W2D3.T1.E2", isi) // ← CV_ISI of isi, with the population standard deviation (nma.Std, nma.Mean)
	return isi, cv
}
