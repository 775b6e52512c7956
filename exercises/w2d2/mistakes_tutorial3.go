//go:build !nmagrade

package w2d2

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/rng"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
)

// mistakesTutorial3 are the classic mistakes of Tutorial 3's exercises (see mistakesTutorial1).
var mistakesTutorial3 = exercise.Mistakes{
	"W2D2.T3.E1": {
		{Name: "steps instead of positions", Hint: "a walker's position is where all its steps so far have taken it: a running (cumulative) sum of the steps",
			Impl: RandomWalkFunc(randomWalkSteps)},
		{Name: "σ² instead of σ", Hint: "the generator takes the steps' standard deviation σ itself, not the variance σ²",
			Impl: RandomWalkFunc(randomWalkVariance)},
		{Name: "positions start at 0", Hint: "sim[i][k] is the position after step k: the sum includes step k itself, so the first position is the first step",
			Impl: RandomWalkFunc(randomWalkShifted)},
		{Name: "steps drawn across walks first", Hint: "NumPy's size=(N, T) fills a row first: draw all T steps of one walk, then the next walk's",
			Impl: RandomWalkFunc(randomWalkColumns)},
	},
	"W2D2.T3.E2": {
		{Name: "variance divided by N − 1", Hint: "the course takes np.var, which divides the summed squared deviations by N (ddof = 0), the number of walks",
			Impl: MeanVarFunc(meanVarSample)},
		{Name: "standard deviation instead of variance", Hint: "the variance is the mean squared deviation itself, without a square root",
			Impl: MeanVarFunc(meanVarStd)},
		{Name: "averaged over time instead of walks", Hint: "average over the walks (the rows, axis 0): one mean and one variance per time step, not per walk",
			Impl: MeanVarFunc(meanVarOverTime)},
		{Name: "deviations from 0, not from the mean", Hint: "the variance measures the spread around the mean: subtract mu[k] from each position before squaring",
			Impl: MeanVarFunc(meanVarNoMean)},
	},
	"W2D2.T3.E3": {
		{Name: "x∞ not added back", Hint: "λ shrinks the distance from x∞ each step: the new x is x∞ plus that shrunk distance (plus the noise)",
			Impl: SimulateDDMFunc(ddmNoOffset)},
		{Name: "noise scaled by σ²", Hint: "σ is the noise's standard deviation: η ~ N(0, 1) is multiplied by σ, not by the variance σ²",
			Impl: SimulateDDMFunc(ddmVarianceNoise)},
		{Name: "one η for the whole run", Hint: "every step gets fresh noise: draw a new η inside the loop, once per step",
			Impl: SimulateDDMFunc(ddmOneDraw)},
	},
	"W2D2.T3.E4": {
		{Name: "σ instead of σ²", Hint: "the equilibrium variance balances the noise's variance σ², not its standard deviation",
			Impl: AnalyticVarsFunc(analyticVarsSigma)},
		{Name: "1 − λ instead of 1 − λ²", Hint: "each step scales the variance by λ², not λ: the denominator is 1 − λ²",
			Impl: AnalyticVarsFunc(analyticVarsLambda)},
		{Name: "standard deviation instead of variance", Hint: "the exercise asks for the equilibrium variance itself, not its square root",
			Impl: AnalyticVarsFunc(analyticVarsStd)},
	},
}

// randomWalk draws the steps of each walk as the solution does (with scale sigma) and turns
// them into positions with positions.
func randomWalk(N, T int, mu, sigma float64, r *rng.RandomState, positions func(steps []float64) []float64) [][]float64 {
	sim := make([][]float64, N)
	for i := range sim {
		sim[i] = positions(nma.Must(r.Normal(mu, sigma, T)))
	}
	return sim
}

// cumsum returns the running sums of steps.
func cumsum(steps []float64) []float64 {
	out := make([]float64, len(steps))
	pos := 0.0
	for k, s := range steps {
		pos += s
		out[k] = pos
	}
	return out
}

func randomWalkSteps(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
	return randomWalk(N, T, mu, sigma, r, func(steps []float64) []float64 { return steps })
}

func randomWalkVariance(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
	return randomWalk(N, T, mu, sigma*sigma, r, cumsum)
}

func randomWalkShifted(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
	return randomWalk(N, T, mu, sigma, r, func(steps []float64) []float64 {
		out := make([]float64, len(steps))
		for k := 1; k < len(steps); k++ {
			out[k] = out[k-1] + steps[k-1]
		}
		return out
	})
}

func randomWalkColumns(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
	draws := nma.Must(r.Normal(mu, sigma, N*T))
	sim := make([][]float64, N)
	for i := range sim {
		steps := make([]float64, T)
		for k := range steps {
			steps[k] = draws[k*N+i]
		}
		sim[i] = cumsum(steps)
	}
	return sim
}

// meanVar is the solution's loop with the variance of the positions pos around their mean m
// given by spread.
func meanVar(sim [][]float64, spread func(pos []float64, m float64) float64) (mu, variance []float64) {
	N, T := len(sim), len(sim[0])
	mu = make([]float64, T)
	variance = make([]float64, T)
	pos := make([]float64, N)
	for k := range T {
		for i := range N {
			pos[i] = sim[i][k]
		}
		mu[k] = nma.Mean(pos)
		variance[k] = spread(pos, mu[k])
	}
	return mu, variance
}

// sumSq returns Σ (p − m)².
func sumSq(pos []float64, m float64) float64 {
	s := 0.0
	for _, p := range pos {
		s += (p - m) * (p - m)
	}
	return s
}

func meanVarSample(sim [][]float64) (mu, variance []float64) {
	return meanVar(sim, func(pos []float64, m float64) float64 { return sumSq(pos, m) / float64(len(pos)-1) })
}

func meanVarStd(sim [][]float64) (mu, variance []float64) {
	return meanVar(sim, func(pos []float64, m float64) float64 { return math.Sqrt(sumSq(pos, m) / float64(len(pos))) })
}

func meanVarNoMean(sim [][]float64) (mu, variance []float64) {
	return meanVar(sim, func(pos []float64, _ float64) float64 { return sumSq(pos, 0) / float64(len(pos)) })
}

func meanVarOverTime(sim [][]float64) (mu, variance []float64) {
	mu = make([]float64, len(sim))
	variance = make([]float64, len(sim))
	for i, walk := range sim {
		mu[i] = nma.Mean(walk)
		variance[i] = sumSq(walk, mu[i]) / float64(len(walk))
	}
	return mu, variance
}

// ddm is the solution's loop with the step x[k] → x[k+1] given by step.
func ddm(x0 float64, T int, step func(k int, xk float64) float64) (t, x []float64) {
	t = make([]float64, T)
	x = make([]float64, T)
	for k := range t {
		t[k] = float64(k)
	}
	x[0] = x0
	for k := 0; k < T-1; k++ {
		x[k+1] = step(k, x[k])
	}
	return t, x
}

func ddmNoOffset(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) (t, x []float64) {
	return ddm(x0, T, func(_ int, xk float64) float64 { return lam*(xk-xinfty) + sig*r.NormFloat64() })
}

func ddmVarianceNoise(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) (t, x []float64) {
	return ddm(x0, T, func(_ int, xk float64) float64 { return xinfty + lam*(xk-xinfty) + sig*sig*r.NormFloat64() })
}

func ddmOneDraw(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) (t, x []float64) {
	eta := r.NormFloat64()
	return ddm(x0, T, func(_ int, xk float64) float64 { return xinfty + lam*(xk-xinfty) + sig*eta })
}

func analyticVars(lambdas []float64, v func(lam float64) float64) []float64 {
	out := make([]float64, len(lambdas))
	for i, lam := range lambdas {
		out[i] = v(lam)
	}
	return out
}

func analyticVarsSigma(sig float64, lambdas []float64) []float64 {
	return analyticVars(lambdas, func(lam float64) float64 { return sig / (1 - lam*lam) })
}

func analyticVarsLambda(sig float64, lambdas []float64) []float64 {
	return analyticVars(lambdas, func(lam float64) float64 { return sig * sig / (1 - lam) })
}

func analyticVarsStd(sig float64, lambdas []float64) []float64 {
	v := sol.AnalyticalVariances(sig, lambdas)
	for i := range v {
		v[i] = math.Sqrt(v[i])
	}
	return v
}
