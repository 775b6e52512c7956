package linsys

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
	"gonum.org/v1/gonum/mat"
)

// IonChannelOpening simulates the two-state telegraph process of an ion channel (the
// course's ion_channel_opening): the channel starts closed (x = 0) at t = 0 and, at each
// step k of t = np.arange(0, T, dt), a closed channel opens with probability c2o·dt and an
// open one closes with probability o2c·dt (c2o and o2c are rates per ms; T and dt in ms).
// The uniform numbers are r.RandomSample(len(t)), drawn at once as the course does, so
// with rng.New(0), c2o = 0.02, o2c = 0.1, T = 5000 and dt = 0.1 the switches are the
// course's (the first at 75.7, 82.1, 107.0 and 113.0 ms). A switch decided at step k is
// recorded at time k·dt and changes the state from step k+1 on.
func IonChannelOpening(c2o, o2c, T, dt float64, r *rng.RandomState) (t, x, switchTimes []float64, err error) {
	switch {
	case !(c2o >= 0) || math.IsInf(c2o, 0):
		return nil, nil, nil, fmt.Errorf("linsys.IonChannelOpening: c2o=%g must be a non-negative rate", c2o)
	case !(o2c >= 0) || math.IsInf(o2c, 0):
		return nil, nil, nil, fmt.Errorf("linsys.IonChannelOpening: o2c=%g must be a non-negative rate", o2c)
	case r == nil:
		return nil, nil, nil, errors.New("linsys.IonChannelOpening: r is nil (use rng.New(seed))")
	}
	if err := checkStep("IonChannelOpening", dt, T); err != nil {
		return nil, nil, nil, err
	}
	t = nma.Arange(0, T, dt)
	x = make([]float64, len(t))
	u, err := r.RandomSample(len(t))
	if err != nil {
		return nil, nil, nil, err
	}
	state := 0.0
	for k := 0; k < len(t)-1; k++ {
		switch {
		case state == 0 && u[k] < c2o*dt:
			state = 1
			switchTimes = append(switchTimes, float64(k)*dt)
		case state == 1 && u[k] < o2c*dt:
			state = 0
			switchTimes = append(switchTimes, float64(k)*dt)
		}
		x[k+1] = state
	}
	return t, x, switchTimes, nil
}

// StateCounts counts the time steps a telegraph trace x spends closed (0) and open (1)
// (np.unique(x, return_counts=True)).
func StateCounts(x []float64) (closed, open int) {
	for _, v := range x {
		if v == 0 {
			closed++
		} else {
			open++
		}
	}
	return closed, open
}

// CumulativeMean returns cumsum(x)/(1, 2, …, n): for a telegraph trace, the fraction of
// the time so far that the channel was open.
func CumulativeMean(x []float64) []float64 {
	out := make([]float64, len(x))
	var s float64
	for i, v := range x {
		s += v
		out[i] = s / float64(i+1)
	}
	return out
}

// TransitionMatrix is the matrix that maps the probabilities [P(closed), P(open)] of one
// time step to the next for the telegraph process:
//
//	A = [[1 − c2o·dt, o2c·dt], [c2o·dt, 1 − o2c·dt]]
func TransitionMatrix(c2o, o2c, dt float64) (*mat.Dense, error) {
	switch {
	case !(c2o >= 0) || !(c2o*dt <= 1):
		return nil, fmt.Errorf("linsys.TransitionMatrix: c2o=%g must give a probability c2o·dt in [0, 1] (dt=%g)", c2o, dt)
	case !(o2c >= 0) || !(o2c*dt <= 1):
		return nil, fmt.Errorf("linsys.TransitionMatrix: o2c=%g must give a probability o2c·dt in [0, 1] (dt=%g)", o2c, dt)
	case !(dt > 0):
		return nil, fmt.Errorf("linsys.TransitionMatrix: dt=%g must be positive", dt)
	}
	return mat.NewDense(2, 2, []float64{1 - c2o*dt, o2c * dt, c2o * dt, 1 - o2c*dt}), nil
}

// PropagateProbabilities returns n state vectors x[0] = x0, x[k+1] = A·x[k] (the course's
// simulate_prob_prop with n = len(np.arange(0, T, dt))).
func PropagateProbabilities(A mat.Matrix, x0 []float64, n int) ([][]float64, error) {
	r, c := A.Dims()
	switch {
	case r != c || c != len(x0):
		return nil, fmt.Errorf("linsys.PropagateProbabilities: A is %d×%d and x0 has %d values; A must be square and match x0", r, c, len(x0))
	case n < 1:
		return nil, fmt.Errorf("linsys.PropagateProbabilities: n=%d must be at least 1", n)
	}
	x := make([][]float64, n)
	x[0] = append([]float64(nil), x0...)
	for k := 1; k < n; k++ {
		x[k] = make([]float64, r)
		for i := range r {
			for j := range c {
				x[k][i] += A.At(i, j) * x[k-1][j]
			}
		}
	}
	return x, nil
}

// StationaryDistribution returns the equilibrium of the Markov chain with column-stochastic
// transition matrix A: the eigenvector of the eigenvalue 1, scaled so that its elements sum
// to 1 (Think! 3). For the course's telegraph process it is [o2c, c2o]/(c2o + o2c).
func StationaryDistribution(A mat.Matrix) ([]float64, error) {
	lam, v, err := Eig(A)
	if err != nil {
		return nil, err
	}
	best := -1
	for i, l := range lam {
		if cmplx.Abs(l-1) < 1e-9 && (best < 0 || cmplx.Abs(l-1) < cmplx.Abs(lam[best]-1)) {
			best = i
		}
	}
	if best < 0 {
		return nil, fmt.Errorf("linsys.StationaryDistribution: no eigenvalue equals 1 (eigenvalues %v): A is not a transition matrix", lam)
	}
	vec := Column(v, best)
	var sum float64
	out := make([]float64, len(vec))
	for i, z := range vec {
		out[i] = real(z)
		sum += out[i]
	}
	if sum == 0 {
		return nil, errors.New("linsys.StationaryDistribution: the eigenvector sums to zero")
	}
	for i := range out {
		out[i] /= sum
	}
	return out, nil
}
