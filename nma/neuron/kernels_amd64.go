//go:build !purego

package neuron

import "golang.org/x/sys/cpu"

// useAVX selects the AVX kernels, the STDP trace decay and the sums of dense trains (tests
// compare them with the plain Go).
var useAVX = cpu.X86.HasAVX

// decay4 is decayTracesGo on 4n values in AVX assembly (see the .s file).
//
//go:noescape
func decay4(p *float64, n int, k float64)

// decayTraces sets P[i] = P[i] + k·P[i] (the trace step without a spike).
func decayTraces(P []float64, k float64) {
	if n := len(P) / 4; useAVX && n > 0 {
		decay4(&P[0], n, k)
		P = P[4*n:]
	}
	decayTracesGo(P, k)
}

// add4 is addRows4Go on 4n values in AVX assembly (see the .s file).
//
//go:noescape
func add4(c, r0, r1, r2, r3 *float64, n int)

// addRows4 sets c[k] = c[k] + r0[k] + r1[k] + r2[k] + r3[k] (the rows have len(c) values).
func addRows4(c, r0, r1, r2, r3 []float64) {
	if n := len(c) / 4; useAVX && n > 0 {
		_, _, _, _ = r0[4*n-1], r1[4*n-1], r2[4*n-1], r3[4*n-1]
		add4(&c[0], &r0[0], &r1[0], &r2[0], &r3[0], n)
		c, r0, r1, r2, r3 = c[4*n:], r0[4*n:], r1[4*n:], r2[4*n:], r3[4*n:]
	}
	addRows4Go(c, r0, r1, r2, r3)
}

// add8 is eight rows of addRows4Go on 4n values in AVX assembly (see the .s file).
//
//go:noescape
func add8(c *float64, r *[8]*float64, n int)

// addRows8 sets c[k] = c[k] + r[0][k] + … + r[7][k] (the rows have len(c) values).
func addRows8(c []float64, r *[8][]float64) {
	if n := len(c) / 4; useAVX && n > 0 {
		var p [8]*float64
		for i, row := range r {
			_ = row[4*n-1]
			p[i] = &row[0]
		}
		add8(&c[0], &p, n)
		if len(c) == 4*n {
			return
		}
		c = c[4*n:]
		var rest [8][]float64
		for i, row := range r {
			rest[i] = row[4*n:]
		}
		r = &rest
	}
	addRows8Go(c, r)
}

// nonzero64 is nonzeroMasksGo on n blocks of 64 values in AVX assembly (see the .s file).
//
//go:noescape
func nonzero64(p *float64, n int, masks *uint64) (bad bool)

// nonzeroMasks sets bit j of masks[b] when x[64b+j] is not ±0, for the len(masks) blocks
// of 64 values at the start of x, and reports whether any of those values is neither ±0
// nor 1.
func nonzeroMasks(x []float64, masks []uint64) (bad bool) {
	if useAVX && len(masks) > 0 {
		_ = x[64*len(masks)-1]
		return nonzero64(&x[0], len(masks), &masks[0])
	}
	return nonzeroMasksGo(x, masks)
}
