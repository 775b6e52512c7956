package vision

import (
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma/internal/benchcpu"
	"github.com/nma-go/nma-go/nma/nn"
)

// One gradient step of each of the four W2D1 trainings at the course's real sizes (23,589
// neurons, 216 training and 144 test stimuli, 1000 gratings in minibatches of 100), on
// synthetic deterministic inputs. Each reports GFLOP/s: the floating-point operations of
// its matrix products and convolutions (2 per multiply-add) over the time of the whole
// step, loss, penalties, optimiser and all — per second of wall time (GFLOP/s) and per
// second of the process's CPU time (GFLOP/cpu-s: on a shared machine the CPU time varies
// much less; with -cpu 2 it is the rate per busy core). The peak of one core of the
// development machine is 2 FMA units × 8 float32 lanes × 2 flops × ~3.2 GHz ≈ 102
// GFLOP/s (nma/gemm's BenchmarkClock measures the clock).
//
//	go test -run XXX -bench W2D1 -benchmem -cpu 1,2 ./nma/vision/

const (
	nNeurons = 23589
	nTrain   = 216
	nTest    = 144
)

// sgdStep is one step of nn.Train: forward, loss, zero_grad, backward, step.
func sgdStep(net nn.Module, opt *nn.SGD, loss nn.LossFunc, x, y *nn.Tensor) float64 {
	l := loss(net.Forward(x), y)
	opt.ZeroGrad()
	l.Backward()
	opt.Step()
	return l.Item()
}

// measure times step (after one untimed call) and reports its speed for flops per call.
func measure(b *testing.B, flops float64, step func()) {
	step()
	b.ResetTimer()
	cpu0 := benchcpu.Process()
	for b.Loop() {
		step()
	}
	b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	if cpu := benchcpu.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
		b.ReportMetric(flops*float64(b.N)/(float64(cpu)/float64(time.Second))/1e9, "GFLOP/cpu-s")
	}
}

// Tutorial 1: DeepNetReLU(23589, 10), full-batch gradient descent on the MSE.
func BenchmarkW2D1ReLUStep(b *testing.B) {
	g := nn.ManualSeed(1)
	x := nn.FromData(g.Normal(0, 1, nTrain*nNeurons), nTrain, nNeurons)
	y := nn.FromData(g.Uniform(0, 360, nTrain), nTrain, 1)
	net := NewDeepNetReLU(nNeurons, 10, g)
	opt := nn.NewSGD(net.Parameters(), 1e-4, 0)
	loss := nn.MSELoss()
	// forward x·Wᵀ and weight gradient gᵀ·x (the input needs none)
	measure(b, 2*2*nTrain*nNeurons*10, func() { sgdStep(net, opt, loss, x, y) })
}

// Tutorial 4: DeepNetSoftmax(23589, 20, 20), one full-batch iteration on the NLL and the
// test-set loss that DecodeOrientation records at every iteration.
func BenchmarkW2D1SoftmaxStep(b *testing.B) {
	g := nn.ManualSeed(1)
	x := nn.FromData(g.Normal(0, 1, nTrain*nNeurons), nTrain, nNeurons)
	xt := nn.FromData(g.Normal(0, 1, nTest*nNeurons), nTest, nNeurons)
	y := StimulusClass(nn.FromData(g.Uniform(0, 360, nTrain)), 20)
	yt := StimulusClass(nn.FromData(g.Uniform(0, 360, nTest)), 20)
	net := NewDeepNetSoftmax(nNeurons, 20, 20, g)
	opt := nn.NewSGD(net.Parameters(), 0.1, 0)
	loss := nn.NLLLoss()
	step := func() {
		sgdStep(net, opt, loss, x, y)
		loss(net.Forward(xt.Detach()), yt).Item()
	}
	measure(b, 2*(2*nTrain+nTest)*nNeurons*20, step)
}

// Tutorial 3: the CNN on one minibatch of 100 gratings of 48×64 (conv 6×7×7, ReLU, 8×8
// max pooling, 10 ReLU units, sigmoid), BCE, SGD with momentum 0.99.
func BenchmarkW2D1CNNStep(b *testing.B) {
	g := nn.ManualSeed(12)
	x, y, _ := TiltTrainingSet(100, 12)
	net := NewCNN(48, 64, g)
	opt := nn.NewSGD(net.Parameters(), 5e-4, 0.99)
	loss := nn.BCELoss()
	// the forward convolution (the backward one visits only the pooled maxima)
	measure(b, 2*100*6*48*64*49, func() { sgdStep(net, opt, loss, x, y) })
}

// Tutorial 4: the convolutional encoding model ConvFC (60 gratings of 12×16, conv 6×7×7,
// fully connected 1152 → 23589), one full-batch iteration of the regularised MSE with
// momentum 0.9.
func BenchmarkW2D1ConvFCStep(b *testing.B) {
	g := nn.ManualSeed(1)
	_, x := EncoderStimuli()
	y := nn.FromData(g.Normal(0, 1, 60*nNeurons), 60, nNeurons)
	net := NewConvFC(nNeurons, 1, 6, 7, 12*16, Filters(6, 7, true), g)
	opt := nn.NewSGD(net.Parameters(), 2, 0.9)
	loss := func(out, y *nn.Tensor) *nn.Tensor {
		return nn.RegularizedMSELoss(out, y, net.OutLayer.Weight, 5e-4, 1e-6)
	}
	// x·Wᵀ, gᵀ·x and g·W of the fully connected layer (the convolution is 0.1% of it)
	measure(b, 3*2*60*1152*nNeurons, func() { sgdStep(net, opt, loss, x, y) })
}
