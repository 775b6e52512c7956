// Package w2d4 holds the W2D4 (Dynamic networks) coding exercises: the stubs students start
// from (the same code as in the notebooks' exercise cells; a test keeps them equal), and the
// checks that compare a student's function with the reference solution.
package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// F is the population activation (F-I) function: the firing rate of the population for a
// total input x, with gain a and threshold theta.
func F(x, a, theta float64) float64 {
	// TODO(W2D4.T1.E1): compute the sigmoid
	//   f = 1/(1 + exp(−a(x − θ))) − 1/(1 + exp(aθ))
	// (math.Exp is the exponential), return it, and delete the panic.
	panic(exercise.TODO("W2D4.T1.E1"))
}

// ComputeDrdt returns dr/dt = (−r + F(w·r + I_ext))/τ for a population rate r.
func ComputeDrdt(r, iExt, w, a, theta, tau float64) float64 {
	// TODO(W2D4.T1.E2): compute drdt with your F, return it, and delete the panic.
	panic(exercise.TODO("W2D4.T1.E2"))
}

// FindFixedPoints returns the fixed points of the population with parameters p.
func FindFixedPoints(p ratemodel.SingleParams) []float64 {
	// TODO(W2D4.T1.E3): choose initial guesses close to where dr/dt crosses zero
	// (how many crossings do you see in the plot above?), pass them to
	//   ratemodel.FixedPointsSingle(p, rGuessVector)
	// return its result, and delete the panic.
	panic(exercise.TODO("W2D4.T1.E3"))
}

// EigSingle returns the eigenvalue of the linearised dynamics at the fixed point fp.
func EigSingle(fp, tau, a, theta, w, iExt float64) float64 {
	// TODO(W2D4.T1.E4): compute eig = (−1 + w·F′(w·fp + I_ext))/τ, where F′ is
	// ratemodel.DF(x, a, theta); return it, and delete the panic.
	panic(exercise.TODO("W2D4.T1.E4"))
}
