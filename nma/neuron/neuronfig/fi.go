package neuronfig

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot/plotter"
)

// PlotFI draws the F-I curve of Interactive Demo 3A: spike count against mean current for
// GWN input (black) and for DC input (thick grey dashes).
func PlotFI(iMean []float64, gwn, dc []int, sig float64) *fig.Figure {
	pl := fig.NewPlot("", "Average injected current (pA)", "Spike count")
	fig.Line(pl, iMean, toF(gwn), fig.Color(fig.Black), fig.Label(fmt.Sprintf("$\\sigma_{GWN}$=%.2f", sig)))
	fig.Line(pl, iMean, toF(dc), fig.Color(fig.Alpha(fig.Black, 0.5)), fig.LineWidth(4), fig.Dashed(), fig.Label("DC input"))
	pl.Legend.Top, pl.Legend.Left = true, true
	pl.Legend.XOffs = 8
	return fig.New(pl)
}

// toF converts counts to float64 for drawing.
func toF(x []int) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}

// PlotCV draws CV_ISI against the mean current (blue dots) where more than 5 spikes were
// fired — Interactive Demo 3B.
func PlotCV(iMean []float64, counts []int, cv []float64) *fig.Figure {
	pl := fig.NewPlot("", "Average injected current (pA)", "Spike irregularity ($CV_{ISI}$)")
	var x, y []float64
	for i := range iMean {
		if counts[i] > 5 {
			x, y = append(x, iMean[i]), append(y, cv[i])
		}
	}
	pl.Add(plotter.NewGrid())
	if len(x) > 0 {
		fig.Scatter(pl, x, y, fig.Color(fig.Alpha(fig.Blue, 0.5)), fig.MarkerSize(5))
	}
	fig.Limits(pl, 90, 390, -0.1, 1.5)
	return fig.New(pl)
}
