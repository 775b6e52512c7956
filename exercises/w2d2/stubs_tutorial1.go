// Package w2d2 holds the W2D2 (Linear systems) coding exercises: the stubs students start from (the same code
// as in the notebooks' exercise cells; a test keeps them equal) and the checks that compare a
// student's function with the reference solution.
package w2d2

import (
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
)

// IntegrateExponential solves ẋ = a·x from x(0) = x0 with forward Euler steps of dt for
// t = 0, dt, 2dt, … < T, and returns x (complex) and t.
func IntegrateExponential(a, x0 complex128, dt, T float64) ([]complex128, []float64) {
	// Initialize variables
	t := nma.Arange(0, T, dt)
	x := make([]complex128, len(t))
	x[0] = x0 // x at time t_0

	// Step through the system and integrate in time
	for k := 1; k < len(t); k++ {
		xdot := exercise.Blank[complex128]("W2D2.T1.E1")      // ← ẋ at t_{k-1}, from a and x[k-1]
		x[k] = exercise.Blank[complex128]("W2D2.T1.E1", xdot) // ← the forward Euler step from x[k-1] with xdot (complex(dt, 0) is dt as a complex number)
	}
	return x, t
}

// System returns the derivative [ẋ1, ẋ2] of the state x at time t for the linear system
// ẋ = A·x with A = [[a00, a01], [a10, a11]].
func System(t float64, x []float64, a00, a01, a10, a11 float64) []float64 {
	x1dot := exercise.Blank[float64]("W2D2.T1.E2") // ← ẋ₁: the first row of A (a00, a01) times x
	x2dot := exercise.Blank[float64]("W2D2.T1.E2") // ← ẋ₂: the second row (a10, a11) times x
	return []float64{x1dot, x2dot}
}
