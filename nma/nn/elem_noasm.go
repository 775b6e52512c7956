//go:build !amd64 || purego

package nn

// Without the AVX2 kernels (other architectures, or the purego tag) the Go loops run.
var (
	hasElemAsm = false
	useElemAsm = false
)

func penaltyAdd4(dst *float64, gs, w *float32, n int, a2, a1 float64, fresh bool) {
	panic("nn: no assembly kernels")
}

func sgdMomentum4(d *float64, s, v *float32, gr *float64, n int, lr, mu float64, first bool) {
	panic("nn: no assembly kernels")
}

func sgdPlain4(d *float64, s *float32, gr *float64, n int, lr float64) {
	panic("nn: no assembly kernels")
}
