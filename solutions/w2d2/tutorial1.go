package w2d2

import "github.com/nma-go/nma-go/nma"

// IntegrateExponential solves ẋ = a·x from x(0) = x0 with forward Euler steps of dt for
// t = 0, dt, 2dt, … < T, and returns x (complex) and t. Exercise W2D2.T1.E1.
func IntegrateExponential(a, x0 complex128, dt, T float64) ([]complex128, []float64) {
	// Initialize variables
	t := nma.Arange(0, T, dt)
	x := make([]complex128, len(t))
	x[0] = x0 // x at time t_0

	// Step through the system and integrate in time
	for k := 1; k < len(t); k++ {
		// compute xdot from x[k-1]
		xdot := a * x[k-1]
		// update x from x[k-1] and xdot
		x[k] = x[k-1] + xdot*complex(dt, 0)
	}
	return x, t
}

// System returns the derivative [ẋ1, ẋ2] of the state x at time t for the linear system
// ẋ = A·x with A = [[a00, a01], [a10, a11]]. Exercise W2D2.T1.E2.
func System(t float64, x []float64, a00, a01, a10, a11 float64) []float64 {
	x1dot := a00*x[0] + a01*x[1]
	x2dot := a10*x[0] + a11*x[1]
	return []float64{x1dot, x2dot}
}
