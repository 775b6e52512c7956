package w2d2

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"gonum.org/v1/gonum/mat"
)

// InterSwitchIntervals returns the time between consecutive switches of the telegraph
// process (np.diff(switch_times)).
func InterSwitchIntervals(switchTimes []float64) []float64 {
	// TODO(W2D2.T2.E1): return the differences switchTimes[i] − switchTimes[i−1] for
	// i = 1, …, len(switchTimes)−1 (one value fewer than there are switches), and delete
	// the panic.
	panic(exercise.TODO("W2D2.T2.E1"))
}

// SimulateProbProp propagates the state probabilities x0 with the transition matrix A,
// x[k+1] = A·x[k], for t = 0, dt, … < T, and returns x (one row per time step) and t.
func SimulateProbProp(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
	// TODO(W2D2.T2.E2): starting from
	//   t := nma.Arange(0, T, dt)
	//   x := [][]float64{x0}               // x at time t_0
	// loop over k = 0 … len(t)−2 and compute the next state xKp1 = A·(last row of x):
	//   var xKp1 mat.VecDense
	//   xKp1.MulVec(A, mat.NewVecDense(len(x0), x[len(x)-1]))
	// append it to x (xKp1.RawVector().Data is its []float64), return x and t, and
	// delete the panic.
	panic(exercise.TODO("W2D2.T2.E2"))
}
