package ratemodelfig

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// PlotDrDt draws dr/dt against r with the zero line dashed and the fixed points xFps as
// large black dots; the y axis is fixed to ±0.1 (plot_dr_r).
func PlotDrDt(r, drdt, xFps []float64) *fig.Figure {
	p := fig.NewPlot("", "r", "dr/dt")
	fig.Line(p, r, drdt, fig.Color(fig.Black))
	fig.Line(p, r, make([]float64, len(r)), fig.Color(fig.Black), fig.Dashed(), fig.LineWidth(1.5))
	if len(xFps) > 0 {
		fig.Scatter(p, xFps, make([]float64, len(xFps)), fig.Color(fig.Black), fig.MarkerSize(6))
	}
	fig.Limits(p, math.NaN(), math.NaN(), -0.1, 0.1)
	return fig.New(p)
}

// PlotIntersectionSingle draws dr/dt against r for p with the fixed points found from
// ratemodel.GuessesSingle (plot_intersection_single, Demo 2.1).
func PlotIntersectionSingle(p ratemodel.SingleParams) *fig.Figure {
	r := nma.Linspace(0, 1, 1000)
	drdt := nma.Map(r, func(r float64) float64 { return ratemodel.DrDt(r, p) })
	return PlotDrDt(r, drdt, ratemodel.FixedPointsSingle(p, ratemodel.GuessesSingle))
}
