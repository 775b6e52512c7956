package linsysfig

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
)

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

// PlotResidualHistogram draws the histogram of the residuals (10 bins over their range,
// like plt.hist) with their standard deviation in the title (plot_residual_histogram).
func PlotResidualHistogram(res []float64) *fig.Figure {
	p := fig.NewPlot(fmt.Sprintf("stdev of errors = %.4f", nma.Std(res)), "error in linear model", "count")
	if len(res) == 0 {
		fig.Limits(p, 0, 1, 0, 1)
	} else {
		fig.Hist(p, res, 10, false, fig.Color(fig.C(0)))
	}
	return fig.New(p).Size(8, 5)
}
