//go:build !nmagrade

package w2d2

import (
	"math"
	"math/cmplx"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
)

// mistakesTutorial1 are the classic mistakes of Tutorial 1's exercises: each a variant of the
// solution (solutions/w2d2) that differs from it in one idea. A failed check whose outputs
// match one names it (exercise.Diagnose). Registered in solutions.go.
var mistakesTutorial1 = exercise.Mistakes{
	"W2D2.T1.E1": {
		{Name: "Δt left out of the Euler step", Hint: "ẋ is a rate: over one step x changes by the slope times the step's duration dt",
			Impl: IntegrateExponentialFunc(integrateExponentialNoDt)},
		{Name: "time axis up to T included", Hint: "like np.arange, the time axis starts at 0 and stops before T: T itself is not one of the time steps",
			Impl: IntegrateExponentialFunc(integrateExponentialWithT)},
		{Name: "exact solution instead of Euler steps", Hint: "the exercise integrates numerically: each x[k] comes from x[k−1] and its slope, not from the closed-form exponential",
			Impl: IntegrateExponentialFunc(integrateExponentialExact)},
	},
	"W2D2.T1.E2": {
		{Name: "A transposed", Hint: "ẋ₁ is the first row of A times x: in a_ij the first index is the row, the second the column",
			Impl: SystemFunc(systemTransposed)},
		{Name: "next state instead of the derivative", Hint: "System returns the derivative ẋ = A·x only: the integrator adds it to the state, not System",
			Impl: SystemFunc(systemNextState)},
		{Name: "x overwritten before ẋ₂", Hint: "ẋ₂ needs the original x₁: compute both derivatives from the state as given before changing anything in it",
			Impl: SystemFunc(systemInPlace)},
	},
}

// integrateExponential is the solution's Euler loop over the time axis t.
func integrateExponential(a, x0 complex128, dt float64, t []float64) []complex128 {
	x := make([]complex128, len(t))
	if len(x) == 0 {
		return x
	}
	x[0] = x0
	for k := 1; k < len(t); k++ {
		x[k] = x[k-1] + a*x[k-1]*complex(dt, 0)
	}
	return x
}

func integrateExponentialNoDt(a, x0 complex128, dt, T float64) ([]complex128, []float64) {
	t := nma.Arange(0, T, dt)
	x := make([]complex128, len(t))
	x[0] = x0
	for k := 1; k < len(t); k++ {
		x[k] = x[k-1] + a*x[k-1]
	}
	return x, t
}

func integrateExponentialWithT(a, x0 complex128, dt, T float64) ([]complex128, []float64) {
	n := int(math.Round(T / dt))
	t := make([]float64, n+1)
	for k := range t {
		t[k] = float64(k) * dt
	}
	return integrateExponential(a, x0, dt, t), t
}

func integrateExponentialExact(a, x0 complex128, dt, T float64) ([]complex128, []float64) {
	t := nma.Arange(0, T, dt)
	x := make([]complex128, len(t))
	for k, tk := range t {
		x[k] = x0 * cmplx.Exp(a*complex(tk, 0))
	}
	return x, t
}

func systemTransposed(t float64, x []float64, a00, a01, a10, a11 float64) []float64 {
	return []float64{a00*x[0] + a10*x[1], a01*x[0] + a11*x[1]}
}

func systemNextState(t float64, x []float64, a00, a01, a10, a11 float64) []float64 {
	return []float64{x[0] + a00*x[0] + a01*x[1], x[1] + a10*x[0] + a11*x[1]}
}

func systemInPlace(t float64, x []float64, a00, a01, a10, a11 float64) []float64 {
	x[0] = a00*x[0] + a01*x[1]
	x[1] = a10*x[0] + a11*x[1]
	return []float64{x[0], x[1]}
}
