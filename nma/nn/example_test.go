package nn_test

import (
	"fmt"
	"io"

	"github.com/nma-go/nma-go/nma/nn"
)

// Fit y = 2x − 1 with one linear unit: forward, loss, backward, step.
func Example() {
	x := nn.FromData([]float64{0, 1, 2, 3}, 4, 1)
	y := nn.FromData([]float64{-1, 1, 3, 5}, 4, 1)
	net := nn.NewLinear(1, 1, nn.ManualSeed(0))
	lossFn := nn.MSELoss()
	opt := nn.NewSGD(net.Parameters(), 0.1, 0)
	for i := 0; i < 500; i++ {
		loss := lossFn(net.Forward(x), y)
		opt.ZeroGrad()
		loss.Backward()
		opt.Step()
	}
	fmt.Printf("w = %.3f, b = %.3f\n", net.Weight.Data[0], net.Bias.Data[0])
	// Output: w = 2.000, b = -1.000
}

// Train a small classifier with the training loop and read its loss curve.
func ExampleTrain() {
	g := nn.ManualSeed(1)
	x := nn.FromData([]float64{-2, -1, 1, 2}, 4, 1)
	labels := nn.FromData([]float64{0, 0, 1, 1}, 4) // class of each input
	net := nn.NewSequential(nn.NewLinear(1, 2, g), nn.NewLogSoftmax())
	h, err := nn.Train(net, nn.NLLLoss(), x, labels, nn.TrainOptions{Epochs: 200, LearningRate: 0.5, Log: io.Discard})
	if err != nil {
		panic(err)
	}
	fmt.Printf("loss: %.2f → %.3f; classes %v\n", h.TrainLoss[0], h.TrainLoss[199], nn.Argmax(net.Forward(x)))
	// Output: loss: 0.38 → 0.005; classes [0 0 1 1]
}
