//go:build !amd64 || purego

package gemm

// Without the assembly kernels (other architectures, or the purego tag) the pure-Go
// kernels run.
var (
	hasAsm = false
	useAsm = false
)

func sgemmKernel6x16(k int, a, b *float32, bs int, c *float32, ldc, rows, pf int, alpha, beta float32) {
	kernelGo(k, a, b, bs, c, ldc, rows, alpha, beta)
}

func sdot6x2(k int, x0, x1, x2, x3, x4, x5, y0, y1 *float32, out *[12]float32) {
	dotGo(k, x0, x1, x2, x3, x4, x5, y0, y1, out)
}
