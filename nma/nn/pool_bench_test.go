package nn

import "testing"

// The element-wise layers of the W2D1 CNN at its size: 100 images × 6 channels × 48×64.

func BenchmarkMaxPoolForward(b *testing.B) {
	g := ManualSeed(1)
	x := ReLU(FromData(g.Normal(0, 1, 100*6*48*64), 100, 6, 48, 64))
	p := NewMaxPool2d(8)
	for b.Loop() {
		p.Forward(x)
	}
}

func BenchmarkReLUForward(b *testing.B) {
	g := ManualSeed(1)
	x := FromData(g.Normal(0, 1, 100*6*48*64), 100, 6, 48, 64)
	for b.Loop() {
		ReLU(x)
	}
}

// Two images only: the input stays in the caches (compute, not memory).
func BenchmarkMaxPoolForwardHot(b *testing.B) {
	g := ManualSeed(1)
	x := ReLU(FromData(g.Normal(0, 1, 2*6*48*64), 2, 6, 48, 64))
	p := NewMaxPool2d(8)
	for b.Loop() {
		p.Forward(x)
	}
}
