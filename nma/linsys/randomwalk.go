package linsys

import (
	"errors"
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// CoinFlipWalk returns T positions of a ±1 random walk that starts at 0: each step is
// np.random.choice([-1, 1]) (one draw per step, in order), so rng.New(2020) gives the
// course's first walk.
func CoinFlipWalk(T int, r *rng.RandomState) ([]float64, error) {
	if T < 1 {
		return nil, fmt.Errorf("linsys.CoinFlipWalk: T=%d must be at least 1", T)
	}
	if r == nil {
		return nil, errors.New("linsys.CoinFlipWalk: r is nil (use rng.New(seed))")
	}
	x := make([]float64, T)
	for k := 0; k < T-1; k++ {
		step, err := rng.Choice(r, []float64{-1, 1}, 1)
		if err != nil {
			return nil, err
		}
		x[k+1] = x[k] + step[0]
	}
	return x, nil
}

// RandomWalks simulates N random walks of T steps each whose steps are Gaussian with mean
// mu and standard deviation sigma (the course's random_walk_simulator): the steps are
// np.random.normal(mu, sigma, size=(N, T)), drawn row by row, and sim[i] is the cumulative
// sum of walk i's steps. With rng.New(2020) the walks are the course's.
func RandomWalks(N, T int, mu, sigma float64, r *rng.RandomState) ([][]float64, error) {
	switch {
	case N < 1 || T < 1:
		return nil, fmt.Errorf("linsys.RandomWalks: N=%d and T=%d must both be at least 1", N, T)
	case float64(N)*float64(T) > 5e8:
		return nil, fmt.Errorf("linsys.RandomWalks: N·T=%d·%d is too many steps (limit 5e8)", N, T)
	case !(sigma >= 0) || math.IsInf(sigma, 0):
		return nil, fmt.Errorf("linsys.RandomWalks: sigma=%g must be non-negative", sigma)
	case math.IsNaN(mu) || math.IsInf(mu, 0):
		return nil, fmt.Errorf("linsys.RandomWalks: mu=%g must be finite", mu)
	case r == nil:
		return nil, errors.New("linsys.RandomWalks: r is nil (use rng.New(seed))")
	}
	sim := make([][]float64, N)
	flat := make([]float64, N*T) // one allocation for all walks
	for i := range sim {
		row, err := r.Normal(mu, sigma, T)
		if err != nil {
			return nil, err
		}
		sim[i] = flat[i*T : (i+1)*T : (i+1)*T]
		var s float64
		for k, v := range row {
			s += v
			sim[i][k] = s
		}
	}
	return sim, nil
}

// MeanVar returns the mean and the variance (ddof = 0) across walks at every time step:
// np.mean(sim, axis=0) and np.var(sim, axis=0). The sums run walk by walk in order, as NumPy
// reduces over the first axis of a C-ordered array (its pairwise summation, nma.Sum, applies
// only along the contiguous last axis), so the results are NumPy's to the last bit.
func MeanVar(sim [][]float64) (mean, variance []float64, err error) {
	if len(sim) == 0 {
		return nil, nil, errors.New("linsys.MeanVar: sim has no walks")
	}
	T := len(sim[0])
	for i, w := range sim {
		if len(w) != T {
			return nil, nil, fmt.Errorf("linsys.MeanVar: walk %d has %d steps, walk 0 has %d", i, len(w), T)
		}
	}
	mean = make([]float64, T)
	variance = make([]float64, T)
	n := float64(len(sim))
	for _, w := range sim {
		for k, v := range w {
			mean[k] += v
		}
	}
	for k := range mean {
		mean[k] /= n
	}
	for _, w := range sim {
		for k, v := range w {
			d := v - mean[k]
			variance[k] += d * d
		}
	}
	for k := range variance {
		variance[k] /= n
	}
	return mean, variance, nil
}

// ColumnAt returns the values of every walk at time index k (sim[:, k]).
func ColumnAt(sim [][]float64, k int) []float64 {
	out := make([]float64, len(sim))
	for i, w := range sim {
		out[i] = w[k]
	}
	return out
}

// Decay returns T steps of the deterministic process x[k+1] = x∞ + λ(x[k] − x∞) from
// x[0] = x0, whose solution is x[k] = x∞ + (x0 − x∞)·λ^k.
func Decay(lam, x0, xinfty float64, T int) ([]float64, error) {
	if T < 1 {
		return nil, fmt.Errorf("linsys.Decay: T=%d must be at least 1", T)
	}
	x := make([]float64, T)
	x[0] = x0
	for k := 0; k < T-1; k++ {
		x[k+1] = xinfty + lam*(x[k]-xinfty)
	}
	return x, nil
}

// DDM simulates T steps of the discrete Ornstein–Uhlenbeck (drift-diffusion) process
//
//	x[k+1] = x∞ + λ(x[k] − x∞) + σ·η,  η ~ N(0, 1)
//
// from x[0] = x0 (the course's ddm(T, x0, xinfty, lam, sig)). Each η is one
// np.random.standard_normal(size=1) draw from r, so rng.New(2020) reproduces the course.
// It returns the steps t = 0, 1, …, T−1 and x.
func DDM(T int, x0, xinfty, lam, sig float64, r *rng.RandomState) (t, x []float64, err error) {
	switch {
	case T < 1:
		return nil, nil, fmt.Errorf("linsys.DDM: T=%d must be at least 1", T)
	case !(sig >= 0) || math.IsInf(sig, 0):
		return nil, nil, fmt.Errorf("linsys.DDM: sig=%g must be non-negative", sig)
	case math.IsNaN(lam) || math.IsInf(lam, 0):
		return nil, nil, fmt.Errorf("linsys.DDM: lam=%g must be finite", lam)
	case r == nil:
		return nil, nil, errors.New("linsys.DDM: r is nil (use rng.New(seed))")
	}
	t = make([]float64, T)
	x = make([]float64, T)
	x[0] = x0
	for k := range t {
		t[k] = float64(k)
	}
	for k := 0; k < T-1; k++ {
		x[k+1] = xinfty + lam*(x[k]-xinfty) + sig*r.NormFloat64()
	}
	return t, x, nil
}

// DDMEqVar simulates DDM and returns the variance of its last round(T/2) samples, an
// estimate of the equilibrium variance (the course's ddm_eq_var; it assumes the process
// has settled by then). Python's round (half to even) sets the window; the variance is
// nma.Var, summed pairwise as NumPy's x.var() is.
func DDMEqVar(T int, x0, xinfty, lam, sig float64, r *rng.RandomState) (float64, error) {
	_, x, err := DDM(T, x0, xinfty, lam, sig, r)
	if err != nil {
		return 0, err
	}
	n := int(math.RoundToEven(float64(T) / 2))
	if n < 1 {
		return 0, fmt.Errorf("linsys.DDMEqVar: T=%d leaves no samples in the second half", T)
	}
	return nma.Var(x[len(x)-n:]), nil
}

// EqVar is the equilibrium variance of the discrete OU process, σ²/(1 − λ²) for |λ| < 1.
func EqVar(lam, sig float64) float64 { return sig * sig / (1 - lam*lam) }
