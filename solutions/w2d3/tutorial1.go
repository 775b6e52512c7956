package w2d3

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/neuron"
)

// RunLIF simulates the LIF neuron with parameters pars driven by the current iinj (pA; one
// value for a constant current, or one per time step) and returns the membrane potential at
// every time step (mV) and the spike times (ms). With stop the current is a 200 ms pulse in
// the middle of the run. Exercise W2D3.T1.E1.
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
		dv := (-(v[it] - pars.EL) + iinj[it]/pars.GL) * (dt / pars.TauM)

		// Update the membrane potential
		v[it+1] = v[it] + dv
	}
	return v, recSpikes
}

// IsiCvLIF returns the inter-spike intervals of the spike times (ms) and their coefficient of
// variation std(ISI)/mean(ISI); with fewer than two spikes it returns nil and NaN.
// Exercise W2D3.T1.E2.
func IsiCvLIF(spikeTimes []float64) (isi []float64, cv float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	// Compute isi
	isi = make([]float64, len(spikeTimes)-1)
	for k := range isi {
		isi[k] = spikeTimes[k+1] - spikeTimes[k]
	}
	// Compute cv
	cv = nma.Std(isi) / nma.Mean(isi)
	return isi, cv
}
