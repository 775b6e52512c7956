package w2d3

import (
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
)

// MyCC returns the sample correlation coefficient of two time series of the same length.
func MyCC(i, j []float64) float64 {
	// Calculate the covariance of i and j, around their sample means (nma.Mean, or a loop)
	cov := exercise.Blank[float64]("W2D3.T2.E1") // ← cov(i, j), the sum over the time bins k

	// Calculate the variance of i and of j
	varI := exercise.Blank[float64]("W2D3.T2.E1") // ← var(i)
	varJ := exercise.Blank[float64]("W2D3.T2.E1") // ← var(j)

	// Calculate the correlation coefficient
	rij := exercise.Blank[float64]("W2D3.T2.E1", cov, varI, varJ) // ← r_ij from cov, varI and varJ (math.Sqrt)
	return rij
}

// CorrCoeffPairs returns the correlation coefficient of the binned spike counts of a pair of
// correlated Poisson trains (rate in Hz, correlation c) for each of trials realisations,
// seeded 2020, 2021, …; bins are the edges of the time bins (ms).
func CorrCoeffPairs(pars neuron.Pars, rate, c float64, trials int, bins []float64) []float64 {
	r12 := make([]float64, trials)
	for i := 0; i < trials; i++ {
		// Generate correlated Poisson inputs
		sp1, sp2 := nma.Must2(neuron.CorrPoisson(pars, rate, c, uint32(2020+i)))

		// Bin the spike times of the first and of the second input
		sp1Count := exercise.Blank[[]float64]("W2D3.T2.E2", sp1) // ← the spike counts of sp1 in the bins (nma.Histogram)
		sp2Count := exercise.Blank[[]float64]("W2D3.T2.E2", sp2) // ← those of sp2

		// Calculate the correlation coefficient
		r12[i] = exercise.Blank[float64]("W2D3.T2.E2", sp1Count, sp2Count) // ← the correlation of the two count series, with your MyCC
	}
	return r12
}
