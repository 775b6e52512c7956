package rng

import (
	"fmt"
	"math"
)

// Poisson and binomial samplers, translated from NumPy's
// numpy/random/src/distributions/distributions.c (random_poisson,
// random_binomial_inversion, random_binomial_btpe) and
// legacy-distributions.c (legacy_random_binomial). Every product that is
// later added to something is wrapped in float64(...) so that the Go
// compiler cannot fuse it into an FMA (NumPy's x86-64 build does not).
// NumPy's calls to the C library's log are glibcLog here, which matches
// glibc bit for bit. Its exp calls (poissonMult, binomialInversion) are
// math.Exp, which differs from glibc's exp in the last bit for about 13% of
// arguments; since exp only feeds accept/reject comparisons with uniform
// draws, that changes an integer output only with probability around
// 1e-16 per comparison.

// loggam is NumPy's random_loggam: log(Gamma(x)) by Stirling's series.
func loggam(x float64) float64 {
	a := [10]float64{8.333333333333333e-02, -2.777777777777778e-03,
		7.936507936507937e-04, -5.952380952380952e-04,
		8.417508417508418e-04, -1.917526917526918e-03,
		6.410256410256410e-03, -2.955065359477124e-02,
		1.796443723688307e-01, -1.39243221690590e+00}
	if x == 1.0 || x == 2.0 {
		return 0.0
	}
	var n int64
	if x < 7.0 {
		n = int64(7 - x)
	}
	x0 := x + float64(n)
	x2 := (1.0 / x0) * (1.0 / x0)
	const lg2pi = 1.8378770664093453e+00
	gl0 := a[9]
	for k := 8; k >= 0; k-- {
		gl0 = float64(gl0*x2) + a[k]
	}
	gl := gl0/x0 + float64(0.5*lg2pi) + float64((x0-0.5)*glibcLog(x0)) - x0
	if x < 7.0 {
		for k := int64(1); k <= n; k++ {
			gl -= glibcLog(x0 - 1.0)
			x0 -= 1.0
		}
	}
	return gl
}

// poissonMult is random_poisson_mult (lam < 10).
func (r *RandomState) poissonMult(lam float64) int64 {
	enlam := math.Exp(-lam)
	var x int64
	prod := 1.0
	for {
		prod *= r.mt.nextDouble()
		if prod > enlam {
			x++
		} else {
			return x
		}
	}
}

// poissonPTRS is random_poisson_ptrs (Hoermann's transformed rejection,
// lam >= 10).
func (r *RandomState) poissonPTRS(lam float64) int64 {
	slam := math.Sqrt(lam)
	loglam := glibcLog(lam)
	b := 0.931 + float64(2.53*slam)
	a := -0.059 + float64(0.02483*b)
	invalpha := 1.1239 + 1.1328/(b-3.4)
	vr := 0.9277 - 3.6224/(b-2)
	for {
		u := r.mt.nextDouble() - 0.5
		v := r.mt.nextDouble()
		us := 0.5 - math.Abs(u)
		k := int64(math.Floor(float64((2*a/us+b)*u) + lam + 0.43))
		if us >= 0.07 && v <= vr {
			return k
		}
		if k < 0 || (us < 0.013 && v > us) {
			continue
		}
		lhs := glibcLog(v) + glibcLog(invalpha) - glibcLog(a/float64(us*us)+b)
		rhs := -lam + float64(float64(k)*loglam) - loggam(float64(k+1))
		if lhs <= rhs {
			return k
		}
	}
}

func (r *RandomState) poisson(lam float64) int64 {
	switch {
	case lam >= 10:
		return r.poissonPTRS(lam)
	case lam == 0:
		return 0
	default:
		return r.poissonMult(lam)
	}
}

// legacyPoissonLamMax is NumPy's LEGACY_POISSON_LAM_MAX,
// iinfo('l').max - sqrt(iinfo('l').max)*10 as a double.
var legacyPoissonLamMax = float64(math.MaxInt64) - math.Sqrt(float64(math.MaxInt64))*10

// Poisson returns n draws from np.random.poisson(lam, n) (legacy: the
// multiplication method for lam < 10, PTRS for lam >= 10). lam must be
// >= 0 and not too large.
func (r *RandomState) Poisson(lam float64, n int) ([]int64, error) {
	if err := checkSize("Poisson", "n", n); err != nil {
		return nil, err
	}
	if !(lam >= 0) {
		return nil, fmt.Errorf("rng: Poisson: lam = %v, must be >= 0 and not NaN", lam)
	}
	if !(lam <= legacyPoissonLamMax) {
		return nil, fmt.Errorf("rng: Poisson: lam = %v, value too large (max %v)", lam, legacyPoissonLamMax)
	}
	out := make([]int64, n)
	for i := range out {
		out[i] = r.poisson(lam)
	}
	return out, nil
}

// binomialCache mirrors NumPy's binomial_t: set-up values kept between
// calls with the same (n, p). Reusing them cannot change results (they are
// recomputed identically); it only saves time.
type binomialCache struct {
	has                                     bool
	nsave                                   int64
	psave                                   float64
	r, q, fm, p1, xm, xl, xr, c, laml, lamr float64
	p2, p3, p4                              float64
	m                                       int64
}

// binomialInversion is random_binomial_inversion (n*p <= 30).
func (r *RandomState) binomialInversion(n int64, p float64) int64 {
	bc := &r.binom
	var q, qn, np float64
	var bound int64
	if !bc.has || bc.nsave != n || bc.psave != p {
		bc.nsave = n
		bc.psave = p
		bc.has = true
		q = 1.0 - p
		qn = math.Exp(float64(n) * glibcLog(q))
		np = float64(float64(n) * p)
		bound = int64(math.Min(float64(n), np+float64(10.0*math.Sqrt(float64(np*q)+1))))
		bc.q, bc.r, bc.c, bc.m = q, qn, np, bound
	} else {
		q, qn, bound = bc.q, bc.r, bc.m
	}
	var x int64
	px := qn
	u := r.mt.nextDouble()
	for u > px {
		x++
		if x > bound {
			x = 0
			px = qn
			u = r.mt.nextDouble()
		} else {
			u -= px
			px = (float64(n-x+1) * p * px) / (float64(x) * q)
		}
	}
	return x
}

// binomialBTPE is random_binomial_btpe (Kachitvichyanukul and Schmeiser's
// BTPE, n*p > 30), with NumPy's step labels.
func (r *RandomState) binomialBTPE(n int64, p float64) int64 {
	bc := &r.binom
	var rr, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 float64
	var m int64
	fn := float64(n)
	if !bc.has || bc.nsave != n || bc.psave != p {
		bc.nsave = n
		bc.psave = p
		bc.has = true
		rr = math.Min(p, 1.0-p)
		q = 1.0 - rr
		fm = float64(fn*rr) + rr
		m = int64(math.Floor(fm))
		p1 = math.Floor(float64(2.195*math.Sqrt(float64(fn*rr)*q))-float64(4.6*q)) + 0.5
		xm = float64(m) + 0.5
		xl = xm - p1
		xr = xm + p1
		c = 0.134 + 20.5/(15.3+float64(m))
		a := (fm - xl) / (fm - float64(xl*rr))
		laml = a * (1.0 + float64(a/2.0))
		a = (xr - fm) / (xr * q)
		lamr = a * (1.0 + float64(a/2.0))
		p2 = float64(p1 * (1.0 + float64(2.0*c)))
		p3 = p2 + c/laml
		p4 = p3 + c/lamr
		*bc = binomialCache{has: true, nsave: n, psave: p, r: rr, q: q, fm: fm,
			m: m, p1: p1, xm: xm, xl: xl, xr: xr, c: c, laml: laml, lamr: lamr,
			p2: p2, p3: p3, p4: p4}
	} else {
		rr, q, m, p1 = bc.r, bc.q, bc.m, bc.p1
		xm, xl, xr, c = bc.xm, bc.xl, bc.xr, bc.c
		laml, lamr, p2, p3, p4 = bc.laml, bc.lamr, bc.p2, bc.p3, bc.p4
	}

	var u, v, x float64
	var y, k int64
	nrq := float64(float64(fn*rr) * q)

step10:
	u = float64(r.mt.nextDouble() * p4)
	v = r.mt.nextDouble()
	if u > p1 {
		goto step20
	}
	y = int64(math.Floor(xm - float64(p1*v) + u))
	goto step60

step20:
	if u > p2 {
		goto step30
	}
	x = xl + (u-p1)/c
	v = float64(v*c) + 1.0 - math.Abs(float64(m)-x+0.5)/p1
	if v > 1.0 {
		goto step10
	}
	y = int64(math.Floor(x))
	goto step50

step30:
	if u > p3 {
		goto step40
	}
	y = int64(math.Floor(xl + glibcLog(v)/laml))
	// Reject if v == 0.0 since the previous cast is undefined in C.
	if y < 0 || v == 0.0 {
		goto step10
	}
	v = float64(v * (u - p2) * laml)
	goto step50

step40:
	y = int64(math.Floor(xr - glibcLog(v)/lamr))
	if y > n || v == 0.0 {
		goto step10
	}
	v = float64(v * (u - p3) * lamr)

step50:
	k = y - m
	if k < 0 {
		k = -k
	}
	if k > 20 && float64(k) < float64(nrq/2.0)-1 {
		goto step52
	}
	{
		s := rr / q
		a := float64(s * float64(n+1))
		f := 1.0
		if m < y {
			for i := m + 1; i <= y; i++ {
				f *= a/float64(i) - s
			}
		} else if m > y {
			for i := y + 1; i <= m; i++ {
				f /= a/float64(i) - s
			}
		}
		if v > f {
			goto step10
		}
		goto step60
	}

step52:
	{
		fk := float64(k)
		rho := float64((fk / nrq) * ((float64(fk*(fk/3.0+0.625))+0.16666666666666666)/nrq + 0.5))
		t := float64(-k*k) / (2 * nrq)
		A := glibcLog(v)
		if A < t-rho {
			goto step60
		}
		if A > t+rho {
			goto step10
		}
		x1 := float64(y + 1)
		f1 := float64(m + 1)
		z := float64(n + 1 - m)
		w := float64(n - y + 1)
		x2 := x1 * x1
		f2 := f1 * f1
		z2 := z * z
		w2 := w * w
		corr := func(s2, s float64) float64 {
			return (13680. - (462.-(132.-(99.-140./s2)/s2)/s2)/s2) / s / 166320.
		}
		bound := float64(xm*glibcLog(f1/x1)) +
			float64((float64(n-m)+0.5)*glibcLog(z/w)) +
			float64(float64(y-m)*glibcLog(float64(w*rr)/float64(x1*q))) +
			corr(f2, f1) + corr(z2, z) + corr(x2, x1) + corr(w2, w)
		if A > bound {
			goto step10
		}
	}

step60:
	if p > 0.5 {
		y = n - y
	}
	return y
}

// legacyBinomial is legacy_random_binomial (note: no shortcut for n == 0
// or p == 0, so those still consume a draw, as in NumPy).
func (r *RandomState) legacyBinomial(p float64, n int64) int64 {
	if p <= 0.5 {
		if p*float64(n) <= 30.0 {
			return r.binomialInversion(n, p)
		}
		return r.binomialBTPE(n, p)
	}
	q := 1.0 - p
	if q*float64(n) <= 30.0 {
		return n - r.binomialInversion(n, q)
	}
	return n - r.binomialBTPE(n, q)
}

// Binomial returns size draws from np.random.binomial(n, p, size). n must
// be >= 0 and p in [0, 1].
func (r *RandomState) Binomial(n int64, p float64, size int) ([]int64, error) {
	if err := checkSize("Binomial", "size", size); err != nil {
		return nil, err
	}
	if !(p >= 0 && p <= 1) {
		return nil, fmt.Errorf("rng: Binomial: p = %v, must be in [0, 1]", p)
	}
	if n < 0 {
		return nil, fmt.Errorf("rng: Binomial: n = %d, must be >= 0", n)
	}
	out := make([]int64, size)
	for i := range out {
		out[i] = r.legacyBinomial(p, n)
	}
	return out, nil
}
