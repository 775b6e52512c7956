// Package rng reproduces NumPy's legacy random generator,
// numpy.random.RandomState, which is what np.random.seed(...) and the
// module-level functions (np.random.randn, np.random.rand, ...) use. Seeded
// the same way, it yields the same numbers, so Go ports of the Neuromatch
// course can print what the Python notebooks print:
//
//	np.random.seed(2020)            r := rng.New(2020)
//	np.random.randn(3)              x, err := r.Randn(3)
//
// # Version
//
// The legacy RandomState streams have been frozen since NumPy 1.17 (NEP 19:
// the legacy methods keep their algorithms for backward compatibility). This
// package was verified against NumPy 1.24.2 (Debian 12 python3-numpy,
// x86-64, glibc 2.36): see testdata/numpy_legacy.json and
// testdata/gen_fixtures.py, which regenerates it.
//
// # NumPy to Go
//
//	np.random.seed(s)                   rng.New(uint32(s)), or r.Seed(int64(s)) (range-checked)
//	np.random.seed([k0, k1, ...])       rng.NewFromKey([]uint32{...}), r.SeedKey
//	random_sample(n), rand(n)           r.RandomSample(n), r.Rand(n); one draw: r.Float64()
//	randn(n), standard_normal(n)        r.Randn(n), r.StandardNormal(n); one draw: r.NormFloat64()
//	normal(loc, scale, n)               r.Normal(loc, scale, n)
//	uniform(low, high, n)               r.Uniform(low, high, n)
//	exponential(scale, n)               r.Exponential(scale, n)
//	standard_exponential(n)             r.StandardExponential(n)
//	randint(low, high, n)               r.Randint(low, high, n)  (default dtype, int64)
//	choice(k, n)                        r.ChoiceIndex(k, n)  ([]int)
//	choice(a, n)                        rng.Choice(r, a, n)
//	choice(a, n, p=p)                   rng.ChoiceP(r, a, n, p)
//	choice(a, n, replace=False)         rng.ChoiceNoReplace(r, a, n)  (no p)
//	shuffle(x)                          rng.Shuffle(r, x)
//	permutation(n)                      r.Permutation(n)  ([]int)
//	poisson(lam, n)                     r.Poisson(lam, n)
//	binomial(trials, p, n)              r.Binomial(trials, p, n)
//
// A NumPy call with size=None (a scalar result) consumes the stream exactly
// like the same call with n = 1. Multi-dimensional sizes are flattened in C
// order, so draw n = rows*cols values and reshape. Only scalar parameters
// are supported (no broadcasting of array-valued loc, scale, lam, ...).
//
// Methods that take a count n return an error, and draw nothing, when n is
// negative or a parameter is invalid (scale < 0, low >= high, an empty
// population, ...); the message names the parameter and its value.
//
// # Exactness
//
// The MT19937 stream, the 53-bit doubles and everything built from them
// only with exact or correctly rounded IEEE operations (rand, uniform,
// randint, choice, shuffle, permutation) match NumPy bit for bit.
//
// Gaussian and exponential draws go through log(). NumPy calls the C
// library's log, which on Linux (glibc 2.28+) is not correctly rounded for
// about 8 in 10,000 arguments in (0, 1); this package uses its own
// correctly rounded log (Go's math.Log would differ for about 1 argument in
// 20). So about 2 in 10,000 values from Randn, StandardNormal, NormFloat64
// and Normal, and about 8 in 10,000 from Exponential and
// StandardExponential, differ from NumPy by 1 ulp (measured); all other
// values match exactly. The stream never falls out of step: the
// polar method's accept/reject test does not involve log. Poisson and
// Binomial return integers; their log and exp calls only feed accept/reject
// comparisons, so they match NumPy except with negligible probability.
// NumPy builds on other platforms (macOS, Windows, aarch64) may use another
// libm or fused multiply-adds and can differ from x86-64 Linux NumPy in the
// same last-bit way. This package never fuses multiply-adds (explicit
// float64 conversions forbid it), and its floating-point results do not
// depend on GOARCH or GOAMD64.
//
// # Using it as a math/rand/v2 source
//
// *RandomState has a Uint64 method and so is a math/rand/v2 Source: it can
// drive rand.New(r) or gonum's stat/distuv distributions (their Src field).
// Those apply their own algorithms to the MT19937 stream and do NOT
// reproduce NumPy's numbers; only the methods named after NumPy functions
// do.
//
// A RandomState is not safe for concurrent use by multiple goroutines.
//
// # Not implemented
//
// The other legacy distributions (gamma, beta, chisquare, ...), weighted
// sampling without replacement, randint dtypes other than int64,
// get_state/set_state, and the new numpy.random.Generator API (PCG64 and
// ziggurat sampling, entirely different streams).
//
// # Provenance
//
// The algorithms are translated from NumPy's sources (BSD-3-Clause):
// numpy/random/src/mt19937/mt19937.c, numpy/random/mtrand.pyx,
// numpy/random/_bounded_integers.pyx.in,
// numpy/random/src/distributions/distributions.c and
// numpy/random/src/legacy/legacy-distributions.c.
package rng
