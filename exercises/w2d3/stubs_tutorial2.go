//lint:file-ignore SA4008 the stubs are unfinished on purpose: the student completes the loop

package w2d3

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// MyCC returns the sample correlation coefficient of two time series of the same length.
func MyCC(i, j []float64) float64 {
	// TODO(W2D3.T2.E1): with the sample means ī and j̄ of the two series, compute
	//   cov  = Σ_k (i[k] − ī)(j[k] − j̄)
	//   varI = Σ_k (i[k] − ī)²,   varJ = Σ_k (j[k] − j̄)²
	//   rij  = cov / sqrt(varI·varJ)        (math.Sqrt)
	// return rij and delete the panic.
	panic(exercise.TODO("W2D3.T2.E1"))
}

// CorrCoeffPairs returns the correlation coefficient of the binned spike counts of a pair of
// correlated Poisson trains (rate in Hz, correlation c) for each of trials realisations,
// seeded 2020, 2021, …; bins are the edges of the time bins (ms).
func CorrCoeffPairs(pars neuron.Pars, rate, c float64, trials int, bins []float64) []float64 {
	r12 := make([]float64, trials)
	for i := 0; i < trials; i++ {
		// TODO(W2D3.T2.E2): for realisation i
		//   1. generate the correlated Poisson spike times with a new seed per trial:
		//        sp1, sp2, err := neuron.CorrPoisson(pars, rate, c, uint32(2020+i))
		//   2. bin the spike times of each train: counts, _ := nma.Histogram(sp, bins)
		//   3. set r12[i] to the correlation of the two count series, with your MyCC.
		// Then delete the panic.
		panic(exercise.TODO("W2D3.T2.E2"))
	}
	return r12
}
