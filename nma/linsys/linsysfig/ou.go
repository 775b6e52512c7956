package linsysfig

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// dots draws black dots (matplotlib's 'k.'), with a legend entry unless label is empty.
func dots(p *plot.Plot, x, y []float64, label string) {
	fig.Scatter(p, x, y, fig.Color(fig.Black), fig.MarkerSize(2.2), fig.Label(label))
}

// PlotDynamics draws a simulated trajectory x (black dots) with the deterministic solution
// x∞ + (x0 − x∞)·λ^t (red), y from 0 to x0 + 1 (the course's plot_dynamics).
func PlotDynamics(x, t []float64, lam, xinfty float64) *fig.Figure {
	p := fig.NewPlot(fmt.Sprintf("λ=%.1f", lam), "t", "x")
	x0 := x[0]
	ana := nma.Map(t, func(t float64) float64 { return xinfty + (x0-xinfty)*math.Pow(lam, t) })
	fig.Line(p, t, ana, fig.Color(fig.Red), fig.Label("analytic solution"))
	dots(p, t, x, "simulation")
	fig.Limits(p, math.NaN(), math.NaN(), 0, x0+1)
	return fig.New(p).Size(8, 5)
}

// PlotDDM draws a drift-diffusion simulation (black dots) with its deterministic part
// x∞(1 − λ^t) + x0·λ^t (red) (the course's plot_ddm).
func PlotDDM(t, x []float64, xinfty, lam, x0 float64) *fig.Figure {
	p := fig.NewPlot("", "t", "x")
	det := nma.Map(t, func(t float64) float64 { return xinfty*(1-math.Pow(lam, t)) + x0*math.Pow(lam, t) })
	fig.Line(p, t, det, fig.Color(fig.Red), fig.Label("deterministic solution"))
	dots(p, t, x, "simulation")
	return fig.New(p).Size(8, 5)
}

// PlotVarComparison draws analytic against empirical equilibrium variances with the
// identity line from 0 to 7 (the course's var_comparison_plot).
func PlotVarComparison(empirical, analytical []float64) *fig.Figure {
	p := fig.NewPlot("", "empirical equilibrium variance", "analytic equilibrium variance")
	fig.GridLines(p)
	s := fig.Scatter(p, empirical, analytical, fig.Color(fig.C(0)), fig.MarkerSize(4))
	s.GlyphStyle.Shape = draw.CircleGlyph{}
	diag := nma.Arange(0, 8, 1)
	fig.Line(p, diag, diag, fig.Color(fig.Black), fig.LineWidth(1.5), fig.Label("45 deg line"))
	return fig.New(p).Size(7, 6)
}

// PlotOUTrajectory draws an OU trajectory as black dots, titled with its parameters.
func PlotOUTrajectory(t, x []float64, x0, xinfty, lam, sig float64) *fig.Figure {
	p := fig.NewPlot(fmt.Sprintf("x₀=%g, x∞=%g, λ=%.1f, σ=%.1f", x0, xinfty, lam, sig), "time", "position x")
	dots(p, t, x, "")
	return fig.New(p).Size(8, 5)
}
