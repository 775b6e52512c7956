package linsysfig

import "github.com/nma-go/nma-go/nma/fig"

// PlotMessage is an empty figure that only shows msg, for a demo whose choice has nothing
// to draw (the course's dropdowns offer "None"); it has the size of PlotTrajectory's figure.
func PlotMessage(msg string) *fig.Figure {
	p := fig.NewPlot(msg, "", "")
	fig.Limits(p, 0, 1, 0, 1)
	p.HideAxes()
	return fig.New(p).Size(12, 3.8)
}
