package rng

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// RandomState is NumPy's legacy numpy.random.RandomState: an MT19937
// generator plus the cached second Gaussian of the polar method. The zero
// value is not usable; create one with New or NewFromKey.
//
// A RandomState is not safe for concurrent use.
type RandomState struct {
	mt       mt19937
	hasGauss bool
	gauss    float64
	binom    binomialCache
}

// New returns a RandomState seeded as np.random.seed(seed) /
// np.random.RandomState(seed) seed it for an integer seed, which NumPy
// requires to be in [0, 2**32-1] (the range of uint32).
//
// To seed from a runtime integer with NumPy's range check use Seed.
func New(seed uint32) *RandomState {
	r := &RandomState{}
	r.mt.seed(seed)
	return r
}

// NewFromKey returns a RandomState seeded as np.random.seed(key) is for a
// 1-d array (or list) of integers in [0, 2**32-1] (MT19937 init_by_array).
// An empty key is an error, as in NumPy.
func NewFromKey(key []uint32) (*RandomState, error) {
	r := &RandomState{}
	if err := r.SeedKey(key); err != nil {
		return nil, err
	}
	return r, nil
}

// Seed reseeds r like np.random.seed(seed) with an integer seed and clears
// the cached Gaussian. Like NumPy it rejects seeds outside [0, 2**32-1].
func (r *RandomState) Seed(seed int64) error {
	if seed < 0 || seed > math.MaxUint32 {
		return fmt.Errorf("rng: seed = %d, must be between 0 and 2**32 - 1", seed)
	}
	r.mt.seed(uint32(seed))
	r.resetGauss()
	return nil
}

// SeedKey reseeds r like np.random.seed(key) with a 1-d integer array and
// clears the cached Gaussian.
func (r *RandomState) SeedKey(key []uint32) error {
	if len(key) == 0 {
		return errors.New("rng: key has length 0, seed must be non-empty")
	}
	r.mt.seedByArray(key)
	r.resetGauss()
	return nil
}

func (r *RandomState) resetGauss() {
	r.hasGauss = false
	r.gauss = 0
}

// Uint32 returns the next raw 32-bit MT19937 output. It equals
// np.random.randint(0, 2**32) (one draw each).
func (r *RandomState) Uint32() uint32 { return r.mt.next32() }

// Uint64 returns two raw 32-bit outputs, the first as the high half
// (NumPy's mt19937_next64, e.g. randint(0, 2**64, dtype=np.uint64)).
//
// Uint64 makes *RandomState a math/rand/v2 Source, so it can drive
// rand.New(r) or gonum's distuv distributions (their Src field). Those
// consume the MT19937 stream with their own algorithms and therefore do
// NOT reproduce NumPy's numbers; only the methods named after NumPy
// functions do.
func (r *RandomState) Uint64() uint64 { return r.mt.next64() }

// Float64 returns one np.random.random_sample() draw: a 53-bit double in
// [0, 1) made from two 32-bit outputs.
func (r *RandomState) Float64() float64 { return r.mt.nextDouble() }

// NormFloat64 returns one np.random.standard_normal() draw (legacy_gauss,
// the polar Box-Muller method with the cached second value). It shares the
// cache with Randn, StandardNormal and Normal.
func (r *RandomState) NormFloat64() float64 { return r.legacyGauss() }

// legacyGauss is NumPy's legacy_gauss. Each accepted pair (x1, x2) yields
// f*x2, which is returned, and f*x1, which is cached for the next call.
func (r *RandomState) legacyGauss() float64 {
	if r.hasGauss {
		g := r.gauss
		r.resetGauss()
		return g
	}
	var x1, x2, r2 float64
	for {
		x1 = 2.0*r.mt.nextDouble() - 1.0
		x2 = 2.0*r.mt.nextDouble() - 1.0
		// The conversions forbid fusing into an FMA (NumPy's C build does
		// not fuse on x86-64).
		r2 = float64(x1*x1) + float64(x2*x2)
		if r2 < 1.0 && r2 != 0.0 {
			break
		}
	}
	f := math.Sqrt(-2.0 * glibcLog(r2) / r2)
	r.gauss = f * x1
	r.hasGauss = true
	return f * x2
}

func checkSize(method, name string, n int) error {
	if n < 0 {
		return fmt.Errorf("rng: %s: %s = %d, negative dimensions are not allowed", method, name, n)
	}
	return nil
}

// RandomSample returns n draws from np.random.random_sample(n): uniform
// doubles in [0, 1).
func (r *RandomState) RandomSample(n int) ([]float64, error) {
	if err := checkSize("RandomSample", "n", n); err != nil {
		return nil, err
	}
	out := make([]float64, n)
	r.mt.fillDoubles(out)
	return out, nil
}

// Rand is np.random.rand(n), the same stream as RandomSample(n).
func (r *RandomState) Rand(n int) ([]float64, error) {
	if err := checkSize("Rand", "n", n); err != nil {
		return nil, err
	}
	return r.RandomSample(n)
}

// StandardNormal returns n draws from np.random.standard_normal(n).
func (r *RandomState) StandardNormal(n int) ([]float64, error) {
	if err := checkSize("StandardNormal", "n", n); err != nil {
		return nil, err
	}
	out := make([]float64, n)
	r.fillGauss(out)
	return out, nil
}

// StandardNormalTo fills dst with the next len(dst) draws of StandardNormal, without
// allocating: StandardNormalTo(make([]float64, n)) equals StandardNormal(n), and filling
// dst[:a] and then dst[a:] equals filling dst at once.
func (r *RandomState) StandardNormalTo(dst []float64) { r.fillGauss(dst) }

// Randn is np.random.randn(n), the same stream as StandardNormal(n).
func (r *RandomState) Randn(n int) ([]float64, error) {
	if err := checkSize("Randn", "n", n); err != nil {
		return nil, err
	}
	return r.StandardNormal(n)
}

// checkNonNegative mirrors NumPy's CONS_NON_NEGATIVE: NaN passes, and so
// does +0, but -0 is rejected like any value with the sign bit set.
func checkNonNegative(method, name string, v float64) error {
	if !math.IsNaN(v) && math.Signbit(v) {
		return fmt.Errorf("rng: %s: %s = %v, must be >= 0", method, name, v)
	}
	return nil
}

// Normal returns n draws from np.random.normal(loc, scale, n), each
// loc + scale*g for a legacy Gaussian g. scale must be non-negative.
func (r *RandomState) Normal(loc, scale float64, n int) ([]float64, error) {
	if err := checkSize("Normal", "n", n); err != nil {
		return nil, err
	}
	if err := checkNonNegative("Normal", "scale", scale); err != nil {
		return nil, err
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = loc + float64(scale*r.legacyGauss())
	}
	return out, nil
}

// Uniform returns n draws from np.random.uniform(low, high, n), each
// low + (high-low)*U. As in NumPy, high < low is allowed (the interval is
// then (high, low]); high-low must be finite.
func (r *RandomState) Uniform(low, high float64, n int) ([]float64, error) {
	if err := checkSize("Uniform", "n", n); err != nil {
		return nil, err
	}
	rng := high - low
	if math.IsNaN(rng) || math.IsInf(rng, 0) {
		return nil, fmt.Errorf("rng: Uniform: high - low = %v - %v is not finite (range exceeds valid bounds)", high, low)
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = low + float64(rng*r.mt.nextDouble())
	}
	return out, nil
}

// StandardExponential returns n draws from
// np.random.standard_exponential(n), each -log(1 - U).
func (r *RandomState) StandardExponential(n int) ([]float64, error) {
	if err := checkSize("StandardExponential", "n", n); err != nil {
		return nil, err
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = -glibcLog(1.0 - r.mt.nextDouble())
	}
	return out, nil
}

// Exponential returns n draws from np.random.exponential(scale, n), each
// scale * -log(1 - U). scale must be non-negative.
func (r *RandomState) Exponential(scale float64, n int) ([]float64, error) {
	if err := checkSize("Exponential", "n", n); err != nil {
		return nil, err
	}
	if err := checkNonNegative("Exponential", "scale", scale); err != nil {
		return nil, err
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = scale * -glibcLog(1.0-r.mt.nextDouble())
	}
	return out, nil
}

// genMask returns the smallest all-ones bit mask >= max.
func genMask(max uint64) uint64 {
	mask := max
	mask |= mask >> 1
	mask |= mask >> 2
	mask |= mask >> 4
	mask |= mask >> 8
	mask |= mask >> 16
	mask |= mask >> 32
	return mask
}

// boundedFill is random_bounded_uint64_fill with use_masked = true: cnt
// values off + v with v uniform in [0, rng] by masked rejection sampling,
// drawing 32-bit outputs when rng < 2**32 and 64-bit ones otherwise.
func (r *RandomState) boundedFill(off, rng uint64, out []uint64) {
	switch {
	case rng == 0:
		for i := range out {
			out[i] = off
		}
	case rng == math.MaxUint32:
		for i := range out {
			out[i] = off + uint64(r.mt.next32())
		}
	case rng < math.MaxUint32:
		mask := uint32(genMask(rng))
		rng32 := uint32(rng)
		for i := range out {
			v := r.mt.next32() & mask
			for v > rng32 {
				v = r.mt.next32() & mask
			}
			out[i] = off + uint64(v)
		}
	default:
		// NumPy also special-cases rng == 2**64-1 (plain 64-bit draws), but
		// an int64 [low, high) range is at most 2**64-2 wide, so masked
		// rejection below covers every reachable case.
		mask := genMask(rng)
		for i := range out {
			v := r.mt.next64() & mask
			for v > rng {
				v = r.mt.next64() & mask
			}
			out[i] = off + v
		}
	}
}

// Randint returns n draws from np.random.randint(low, high, n) with the
// default dtype (int64 on Linux and macOS): integers in [low, high), by
// NumPy's legacy masked rejection sampling. low must be < high.
func (r *RandomState) Randint(low, high int64, n int) ([]int64, error) {
	if err := checkSize("Randint", "n", n); err != nil {
		return nil, err
	}
	if low >= high {
		return nil, fmt.Errorf("rng: Randint: low = %d >= high = %d, want low < high", low, high)
	}
	buf := make([]uint64, n)
	r.boundedFill(uint64(low), uint64(high-1)-uint64(low), buf)
	out := make([]int64, n)
	for i, v := range buf {
		out[i] = int64(v)
	}
	return out, nil
}

// randomInterval is NumPy's random_interval: a uniform integer in [0, max]
// by masked rejection (32-bit draws when max < 2**32).
func (r *RandomState) randomInterval(max uint64) uint64 {
	if max == 0 {
		return 0
	}
	mask := genMask(max)
	if max <= math.MaxUint32 {
		for {
			v := uint64(r.mt.next32()) & mask
			if v <= max {
				return v
			}
		}
	}
	for {
		v := r.mt.next64() & mask
		if v <= max {
			return v
		}
	}
}

// Shuffle shuffles x in place exactly as np.random.shuffle(x) shuffles a
// 1-d array or list of the same length: for i from len(x)-1 down to 1 it
// swaps x[i] with x[j], j uniform in [0, i].
func Shuffle[T any](r *RandomState, x []T) {
	for i := len(x) - 1; i >= 1; i-- {
		j := r.randomInterval(uint64(i))
		x[i], x[j] = x[j], x[i]
	}
}

// Permutation returns np.random.permutation(n): a shuffled 0, 1, ..., n-1.
// Unlike NumPy (which returns an empty array), a negative n is an error.
func (r *RandomState) Permutation(n int) ([]int, error) {
	if err := checkSize("Permutation", "n", n); err != nil {
		return nil, err
	}
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	Shuffle(r, p)
	return p, nil
}

// ChoiceIndex returns np.random.choice(popSize, n): n integers drawn
// uniformly with replacement from [0, popSize). It draws exactly as
// Randint(0, popSize, n). popSize must be positive unless n is 0.
func (r *RandomState) ChoiceIndex(popSize, n int) ([]int, error) {
	if err := checkSize("ChoiceIndex", "n", n); err != nil {
		return nil, err
	}
	if popSize <= 0 {
		if n == 0 {
			return []int{}, nil
		}
		return nil, fmt.Errorf("rng: ChoiceIndex: popSize = %d, must be greater than 0 unless no samples are taken", popSize)
	}
	v, err := r.Randint(0, int64(popSize), n)
	if err != nil {
		return nil, err
	}
	out := make([]int, n)
	for i, x := range v {
		out[i] = int(x)
	}
	return out, nil
}

// Choice returns np.random.choice(a, n): n elements of a drawn uniformly
// with replacement (the indices are Randint(0, len(a), n)). a must be
// non-empty unless n is 0.
func Choice[T any](r *RandomState, a []T, n int) ([]T, error) {
	if err := checkSize("Choice", "n", n); err != nil {
		return nil, err
	}
	if len(a) == 0 && n > 0 {
		return nil, fmt.Errorf("rng: Choice: len(a) = 0, a cannot be empty unless no samples are taken (n = %d)", n)
	}
	out := make([]T, n)
	if n == 0 {
		return out, nil
	}
	idx, err := r.ChoiceIndex(len(a), n)
	if err != nil {
		return nil, err
	}
	for i, j := range idx {
		out[i] = a[j]
	}
	return out, nil
}

// ChoiceNoReplace returns np.random.choice(a, n, replace=False): the first
// n elements of a legacy permutation of a's indices. n must not exceed
// len(a).
func ChoiceNoReplace[T any](r *RandomState, a []T, n int) ([]T, error) {
	if err := checkSize("ChoiceNoReplace", "n", n); err != nil {
		return nil, err
	}
	if n > len(a) {
		return nil, fmt.Errorf("rng: ChoiceNoReplace: n = %d > len(a) = %d, cannot take a larger sample than the population without replacement", n, len(a))
	}
	if len(a) == 0 {
		return []T{}, nil
	}
	perm, err := r.Permutation(len(a))
	if err != nil {
		return nil, err
	}
	out := make([]T, n)
	for i := range out {
		out[i] = a[perm[i]]
	}
	return out, nil
}

// kahanSum is NumPy's kahan_sum, used only to validate p.
func kahanSum(x []float64) float64 {
	sum, c := x[0], 0.0
	for _, v := range x[1:] {
		y := v - c
		t := sum + y
		c = (t - sum) - y
		sum = t
	}
	return sum
}

// ChoiceP returns np.random.choice(a, n, p=p): n elements of a drawn with
// replacement with probabilities p. Like NumPy it draws n uniforms U
// (RandomSample) and returns a[k] for the first k with cdf[k] > U, where
// cdf is the running sum of p divided by its last element. p must have
// len(a) entries, none negative or NaN, summing to 1 within sqrt(eps).
func ChoiceP[T any](r *RandomState, a []T, n int, p []float64) ([]T, error) {
	if err := checkSize("ChoiceP", "n", n); err != nil {
		return nil, err
	}
	if len(a) == 0 {
		if n == 0 {
			return []T{}, nil
		}
		return nil, fmt.Errorf("rng: ChoiceP: len(a) = 0, a cannot be empty unless no samples are taken (n = %d)", n)
	}
	if len(p) != len(a) {
		return nil, fmt.Errorf("rng: ChoiceP: len(p) = %d != len(a) = %d, a and p must have the same size", len(p), len(a))
	}
	sum := kahanSum(p)
	if math.IsNaN(sum) {
		return nil, errors.New("rng: ChoiceP: p contains NaN")
	}
	for i, v := range p {
		if v < 0 {
			return nil, fmt.Errorf("rng: ChoiceP: p[%d] = %v, probabilities must be non-negative", i, v)
		}
	}
	if atol := math.Sqrt(0x1p-52); math.Abs(sum-1) > atol {
		return nil, fmt.Errorf("rng: ChoiceP: sum(p) = %v, probabilities must sum to 1 (within %.3g)", sum, atol)
	}
	cdf := make([]float64, len(p))
	acc := 0.0
	for i, v := range p {
		acc += v
		cdf[i] = acc
	}
	last := cdf[len(cdf)-1]
	for i := range cdf {
		cdf[i] /= last
	}
	out := make([]T, n)
	for i := range out {
		u := r.mt.nextDouble()
		k := sort.Search(len(cdf), func(j int) bool { return cdf[j] > u })
		// searchsorted can return len(cdf) only if u >= 1, which a
		// draw in [0, 1) never is; clamp anyway for safety.
		if k == len(cdf) {
			k--
		}
		out[i] = a[k]
	}
	return out, nil
}
