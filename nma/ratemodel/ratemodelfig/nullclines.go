package ratemodelfig

import (
	"math"

	"gonum.org/v1/plot"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// AddNullclines draws the E nullcline (blue) and the I nullcline (red) from their points.
func AddNullclines(p *plot.Plot, excRE, excRI, inhRE, inhRI []float64) {
	fig.Line(p, excRE, excRI, fig.Color(fig.Blue), fig.Label("E nullcline"))
	fig.Line(p, inhRE, inhRI, fig.Color(fig.Red), fig.Label("I nullcline"))
}

// AddModelNullclines draws the nullclines of p on the course's grids: r_E ∈ [−0.01, 0.96] and
// r_I ∈ [−0.01, 0.8], 100 points each (my_plot_nullcline). It returns their points.
func AddModelNullclines(pl *plot.Plot, p ratemodel.WCParams) (excRE, excRI, inhRE, inhRI []float64) {
	excRE, excRI, inhRE, inhRI = ratemodel.Nullclines(p, -0.01, 0.96, -0.01, 0.8, 100)
	AddNullclines(pl, excRE, excRI, inhRE, inhRI)
	return excRE, excRI, inhRE, inhRI
}

// PlotNullclines draws both nullclines in the phase plane (plot_nullclines).
func PlotNullclines(excRE, excRI, inhRE, inhRI []float64) *fig.Figure {
	p := NewPhasePlane("")
	AddNullclines(p, excRE, excRI, inhRE, inhRI)
	placeLegend(p, false, excRE, excRI, inhRE, inhRI)
	return fig.New(p)
}

// PlotNullclinesWEE is Interactive Demo 1.3 of Tutorial 3: the default model with w_EE = wEE.
// Left, its nullclines; middle and right, r_E and r_I against time started from (0.2, 0.2)
// and from (0.4, 0.1), y from −0.05 to 1.05.
func PlotNullclinesWEE(wEE float64) (*fig.Figure, error) {
	p := ratemodel.DefaultWC()
	p.WEE = wEE
	left := NewPhasePlane("")
	excRE, excRI, inhRE, inhRI := AddModelNullclines(left, p)
	placeLegend(left, false, excRE, excRI, inhRE, inhRI)
	mid := fig.NewPlot("E/I activity from (0.2, 0.2)", "t (ms)", "Activity")
	right := fig.NewPlot("… and from (0.4, 0.1)", "t (ms)", "Activity")
	for i, init := range [][2]float64{{0.2, 0.2}, {0.4, 0.1}} {
		q := p
		q.REInit, q.RIInit = init[0], init[1]
		rE, rI, err := ratemodel.SimulateWC(q)
		if err != nil {
			return nil, err
		}
		target := mid
		if i == 1 {
			target = right
		}
		AddActivity(target, q.RangeT(), rE, rI, "E population", "I population")
		fig.Limits(target, math.NaN(), math.NaN(), -0.05, 1.05)
		placeLegend(target, true, q.RangeT(), rE, q.RangeT(), rI)
	}
	return fig.New(left, mid, right).Size(16, 5), nil
}
