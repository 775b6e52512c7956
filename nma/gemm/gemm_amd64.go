//go:build !purego

package gemm

import "golang.org/x/sys/cpu"

// hasAsm reports whether the assembly kernels can run on this CPU; useAsm selects
// them (tests turn it off to compare with the pure-Go kernels).
var (
	hasAsm = cpu.X86.HasAVX2 && cpu.X86.HasFMA
	useAsm = hasAsm
)

// sgemmKernel6x16 is kernel in AVX2/FMA assembly.
//
//go:noescape
func sgemmKernel6x16(k int, a, b *float32, bs int, c *float32, ldc, rows, pf int, alpha, beta float32)

// sdot6x2 is dot in AVX2/FMA assembly.
//
//go:noescape
func sdot6x2(k int, x0, x1, x2, x3, x4, x5, y0, y1 *float32, out *[12]float32)
