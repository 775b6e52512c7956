package w2d2

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
)

// The functions the exercises of Tutorial 1 ask for, as types the checks accept.
type (
	IntegrateExponentialFunc = func(a, x0 complex128, dt, T float64) ([]complex128, []float64)
	SystemFunc               = func(t float64, x []float64, a00, a01, a10, a11 float64) []float64
)

// probeIntegrateExponential runs IntegrateExponential on the tutorial's run (a = −0.5,
// x0 = 1, dt = 0.001, T = 10), on growing and oscillating solutions (complex a, as in
// Interactive Demo 2), a complex start and a coarse step: the time axis, then x.
func probeIntegrateExponential(rec *exercise.Recorder, f IntegrateExponentialFunc) {
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
		gotX, gotT := f(r.a, r.x0, r.dt, r.T)
		rec.Float(in+": number of values of t (t = nma.Arange(0, T, dt) stops before T)", float64(len(gotT)), 0)
		rec.Floats(in+": t", gotT, 1e-12)
		rec.Float(in+": number of values of x (one per time step)", float64(len(gotX)), 0)
		rec.Require(fmt.Sprintf("%s: x[0] must be the initial condition x0 = %s", in, fmtComplex(r.x0)), len(gotX) > 0 && gotX[0] == r.x0)
		rec.Floats(in+": real(x)", linsys.Real(gotX), 1e-9)
		rec.Floats(in+": imag(x)", imagParts(gotX), 1e-9)
	}
}

// probeSystem runs System for the tutorial's A = [[2, −5], [1, −2]] and x0 = [−0.1, 0.2],
// the other matrices of Interactive Demo 3A, and other states, at t = 0.5.
func probeSystem(r *exercise.Recorder, f SystemFunc) {
	states := [][]float64{{-0.1, 0.2}, {10, 10}, {-4, 3}, {1, 0}, {0, 1}, {0.3, -7.5}}
	for _, A := range linsys.AOptions() {
		a00, a01, a10, a11 := A.At(0, 0), A.At(0, 1), A.At(1, 0), A.At(1, 1)
		for _, x := range states {
			in := exercise.Describe("System", "t", 0.5, "x", fmt.Sprint(x), "a00", a00, "a01", a01, "a10", a10, "a11", a11)
			got := f(0.5, []float64{x[0], x[1]}, a00, a01, a10, a11)
			r.Float(in+": number of values returned (expected [x1dot, x2dot])", float64(len(got)), 0)
			r.Floats(in, got, 1e-12)
		}
	}
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
