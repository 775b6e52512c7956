package w2d3

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/neuron"
)

// MyCC returns the sample correlation coefficient of two time series of the same length.
// Exercise W2D3.T2.E1.
func MyCC(i, j []float64) float64 {
	var mi, mj float64
	for k := range i {
		mi += i[k]
		mj += j[k]
	}
	mi /= float64(len(i))
	mj /= float64(len(j))

	var cov, varI, varJ float64
	for k := range i {
		// Calculate the covariance of i and j
		cov += (i[k] - mi) * (j[k] - mj)
		// Calculate the variance of i and of j
		varI += (i[k] - mi) * (i[k] - mi)
		varJ += (j[k] - mj) * (j[k] - mj)
	}

	// Calculate the correlation coefficient
	rij := cov / math.Sqrt(varI*varJ)
	return rij
}

// CorrCoeffPairs returns the correlation coefficient of the binned spike counts of a pair of
// correlated Poisson trains (rate in Hz, correlation c) for each of trials realisations,
// seeded 2020, 2021, …; bins are the edges of the time bins (ms). Exercise W2D3.T2.E2.
func CorrCoeffPairs(pars neuron.Pars, rate, c float64, trials int, bins []float64) []float64 {
	r12 := make([]float64, trials)
	for i := 0; i < trials; i++ {
		// Generate correlated Poisson inputs
		sp1, sp2 := nma.Must2(neuron.CorrPoisson(pars, rate, c, uint32(2020+i)))

		// Bin the spike times of the first and of the second input
		sp1Count, _ := nma.Histogram(sp1, bins)
		sp2Count, _ := nma.Histogram(sp2, bins)

		// Calculate the correlation coefficient
		r12[i] = MyCC(sp1Count, sp2Count)
	}
	return r12
}
