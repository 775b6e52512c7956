package vision

import (
	"testing"

	"github.com/nma-go/nma-go/nma/nn"
)

// One full-batch gradient step of the Tutorial 1 decoder at the real data's size:
// 216 training stimuli × 23589 neurons → 10 ReLU units → 1 output, MSE.
func BenchmarkDecoderStep23589(b *testing.B) {
	g := nn.ManualSeed(1)
	x := nn.FromData(g.Normal(0, 1, 216*23589), 216, 23589)
	y := nn.FromData(g.Uniform(0, 360, 216), 216, 1)
	net := NewDeepNetReLU(23589, 10, g)
	opt := nn.NewSGD(net.Parameters(), 1e-4, 0)
	loss := nn.MSELoss()
	for b.Loop() {
		l := loss(net.Forward(x), y)
		opt.ZeroGrad()
		l.Backward()
		opt.Step()
	}
}

// One minibatch step of the Tutorial 3 CNN: 100 gratings of 48×64, conv 6×7×7, pool 8, fc.
func BenchmarkCNNStep(b *testing.B) {
	g := nn.ManualSeed(12)
	var imgs []*nn.Tensor
	for _, o := range g.Uniform(-90, 90, 100) {
		imgs = append(imgs, Grating(o, ZeroOne()))
	}
	x := nn.Stack(imgs)
	y := nn.Full(1, 100, 1)
	net := NewCNN(48, 64, g)
	opt := nn.NewSGD(net.Parameters(), 5e-4, 0.99)
	loss := nn.BCELoss()
	for b.Loop() {
		l := loss(net.Forward(x), y)
		opt.ZeroGrad()
		l.Backward()
		opt.Step()
	}
}

// One full-batch step of Tutorial 4's convolutional encoding model: 60 gratings of 12×16,
// conv 6×7×7 (trainable), fully connected 1152 → 1000 neurons, regularised MSE.
func BenchmarkConvEncoderStep(b *testing.B) {
	g := nn.ManualSeed(1)
	x := Gratings(g.Uniform(-180, 180, 60), Res(0.025))
	y := nn.FromData(g.Normal(0, 1, 60*1000), 60, 1000)
	net := NewConvFCConv(1, 6, 7, 12*16, Filters(6, 7, true), g)
	net.OutLayer = nn.NewLinear(1152, 1000, g)
	opt := nn.NewSGD(net.Parameters(), 2, 0.9)
	for b.Loop() {
		l := nn.RegularizedMSELoss(net.Forward(x), y, net.OutLayer.Weight, 5e-4, 1e-6)
		opt.ZeroGrad()
		l.Backward()
		opt.Step()
	}
}
