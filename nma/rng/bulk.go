package rng

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// Bulk draws: loops that read the tempered words of the current block directly, so that a
// long run of draws costs a few array reads per number. Each gives the numbers, and leaves
// the generator in the state, of the one-at-a-time loop it replaces.

// fillDoubles sets dst to the next len(dst) draws of nextDouble.
func (mt *mt19937) fillDoubles(dst []float64) {
	for i := 0; i < len(dst); {
		p := mt.pos
		if p >= mtN-1 {
			dst[i] = mt.nextDoubleSlow()
			i++
			continue
		}
		n := min((mtN-p)/2, len(dst)-i)
		out := mt.out[p : p+2*n]
		d := dst[i : i+n]
		for j := range d {
			d[j] = double(out[2*j], out[2*j+1])
		}
		mt.pos = p + 2*n
		i += n
	}
}

// fillGauss sets dst to the next len(dst) draws of legacyGauss, cache included. It runs the
// polar method's attempts (four words each) a block at a time: first every attempt's x1,
// x2 and r2 = x1² + x2², then the logarithms and square roots of the accepted ones, and it
// leaves the generator after the attempt that gave the last pair, as legacyGauss would.
func (r *RandomState) fillGauss(dst []float64) {
	i := 0
	if r.hasGauss && len(dst) > 0 {
		dst[0] = r.gauss
		r.resetGauss()
		i = 1
	}
	mt := &r.mt
	const maxAtt = mtN / 4
	var x1s, x2s, r2s [maxAtt + 3]float64 // accepted attempts, packed (3 values of slack)
	var acc [maxAtt + 3]int32             // their numbers
	for i < len(dst) {
		q := mt.pos
		need := (len(dst) - i + 1) / 2 // pairs still to draw
		if q > mtN-4 {
			// the attempt spans a gen
			x1 := 2.0*mt.nextDouble() - 1.0
			x2 := 2.0*mt.nextDouble() - 1.0
			r2 := float64(x1*x1) + float64(x2*x2)
			if r2 < 1.0 && r2 != 0.0 {
				i = r.putPair(dst, i, x1, x2, r2)
			}
			continue
		}
		na := min((mtN-q)/4, need+need/3+8)
		cnt := polarAttempts(mt.out[q:q+4*na], x1s[:], x2s[:], r2s[:], acc[:])
		used := na
		if cnt >= need {
			cnt = need
			used = int(acc[need-1]) + 1
		}
		full := min(cnt, (len(dst)-i)/2) // pairs that fit whole
		polarPairs(dst[i:i+2*full], x1s[:full], x2s[:full], r2s[:full])
		i += 2 * full
		if full < cnt { // dst has one place left: the pair's second value goes to the cache
			i = r.putPair(dst, i, x1s[full], x2s[full], r2s[full])
		}
		mt.pos = q + 4*used
	}
}

// polarAttemptsGo runs the polar method's attempts from the k0-th on (four words each of
// w), packing the accepted ones after the cnt already packed, and returns the new count.
func polarAttemptsGo(w []uint32, k0 int, x1s, x2s, r2s []float64, acc []int32, cnt int) int {
	for k := k0; k < len(w)/4; k++ {
		v := w[4*k : 4*k+4 : 4*k+4]
		x1 := 2.0*double(v[0], v[1]) - 1.0
		x2 := 2.0*double(v[2], v[3]) - 1.0
		r2 := float64(x1*x1) + float64(x2*x2)
		x1s[cnt], x2s[cnt], r2s[cnt] = x1, x2, r2
		acc[cnt] = int32(k)
		cnt += accept(r2)
	}
	return cnt
}

// polarPairsGo sets d[2j], d[2j+1] to the Gaussians f·x2[j], f·x1[j] of the accepted
// attempts, f = sqrt(−2·log(r2[j])/r2[j]).
func polarPairsGo(d, x1, x2, r2 []float64) {
	d = d[:2*len(r2)]
	x1, x2 = x1[:len(r2)], x2[:len(r2)]
	for j, r := range r2 {
		f := math.Sqrt(-2.0 * glibcLog(r) / r)
		d[2*j] = f * x2[j]
		d[2*j+1] = f * x1[j]
	}
}

// accept is 1 when r2 is inside the unit circle and not 0 (the polar method's test
// r2 < 1 && r2 != 0), else 0, without a branch: for r2 ≥ +0 (a sum of squares) the bits
// b of r2 order as r2 does, so the test is 0 < b < bits(1).
func accept(r2 float64) int {
	b := math.Float64bits(r2)
	return int(((b - 0x3ff0000000000000) >> 63) & ((-b) >> 63))
}

// putPair stores the pair of Gaussians of an accepted attempt at dst[i] and dst[i+1] (the
// second one in the cache when dst ends at i) and returns the next index.
func (r *RandomState) putPair(dst []float64, i int, x1, x2, r2 float64) int {
	f := math.Sqrt(-2.0 * glibcLog(r2) / r2)
	dst[i] = f * x2
	if i+1 < len(dst) {
		dst[i+1] = f * x1
	} else {
		r.gauss = f * x1
		r.hasGauss = true
	}
	return i + 2
}

// AppendRandBelow draws n numbers as Rand(n) would and appends to dst the indices of those
// below p, in increasing order: np.flatnonzero(np.random.rand(n) < p) without the array of
// n numbers (a Bernoulli process, such as the time steps of a Poisson spike train with
// p = rate·dt). The generator advances exactly as Rand(n) advances it.
func (r *RandomState) AppendRandBelow(dst []int, n int, p float64) ([]int, error) {
	if err := checkSize("AppendRandBelow", "n", n); err != nil {
		return dst, err
	}
	if math.IsNaN(p) {
		return dst, fmt.Errorf("rng: AppendRandBelow: p = %v, must be a number", p)
	}
	return r.mt.appendBelow(dst, n, p), nil
}

// appendBelow is AppendRandBelow. A draw is u/2^53 with the integer u = (a>>5)·2^26 +
// (b>>6) made of two words, so u/2^53 < p exactly when u < c = ⌈p·2^53⌉ (p·2^53 is exact),
// that is when a>>5 < c>>26, or a>>5 = c>>26 and b>>6 < c mod 2^26: the first word decides
// all but about one draw in 2^27.
func (mt *mt19937) appendBelow(dst []int, n int, p float64) []int {
	var hi, lo uint32 // u < c  ⇔  (a>>5, b>>6) < (hi, lo) lexicographically
	switch {
	case !(p > 0): // never (NaN included)
	case p >= 1:
		hi = 1 << 27 // always: a>>5 < 2^27
	default:
		c := uint64(math.Ceil(p * 9007199254740992.0))
		hi, lo = uint32(c>>26), uint32(c&(1<<26-1))
	}
	if p > 0 && p < 0.5 { // room for the expected count and a few standard deviations
		dst = slices.Grow(dst, int(float64(n)*p+4*math.Sqrt(float64(n)*p))+8)
	}
	var cand [(mtN/2 + 63) / 64 * 8]uint8 // one bit per word pair of a block, read 64 at a time
	for i := 0; i < n; {
		q := mt.pos
		if q >= mtN-1 {
			a := mt.next32() >> 5
			b := mt.next32() >> 6
			if a < hi || a == hi && b < lo {
				dst = append(dst, i)
			}
			i++
			continue
		}
		m := min((mtN-q)/2, n-i)
		out := mt.out[q : q+2*m]
		j := 0
		if g := m / 8; g > 0 && belowCandidates(out[:16*g], hi, cand[:g]) {
			clear(cand[g:])
			for w := 0; 8*w < g; w++ {
				for c := binary.LittleEndian.Uint64(cand[8*w:]); c != 0; c &= c - 1 {
					jj := 64*w + bits.TrailingZeros64(c) // bit b of byte k is pair 8k + b
					if out[2*jj]>>5 < hi || out[2*jj+1]>>6 < lo {
						dst = append(dst, i+jj)
					}
				}
			}
			j = 8 * g
		}
		for ; j < m; j++ {
			a := out[2*j] >> 5
			if a <= hi && (a < hi || out[2*j+1]>>6 < lo) {
				dst = append(dst, i+j)
			}
		}
		mt.pos = q + 2*m
		i += m
	}
	return dst
}
