package neuron

import (
	"fmt"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/internal/hugemem"
	"github.com/nma-go/nma-go/nma/rng"
)

// GWN is the Gaussian white-noise current of Tutorials 1 and 3 (the course's
// my_GWN(pars, mu, sig, myseed)): one value per time step,
//
//	I[k] = μ + σ·ξ[k]/sqrt(dt/1000),   ξ = np.random.randn(Lt) after np.random.seed(seed),
//
// so the per-step standard deviation is σ/sqrt(dt in s) (100·σ pA for dt = 0.1 ms).
// GWN(p, 250, 3, 2020) is the course's current value for value.
func GWN(p Pars, mu, sig float64, seed uint32) ([]float64, error) {
	return GWNFrom(rng.New(seed), p, mu, sig)
}

// GWNFrom is GWN drawing its Gaussian numbers from r (for a sequence of unseeded calls).
func GWNFrom(r *rng.RandomState, p Pars, mu, sig float64) ([]float64, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if !(sig >= 0) || math.IsInf(sig, 0) {
		return nil, fmt.Errorf("neuron.GWN: sig=%g must be a non-negative number", sig)
	}
	xi, err := r.Randn(p.Lt())
	if err != nil {
		return nil, err
	}
	s := math.Sqrt(p.Dt / 1000)
	for k, x := range xi {
		xi[k] = mu + float64(sig*x)/s
	}
	return xi, nil
}

// GWNTau is the zero-mean white noise of Tutorial 2 (its my_GWN(pars, sig)), scaled with
// the membrane time constant instead of dt in seconds: σ·ξ[k]·sqrt(τ_m/dt), drawn from r.
func GWNTau(r *rng.RandomState, p Pars, sig float64) ([]float64, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if !(sig >= 0) || math.IsInf(sig, 0) {
		return nil, fmt.Errorf("neuron.GWNTau: sig=%g must be a non-negative number", sig)
	}
	xi, err := r.Randn(p.Lt())
	if err != nil {
		return nil, err
	}
	s := math.Sqrt(p.TauM / p.Dt)
	for k, x := range xi {
		xi[k] = float64(sig*x) * s
	}
	return xi, nil
}

// CorrelateInput returns the two correlated inputs of Tutorial 2 (correlate_input), in units
// of I/g_L (mV):
//
//	I_i/g_L = μ + sqrt(1−c)·ξ_i + sqrt(c)·ξ_c,   i = 1, 2,
//
// with ξ_1, ξ_2, ξ_c three independent GWNTau noises drawn in that order from r, so that
// the two inputs have correlation coefficient c ∈ [0, 1].
func CorrelateInput(r *rng.RandomState, p Pars, mu, sig, c float64) (i1gL, i2gL []float64, err error) {
	if !(c >= 0 && c <= 1) {
		return nil, nil, fmt.Errorf("neuron.CorrelateInput: c=%g must be in [0, 1]", c)
	}
	xi1, err := GWNTau(r, p, sig)
	if err != nil {
		return nil, nil, err
	}
	xi2, _ := GWNTau(r, p, sig)
	xic, _ := GWNTau(r, p, sig)
	a, b := math.Sqrt(1-c), math.Sqrt(c)
	for k := range xi1 {
		common := float64(b * xic[k])
		xi1[k] = mu + float64(a*xi1[k]) + common
		xi2[k] = mu + float64(a*xi2[k]) + common
	}
	return xi1, xi2, nil
}

// OU is the Ornstein–Uhlenbeck current of the Tutorial 1 bonus (my_OU): low-pass filtered
// white noise with mean μ, standard deviation σ and correlation time τ_ou (ms),
//
//	I[0] = σ·ξ[0],   I[k+1] = I[k] + (dt/τ_ou)(μ − I[k]) + sqrt(2dt/τ_ou)·σ·ξ[k+1],
//
// with ξ = np.random.randn(Lt) after np.random.seed(seed).
func OU(p Pars, mu, sig, tauOU float64, seed uint32) ([]float64, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	switch {
	case !(tauOU > 0) || math.IsInf(tauOU, 0):
		return nil, fmt.Errorf("neuron.OU: tauOU=%g must be positive", tauOU)
	case !(sig >= 0) || math.IsInf(sig, 0):
		return nil, fmt.Errorf("neuron.OU: sig=%g must be a non-negative number", sig)
	}
	noise, err := rng.New(seed).Randn(p.Lt())
	if err != nil {
		return nil, err
	}
	dt := p.Dt
	out := make([]float64, len(noise))
	out[0] = noise[0] * sig
	k, s := dt/tauOU, math.Sqrt(2*dt/tauOU)*sig
	for it := 0; it < len(out)-1; it++ {
		out[it+1] = out[it] + float64(k*(mu-out[it])) + float64(s*noise[it+1])
	}
	return out, nil
}

// PoissonTrains returns n Poisson spike trains of the given rate (Hz) on the time grid of p
// (the course's Poisson_generator(pars, rate, n, myseed)): trains[i][k] is 1 when train i
// spikes in step k and 0 otherwise, from np.random.rand(n, Lt) < rate·dt/1000 after
// np.random.seed(seed).
func PoissonTrains(p Pars, rate float64, n int, seed uint32) ([][]float64, error) {
	return PoissonTrainsFrom(rng.New(seed), p.T, p.Dt, rate, n)
}

// PoissonTrainsFrom is PoissonTrains on the grid np.arange(0, T, dt), drawing from r.
func PoissonTrainsFrom(r *rng.RandomState, T, dt, rate float64, n int) ([][]float64, error) {
	lt, err := checkPoisson(T, dt, rate, n)
	if err != nil {
		return nil, err
	}
	thr := rate * (dt / 1000)
	out := make([][]float64, n)
	flat := hugemem.Make[float64](n * lt) // megabytes of 0/1: huge pages, as NumPy
	var steps []int
	for i := range out {
		row := flat[i*lt : (i+1)*lt : (i+1)*lt]
		if steps, err = r.AppendRandBelow(steps[:0], lt, thr); err != nil {
			return nil, err
		}
		for _, k := range steps {
			row[k] = 1
		}
		out[i] = row
	}
	return out, nil
}

func checkPoisson(T, dt, rate float64, n int) (int, error) {
	if err := checkGrid(T, dt); err != nil {
		return 0, err
	}
	switch {
	case !(rate >= 0) || math.IsInf(rate, 0):
		return 0, fmt.Errorf("neuron: rate=%g Hz must be a non-negative number", rate)
	case n < 0:
		return 0, fmt.Errorf("neuron: n=%d trains must not be negative", n)
	case float64(n)*T/dt > 2e9:
		return 0, fmt.Errorf("neuron: %d trains of %g steps are too many", n, math.Ceil(T/dt))
	}
	return steps(T, dt), nil
}

// SpikeTimes returns the times (ms) of the 1s of a binary spike train on the grid of p.
func SpikeTimes(p Pars, train []float64) []float64 {
	var t []float64
	for k, s := range train {
		if s > 0.5 {
			t = append(t, float64(k)*p.Dt)
		}
	}
	return t
}

// CorrPoisson returns two correlated Poisson spike-time trains of rate poiRate (Hz) with
// correlation coefficient c ∈ (0, 1] (the course's generate_corr_Poisson): a mother train of
// rate poiRate/c is drawn with PoissonTrains(p, poiRate/c, 1, seed); each child keeps
// int(c·n_mother) of its spikes, chosen by np.random.shuffle of the spike indices (the second
// child shuffles the first child's shuffled order again), sorted by time.
func CorrPoisson(p Pars, poiRate, c float64, seed uint32) (sp1, sp2 []float64, err error) {
	if !(c > 0 && c <= 1) {
		return nil, nil, fmt.Errorf("neuron.CorrPoisson: c=%g must be in (0, 1]", c)
	}
	r := rng.New(seed)
	mother, err := PoissonTrainsFrom(r, p.T, p.Dt, poiRate/c, 1)
	if err != nil {
		return nil, nil, err
	}
	spMother := SpikeTimes(p, mother[0])
	ids := make([]int, len(spMother))
	for i := range ids {
		ids[i] = i
	}
	lc := int(float64(len(spMother)) * c)
	pick := func() []float64 {
		rng.Shuffle(r, ids)
		sp := make([]float64, lc)
		for i := range sp {
			sp[i] = spMother[ids[i]]
		}
		slices.Sort(sp)
		return sp
	}
	sp1 = pick()
	sp2 = pick()
	return sp1, sp2, nil
}
