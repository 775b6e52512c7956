package rng

import (
	"math"
	"math/big"
	"sync"
)

// NumPy's legacy samplers call the C library's log(). On Linux that is
// glibc's log (2.28 and later), which is accurate to about 0.52 ulp: it
// returns the correctly rounded result except for roughly 5 to 8 arguments
// in 10,000. Go's math.Log is only accurate to about 1 ulp and differs from
// glibc for about 5% of arguments. lnCR below is a correctly rounded
// natural logarithm (double-double evaluation, error below 2^-80 relative),
// so it agrees with glibc whenever glibc rounds correctly.

// log1pTail holds 1/14, 1/13, ..., 1/5: Horner coefficients of the tail
// Q(r) = 1/5 - r/6 + ... + r^10/15 of log1p(r) = r - r^2/2 + ... + r^5 Q(r).
var log1pTail = [10]float64{1.0 / 14, 1.0 / 13, 1.0 / 12, 1.0 / 11, 1.0 / 10, 1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5}

// logTabFirst and logTabLast bound the table index i = round(128*m) for a
// mantissa m in [sqrt(1/2), sqrt(2)].
const (
	logTabFirst = 91
	logTabLast  = 181
)

type logEntry struct {
	invc           float64 // 128/i rounded to double
	logcHi, logcLo float64 // -log(invc) as a double-double
}

var (
	logOnce        sync.Once
	ln2Hi, ln2Lo   float64
	logTab         [logTabLast - logTabFirst + 1]logEntry
	thirdHi        = 1.0 / 3
	thirdLo        = 0x1.5555555555555p-56 // 1/3 - thirdHi to double precision
	logTablePrec   = uint(200)
	logTableCutoff = -int(logTablePrec) - 8
)

// bigLn returns log(y) for y > 0 near 1 (here 0.7 < y <= 2) to about
// logTablePrec bits, by log(y) = 2 atanh((y-1)/(y+1)).
func bigLn(y float64) *big.Float {
	p := logTablePrec
	one := new(big.Float).SetPrec(p).SetInt64(1)
	by := new(big.Float).SetPrec(p).SetFloat64(y)
	num := new(big.Float).SetPrec(p).Sub(by, one)
	den := new(big.Float).SetPrec(p).Add(by, one)
	s := new(big.Float).SetPrec(p).Quo(num, den)
	sum := new(big.Float).SetPrec(p).Set(s)
	if s.Sign() == 0 {
		return sum
	}
	s2 := new(big.Float).SetPrec(p).Mul(s, s)
	term := new(big.Float).SetPrec(p).Set(s)
	t := new(big.Float).SetPrec(p)
	for n := int64(3); ; n += 2 {
		term.Mul(term, s2)
		t.Quo(term, new(big.Float).SetPrec(p).SetInt64(n))
		sum.Add(sum, t)
		if t.Sign() == 0 || t.MantExp(nil)-sum.MantExp(nil) < logTableCutoff {
			break
		}
	}
	return sum.Mul(sum, new(big.Float).SetPrec(p).SetInt64(2))
}

// splitDD rounds a big.Float to a double-double (hi, lo).
func splitDD(v *big.Float) (hi, lo float64) {
	hi, _ = v.Float64()
	r := new(big.Float).SetPrec(v.Prec()).Sub(v, new(big.Float).SetFloat64(hi))
	lo, _ = r.Float64()
	return hi, lo
}

func initLogTables() {
	ln2Hi, ln2Lo = splitDD(bigLn(2))
	for i := logTabFirst; i <= logTabLast; i++ {
		invc := 128.0 / float64(i)
		l := bigLn(invc)
		l.Neg(l)
		e := &logTab[i-logTabFirst]
		e.invc = invc
		e.logcHi, e.logcLo = splitDD(l)
	}
}

// twoSum returns s = fl(a+b) and the exact error e = a+b-s.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// fastTwoSum is twoSum for |a| >= |b| (or a == 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return s, e
}

// ddMul multiplies two double-doubles.
func ddMul(ah, al, bh, bl float64) (h, l float64) {
	h = float64(ah * bh)
	l = math.FMA(ah, bh, -h) + (ah*bl + al*bh)
	return fastTwoSum(h, l)
}

// ddAdd adds two double-doubles whose sum has no heavy cancellation.
func ddAdd(ah, al, bh, bl float64) (h, l float64) {
	s, e := twoSum(ah, bh)
	e += al + bl
	return fastTwoSum(s, e)
}

// ddAddAccurate adds two double-doubles accurately even under cancellation.
func ddAddAccurate(ah, al, bh, bl float64) (h, l float64) {
	s, e := twoSum(ah, bh)
	t, f := twoSum(al, bl)
	e += t
	s, e = fastTwoSum(s, e)
	e += f
	return fastTwoSum(s, e)
}

// lnCR returns the natural logarithm of x, correctly rounded to nearest
// (barring inputs whose logarithm lies within 2^-80 relative of a rounding
// boundary). Special cases follow C's log: lnCR(±0) = -Inf, lnCR(x<0) = NaN,
// lnCR(+Inf) = +Inf, lnCR(NaN) = NaN.
func lnCR(x float64) float64 {
	switch {
	case x != x || x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case x > math.MaxFloat64:
		return x
	case x == 1:
		return 0
	}
	logOnce.Do(initLogTables)

	// x = m * 2^k with m in [sqrt(1/2), sqrt(2)].
	k := 0
	if x < 0x1p-1022 {
		x *= 0x1p52
		k = -52
	}
	b := math.Float64bits(x)
	k += int(b>>52) - 1023
	m := math.Float64frombits(b&(1<<52-1) | 0x3ff<<52)
	if m > math.Sqrt2 {
		m *= 0.5
		k++
	}

	// m = c * (1 + r) with c = 1/invc near m, |r| < 0.0056; t = m*invc exactly.
	e := &logTab[int(m*128+0.5)-logTabFirst]
	th := float64(m * e.invc)
	tl := math.FMA(m, e.invc, -th)
	rh, rl := twoSum(th-1, tl) // th-1 is exact (Sterbenz)

	// log1p(r) = r - r^2/2 + r^3/3 - r^4/4 + r^5 Q(r); the first four terms
	// in double-double, the tail (below 2^-32 |r|) in double.
	r2h, r2l := ddMul(rh, rl, rh, rl)
	r3h, r3l := ddMul(r2h, r2l, rh, rl)
	r4h, r4l := ddMul(r2h, r2l, r2h, r2l)
	t3h, t3l := ddMul(r3h, r3l, thirdHi, thirdLo)
	r := rh
	q := 1.0 / 15
	for _, c := range &log1pTail {
		q = c - r*q
	}
	tail := float64(r4h * r * q)

	sh, sl := ddAdd(rh, rl, float64(-0.5*r2h), float64(-0.5*r2l))
	sh, sl = ddAdd(sh, sl, t3h, t3l)
	sh, sl = ddAdd(sh, sl, float64(-0.25*r4h), float64(-0.25*r4l))
	sh, sl = ddAdd(sh, sl, tail, 0)

	// log(x) = k*ln2 + log(c) + log1p(r).
	fk := float64(k)
	kh := float64(fk * ln2Hi)
	kl := math.FMA(fk, ln2Hi, -kh) + fk*ln2Lo
	hh, hl := ddAddAccurate(kh, kl, e.logcHi, e.logcLo)
	hh, hl = ddAddAccurate(hh, hl, sh, sl)
	return hh + hl
}
