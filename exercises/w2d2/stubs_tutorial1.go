// Package w2d2 holds the W2D2 (Linear systems) coding exercises: the stubs students start from (the same code
// as in the notebooks' exercise cells; a test keeps them equal) and the checks that compare a
// student's function with the reference solution.
package w2d2

import "github.com/nma-go/nma-go/nma/exercise"

// IntegrateExponential solves ẋ = a·x from x(0) = x0 with forward Euler steps of dt for
// t = 0, dt, 2dt, … < T, and returns x (complex) and t.
func IntegrateExponential(a, x0 complex128, dt, T float64) ([]complex128, []float64) {
	// TODO(W2D2.T1.E1): integrate in time with forward Euler:
	//   t := nma.Arange(0, T, dt)          // the time steps, like np.arange
	//   x := make([]complex128, len(t))    // x[0] = x0
	//   for k := 1; k < len(t); k++ {
	//       xdot := ...                    // ẋ = a·x, computed from x[k-1]
	//       x[k] = ...                     // x[k-1] plus the change over dt: xdot·dt
	//   }
	// (complex(dt, 0) turns the float dt into a complex number.) Return x and t, and
	// delete the panic.
	panic(exercise.TODO("W2D2.T1.E1"))
}

// System returns the derivative [ẋ1, ẋ2] of the state x at time t for the linear system
// ẋ = A·x with A = [[a00, a01], [a10, a11]].
func System(t float64, x []float64, a00, a01, a10, a11 float64) []float64 {
	// TODO(W2D2.T1.E2): compute
	//   x1dot = a00·x[0] + a01·x[1]
	//   x2dot = a10·x[0] + a11·x[1]
	// return []float64{x1dot, x2dot}, and delete the panic.
	panic(exercise.TODO("W2D2.T1.E2"))
}
