package linsysfig

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
	"gonum.org/v1/gonum/mat"
)

// PlotBinarySequence draws a ±1 sequence as a step plot with dots (plt.step(x, '.-')).
func PlotBinarySequence(x []float64) *fig.Figure {
	p := fig.NewPlot("", "time", "random variable")
	t := steps(len(x))
	fig.Line(p, t, x, fig.StepPre(), fig.Color(fig.C(0)), fig.LineWidth(1.5))
	fig.Scatter(p, t, x, fig.Color(fig.C(0)), fig.MarkerSize(2))
	w := math.Max(8, math.Min(14, float64(len(x))/20))
	return fig.New(p).Size(w, 4)
}

// PlotFit scatters the model's continuous output x1ᵀ·p (linsys.Predict) against the true
// values x2, with a little jitter (0.02·N(0, 1) from jitter) on the true values so that the
// two columns of points can be told apart (the course's plot_training_fit and its test-data
// figure). title names the figure, xlabel the true values; alpha is the points' opacity.
func PlotFit(x1 mat.Matrix, x2, p []float64, jitter *rng.RandomState, title, xlabel string, alpha float64) (*fig.Figure, error) {
	if jitter == nil {
		return nil, fmt.Errorf("linsysfig.PlotFit: jitter is nil (use rng.New(seed))")
	}
	est, err := linsys.Predict(x1, p)
	if err != nil {
		return nil, err
	}
	if len(est) != len(x2) {
		return nil, fmt.Errorf("linsysfig.PlotFit: x1 has %d columns but x2 has %d values", len(est), len(x2))
	}
	noise, err := jitter.StandardNormal(len(x2))
	if err != nil {
		return nil, err
	}
	xs := make([]float64, len(x2))
	for i := range xs {
		xs[i] = x2[i] + noise[i]*0.02
	}
	pl := fig.NewPlot(title, xlabel, "estimated x")
	fig.Scatter(pl, xs, est, fig.Color(fig.Alpha(fig.C(0), alpha)), fig.MarkerSize(4))
	fig.SetTicks(&pl.X, -1, 0, 1)
	fig.Limits(pl, -1.25, 1.25, math.NaN(), math.NaN())
	return fig.New(pl).Size(7, 5.5), nil
}

// PlotARSweep draws the test error against the order of the AR model (linsys.ARSweep), with
// chance (0.5) as a red line.
func PlotARSweep(orders []int, errs []float64) *fig.Figure {
	p := fig.NewPlot("", "Order r of AR model", "Test error")
	r := make([]float64, len(orders))
	for i, o := range orders {
		r[i] = float64(o)
	}
	fig.Line(p, r, errs, fig.Color(fig.C(0)), fig.LineWidth(1.5))
	fig.Scatter(p, r, errs, fig.Color(fig.C(0)), fig.MarkerSize(3))
	if len(r) > 0 {
		fig.Line(p, []float64{1, r[len(r)-1]}, []float64{0.5, 0.5}, fig.Color(fig.Red), fig.LineWidth(1.5), fig.Label("random chance"))
	}
	fig.SetTicks(&p.X, 0, 5, 10, 15, 20)
	lo := 0.5
	for _, e := range errs {
		lo = math.Min(lo, e)
	}
	fig.Limits(p, 0, 21, lo-0.02, 0.52)
	p.Legend.Top = false
	return fig.New(p).Size(8, 5)
}
