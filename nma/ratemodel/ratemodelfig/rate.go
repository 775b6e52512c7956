package ratemodelfig

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// The rate r(t) of the single population of Tutorial 1 against time.

// PlotTrajectories simulates the population from r_init = 0, 0.1, …, 0.9 and draws r(t),
// darker for larger r_init ("Two steady states?"). With extra ≥ 0 it adds a red trajectory
// started at r_init = extra (e.g. exactly at the unstable fixed point).
func PlotTrajectories(p ratemodel.SingleParams, extra float64) (*fig.Figure, error) {
	pl := fig.NewPlot("Two steady states?", "t (ms)", "r(t)")
	t := p.RangeT()
	for ie := 0; ie < 10; ie++ {
		p.RInit = 0.1 * float64(ie)
		r, err := ratemodel.SimulateSingle(p)
		if err != nil {
			return nil, err
		}
		fig.Line(pl, t, r, fig.Color(fig.Alpha(fig.Blue, 0.1+0.1*float64(ie))), fig.Label(fmtInit(p.RInit, 1)))
	}
	if extra >= 0 {
		p.RInit = extra
		r, err := ratemodel.SimulateSingle(p)
		if err != nil {
			return nil, err
		}
		fig.Line(pl, t, r, fig.Color(fig.Red), fig.Label(fmtInit(extra, 4)))
	}
	f := fig.New(pl).Size(8, 5)
	return f.LegendOutside(pl), nil
}

func fmtInit(v float64, prec int) string {
	return "r_init=" + nma.FormatFloat(v, prec)
}

// PlotSimAnalytic simulates p (w should be 0) and draws the simulated r(t), the analytic
// solution (thick dashed) and the steady state F(I_ext) (black dashed) — Demo 1.3.
func PlotSimAnalytic(p ratemodel.SingleParams) (*fig.Figure, error) {
	r, err := ratemodel.SimulateSingle(p)
	if err != nil {
		return nil, err
	}
	t := p.RangeT()
	pl := fig.NewPlot("", "t (ms)", "Activity r(t)")
	fig.Line(pl, t, r, fig.Color(fig.Alpha(fig.Blue, 0.5)), fig.Label("$r_{sim}(t)$"))
	fig.Line(pl, t, ratemodel.AnalyticSingle(p), fig.Color(fig.Blue), fig.LineWidth(5), fig.Dotted(), fig.Label("$r_{ana}(t)$"))
	fig.Line(pl, t, nma.Full(len(t), ratemodel.F(p.IExt, p.A, p.Theta)), fig.Color(fig.Black), fig.Dashed(), fig.Label("$F(I_{ext})$"))
	pl.Legend.Top = false
	return fig.New(pl), nil
}

// PlotRInit simulates p and draws r(t) with its starting point, y from 0 to 1 (Demo 2.2).
func PlotRInit(p ratemodel.SingleParams) (*fig.Figure, error) {
	r, err := ratemodel.SimulateSingle(p)
	if err != nil {
		return nil, err
	}
	pl := fig.NewPlot("", "t (ms)", "r(t)")
	fig.Line(pl, p.RangeT(), r, fig.Color(fig.Blue))
	fig.Scatter(pl, []float64{0}, []float64{r[0]}, fig.Color(fig.Alpha(fig.Blue, 0.7)))
	fig.Limits(pl, math.NaN(), math.NaN(), 0, 1)
	return fig.New(pl), nil
}
