package ratemodelfig

import "github.com/nma-go/nma-go/nma/fig"

// PlotTrace draws one time series (e.g. an OU input or a noisy-input simulation) on a wide
// panel. A trace of more than fig.MaxLinePoints points is drawn thinned with fig.Thin, which
// keeps every peak and trough.
func PlotTrace(t, y []float64, ylabel string, c fig.Opt) *fig.Figure {
	pl := fig.NewPlot("", "t (ms)", ylabel)
	t, y = fig.Thin(t, y)
	fig.Line(pl, t, y, c, fig.LineWidth(1.2))
	return fig.New(pl).Size(10, 4)
}
