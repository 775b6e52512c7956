package w2d2

import (
	"fmt"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
)

// The functions the exercises of Tutorial 3 ask for.
type (
	RandomWalkFunc   = func(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64
	MeanVarFunc      = func(sim [][]float64) (mu, variance []float64)
	SimulateDDMFunc  = func(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) (t, x []float64)
	AnalyticVarsFunc = func(sig float64, lambdas []float64) []float64
)

// probeRandomWalkSimulator runs RandomWalkSimulator, drawing from a fresh generator with a
// fixed seed: the first walks of the tutorial's run (N = 10, T = 1000, μ = 0, σ = 1, seed
// 2020), walks with drift and a larger step (seed 1), a single walk (seed 7) and single steps
// (seed 3). For each walk it records the number of positions, whether the walk is the
// running sum of its steps (judged against the walks linsys.RandomWalks draws from the same
// seed, for the hint only), and the positions.
func probeRandomWalkSimulator(rec *exercise.Recorder, f RandomWalkFunc) {
	type run struct {
		N, T      int
		mu, sigma float64
		seed      uint32
	}
	for _, r := range []run{{10, 1000, 0, 1, 2020}, {200, 300, 0.1, 2, 1}, {1, 50, -0.5, 0.5, 7}, {5, 1, 0, 3, 3}} {
		in := exercise.Describe("RandomWalkSimulator", "N", r.N, "T", r.T, "mu", r.mu, "sigma", r.sigma) + fmt.Sprintf(" with rng.New(%d)", r.seed)
		ref, err := linsys.RandomWalks(r.N, r.T, r.mu, r.sigma, rng.New(r.seed))
		if err != nil {
			panic(err)
		}
		got := f(r.N, r.T, r.mu, r.sigma, rng.New(r.seed))
		rec.Float(fmt.Sprintf("%s: number of walks (one row per walk, N = %d)", in, r.N), float64(len(got)), 0)
		for i := range got {
			rec.Float(fmt.Sprintf("%s: walk %d: number of positions (T = %d)", in, i, r.T), float64(len(got[i])), 0)
			rec.Require(fmt.Sprintf("%s: walk %d: each position must be the sum of all steps so far (a cumulative sum), not the step itself", in, i),
				i >= len(ref) || !stepsNotPositions(ref[i], got[i]))
			rec.Floats(fmt.Sprintf("%s: walk %d (draw the steps walk by walk, T at a time, with r.Normal(mu, sigma, T): NumPy's size=(N, T) fills rows first)", in, i), got[i], 1e-9)
		}
	}
}

// stepsNotPositions reports whether got, where it first differs from the walk ref, holds the
// step ref[k] − ref[k−1] instead of the position ref[k].
func stepsNotPositions(ref, got []float64) bool {
	for k := range min(len(ref), len(got)) {
		if !closeTo(ref[k], got[k], 1e-9) {
			return k > 0 && closeTo(ref[k]-ref[k-1], got[k], 1e-9)
		}
	}
	return false
}

// probeMeanAndVariance runs MeanAndVariance on seeded random walks from linsys.RandomWalks
// (500 walks of 200 steps, seed 2020, as in Exercise 1B; 50 walks of 30 steps with drift,
// seed 5), a small hand-made example and a single walk (variance 0).
func probeMeanAndVariance(rec *exercise.Recorder, f MeanVarFunc) {
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
		gotMu, gotVar := f(copyRows(k.sim))
		rec.Float(in+": number of means (one per time step: average over the walks, axis 0)", float64(len(gotMu)), 0)
		rec.Float(in+": number of variances (one per time step: average over the walks, axis 0)", float64(len(gotVar)), 0)
		rec.Floats(in+": mean", gotMu, 1e-9)
		rec.Floats(in+": variance (divide by N, as np.var)", gotVar, 1e-9)
	}
}

// probeSimulateDDM runs SimulateDDM, drawing from a fresh generator with a fixed seed: the
// tutorial's run (λ = 0.9, σ = 0.1, x0 = 4, x∞ = 1, T = 500, seed 2020), no noise, a negative
// λ, and a single step.
func probeSimulateDDM(rec *exercise.Recorder, f SimulateDDMFunc) {
	type run struct {
		lam, sig, x0, xinfty float64
		T                    int
		seed                 uint32
	}
	for _, r := range []run{{0.9, 0.1, 4, 1, 500, 2020}, {0.9, 0, 4, 1, 100, 1}, {0.5, 1, -2, 3, 200, 3}, {-0.7, 0.3, 1, 0, 50, 4}, {0.9, 0.1, 4, 1, 1, 5}} {
		in := exercise.Describe("SimulateDDM", "lam", r.lam, "sig", r.sig, "x0", r.x0, "xinfty", r.xinfty, "T", r.T) + fmt.Sprintf(" with rng.New(%d)", r.seed)
		gotT, gotX := f(r.lam, r.sig, r.x0, r.xinfty, r.T, rng.New(r.seed))
		rec.Floats(in+": t", gotT, 1e-12)
		rec.Float(fmt.Sprintf("%s: number of values of x (T = %d)", in, r.T), float64(len(gotX)), 0)
		rec.Floats(in+": x", gotX, 1e-9)
	}
}

// probeAnalyticalVariances runs AnalyticalVariances on the tutorial's sweep (σ = 0.87,
// λ = 0.05, 0.06, …, 0.94) and on other σ and negative λ.
func probeAnalyticalVariances(rec *exercise.Recorder, f AnalyticVarsFunc) {
	for _, k := range []struct {
		sig     float64
		lambdas []float64
	}{{0.87, nma.Arange(0.05, 0.95, 0.01)}, {0.1, []float64{0.9}}, {2, []float64{-0.5, 0, 0.5}}} {
		in := fmt.Sprintf("AnalyticalVariances(sig=%g, %d lambdas from %g to %g)", k.sig, len(k.lambdas), k.lambdas[0], k.lambdas[len(k.lambdas)-1])
		got := f(k.sig, append([]float64(nil), k.lambdas...))
		rec.Float(in+": number of values (one per lambda)", float64(len(got)), 0)
		rec.Floats(in, got, 1e-9)
	}
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
