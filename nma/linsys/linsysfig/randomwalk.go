package linsysfig

import (
	"fmt"
	"image/color"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/linsys"
	"gonum.org/v1/plot/plotter"
)

// steps returns the time steps 0, 1, …, n−1 of a trace of n values.
func steps(n int) []float64 { return nma.Arange(0, float64(n), 1) }

// PlotStepWalk draws one random walk as a step plot (plt.step), position against time step.
func PlotStepWalk(x []float64) *fig.Figure {
	p := fig.NewPlot("", "time", "position x")
	fig.Line(p, steps(len(x)), x, fig.StepPre(), fig.Color(fig.C(0)), fig.LineWidth(1.5))
	return fig.New(p).Size(8, 5)
}

// PlotRandomWalkSims draws the first nsims walks of sim against time (plot_random_walk_sims),
// each thinned for drawing (fig.Trace).
func PlotRandomWalkSims(sim [][]float64, nsims int) *fig.Figure {
	p := fig.NewPlot("", "time", "position x")
	nsims = min(nsims, len(sim))
	for i := range nsims {
		fig.Trace(p, steps(len(sim[i])), sim[i], fig.Color(fig.C(i)), fig.LineWidth(1.2))
	}
	return fig.New(p).Size(8, 5)
}

// PlotPositionHistograms draws, for each time t (in steps, 1-based as in the course), the
// histogram of the walkers' positions sim[:, t−1] over the bins −300, −280, …, 280, with
// its mean μ and standard deviation σ in the legend (blue, orange, black; the first in front).
func PlotPositionHistograms(sim [][]float64, times []int) (*fig.Figure, error) {
	if len(sim) == 0 {
		return nil, fmt.Errorf("linsysfig.PlotPositionHistograms: sim has no walks")
	}
	p := fig.NewPlot("Distribution of trajectory positions at time t", "position x", "number of walkers")
	edges := nma.Arange(-300, 300, 20)
	colours := []color.Color{fig.Blue, fig.C(1), fig.Black}
	cols := make([][]float64, len(times))
	for i, t := range times {
		if t < 1 || t > len(sim[0]) {
			return nil, fmt.Errorf("linsysfig.PlotPositionHistograms: time %d outside 1…%d", t, len(sim[0]))
		}
		cols[i] = linsys.ColumnAt(sim, t-1)
	}
	hists := make([]*plotter.Histogram, len(times))
	for i := len(times) - 1; i >= 0; i-- { // the first histogram on top
		counts, err := nma.Histogram(cols[i], edges)
		if err != nil {
			return nil, err
		}
		hists[i] = fig.HistCounts(p, counts, edges, fig.Color(fig.Alpha(colours[i%len(colours)], 0.6)))
	}
	for i, t := range times {
		p.Legend.Add(fmt.Sprintf("t=%d (μ=%.2f, σ=%.2f)", t, nma.Mean(cols[i]), nma.Std(cols[i])), hists[i])
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
	fig.Line(top, steps(len(mu)), mu, fig.Color(fig.C(0)), fig.LineWidth(1.5))
	fig.Line(bottom, steps(len(variance)), variance, fig.Color(fig.C(0)), fig.LineWidth(1.5))
	if meanLimits {
		fig.Limits(top, math.NaN(), math.NaN(), -5, 5)
	}
	return f
}
