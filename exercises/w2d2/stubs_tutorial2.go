package w2d2

import (
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"gonum.org/v1/gonum/mat"
)

// InterSwitchIntervals returns the time between consecutive switches of the telegraph
// process (np.diff(switch_times)).
func InterSwitchIntervals(switchTimes []float64) []float64 {
	intervals := exercise.Blank[[]float64]("W2D2.T2.E1") // ← the time from each switch to the next: one value fewer than switchTimes
	return intervals
}

// SimulateProbProp propagates the state probabilities x0 with the transition matrix A, one
// step per dt for t = 0, dt, … < T, and returns x (one row per time step) and t.
func SimulateProbProp(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
	// Initialize variables
	t := nma.Arange(0, T, dt)
	x := [][]float64{x0} // x at time t_0

	// Step through the system in time
	for k := 0; k < len(t)-1; k++ {
		// Compute the state of x at time k+1
		xKp1 := exercise.Blank[[]float64]("W2D2.T2.E2") // ← the next state, from A and the last state x[len(x)-1] (mat.VecDense's MulVec; RawVector().Data is its []float64)

		// Append this new state to x to keep track of x through time steps
		x = append(x, xKp1)
	}
	return x, t
}
