package linsys

import (
	"fmt"
	"image/color"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// PlotStepWalk draws one random walk as a step plot (plt.step), position against time step.
func PlotStepWalk(x []float64) *fig.Figure {
	p := fig.NewPlot("", "time", "position x")
	stepPre(p, indices(len(x)), x, fig.C(0))
	return fig.New(p).Size(8, 5)
}

// PlotRandomWalkSims draws the first nsims walks of sim against time (plot_random_walk_sims).
func PlotRandomWalkSims(sim [][]float64, nsims int) *fig.Figure {
	p := fig.NewPlot("", "time", "position x")
	nsims = min(nsims, len(sim))
	for i := range nsims {
		fig.Line(p, indices(len(sim[i])), sim[i], fig.Color(fig.C(i)), fig.LineWidth(1.2))
	}
	return fig.New(p).Size(8, 5)
}

// PlotPositionHistograms draws, for each time t (in steps, 1-based as in the course), the
// histogram of the walkers' positions sim[:, t−1] over the bins −300, −280, …, 280, with
// its mean μ and standard deviation σ in the legend (blue, orange, black; the first in front).
func PlotPositionHistograms(sim [][]float64, times []int) (*fig.Figure, error) {
	if len(sim) == 0 {
		return nil, fmt.Errorf("linsys.PlotPositionHistograms: sim has no walks")
	}
	p := fig.NewPlot("Distribution of trajectory positions at time t", "position x", "")
	edges := nma.Arange(-300, 300, 20)
	colours := []color.Color{fig.Blue, fig.C(1), fig.Black}
	hists := make([]*plotter.Histogram, len(times))
	labels := make([]string, len(times))
	for i, t := range times {
		if t < 1 || t > len(sim[0]) {
			return nil, fmt.Errorf("linsys.PlotPositionHistograms: time %d outside 1…%d", t, len(sim[0]))
		}
		col := ColumnAt(sim, t-1)
		hists[i] = histEdges(col, edges, fig.Alpha(colours[i%len(colours)], 0.6))
		labels[i] = fmt.Sprintf("t=%d (μ=%.2f, σ=%.2f)", t, Mean(col), Std(col))
	}
	for i := len(hists) - 1; i >= 0; i-- { // the first histogram on top
		p.Add(hists[i])
	}
	for i := range hists {
		p.Legend.Add(labels[i], hists[i])
	}
	p.Legend.Left = true
	p.Legend.XOffs = 8
	fig.Limits(p, -500, 250, 0, math.NaN())
	return fig.New(p).Size(8, 5.5), nil
}

// PlotMeanVarByTimestep draws the mean (top) and the variance (bottom) of the walkers'
// positions against time. With meanLimits the mean's axis is fixed to ±5, as in the
// course's exercise figure.
func PlotMeanVarByTimestep(mu, variance []float64, meanLimits bool) *fig.Figure {
	f := fig.Grid(2, 1).Size(8, 6)
	top, bottom := f.At(0, 0), f.At(1, 0)
	top.Y.Label.Text = "mean"
	bottom.X.Label.Text, bottom.Y.Label.Text = "time", "variance"
	fig.Line(top, indices(len(mu)), mu, fig.Color(fig.C(0)), fig.LineWidth(1.5))
	fig.Line(bottom, indices(len(variance)), variance, fig.Color(fig.C(0)), fig.LineWidth(1.5))
	if meanLimits {
		fig.Limits(top, math.NaN(), math.NaN(), -5, 5)
	}
	return f
}

// dots draws black dots (matplotlib's 'k.').
func dots(p *plot.Plot, x, y []float64, label string) {
	s := fig.Scatter(p, x, y, fig.Color(fig.Black), fig.MarkerSize(2.2))
	if label != "" {
		p.Legend.Add(label, s)
	}
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

// VarComparisonPlot draws analytic against empirical equilibrium variances with the
// identity line from 0 to 7 (the course's var_comparison_plot).
func VarComparisonPlot(empirical, analytical []float64) *fig.Figure {
	p := fig.NewPlot("", "empirical equilibrium variance", "analytic equilibrium variance")
	gridLines(p)
	s := fig.Scatter(p, empirical, analytical, fig.Color(fig.C(0)), fig.MarkerSize(4))
	s.GlyphStyle.Shape = draw.CircleGlyph{}
	fig.Line(p, indices(8), indices(8), fig.Color(fig.Black), fig.LineWidth(1.5), fig.Label("45 deg line"))
	return fig.New(p).Size(7, 6)
}
