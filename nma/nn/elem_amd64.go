//go:build !purego

package nn

import "golang.org/x/sys/cpu"

// The element-wise passes over large parameters (the fused penalty gradient, the SGD
// steps) have AVX2 kernels on amd64, with the same roundings as the Go loops they
// replace (separate multiplies and adds, no FMA), so that the two give the same bits.
// useElemAsm selects them; tests turn it off to compare.
var (
	hasElemAsm = cpu.X86.HasAVX2
	useElemAsm = hasElemAsm
)

// penaltyAdd4 sets dst[i] = (dst[i] +) float64(gs[i]) + (a2·w[i] + a1·sign(w[i])) for
// i < n (a multiple of 4), adding to dst unless fresh.
//
//go:noescape
func penaltyAdd4(dst *float64, gs, w *float32, n int, a2, a1 float64, fresh bool)

// sgdMomentum4 is step32's momentum update for n (a multiple of 4) values: v ← float32(μ·v
// + g) (v ← float32(g) when first), s ← float32(s − lr·v), d ← s.
//
//go:noescape
func sgdMomentum4(d *float64, s, v *float32, gr *float64, n int, lr, mu float64, first bool)

// sgdPlain4 is step32's update without momentum for n (a multiple of 4) values:
// s ← float32(s − lr·g), d ← s.
//
//go:noescape
func sgdPlain4(d *float64, s *float32, gr *float64, n int, lr float64)
