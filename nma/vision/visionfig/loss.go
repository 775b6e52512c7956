package visionfig

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
)

// PlotTrainLoss draws the training loss against the iteration of gradient descent, axes
// from 0 (plot_train_loss). An empty ylabel is "mean squared error".
func PlotTrainLoss(trainLoss []float64, ylabel string) *fig.Figure {
	if ylabel == "" {
		ylabel = "mean squared error"
	}
	p := fig.NewPlot("", "iterations of gradient descent", ylabel)
	fig.Line(p, iters(len(trainLoss)), trainLoss, fig.Color(fig.C(0)))
	fig.Limits(p, 0, math.NaN(), 0, math.NaN())
	return fig.New(p).Size(7, 5)
}

// PlotTrainingCurves draws the train and test losses over iterations; NaN entries (the
// iterations where a loss was not evaluated) are skipped, and the test points are drawn as
// dots (plot_training_curves).
func PlotTrainingCurves(trainLoss, testLoss []float64) *fig.Figure {
	p := fig.NewPlot("", "iterations of gradient descent", "mean squared error")
	fig.Line(p, iters(len(trainLoss)), trainLoss, fig.Color(fig.C(0)), fig.Label("train loss"))
	if testLoss != nil {
		fig.Scatter(p, iters(len(testLoss)), testLoss, fig.Color(fig.C(1)), fig.Label("test loss"), fig.MarkerSize(4))
	}
	fig.Limits(p, 0, math.NaN(), 0, math.NaN())
	return fig.New(p).Size(7, 5)
}

// iters is the iteration numbers 0, 1, …, n−1.
func iters(n int) []float64 { return nma.Arange(0, float64(n), 1) }
