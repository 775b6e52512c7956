package w2d2

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
)

// The functions the exercises of Tutorial 1 ask for, as types the checks accept.
type (
	IntegrateExponentialFunc = func(a, x0 complex128, dt, T float64) ([]complex128, []float64)
	SystemFunc               = func(t float64, x []float64, a00, a01, a10, a11 float64) []float64
)

// CheckIntegrateExponential compares IntegrateExponential with the solution on the
// tutorial's run (a = −0.5, x0 = 1, dt = 0.001, T = 10), on growing and oscillating
// solutions (complex a, as in Interactive Demo 2), a complex start and a coarse step.
func CheckIntegrateExponential(f IntegrateExponentialFunc) exercise.Result {
	return exercise.Run("W2D2.T1.E1", "IntegrateExponential", func(c *exercise.C) {
		type run struct {
			a, x0 complex128
			dt, T float64
		}
		runs := []run{
			{-0.5, 1, 0.001, 10}, {1.5, 1, 0.01, 5}, {-1.5, 1, 0.7, 10}, {complex(0, math.Pi), 1, 1e-4, 5},
			{complex(0.4, 2), 1, 0.01, 5}, {complex(-0.2, -3), complex(0.5, 1), 0.05, 3}, {0, 2, 0.5, 2},
		}
		for _, r := range runs {
			in := exercise.Describe("IntegrateExponential", "a", fmtComplex(r.a), "x0", fmtComplex(r.x0), "dt", r.dt, "T", r.T)
			wantX, wantT := sol.IntegrateExponential(r.a, r.x0, r.dt, r.T)
			gotX, gotT := f(r.a, r.x0, r.dt, r.T)
			c.True(len(gotT) == len(wantT), "%s: t has %d values, expected %d (t = nma.Arange(0, T, dt) stops before T)", in, len(gotT), len(wantT))
			c.Floats(in+": t", wantT, gotT, 1e-12)
			c.True(len(gotX) == len(wantX), "%s: x has %d values, expected one per time step (%d)", in, len(gotX), len(wantX))
			if len(gotX) > 0 {
				c.True(gotX[0] == r.x0, "%s: x[0] = %v, expected the initial condition x0 = %v", in, gotX[0], r.x0)
			}
			c.Floats(in+": real(x)", linsys.Real(wantX), linsys.Real(gotX), 1e-9)
			c.Floats(in+": imag(x)", imagParts(wantX), imagParts(gotX), 1e-9)
		}
	})
}

// CheckSystem compares System with the solution for the tutorial's A = [[2, −5], [1, −2]]
// and x0 = [−0.1, 0.2], the other matrices of Interactive Demo 3A, and other states.
func CheckSystem(f SystemFunc) exercise.Result {
	return exercise.Run("W2D2.T1.E2", "System", func(c *exercise.C) {
		states := [][]float64{{-0.1, 0.2}, {10, 10}, {-4, 3}, {1, 0}, {0, 1}, {0.3, -7.5}}
		for _, A := range linsys.AOptions() {
			a00, a01, a10, a11 := A.At(0, 0), A.At(0, 1), A.At(1, 0), A.At(1, 1)
			for _, x := range states {
				in := exercise.Describe("System", "t", 0.5, "x", fmt.Sprint(x), "a00", a00, "a01", a01, "a10", a10, "a11", a11)
				want := sol.System(0.5, []float64{x[0], x[1]}, a00, a01, a10, a11)
				got := f(0.5, []float64{x[0], x[1]}, a00, a01, a10, a11)
				c.True(len(got) == 2, "%s: returned %d values, expected [x1dot, x2dot]", in, len(got))
				c.Floats(in, want, got, 1e-12)
			}
		}
	})
}

func imagParts(z []complex128) []float64 {
	out := make([]float64, len(z))
	for i, v := range z {
		out[i] = imag(v)
	}
	return out
}

func fmtComplex(z complex128) string {
	if imag(z) == 0 {
		return fmt.Sprint(real(z))
	}
	return fmt.Sprint(z)
}
