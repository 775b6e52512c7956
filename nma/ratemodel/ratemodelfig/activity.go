package ratemodelfig

import (
	"gonum.org/v1/plot"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// The activities r_E and r_I of the Wilson–Cowan model against time.

// AddActivity draws r_E (blue) and r_I (red) against time on p with the given legend labels.
func AddActivity(p *plot.Plot, t, rE, rI []float64, labelE, labelI string) {
	fig.Line(p, t, rE, fig.Color(fig.Blue), fig.Label(labelE))
	fig.Line(p, t, rI, fig.Color(fig.Red), fig.Label(labelI))
}

// PlotActivity draws the activities of both populations against time (labels "E population",
// "I population"), as the course's single-panel activity plots do.
func PlotActivity(t, rE, rI []float64) *fig.Figure {
	p := fig.NewPlot("", "t (ms)", "Activity")
	AddActivity(p, t, rE, rI, "E population", "I population")
	placeLegend(p, false, t, rE, t, rI)
	return fig.New(p)
}

// PlotSimulatedActivity simulates p and draws both activities against time (PlotActivity).
func PlotSimulatedActivity(p ratemodel.WCParams) (*fig.Figure, error) {
	rE, rI, err := ratemodel.SimulateWC(p)
	if err != nil {
		return nil, err
	}
	return PlotActivity(p.RangeT(), rE, rI), nil
}

// PlotNoisyActivity simulates p (e.g. ratemodel.NoisyWC) and draws both activities against
// time, 8×5.5 in as the course.
func PlotNoisyActivity(p ratemodel.WCParams) (*fig.Figure, error) {
	f, err := PlotSimulatedActivity(p)
	if err != nil {
		return nil, err
	}
	return f.Size(8, 5.5), nil
}

// PlotTwoRuns draws two simulations one above the other with shared axes (my_test_plot).
func PlotTwoRuns(t, rE1, rI1, rE2, rI2 []float64) *fig.Figure {
	f := fig.Grid(2, 1).Size(8, 6)
	top, bottom := f.At(0, 0), f.At(1, 0)
	top.Y.Label.Text = "Activity"
	bottom.X.Label.Text, bottom.Y.Label.Text = "t (ms)", "Activity"
	AddActivity(top, t, rE1, rI1, "E population", "I population")
	AddActivity(bottom, t, rE2, rI2, "E population", "I population")
	shareAxes(top, bottom)
	placeLegend(top, true, t, rE1, t, rI1)
	placeLegend(bottom, true, t, rE2, t, rI2)
	return f
}

// PlotOscillation draws r_E and r_I of p against time with the legend labels r_E and r_I
// (the oscillating example of Tutorial 3: ratemodel.LimitCycleWC started at (0.25, 0.25)).
func PlotOscillation(p ratemodel.WCParams) (*fig.Figure, error) {
	rE, rI, err := ratemodel.SimulateWC(p)
	if err != nil {
		return nil, err
	}
	pl := fig.NewPlot("", "t (ms)", "Activity")
	AddActivity(pl, p.RangeT(), rE, rI, "r_E", "r_I")
	placeLegend(pl, false, p.RangeT(), rE, p.RangeT(), rI)
	return fig.New(pl).Size(8, 5.5), nil
}
