package w2d2

import (
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// RandomWalkSimulator simulates N random walks of T time steps whose steps are Gaussian with
// mean mu and standard deviation sigma; sim[i][k] is the position of walk i after step k.
// Exercise W2D2.T3.E1.
func RandomWalkSimulator(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
	sim := make([][]float64, N)
	for i := range sim {
		// generate the T random steps of walk i (np.random.normal(mu, sigma, size=(N, T))
		// draws them walk by walk)
		steps := nma.Must(r.Normal(mu, sigma, T))
		// the position is the cumulative sum of the steps
		sim[i] = make([]float64, T)
		pos := 0.0
		for k, s := range steps {
			pos += s
			sim[i][k] = pos
		}
	}
	return sim
}

// MeanAndVariance returns the mean and the variance (divided by N) of the walkers'
// positions at every time step. Exercise W2D2.T3.E2.
func MeanAndVariance(sim [][]float64) (mu, variance []float64) {
	N, T := len(sim), len(sim[0])
	mu = make([]float64, T)
	variance = make([]float64, T)
	for k := range T {
		for i := range N {
			mu[k] += sim[i][k]
		}
		mu[k] /= float64(N)
		for i := range N {
			d := sim[i][k] - mu[k]
			variance[k] += d * d
		}
		variance[k] /= float64(N)
	}
	return mu, variance
}

// SimulateDDM simulates T steps of the drift-diffusion model
// x[k+1] = x∞ + λ(x[k] − x∞) + σ·η with η ~ N(0, 1) from r, and returns t = 0, 1, …, T−1
// and x. Exercise W2D2.T3.E3.
func SimulateDDM(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) (t, x []float64) {
	// initialize variables
	t = make([]float64, T)
	x = make([]float64, T)
	for k := range t {
		t[k] = float64(k)
	}
	x[0] = x0

	// Step through in time
	for k := 0; k < T-1; k++ {
		// a deterministic and a stochastic component
		x[k+1] = xinfty + lam*(x[k]-xinfty) + sig*r.NormFloat64()
	}
	return t, x
}

// AnalyticalVariances returns the equilibrium variance σ²/(1 − λ²) of the drift-diffusion
// model for each λ in lambdas. Exercise W2D2.T3.E4.
func AnalyticalVariances(sig float64, lambdas []float64) []float64 {
	out := make([]float64, len(lambdas))
	for i, lam := range lambdas {
		out[i] = sig * sig / (1 - lam*lam)
	}
	return out
}
