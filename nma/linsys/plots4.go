package linsys

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/rng"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
)

// PlotOUTrajectory draws an OU trajectory as black dots, titled with its parameters.
func PlotOUTrajectory(t, x []float64, x0, xinfty, lam, sig float64) *fig.Figure {
	p := fig.NewPlot(fmt.Sprintf("x₀=%g, x∞=%g, λ=%.1f, σ=%.1f", x0, xinfty, lam, sig), "time", "position x")
	dots(p, t, x, "")
	return fig.New(p).Size(8, 5)
}

// PlotLagScatter draws x[k+1] against x[k] (pairs k = 0 … n−3, as the course) with the
// dashed identity line from 0 to 10. With fit it adds the regression line
// intercept + lamHat·x in red from −10σ to max(x), and a title comparing lamHat with the
// true λ.
func PlotLagScatter(x []float64, fit bool, intercept, lamHat, lam, sig float64) *fig.Figure {
	title := ""
	if fit {
		title = fmt.Sprintf("True λ = %.4f, Estimate λ = %.4f", lam, lamHat)
	}
	p := fig.NewPlot(title, "x[k]", "x[k+1]")
	n := len(x) - 2
	fig.Scatter(p, x[:n], x[1:n+1], fig.Color(fig.Black), fig.MarkerSize(3))
	fig.Line(p, []float64{0, 10}, []float64{0, 10}, fig.Color(fig.Black), fig.Dashed(), fig.LineWidth(1.5), fig.Label("x[k+1] = x[k] line"))
	if fit {
		xmax := math.Inf(-1)
		for _, v := range x {
			xmax = math.Max(xmax, v)
		}
		xx := nma.Linspace(-sig*10, xmax, 100)
		yy := nma.Map(xx, func(v float64) float64 { return intercept + lamHat*v })
		fig.Line(p, xx, yy, fig.Color(fig.Red), fig.LineWidth(2), fig.Label("regression line"))
	}
	p.Legend.Left = true
	p.Legend.XOffs = 8
	return fig.New(p).Size(7, 6)
}

// PlotResidualHistogram draws the histogram of the residuals with their standard deviation
// in the title (plot_residual_histogram).
func PlotResidualHistogram(res []float64) *fig.Figure {
	p := fig.NewPlot(fmt.Sprintf("stdev of errors = %.4f", Std(res)), "error in linear model", "")
	histAuto(p, res, fig.C(0))
	return fig.New(p).Size(8, 5)
}

// PlotBinarySequence draws a ±1 sequence as a step plot with dots (plt.step(x, '.-')).
func PlotBinarySequence(x []float64) *fig.Figure {
	p := fig.NewPlot("", "time", "random variable")
	t := indices(len(x))
	stepPre(p, t, x, fig.C(0))
	fig.Scatter(p, t, x, fig.Color(fig.C(0)), fig.MarkerSize(2))
	w := math.Max(8, math.Min(14, float64(len(x))/20))
	return fig.New(p).Size(w, 4)
}

// PlotFit scatters the model's continuous output x1ᵀ·p against the true values x2, with a
// little jitter (0.02·N(0, 1) from jitter) on the true values so that the two columns of
// points can be told apart (the course's plot_training_fit and its test-data figure).
// title names the figure, xlabel the true values; alpha is the points' opacity.
func PlotFit(x1 mat.Matrix, x2, p []float64, jitter *rng.RandomState, title, xlabel string, alpha float64) (*fig.Figure, error) {
	if jitter == nil {
		return nil, fmt.Errorf("linsys.PlotFit: jitter is nil (use rng.New(seed))")
	}
	est, err := Predict(x1, p)
	if err != nil {
		return nil, err
	}
	if len(est) != len(x2) {
		return nil, fmt.Errorf("linsys.PlotFit: x1 has %d columns but x2 has %d values", len(est), len(x2))
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
	pl.X.Tick.Marker = plot.ConstantTicks{{Value: -1, Label: "-1"}, {Value: 0, Label: "0"}, {Value: 1, Label: "1"}}
	fig.Limits(pl, -1.25, 1.25, math.NaN(), math.NaN())
	return fig.New(pl).Size(7, 5.5), nil
}

// PlotARSweep draws the test error against the order of the AR model, with chance (0.5)
// as a red line.
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
	p.X.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 5, Label: "5"}, {Value: 10, Label: "10"}, {Value: 15, Label: "15"}, {Value: 20, Label: "20"}}
	lo := 0.5
	for _, e := range errs {
		lo = math.Min(lo, e)
	}
	fig.Limits(p, 0, 21, lo-0.02, 0.52)
	p.Legend.Top = false
	return fig.New(p).Size(8, 5)
}
