package w2d2

import (
	"github.com/nma-go/nma-go/nma/outcome"
	"math"
	"math/cmplx"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
	"gonum.org/v1/gonum/mat"
)

// Typical student mistakes must fail, with a message that names the input and the values.
func TestChecksCatchCommonMistakes(t *testing.T) {
	euler := func(step func(a, x complex128, dt float64) complex128, inclusive bool) IntegrateExponentialFunc {
		return func(a, x0 complex128, dt, T float64) ([]complex128, []float64) {
			t := nma.Arange(0, T, dt)
			if inclusive {
				t = append(t, T)
			}
			x := make([]complex128, len(t))
			x[0] = x0
			for k := 1; k < len(t); k++ {
				x[k] = step(a, x[k-1], dt)
			}
			return x, t
		}
	}
	walks := func(order string, cumulative bool) RandomWalkFunc {
		return func(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
			sim := make([][]float64, N)
			for i := range sim {
				sim[i] = make([]float64, T)
			}
			if order == "columns" {
				for k := range T {
					for i := range N {
						sim[i][k] = mu + sigma*r.NormFloat64()
					}
				}
			} else {
				for i := range N {
					for k := range T {
						sim[i][k] = mu + sigma*r.NormFloat64()
					}
				}
			}
			if cumulative {
				for i := range N {
					for k := 1; k < T; k++ {
						sim[i][k] += sim[i][k-1]
					}
				}
			}
			return sim
		}
	}
	ddm := func(step func(lam, sig, x, xinf float64, r *rng.RandomState) float64) SimulateDDMFunc {
		return func(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) ([]float64, []float64) {
			t, x := make([]float64, T), make([]float64, T)
			x[0] = x0
			for k := 1; k < T; k++ {
				t[k] = float64(k)
				x[k] = step(lam, sig, x[k-1], xinfty, r)
			}
			return t, x
		}
	}
	cases := []struct {
		name   string
		result exercise.Result
		want   string
	}{
		{"Euler without dt", CheckIntegrateExponential(euler(func(a, x complex128, dt float64) complex128 { return x + a*x }, false)), "a=-0.5"},
		{"exact exponential instead of Euler", CheckIntegrateExponential(euler(func(a, x complex128, dt float64) complex128 { return x * cmplx.Exp(a*complex(dt, 0)) }, false)), "expected"},
		{"time axis including T", CheckIntegrateExponential(euler(func(a, x complex128, dt float64) complex128 { return x + a*x*complex(dt, 0) }, true)), "stops before T"},
		{"only the real part of a", CheckIntegrateExponential(euler(func(a, x complex128, dt float64) complex128 { return x + complex(real(a), 0)*x*complex(dt, 0) }, false)), "a=(0+3.14"},
		{"System with a01 and a10 swapped", CheckSystem(func(t float64, x []float64, a00, a01, a10, a11 float64) []float64 {
			return []float64{a00*x[0] + a10*x[1], a01*x[0] + a11*x[1]}
		}), "a01=-5"},
		{"System returning one value", CheckSystem(func(t float64, x []float64, a00, a01, a10, a11 float64) []float64 {
			return []float64{a00*x[0] + a01*x[1]}
		}), "expected [x1dot, x2dot]"},
		{"intervals = the switch times", CheckInterSwitchIntervals(func(s []float64) []float64 { return s }), "one fewer"},
		{"intervals with the wrong sign", CheckInterSwitchIntervals(func(s []float64) []float64 {
			out := sol.InterSwitchIntervals(s)
			for i := range out {
				out[i] = -out[i]
			}
			return out
		}), "expected 6.4"},
		{"propagating with Aᵀ", CheckSimulateProbProp(func(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
			return sol.SimulateProbProp(mat.DenseCopyOf(A.T()), x0, dt, T)
		}), "x[1]"},
		{"dropping x0", CheckSimulateProbProp(func(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
			x, t := sol.SimulateProbProp(A, x0, dt, T)
			return x[1:], t
		}), "starting with x0"},
		{"walks drawn column by column", CheckRandomWalkSimulator(walks("columns", true)), "walk by walk"},
		{"steps without the cumulative sum", CheckRandomWalkSimulator(walks("rows", false)), "cumulative sum"},
		{"variance divided by N−1", CheckMeanAndVariance(func(sim [][]float64) ([]float64, []float64) {
			mu, v := sol.MeanAndVariance(sim)
			n := float64(len(sim))
			for k := range v {
				v[k] *= n / math.Max(n-1, 1)
			}
			return mu, v
		}), "divide by N"},
		{"mean over the wrong axis", CheckMeanAndVariance(func(sim [][]float64) ([]float64, []float64) {
			mu := make([]float64, len(sim))
			for i := range sim {
				mu[i] = nma.Mean(sim[i])
			}
			return mu, mu
		}), "axis 0"},
		{"DDM noise not scaled by sig", CheckSimulateDDM(ddm(func(lam, sig, x, xinf float64, r *rng.RandomState) float64 {
			return xinf + lam*(x-xinf) + r.NormFloat64()
		})), "lam=0.9, sig=0.1"},
		{"DDM ignoring x∞", CheckSimulateDDM(ddm(func(lam, sig, x, xinf float64, r *rng.RandomState) float64 {
			return lam*x + sig*r.NormFloat64()
		})), "xinfty=1"},
		{"variance σ/(1−λ²)", CheckAnalyticalVariances(func(sig float64, l []float64) []float64 {
			return nma.Map(l, func(lam float64) float64 { return sig / (1 - lam*lam) })
		}), "sig=0.87"},
		{"variance σ²/(1−λ)", CheckAnalyticalVariances(func(sig float64, l []float64) []float64 {
			return nma.Map(l, func(lam float64) float64 { return sig * sig / (1 - lam) })
		}), "expected"},
		{"residuals x1 − λ̂ x2", CheckResiduals(func(x1, x2 []float64, lamHat float64) []float64 { return sol.Residuals(x2, x1, lamHat) }), "lamHat=0.8749"},
		{"residuals without λ̂", CheckResiduals(func(x1, x2 []float64, lamHat float64) []float64 { return sol.Residuals(x1, x2, 1) }), "prediction lamHat·x1"},
		{"AR model of order 1", CheckFitARModel(func(x []float64) (int, *mat.Dense, []float64, []float64) {
			x1, x2, p, _ := linsys.ARModel(x, 1)
			return 1, x1, x2, p
		}), "order-5 model"},
		{"AR model of order 6 claimed as 5", CheckFitARModel(func(x []float64) (int, *mat.Dense, []float64, []float64) {
			x1, x2, p, _ := linsys.ARModel(x, 6)
			return 5, x1, x2, p
		}), "number of rows of x1 (intercept + one per lag): expected 6, got 7"},
		{"x1 left nil", CheckFitARModel(func(x []float64) (int, *mat.Dense, []float64, []float64) {
			_, x2, p, _ := linsys.ARModel(x, 5)
			return 5, nil, x2, p
		}), "x1 must not be nil"},
		{"x[0] not the initial condition", CheckIntegrateExponential(func(a, x0 complex128, dt, T float64) ([]complex128, []float64) {
			x, t := sol.IntegrateExponential(a, x0, dt, T)
			x[0] = 0
			return x, t
		}), "x[0] must be the initial condition x0 = 1"},
		{"a crash", CheckSystem(func(float64, []float64, float64, float64, float64, float64) []float64 { var s []float64; return s[:3] }), "panicked"},
	}
	for _, c := range cases {
		if c.result.OK() || !strings.Contains(c.result.Message, c.want) {
			t.Errorf("%s: %v; want a failure mentioning %q", c.name, c.result, c.want)
		}
	}
}

// Each exercise's check fails (not done) on its stub and passes on its solution; the same
// invariant exercises/all proves for the whole course, here for this day alone.
func TestStubsAndSolutions(t *testing.T) {
	for _, e := range Exercises {
		if r := e.Check(e.Stub); r.Status != outcome.NotDone || r.ID != e.ID {
			t.Errorf("%s on the stub: %v", e.ID, r)
		}
		if r := e.Check(e.Solution); !r.OK() || r.Cases == 0 {
			t.Errorf("%s on the solution: %v", e.ID, r)
		}
	}
}

// Correct variations pass: all the steps drawn at once (NumPy's order), a loop that
// appends, a variance computed in one pass.
func TestChecksAcceptEquivalentSolutions(t *testing.T) {
	if r := CheckRandomWalkSimulator(func(N, T int, mu, sigma float64, r *rng.RandomState) [][]float64 {
		steps, _ := r.Normal(mu, sigma, N*T)
		sim := make([][]float64, N)
		for i := range sim {
			sim[i] = make([]float64, T)
			for k := range T {
				sim[i][k] = steps[i*T+k]
				if k > 0 {
					sim[i][k] += sim[i][k-1]
				}
			}
		}
		return sim
	}); !r.OK() {
		t.Errorf("all steps at once: %v", r)
	}
	if r := CheckMeanAndVariance(func(sim [][]float64) ([]float64, []float64) {
		mu, v, _ := linsys.MeanVar(sim)
		return mu, v
	}); !r.OK() {
		t.Errorf("linsys.MeanVar: %v", r)
	}
	if r := CheckSimulateDDM(func(lam, sig, x0, xinfty float64, T int, r *rng.RandomState) ([]float64, []float64) {
		t, x, _ := linsys.DDM(T, x0, xinfty, lam, sig, r)
		return t, x
	}); !r.OK() {
		t.Errorf("linsys.DDM: %v", r)
	}
	if r := CheckInterSwitchIntervals(nma.Diff); !r.OK() {
		t.Errorf("nma.Diff: %v", r)
	}
}
