package linsysfig

import (
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/linsys"
)

// PlotEuler draws the real part of an Euler solution x(t) against time (Exercise 1 and
// Interactive Demos 1–2); with grid it adds grid lines. Very large or very small values
// get scientific tick labels (fig.SciTicks), as a growing solution quickly has.
func PlotEuler(t []float64, x []complex128, grid bool) *fig.Figure {
	p := fig.NewPlot("", "Time (s)", "x")
	if grid {
		fig.GridLines(p)
	}
	fig.Line(p, t, linsys.Real(x), fig.Color(fig.C(0)))
	p.X.Tick.Marker, p.Y.Tick.Marker = fig.SciTicks{}, fig.SciTicks{}
	return fig.New(p).Size(8, 5)
}
