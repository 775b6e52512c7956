package linsysfig

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/linsys"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// PlotSwitchSimulation draws a telegraph trace x(t) for its first 300 ms with the states
// named on the y axis (the course's plot_switch_simulation).
func PlotSwitchSimulation(t, x []float64) *fig.Figure {
	p := fig.NewPlot("State-switch simulation", "Time (ms)", "State of ion channel 0/1")
	n := len(t)
	for n > 0 && t[n-1] > 300 {
		n--
	}
	if n < len(t) {
		n++ // keep the point just past 300 so the line reaches the edge
	}
	fig.Line(p, t[:n], x[:n], fig.Color(fig.C(0)), fig.LineWidth(1.5))
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "Closed (0)"}, {Value: 1, Label: "Open (1)"}}
	fig.Limits(p, 0, 300, -0.05, 1.05)
	return fig.New(p).Size(8, 4.5)
}

// PlotInterswitchIntervalHistogram draws the histogram of the intervals between switches
// (10 bins over their range, like plt.hist).
func PlotInterswitchIntervalHistogram(isi []float64) *fig.Figure {
	p := fig.NewPlot("", "", "")
	isiHist(p, isi)
	return fig.New(p).Size(8, 5)
}

// isiHist draws the interval histogram into p; without intervals it says so in the title.
func isiHist(p *plot.Plot, isi []float64) {
	p.Title.Text = "Inter-switch Intervals Distribution"
	p.X.Label.Text, p.Y.Label.Text = "time (ms)", "Interval Count"
	if len(isi) == 0 {
		p.Title.Text += "\n(no switches)"
		fig.Limits(p, 0, 1, 0, 1)
		return
	}
	fig.Hist(p, isi, 10, false, fig.Color(fig.C(0)))
}

// PlotStateCounts draws a bar chart of the number of time steps spent closed and open.
func PlotStateCounts(x []float64) *fig.Figure {
	p := fig.NewPlot("", "", "")
	stateBars(p, x, 150)
	return fig.New(p).Size(7, 5)
}

// stateBars draws the two bars of linsys.StateCounts(x), width wide, into p.
func stateBars(p *plot.Plot, x []float64, width vg.Length) {
	closed, open := linsys.StateCounts(x)
	p.X.Label.Text, p.Y.Label.Text = "State of ion channel", "Number of time steps"
	bars, err := plotter.NewBarChart(plotter.Values{float64(closed), float64(open)}, width)
	if err != nil {
		panic(err)
	}
	bars.Color = fig.C(0)
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.NominalX("Closed", "Open")
	fig.Limits(p, -0.6, 1.6, 0, math.NaN())
}

// PlotSwitchStatistics shows a telegraph run's inter-switch interval histogram (left) and
// the time steps it spent in each state (right), for Interactive Demo 1.
func PlotSwitchStatistics(x, switchTimes []float64) *fig.Figure {
	f := fig.Grid(1, 2).Size(12, 4.5)
	isiHist(f.At(0, 0), nma.Diff(switchTimes))
	stateBars(f.At(0, 1), x, 90)
	return f
}

// PlotCumulativeMean draws the running fraction of time the channel was open
// (linsys.CumulativeMean), thinned for drawing (fig.Trace).
func PlotCumulativeMean(t, x []float64) *fig.Figure {
	p := fig.NewPlot("", "time (ms)", "Cumulative mean of state")
	fig.Trace(p, t, linsys.CumulativeMean(x), fig.Color(fig.C(0)), fig.LineWidth(1.5))
	return fig.New(p).Size(8, 5)
}
