package nn

import (
	"math"
	"slices"
	"testing"
)

// The AVX2 kernels of the element-wise passes give the same bits as the Go loops: the
// fused penalty gradient (fresh and accumulating, zeros of both signs among the weights)
// and the SGD steps with and without momentum, over lengths that are not multiples of 4.
func TestElementKernelsMatchGo(t *testing.T) {
	if !hasElemAsm {
		t.Skip("no assembly kernels")
	}
	defer func(old bool) { useElemAsm = old }(useElemAsm)
	g := ManualSeed(11)
	for _, n := range []int{1, 3, 4, 7, 37, 1 << 17, 1<<17 + 5} {
		w := g.Normal(0, 0.01, n)
		for i := 0; i < n; i += 5 {
			w[i] = 0
		}
		if n > 2 {
			w[2] = math.Copysign(0, -1)
		}
		gw := g.Normal(0, 1, n)
		g32, w32 := make([]float32, n), make([]float32, n)
		convert32(g32, gw)
		convert32(w32, w)
		base := g.Normal(0, 1, n)
		run := func(asm, fresh bool) []float64 {
			useElemAsm = asm
			tw := FromData(slices.Clone(w))
			tw.sh = &shadow{data: slices.Clone(w32), valid: true}
			dst := slices.Clone(base)
			addWithPenalty(dst, fresh, g32, tw, &pendingPenalty{a2: -0.003, a1: 2e-4})
			return dst
		}
		for _, fresh := range []bool{true, false} {
			if a, b := run(true, fresh), run(false, fresh); !slices.Equal(a, b) {
				t.Fatalf("n=%d fresh=%v: penalty kernel differs from Go", n, fresh)
			}
		}
		for _, mom := range []float64{0, 0.9} {
			step := func(asm bool) ([]float64, []float32) {
				useElemAsm = asm
				p := NewParameter(FromData(slices.Clone(w)))
				p.sh = &shadow{data: slices.Clone(w32), valid: true}
				opt := NewSGD([]*Tensor{p}, 0.7, mom)
				for range 3 {
					p.Grad = slices.Clone(gw)
					opt.Step()
				}
				return p.Data, p.sh.data
			}
			da, sa := step(true)
			db, sb := step(false)
			if !slices.Equal(da, db) || !slices.Equal(sa, sb) {
				t.Fatalf("n=%d momentum=%g: SGD kernel differs from Go", n, mom)
			}
		}
	}
}
