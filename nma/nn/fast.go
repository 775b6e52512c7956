package nn

import (
	"fmt"
	"math"
	"sync"
)

// The float32 fast path: see the package documentation ("Precision and speed").

// exact64 selects the float64 reference implementations of the layers (gonum BLAS, the
// original convolution loops). Only tests set it: finite-difference gradient checks need
// float64 forward passes.
var exact64 = false

// shadowMin is the size from which a tensor keeps its float32 copy between uses; smaller
// tensors are converted into the layer's scratch space at every use (cheap, and immune to
// direct writes into Data).
const shadowMin = 1 << 14

// shadow is the float32 copy of a tensor's Data, shared by the tensors that share Data
// (Detach, Reshape).
type shadow struct {
	data  []float32
	valid bool
	// sums, when sumsOK, are Σw² and Σ|w| of data (as penaltySums32 computes them),
	// found by the SGD step that wrote data; any other change of data clears sumsOK.
	sums   [2]float64
	sumsOK bool
}

// shadowMu guards the creation, checking and filling of float32 copies, so that forward
// passes in several goroutines may share an input (as they could share read-only Data).
var shadowMu sync.Mutex

// invalidate marks t's float32 copy as stale after nn changed t.Data other than through
// a fused update.
func (t *Tensor) invalidate() {
	shadowMu.Lock()
	defer shadowMu.Unlock()
	if t.sh != nil {
		t.sh.valid, t.sh.sumsOK = false, false
	}
}

// sampleOK checks a few positions of a shadow against Data: it catches values replaced
// wholesale by code that wrote into Data directly (copy into Data), not single edits.
func sampleOK(d []float64, s []float32) bool {
	n := len(d)
	if n != len(s) {
		return false
	}
	if n == 0 {
		return true
	}
	for i := 0; i < 16; i++ {
		k := int(uint64(i) * uint64(n-1) / 15)
		if float32(d[k]) != s[k] && !(math.IsNaN(d[k]) && s[k] != s[k]) {
			return false
		}
	}
	return true
}

// f32 returns t's values as float32: its valid float32 copy when it has one, otherwise a
// conversion — kept on t for large tensors, into *buf (grown as needed) for small ones.
// The result must not be written to.
func (t *Tensor) f32(buf *[]float32) []float32 {
	n := len(t.Data)
	if n < shadowMin {
		s := grow(buf, n)
		convert32(s, t.Data)
		return s
	}
	shadowMu.Lock()
	defer shadowMu.Unlock()
	if sh := t.sh; sh != nil && sh.valid && sampleOK(t.Data, sh.data) {
		return sh.data
	}
	if t.sh == nil {
		t.sh = &shadow{}
	}
	if cap(t.sh.data) < n { // the shadow may be shared: fill it in place
		t.sh.data = make([]float32, n)
	}
	t.sh.data = t.sh.data[:n]
	convert32(t.sh.data, t.Data)
	t.sh.valid, t.sh.sumsOK = true, false
	return t.sh.data
}

// cached32 returns t's float32 copy when it has a valid one (nil otherwise): the values
// the fast layers used.
func (t *Tensor) cached32() []float32 {
	shadowMu.Lock()
	defer shadowMu.Unlock()
	if sh := t.sh; sh != nil && sh.valid && sampleOK(t.Data, sh.data) {
		return sh.data
	}
	return nil
}

// grow returns (*buf)[:n], reallocating when the capacity is short.
func grow(buf *[]float32, n int) []float32 {
	if cap(*buf) < n {
		*buf = make([]float32, n)
	}
	return (*buf)[:n]
}

// grow64 is grow for float64.
func grow64(buf *[]float64, n int) []float64 {
	if cap(*buf) < n {
		*buf = make([]float64, n)
	}
	return (*buf)[:n]
}

// convert32 rounds src into dst, in parallel for large slices.
func convert32(dst []float32, src []float64) {
	chunks(len(src), func(lo, hi int) {
		d, s := dst[lo:hi], src[lo:hi]
		for i, v := range s {
			d[i] = float32(v)
		}
	})
}

// convert64 widens src into dst, in parallel for large slices.
func convert64(dst []float64, src []float32) {
	chunks(len(src), func(lo, hi int) {
		d, s := dst[lo:hi], src[lo:hi]
		for i, v := range s {
			d[i] = float64(v)
		}
	})
}

// deliver32 passes a float32 gradient g (scratch space, valid only until the caller
// releases it) to t: a leaf parameter adds it to its Grad at once, in one pass; any other
// tensor gets a float64 copy, and the returned function (nil for a leaf) passes it on —
// to be called after the scratch space is released, since it may run other layers'
// backward passes.
func (t *Tensor) deliver32(g []float32) func() {
	if t.backFn == nil {
		if t.requiresGrad {
			gr, fresh := t.grad()
			if pp := t.fusePen; pp != nil && !pp.done {
				addWithPenalty(gr, fresh, g, t, pp)
				pp.done = true
			} else if fresh {
				convert64(gr, g)
			} else {
				addTo(gr, g)
			}
		}
		return nil
	}
	g64 := make([]float64, len(g))
	convert64(g64, g)
	return func() { t.BackwardWith(g64) }
}

// grad returns t.Grad for a gradient to be added to it, and whether it is fresh: just
// made, or the buffer SGD.ZeroGrad set aside, whose values are to be overwritten (a
// fresh Grad holds the first gradient, without a pass that clears it first).
func (t *Tensor) grad() ([]float64, bool) {
	if t.Grad != nil {
		return t.Grad, false
	}
	if len(t.spare) == len(t.Data) && cap(t.spare) > 0 {
		t.Grad = t.spare
	} else {
		t.Grad = make([]float64, len(t.Data))
	}
	t.spare = nil
	return t.Grad, true
}

// addTo adds g to dst, in parallel for large slices.
func addTo(dst []float64, g []float32) {
	chunks(len(g), func(lo, hi int) {
		d, s := dst[lo:hi], g[lo:hi]
		for i, v := range s {
			d[i] += float64(v)
		}
	})
}

// backwardSparse is BackwardWith for a gradient g that is zero outside the positions nz,
// in a buffer that t's backward pass may change (the caller made it and drops it): max
// pooling hands its gradient on this way, so that a ReLU before it zeroes a few values in
// place instead of making a new dense gradient, and a convolution before that visits the
// listed values without scanning for them.
func (t *Tensor) backwardSparse(g []float64, nz []int32) {
	if len(g) != len(t.Data) {
		panic(fmt.Sprintf("nn.Tensor.BackwardWith: gradient has %d values for a tensor of %d", len(g), len(t.Data)))
	}
	if t.requiresGrad {
		gr, fresh := t.grad()
		if fresh {
			clear(gr)
		}
		for _, i := range nz {
			gr[i] += g[i]
		}
	}
	switch {
	case t.backSparse != nil:
		t.backSparse(g, nz)
	case t.backFn != nil:
		t.backFn(g)
	}
}

// addWithPenalty adds g and the pending penalty's gradient a2·w + a1·sign(w) of the
// weights t to gr (or writes them, when gr is fresh) in one pass, rounding as Penalty's
// own pass after a separate delivery would: (gr + g) + penalty.
func addWithPenalty(gr []float64, fresh bool, g []float32, t *Tensor, pp *pendingPenalty) {
	a2, a1 := pp.a2, pp.a1
	w32 := t.cached32()
	chunks(len(g), func(lo, hi int) {
		if w32 != nil && useElemAsm {
			n4 := (hi - lo) &^ 3
			if n4 > 0 {
				penaltyAdd4(&gr[lo], &g[lo], &w32[lo], n4, a2, a1, fresh)
			}
			lo += n4
		}
		dst, gs := gr[lo:hi], g[lo:hi]
		switch {
		case w32 != nil && fresh:
			for i, w := range w32[lo:hi] {
				dst[i] = float64(gs[i]) + (a2*float64(w) + a1*sign32(w))
			}
		case w32 != nil:
			for i, w := range w32[lo:hi] {
				dst[i] = dst[i] + float64(gs[i]) + (a2*float64(w) + a1*sign32(w))
			}
		default:
			const one = 0x3ff0000000000000 // the bits of 1.0
			for i, w := range t.Data[lo:hi] {
				d := a2*w + a1*math.Float64frombits(one|math.Float64bits(w)&(1<<63))
				if w == 0 {
					d = 0
				}
				if fresh {
					dst[i] = float64(gs[i]) + d
				} else {
					dst[i] = dst[i] + float64(gs[i]) + d
				}
			}
		}
	})
}
