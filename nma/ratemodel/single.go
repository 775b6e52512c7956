// Package ratemodel holds the firing-rate models of W2D4: the sigmoid F-I curve, the single
// excitatory population (Tutorial 1) and the Wilson–Cowan model (Tutorials 2 and 3).
//
// Units follow the course: time in ms, rates dimensionless (0…1). The package only computes;
// the course's figures of these models are in package ratemodelfig.
package ratemodel

import (
	"errors"
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
)

// F is the sigmoid transfer (F-I) function with gain a and threshold theta, shifted so that F(0) = 0:
//
//	F(x; a, θ) = 1/(1 + exp(−a(x − θ))) − 1/(1 + exp(aθ))
func F(x, a, theta float64) float64 {
	return 1/(1+math.Exp(-a*(x-theta))) - 1/(1+math.Exp(a*theta))
}

// DF is the derivative of F with respect to x: a·exp(−a(x−θ)) / (1 + exp(−a(x−θ)))².
func DF(x, a, theta float64) float64 {
	e := math.Exp(-a * (x - theta))
	return a * e / ((1 + e) * (1 + e))
}

// FMax is the largest value F reaches: 1 − 1/(1 + exp(aθ)).
func FMax(a, theta float64) float64 { return 1 - 1/(1+math.Exp(a*theta)) }

// FInv is the inverse of F: −(1/a)·ln[1/(x + 1/(1 + exp(aθ))) − 1] + θ. Like the course's
// NumPy code it returns NaN outside F's range (x ≤ F(−∞) or x ≥ FMax) instead of failing.
func FInv(x, a, theta float64) float64 {
	v := 1/(x+1/(1+math.Exp(a*theta))) - 1
	if !(v > 0) {
		return math.NaN()
	}
	return -1/a*math.Log(v) + theta
}

// SingleParams are the parameters of one excitatory population,
//
//	τ dr/dt = −r + F(w·r + I_ext; a, θ)
//
// DefaultSingle gives the course's values (default_pars_single).
type SingleParams struct {
	Tau   float64 // time constant τ (ms)
	A     float64 // gain a of F
	Theta float64 // threshold θ of F
	W     float64 // recurrent excitatory weight w
	IExt  float64 // constant external input
	T     float64 // simulation length (ms)
	Dt    float64 // Euler time step (ms)
	RInit float64 // initial rate r(0)
	// IExtSeries, when set, is a time-varying input with one value per time step
	// (len(RangeT())); it replaces IExt.
	IExtSeries []float64
}

// DefaultSingle returns the course defaults: τ = 1 ms, a = 1.2, θ = 2.8, w = 0, I_ext = 0,
// T = 20 ms, dt = 0.1 ms, r_init = 0.2.
func DefaultSingle() SingleParams {
	return SingleParams{Tau: 1, A: 1.2, Theta: 2.8, W: 0, IExt: 0, T: 20, Dt: 0.1, RInit: 0.2}
}

// RangeT is the time axis np.arange(0, T, dt) in ms.
func (p SingleParams) RangeT() []float64 { return nma.Arange(0, p.T, p.Dt) }

// Validate reports the first parameter that makes a simulation meaningless.
func (p SingleParams) Validate() error {
	switch {
	case !(p.Tau > 0):
		return fmt.Errorf("ratemodel: Tau=%g must be positive", p.Tau)
	case !(p.Dt > 0):
		return fmt.Errorf("ratemodel: Dt=%g must be positive", p.Dt)
	case !(p.T > 0):
		return fmt.Errorf("ratemodel: T=%g must be positive", p.T)
	case p.IExtSeries != nil && len(p.IExtSeries) != len(p.RangeT()):
		return fmt.Errorf("ratemodel: IExtSeries has %d values, want one per time step (%d)", len(p.IExtSeries), len(p.RangeT()))
	}
	return nil
}

// Input returns the external input at step k.
func (p SingleParams) Input(k int) float64 {
	if p.IExtSeries != nil {
		return p.IExtSeries[k]
	}
	return p.IExt
}

// SimulateSingle integrates the single-population rate equation with forward Euler,
// r[k+1] = r[k] + dt/τ·(−r[k] + F(w·r[k] + I_ext[k])), and returns r at every time step.
func SimulateSingle(p SingleParams) ([]float64, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	n := len(p.RangeT())
	r := make([]float64, n)
	r[0] = p.RInit
	for k := 0; k < n-1; k++ {
		dr := p.Dt / p.Tau * (-r[k] + F(p.W*r[k]+p.Input(k), p.A, p.Theta))
		r[k+1] = r[k] + dr
	}
	return r, nil
}

// DrDt is the right-hand side dr/dt = (−r + F(w·r + I_ext))/τ.
func DrDt(r float64, p SingleParams) float64 {
	return (-r + F(p.W*r+p.IExt, p.A, p.Theta)) / p.Tau
}

// ErrNoConvergence is returned when a root finder does not reach its tolerance.
var ErrNoConvergence = errors.New("ratemodel: root finder did not converge")

// FixedPointSingle finds a root of −r + F(w·r + I_ext) near rGuess by Newton's method with
// the analytic derivative −1 + w·F′ (the course uses scipy.optimize.root, which finds the
// same roots from the same guesses). Steps are limited to 0.25 so the iteration cannot jump
// across the sigmoid; it stops when |step| < 1e-12 and fails after 200 iterations.
func FixedPointSingle(p SingleParams, rGuess float64) (float64, error) {
	r := rGuess
	for i := 0; i < 200; i++ {
		x := p.W*r + p.IExt
		g := -r + F(x, p.A, p.Theta)
		dg := -1 + p.W*DF(x, p.A, p.Theta)
		if dg == 0 {
			return r, fmt.Errorf("%w: zero derivative at r=%g (guess %g)", ErrNoConvergence, r, rGuess)
		}
		step := -g / dg
		step = math.Max(-0.25, math.Min(0.25, step))
		r += step
		if math.Abs(step) < 1e-12 {
			return r, nil
		}
	}
	return r, fmt.Errorf("%w: 200 Newton steps from guess %g", ErrNoConvergence, rGuess)
}

// IsFixedPointSingle reports whether |r − F(w·r + I_ext)| < tol (check_fp_single; the course's tol is 1e-4).
func IsFixedPointSingle(p SingleParams, r, tol float64) bool {
	return math.Abs(r-F(p.W*r+p.IExt, p.A, p.Theta)) < tol
}

// GuessesSingle are the course's initial guesses for the fixed points of the single population.
var GuessesSingle = []float64{0, 0.4, 0.9}

// FixedPointsSingle runs FixedPointSingle from every guess and keeps the results that pass
// IsFixedPointSingle with tol 1e-4 (my_fp_finder). Like the course, it does not merge
// duplicates: two guesses that converge to the same point give it twice.
func FixedPointsSingle(p SingleParams, guesses []float64) []float64 {
	var fps []float64
	for _, g := range guesses {
		r, err := FixedPointSingle(p, g)
		if err == nil && IsFixedPointSingle(p, r, 1e-4) {
			fps = append(fps, r)
		}
	}
	return fps
}

// EigSingle is the eigenvalue of the linearised single-population model at a fixed point r*:
// λ = (−1 + w·F′(w·r* + I_ext))/τ. The fixed point is stable when λ < 0.
func EigSingle(p SingleParams, rStar float64) float64 {
	return (-1 + p.W*DF(p.W*rStar+p.IExt, p.A, p.Theta)) / p.Tau
}

// AnalyticSingle is the closed-form solution for w = 0 and constant input:
// r(t) = r0 + (F(I_ext) − r0)(1 − exp(−t/τ)).
func AnalyticSingle(p SingleParams) []float64 {
	t := p.RangeT()
	out := make([]float64, len(t))
	fI := F(p.IExt, p.A, p.Theta)
	for i, ti := range t {
		out[i] = p.RInit + (fI-p.RInit)*(1-math.Exp(-ti/p.Tau))
	}
	return out
}
