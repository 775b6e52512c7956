package nn

import "testing"

// Forward pass of the convolution alone on 100 images of 48×64.
func BenchmarkConv2dForward(b *testing.B) {
	g := ManualSeed(1)
	x := FromData(g.Normal(0, 1, 100*48*64), 100, 1, 48, 64)
	c := NewConv2d(1, 6, 7, 3, g)
	for b.Loop() {
		c.Forward(x)
	}
}
