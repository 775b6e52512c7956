package w2d2

import (
	"fmt"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
)

// The functions the exercises of Tutorial 3 ask for.
type (
	RandomWalkFunc   = func(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64
	MeanVarFunc      = func(sim [][]float64) (mu, variance []float64)
	SimulateDDMFunc  = func(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) (t, x []float64)
	AnalyticVarsFunc = func(sig float64, lambdas []float64) []float64
)

// CheckRandomWalkSimulator compares RandomWalkSimulator with the solution, both drawing
// from a generator with the same seed: the first walks of the tutorial's run (seed 2020),
// walks with drift and a larger step, and single walks and single steps.
func CheckRandomWalkSimulator(f RandomWalkFunc) exercise.Result {
	return exercise.Run("W2D2.T3.E1", "RandomWalkSimulator", func(c *exercise.C) {
		type run struct {
			N, T      int
			mu, sigma float64
			seed      uint32
		}
		for _, r := range []run{{10, 1000, 0, 1, 2020}, {200, 300, 0.1, 2, 1}, {1, 50, -0.5, 0.5, 7}, {5, 1, 0, 3, 3}} {
			in := exercise.Describe("RandomWalkSimulator", "N", r.N, "T", r.T, "mu", r.mu, "sigma", r.sigma) + fmt.Sprintf(" with rng.New(%d)", r.seed)
			want := sol.RandomWalkSimulator(r.N, r.T, r.mu, r.sigma, rng.New(r.seed))
			got := f(r.N, r.T, r.mu, r.sigma, rng.New(r.seed))
			c.True(len(got) == r.N, "%s: returned %d walks, expected N = %d (one row per walk)", in, len(got), r.N)
			for i := range want {
				c.True(len(got[i]) == r.T, "%s: walk %d has %d positions, expected T = %d", in, i, len(got[i]), r.T)
				for k := range want[i] {
					if !closeTo(want[i][k], got[i][k], 1e-9) {
						hint := "draw the steps walk by walk, T at a time, with r.Normal(mu, sigma, T) (NumPy's size=(N, T) fills rows first)"
						if k > 0 && closeTo(want[i][k]-want[i][k-1], got[i][k], 1e-9) {
							hint = "this is the step itself: each position is the sum of all steps so far (a cumulative sum)"
						}
						c.Fail("%s: walk %d, step %d: expected %.10g, got %.10g; %s", in, i, k, want[i][k], got[i][k], hint)
					}
				}
			}
		}
	})
}

// CheckMeanAndVariance compares MeanAndVariance with the solution on seeded random walks
// (as in Exercise 1B), a small hand-made example and a single walk (variance 0).
func CheckMeanAndVariance(f MeanVarFunc) exercise.Result {
	return exercise.Run("W2D2.T3.E2", "MeanAndVariance", func(c *exercise.C) {
		walks, err := linsys.RandomWalks(500, 200, 0, 1, rng.New(2020))
		if err != nil {
			panic(err)
		}
		drift, err := linsys.RandomWalks(50, 30, 0.4, 3, rng.New(5))
		if err != nil {
			panic(err)
		}
		cases := []struct {
			name string
			sim  [][]float64
		}{
			{"500 walks of 200 steps (seed 2020)", walks},
			{"50 walks with drift", drift},
			{"[[1, 2, 3], [3, 2, 1]]", [][]float64{{1, 2, 3}, {3, 2, 1}}},
			{"one walk", [][]float64{{0.5, -1, 2}}},
		}
		for _, k := range cases {
			in := "MeanAndVariance(" + k.name + ")"
			wantMu, wantVar := sol.MeanAndVariance(k.sim)
			gotMu, gotVar := f(copyRows(k.sim))
			c.True(len(gotMu) == len(wantMu) && len(gotVar) == len(wantVar),
				"%s: returned %d means and %d variances, expected one of each per time step (%d): average over the walks (axis 0)",
				in, len(gotMu), len(gotVar), len(wantMu))
			c.Floats(in+": mean", wantMu, gotMu, 1e-9)
			c.Floats(in+": variance (divide by N, as np.var)", wantVar, gotVar, 1e-9)
		}
	})
}

// CheckSimulateDDM compares SimulateDDM with the solution, both drawing from generators with
// the same seed: the tutorial's run (λ = 0.9, σ = 0.1, x0 = 4, x∞ = 1, T = 500, seed 2020),
// no noise, a negative λ, and a single step.
func CheckSimulateDDM(f SimulateDDMFunc) exercise.Result {
	return exercise.Run("W2D2.T3.E3", "SimulateDDM", func(c *exercise.C) {
		type run struct {
			lam, sig, x0, xinfty float64
			T                    int
			seed                 uint32
		}
		for _, r := range []run{{0.9, 0.1, 4, 1, 500, 2020}, {0.9, 0, 4, 1, 100, 1}, {0.5, 1, -2, 3, 200, 3}, {-0.7, 0.3, 1, 0, 50, 4}, {0.9, 0.1, 4, 1, 1, 5}} {
			in := exercise.Describe("SimulateDDM", "lam", r.lam, "sig", r.sig, "x0", r.x0, "xinfty", r.xinfty, "T", r.T) + fmt.Sprintf(" with rng.New(%d)", r.seed)
			wantT, wantX := sol.SimulateDDM(r.lam, r.sig, r.x0, r.xinfty, r.T, rng.New(r.seed))
			gotT, gotX := f(r.lam, r.sig, r.x0, r.xinfty, r.T, rng.New(r.seed))
			c.Floats(in+": t", wantT, gotT, 1e-12)
			c.True(len(gotX) == len(wantX), "%s: x has %d values, expected T = %d", in, len(gotX), len(wantX))
			c.Floats(in+": x", wantX, gotX, 1e-9)
		}
	})
}

// CheckAnalyticalVariances compares AnalyticalVariances with the solution on the tutorial's
// sweep (σ = 0.87, λ = 0.05, 0.06, …, 0.94) and on other σ and negative λ.
func CheckAnalyticalVariances(f AnalyticVarsFunc) exercise.Result {
	return exercise.Run("W2D2.T3.E4", "AnalyticalVariances", func(c *exercise.C) {
		for _, k := range []struct {
			sig     float64
			lambdas []float64
		}{{0.87, nma.Arange(0.05, 0.95, 0.01)}, {0.1, []float64{0.9}}, {2, []float64{-0.5, 0, 0.5}}} {
			in := fmt.Sprintf("AnalyticalVariances(sig=%g, %d lambdas from %g to %g)", k.sig, len(k.lambdas), k.lambdas[0], k.lambdas[len(k.lambdas)-1])
			want := sol.AnalyticalVariances(k.sig, k.lambdas)
			got := f(k.sig, append([]float64(nil), k.lambdas...))
			c.True(len(got) == len(want), "%s: returned %d values, expected one per lambda (%d)", in, len(got), len(want))
			c.Floats(in, want, got, 1e-9)
		}
	})
}

func copyRows(a [][]float64) [][]float64 {
	out := make([][]float64, len(a))
	for i := range a {
		out[i] = append([]float64(nil), a[i]...)
	}
	return out
}

// closeTo is the checks' tolerance rule: |got − want| ≤ tol·max(1, |want|).
func closeTo(want, got, tol float64) bool {
	d := got - want
	if d < 0 {
		d = -d
	}
	w := want
	if w < 0 {
		w = -w
	}
	return d <= tol*max(1, w)
}
