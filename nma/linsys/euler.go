package linsys

import (
	"fmt"
	"math"
	"math/cmplx"
)

// IntegrateExponential solves ẋ = a·x from x(0) = x0 with forward Euler steps of dt up to
// (not including) T, as the course's integrate_exponential: t = np.arange(0, T, dt) and
//
//	x[k] = x[k−1] + a·x[k−1]·dt.
//
// a and x0 are complex, so the same function shows decay, growth and oscillation; the
// solution of a real problem is x's real part. It returns x and t (same length).
func IntegrateExponential(a, x0 complex128, dt, T float64) ([]complex128, []float64, error) {
	if err := checkStep("IntegrateExponential", dt, T); err != nil {
		return nil, nil, err
	}
	if cmplx.IsNaN(a) || cmplx.IsInf(a) {
		return nil, nil, fmt.Errorf("linsys.IntegrateExponential: a=%v must be finite", a)
	}
	// t is nma.Arange(0, T, dt), filled in the Euler loop: its values 0 + k·dt (the same
	// with or without a fused multiply-add, as the addend is 0) cost nothing next to the
	// loop's chain of dependent steps, which keeps x[k−1] in registers.
	n := int(math.Ceil(T / dt))
	if n < 1 {
		return nil, nil, fmt.Errorf("linsys.IntegrateExponential: T=%g with dt=%g leaves no time step", T, dt)
	}
	t := make([]float64, n)
	x := make([]complex128, n)
	x[0] = x0
	xk := x0
	for k := 1; k < n; k++ {
		xdot := a * xk
		xk = xk + xdot*complex(dt, 0)
		x[k] = xk
		t[k] = 0 + float64(k)*dt
	}
	return x, t, nil
}

// Real returns the real parts of z (x.real in NumPy).
func Real(z []complex128) []float64 {
	out := make([]float64, len(z))
	for i, v := range z {
		out[i] = real(v)
	}
	return out
}

// checkStep validates a time step and a duration: dt > 0, T > 0 and at least one step.
func checkStep(fn string, dt, T float64) error {
	switch {
	case !(dt > 0) || math.IsInf(dt, 0):
		return fmt.Errorf("linsys.%s: dt=%g must be positive and finite", fn, dt)
	case !(T > 0) || math.IsInf(T, 0):
		return fmt.Errorf("linsys.%s: T=%g must be positive and finite", fn, T)
	case T/dt > 1e8:
		return fmt.Errorf("linsys.%s: T=%g with dt=%g needs %.3g steps, more than 1e8", fn, T, dt, T/dt)
	}
	return nil
}
