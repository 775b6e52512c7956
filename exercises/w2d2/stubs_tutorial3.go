package w2d2

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/rng"
)

// RandomWalkSimulator simulates N random walks of T time steps whose steps are Gaussian with
// mean mu and standard deviation sigma; sim[i][k] is the position of walk i after step k.
func RandomWalkSimulator(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
	// TODO(W2D2.T3.E1): for each walk i = 0 … N−1 (in this order, like NumPy's
	// np.random.normal(mu, sigma, size=(N, T)) fills its rows):
	//   steps, err := r.Normal(mu, sigma, T)   // the T Gaussian steps of walk i
	// and store the cumulative sum of the steps in sim[i] (sim[i][k] = steps[0] + … +
	// steps[k]). Return sim and delete the panic.
	panic(exercise.TODO("W2D2.T3.E1"))
}

// MeanAndVariance returns the mean and the variance (divided by N) of the walkers'
// positions at every time step.
func MeanAndVariance(sim [][]float64) (mu, variance []float64) {
	// TODO(W2D2.T3.E2): for every time step k, average sim[i][k] over the N walks i to get
	// mu[k], and average (sim[i][k] − mu[k])² to get variance[k] (np.mean and np.var with
	// axis=0). Return them and delete the panic.
	panic(exercise.TODO("W2D2.T3.E2"))
}

// SimulateDDM simulates T steps of the drift-diffusion model
// x[k+1] = x∞ + λ(x[k] − x∞) + σ·η with η ~ N(0, 1) from r, and returns t = 0, 1, …, T−1
// and x.
func SimulateDDM(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) (t, x []float64) {
	// TODO(W2D2.T3.E3): make t = 0, 1, …, T−1 and x with x[0] = x0; then for
	// k = 0 … T−2 set x[k+1] to the deterministic part xinfty + lam·(x[k] − xinfty) plus
	// the random part sig·η, where η = r.NormFloat64() is a standard normal number (one draw
	// per step, in order). Return t and x and delete the panic.
	panic(exercise.TODO("W2D2.T3.E3"))
}

// AnalyticalVariances returns the equilibrium variance σ²/(1 − λ²) of the drift-diffusion
// model for each λ in lambdas.
func AnalyticalVariances(sig float64, lambdas []float64) []float64 {
	// TODO(W2D2.T3.E4): return a slice with sig²/(1 − lam²) for every lam in lambdas, and
	// delete the panic.
	panic(exercise.TODO("W2D2.T3.E4"))
}
