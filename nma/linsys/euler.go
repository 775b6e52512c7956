package linsys

import (
	"fmt"
	"math"
	"math/cmplx"

	"github.com/nma-go/nma-go/nma/internal/hugemem"
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
	// loop's chain of dependent steps, which keeps x[k−1] in registers. The 16·n + 8·n bytes
	// of results are allocated with huge pages, as NumPy does (nma/internal/hugemem): for
	// 10⁶ steps their page faults cost more than the loop.
	n := int(math.Ceil(T / dt))
	if n < 1 {
		return nil, nil, fmt.Errorf("linsys.IntegrateExponential: T=%g with dt=%g leaves no time step", T, dt)
	}
	t := hugemem.Make[float64](n)
	x := hugemem.Make[complex128](n)
	if !(imag(a) == 0 && imag(x0) == 0 && !math.Signbit(imag(x0)) && integrateReal(real(a), real(x0), dt, x, t)) {
		integrateComplex(a, x0, dt, x, t)
	}
	return x, t, nil
}

// integrateComplex is integrate_exponential's loop: x[k] = x[k−1] + (a·x[k−1])·(dt + 0i),
// two complex products as NumPy computes them, (p·q)ᵣ = pᵣqᵣ − pᵢqᵢ, (p·q)ᵢ = pᵣqᵢ + pᵢqᵣ.
func integrateComplex(a, x0 complex128, dt float64, x []complex128, t []float64) {
	x[0] = x0
	xk := x0
	for k := 1; k < len(x); k++ {
		xdot := a * xk
		xk = xk + xdot*complex(dt, 0)
		x[k] = xk
		t[k] = 0 + float64(k)*dt
	}
}

// integrateReal is integrateComplex for a real a (imaginary part ±0) and x0 (imaginary
// part +0), the course's case, with three dependent operations per step instead of five:
// x[k] = x[k−1] + (a·x[k−1])·dt, imaginary part +0. It gives integrateComplex's bits as long
// as p = a·x[k−1] and q = p·dt are non-zero and finite: the complex products' other terms
// are then signed zeros, p − (±0) = p and q − (±0) = q exactly, and the imaginary part, +0
// plus a zero, stays +0 (round to nearest). It reports false — and the caller runs
// integrateComplex — when a product was 0 or the last value is not finite (an infinity or
// NaN, once reached, never leaves the chain).
func integrateReal(a, x0, dt float64, x []complex128, t []float64) bool {
	x[0] = complex(x0, 0)
	xk := x0
	exact := true
	for k := 1; k < len(x); k++ {
		p := a * xk
		q := p * dt
		if p == 0 || q == 0 {
			exact = false
		}
		xk = xk + q
		x[k] = complex(xk, 0)
		t[k] = 0 + float64(k)*dt
	}
	return exact && !math.IsInf(xk, 0) && !math.IsNaN(xk)
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
