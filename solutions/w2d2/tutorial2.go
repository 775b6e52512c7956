package w2d2

import (
	"github.com/nma-go/nma-go/nma"
	"gonum.org/v1/gonum/mat"
)

// InterSwitchIntervals returns the time between consecutive switches of the telegraph
// process (np.diff(switch_times)). Exercise W2D2.T2.E1.
func InterSwitchIntervals(switchTimes []float64) []float64 {
	var intervals []float64
	for i := 1; i < len(switchTimes); i++ {
		intervals = append(intervals, switchTimes[i]-switchTimes[i-1])
	}
	return intervals
}

// SimulateProbProp propagates the state probabilities x0 with the transition matrix A,
// x[k+1] = A·x[k], for t = 0, dt, … < T, and returns x (one row per time step) and t.
// Exercise W2D2.T2.E2.
func SimulateProbProp(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
	// Initialize variables
	t := nma.Arange(0, T, dt)
	x := [][]float64{x0} // x at time t_0

	// Step through the system in time
	for k := 0; k < len(t)-1; k++ {
		// Compute the state of x at time k+1
		var xKp1 mat.VecDense
		xKp1.MulVec(A, mat.NewVecDense(len(x0), x[len(x)-1]))

		// Append this new state to x to keep track of x through time steps
		x = append(x, xKp1.RawVector().Data)
	}
	return x, t
}
