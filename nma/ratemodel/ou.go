package ratemodel

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/rng"
)

// OU returns n steps of a zero-mean Ornstein–Uhlenbeck process (the course's my_OU),
//
//	τ_ou dη/dt = −η + σ·sqrt(2τ_ou)·ξ(t),
//
// integrated with Euler: η[0] = σ·ξ[0], η[k+1] = η[k] − dt/τ_ou·η[k] + sqrt(2dt/τ_ou)·σ·ξ[k+1].
// The ξ are np.random.randn(n) after np.random.seed(seed) (NumPy's legacy generator, see
// package rng), so OU(…, 2020) is the course's trace value for value.
func OU(n int, dt, tauOU, sig float64, seed uint32) ([]float64, error) {
	switch {
	case n < 1:
		return nil, fmt.Errorf("ratemodel.OU: n=%d must be at least 1", n)
	case !(dt > 0):
		return nil, fmt.Errorf("ratemodel.OU: dt=%g must be positive", dt)
	case !(tauOU > 0):
		return nil, fmt.Errorf("ratemodel.OU: tauOU=%g must be positive", tauOU)
	case sig < 0 || math.IsNaN(sig):
		return nil, fmt.Errorf("ratemodel.OU: sig=%g must not be negative", sig)
	}
	noise, err := rng.New(seed).Randn(n)
	if err != nil {
		return nil, err
	}
	eta := make([]float64, n)
	eta[0] = noise[0] * sig
	for k := 0; k < n-1; k++ {
		eta[k+1] = eta[k] + dt/tauOU*(0-eta[k]) + math.Sqrt(2*dt/tauOU)*sig*noise[k+1]
	}
	return eta, nil
}
