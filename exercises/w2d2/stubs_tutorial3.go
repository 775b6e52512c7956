package w2d2

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/rng"
)

// RandomWalkSimulator simulates N random walks of T time steps whose steps are Gaussian with
// mean mu and standard deviation sigma; sim[i][k] is the position of walk i after step k.
func RandomWalkSimulator(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
	sim := make([][]float64, N)
	for i := range sim {
		// generate the T random steps of walk i (np.random.normal(mu, sigma, size=(N, T))
		// draws them walk by walk)
		steps := exercise.Blank[[]float64]("W2D2.T3.E1") // ← T Gaussian numbers from r (r.Normal, wrapped in nma.Must)

		// the position is the cumulative sum of the steps
		sim[i] = exercise.Blank[[]float64]("W2D2.T3.E1", steps) // ← the positions of walk i after each of its steps
	}
	return sim
}

// MeanAndVariance returns the mean and the variance (divided by N) of the walkers'
// positions at every time step.
func MeanAndVariance(sim [][]float64) (mu, variance []float64) {
	T := len(sim[0]) // time steps; the N walks are the rows of sim
	mu = make([]float64, T)
	variance = make([]float64, T)
	for k := range T {
		mu[k] = exercise.Blank[float64]("W2D2.T3.E2")       // ← the mean of the positions sim[i][k] over the walks i
		variance[k] = exercise.Blank[float64]("W2D2.T3.E2") // ← their variance around mu[k], divided by N
	}
	return mu, variance
}

// SimulateDDM simulates T steps of the drift-diffusion model (the equation above) with η
// drawn from r, and returns t = 0, 1, …, T−1 and x.
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
		x[k+1] = exercise.Blank[float64]("W2D2.T3.E3") // ← x_{k+1} from x[k], lam, xinfty, sig and η = r.NormFloat64() (one draw per step)
	}
	return t, x
}

// AnalyticalVariances returns the equilibrium variance of the drift-diffusion model (the
// formula above) for each λ in lambdas.
func AnalyticalVariances(sig float64, lambdas []float64) []float64 {
	out := make([]float64, len(lambdas))
	for i := range lambdas {
		out[i] = exercise.Blank[float64]("W2D2.T3.E4") // ← the equilibrium variance for σ = sig and λ = lambdas[i]
	}
	return out
}
