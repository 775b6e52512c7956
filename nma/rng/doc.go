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
// x86-64, glibc 2.36, a CPU with FMA): see testdata/numpy_legacy.json and
// testdata/gen_fixtures.py, which regenerates it, and the Exactness
// section.
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
//	flatnonzero(rand(n) < p)            r.AppendRandBelow(dst, n, p)  (without the n draws)
//	standard_normal(n) into an array    r.StandardNormalTo(dst)
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
// On x86-64 Linux with a CPU that has FMA and AVX2 (Intel since Haswell,
// AMD since Excavator), every method matches NumPy bit for bit: the MT19937
// stream, the 53-bit doubles and everything built from them, including the
// Gaussian (Randn, StandardNormal, NormFloat64, Normal) and exponential
// (Exponential, StandardExponential) draws.
//
// Those draws go through log(). NumPy calls the C library's log, which on
// Linux (glibc 2.28+) is not correctly rounded for about 7 in 10,000
// arguments in (0, 1), and which Go's math.Log differs from for about 7 in
// 100. This package uses glibcLog (log.go), a port of glibc's log (ARM
// optimized-routines, MIT license) that performs exactly the operations,
// fused multiply-adds included, of the build glibc selects at run time on
// CPUs with FMA and AVX2. It gave the same bits as glibc 2.36's log for all
// of 542,675,148 test arguments (uniform and polar-method r2 values in
// (0, 1), 1-U, (0, 2], values near 1, subnormals, table boundaries, random
// bit patterns) and the same values as NumPy 1.24.2 for 30 million
// Gaussian and exponential draws; testdata/glibc_log.json (made by
// testdata/gen_glibc_log.py) keeps 6,054 glibc results and hashes of 4
// million more for the tests. glibcLog uses math.FMA, which is exact
// everywhere, so these results do not depend on GOARCH, GOAMD64 or the CPU
// Go runs on.
//
// NumPy's own results do depend on the CPU. On an x86-64 CPU without FMA
// or AVX2, glibc runs a build of the same log without fused multiply-adds
// (or, on AMD CPUs with only FMA4, an FMA4 build, not checked here),
// which differs in the last bit for about 1 argument in 9,000 in (0, 1);
// NumPy there gives 1-ulp different values for about 50 in a million
// Gaussians and 110 in a million exponential draws (measured by forcing
// that build with GLIBC_TUNABLES=glibc.cpu.hwcaps=-FMA), and this package
// does not follow it. NumPy on other platforms (macOS, Windows, aarch64,
// musl) uses another libm and can differ in the same last-bit way.
//
// Poisson and Binomial use glibcLog wherever NumPy calls log (loggam, PTRS,
// BTPE, inversion), but math.Exp where NumPy calls exp (lam < 10, and the
// inversion's starting probability); math.Exp differs from glibc's exp in
// the last bit for about 13% of arguments. Those values only feed
// accept/reject comparisons with uniform draws, so an integer output can
// differ only with probability around 1e-16 per comparison (none did in 20
// million draws on these exp paths, and 2 million on the PTRS and BTPE
// paths, compared with NumPy). Outside glibcLog this package never fuses
// multiply-adds (explicit float64 conversions forbid it), as NumPy's
// baseline x86-64 build does not.
//
// # Speed
//
// The generator twists and tempers its 624 words a block at a time, so a draw is an array
// read. The bulk methods (Rand, RandomSample, Randn, StandardNormal, StandardNormalTo,
// AppendRandBelow) loop over the block's words directly; Randn runs the polar method's
// attempts for a block at once and then the logarithms and square roots of the accepted
// ones; AppendRandBelow decides almost every draw from its first word (u < p·2^53 compared
// as integers), so it needs no array of draws. On amd64 with AVX2 and FMA the twist and
// tempering, the attempts and the logarithms (glibcLog's main path, its fused multiply-adds
// as FMA instructions and every other operation rounded alone) run 4 or 8 at a time in
// assembly; the tests compare every assembly routine with the Go code it replaces, and the
// build tag purego (or a CPU without AVX2) selects the Go code. The numbers do not change:
// the NumPy fixtures pin them.
//
// On a shared 2-core AMD EPYC (Zen 3) VM under load, in CPU time: Rand(10^6) 4.0–4.9 ms
// (12.7–13.2 ms one draw at a time), Randn(10^6) 9.3–10.1 ms (34.5–34.9 ms),
// AppendRandBelow of 10^6 draws at p = 0.015 1.2–1.4 ms, one refill of the state 0.2 µs
// (1.8 µs in Go). To measure:
//
//	go test -run x -bench . -cpu 1 ./nma/rng/
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
