//go:build !nmagrade

package w2d3

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
	sol "github.com/nma-go/nma-go/solutions/w2d3"
)

// mistakesTutorial2 are the classic mistakes of Tutorial 2's exercises (see mistakesTutorial1).
var mistakesTutorial2 = exercise.Mistakes{
	"W2D3.T2.E1": {
		{Name: "means not subtracted", Hint: "a correlation is about deviations from the mean: subtract each series' mean before multiplying",
			Impl: MyCCFunc(myCCNoMean)},
		{Name: "variances instead of standard deviations", Hint: "normalise the covariance by the product of the standard deviations: the square root of var_i·var_j",
			Impl: MyCCFunc(myCCVariances)},
		{Name: "divisors mixed (n−1 and n)", Hint: "divide the covariance and the variances by the same n (or the same n − 1): then the divisors cancel",
			Impl: MyCCFunc(myCCMixedDivisors)},
		{Name: "covariance only", Hint: "the covariance still has units: divide it by both standard deviations to get a correlation between −1 and 1",
			Impl: MyCCFunc(myCCCovariance)},
	},
	"W2D3.T2.E2": {
		{Name: "the same seed in every trial", Hint: "each trial is a new realisation: trial i uses seed 2020 + i",
			Impl: CorrPairsFunc(corrPairsOneSeed)},
		{Name: "a train correlated with itself", Hint: "correlate the first train's binned counts with the second train's",
			Impl: CorrPairsFunc(corrPairsSelf)},
	},
}

// means returns the means of i and j.
func means(i, j []float64) (mi, mj float64) {
	for k := range i {
		mi += i[k]
		mj += j[k]
	}
	return mi / float64(len(i)), mj / float64(len(j))
}

func myCCNoMean(i, j []float64) float64 {
	var cov, varI, varJ float64
	for k := range i {
		cov += i[k] * j[k]
		varI += i[k] * i[k]
		varJ += j[k] * j[k]
	}
	return cov / math.Sqrt(varI*varJ)
}

func myCCVariances(i, j []float64) float64 {
	mi, mj := means(i, j)
	var cov, varI, varJ float64
	for k := range i {
		cov += (i[k] - mi) * (j[k] - mj)
		varI += (i[k] - mi) * (i[k] - mi)
		varJ += (j[k] - mj) * (j[k] - mj)
	}
	return cov / (varI * varJ)
}

func myCCMixedDivisors(i, j []float64) float64 {
	mi, mj := means(i, j)
	n := float64(len(i))
	var cov, varI, varJ float64
	for k := range i {
		cov += (i[k] - mi) * (j[k] - mj)
		varI += (i[k] - mi) * (i[k] - mi)
		varJ += (j[k] - mj) * (j[k] - mj)
	}
	return (cov / (n - 1)) / math.Sqrt(varI/n*varJ/n)
}

func myCCCovariance(i, j []float64) float64 {
	mi, mj := means(i, j)
	var cov float64
	for k := range i {
		cov += (i[k] - mi) * (j[k] - mj)
	}
	return cov / float64(len(i))
}

func corrPairsOneSeed(pars neuron.Pars, rate, c float64, trials int, bins []float64) []float64 {
	r12 := make([]float64, trials)
	for i := 0; i < trials; i++ {
		sp1, sp2, err := neuron.CorrPoisson(pars, rate, c, 2020)
		if err != nil {
			panic(err)
		}
		sp1Count, _ := nma.Histogram(sp1, bins)
		sp2Count, _ := nma.Histogram(sp2, bins)
		r12[i] = sol.MyCC(sp1Count, sp2Count)
	}
	return r12
}

func corrPairsSelf(pars neuron.Pars, rate, c float64, trials int, bins []float64) []float64 {
	r12 := make([]float64, trials)
	for i := 0; i < trials; i++ {
		sp1, _, err := neuron.CorrPoisson(pars, rate, c, uint32(2020+i))
		if err != nil {
			panic(err)
		}
		sp1Count, _ := nma.Histogram(sp1, bins)
		r12[i] = sol.MyCC(sp1Count, sp1Count)
	}
	return r12
}
