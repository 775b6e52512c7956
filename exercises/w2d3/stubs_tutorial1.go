//lint:file-ignore SA4006,SA4008,SA4010 the stubs are unfinished on purpose: the student completes the loop

package w2d3

import (
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
	iinj, err := neuron.InputCurrent(pars, iinj, stop)
	if err != nil {
		panic(err)
	}

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

		// TODO(W2D3.T1.E1): calculate the increment of the membrane potential,
		//   dv = (−(v[it] − E_L) + I[it]/g_L)·(dt/τ_m)
		// with E_L = pars.EL, I = iinj, g_L = pars.GL and τ_m = pars.TauM; update
		//   v[it+1] = v[it] + dv
		// and delete the panic.
		panic(exercise.TODO("W2D3.T1.E1"))
	}
	return v, recSpikes
}

// IsiCvLIF returns the inter-spike intervals of the spike times (ms) and their coefficient of
// variation std(ISI)/mean(ISI); with fewer than two spikes it returns nil and NaN.
func IsiCvLIF(spikeTimes []float64) (isi []float64, cv float64) {
	// TODO(W2D3.T1.E2): with fewer than two spikes, return nil, math.NaN(). Otherwise
	// compute the intervals isi[k] = spikeTimes[k+1] − spikeTimes[k] (NumPy's np.diff) and
	// cv = std(isi)/mean(isi), where std is the population standard deviation (nma.Std
	// and nma.Mean compute both, or write the loops). Return them and delete the panic.
	panic(exercise.TODO("W2D3.T1.E2"))
}
