package ratemodel

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
)

// PlotFI draws an F-I curve f(x) in black (plot_fI).
func PlotFI(x, f []float64) *fig.Figure {
	p := fig.NewPlot("", "x (a.u.)", "F(x)")
	fig.Line(p, x, f, fig.Color(fig.Black))
	return fig.New(p).Size(6, 4)
}

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

// PlotDF draws the derivative of the F-I curve in red (plot_dFdt).
func PlotDF(x, df []float64) *fig.Figure {
	p := fig.NewPlot("", "x (a.u.)", "dF(x)")
	fig.Line(p, x, df, fig.Color(fig.Red))
	return fig.New(p)
}

// PlotTrajectories simulates the population from r_init = 0, 0.1, …, 0.9 and draws r(t),
// darker for larger r_init ("Two steady states?"). With extra ≥ 0 it adds a red trajectory
// started at r_init = extra (e.g. exactly at the unstable fixed point).
func PlotTrajectories(p SingleParams, extra float64) (*fig.Figure, error) {
	pl := fig.NewPlot("Two steady states?", "t (ms)", "r(t)")
	t := p.RangeT()
	for ie := 0; ie < 10; ie++ {
		p.RInit = 0.1 * float64(ie)
		r, err := SimulateSingle(p)
		if err != nil {
			return nil, err
		}
		fig.Line(pl, t, r, fig.Color(fig.Alpha(fig.Blue, 0.1+0.1*float64(ie))), fig.Label(fmtInit(p.RInit, 1)))
	}
	if extra >= 0 {
		p.RInit = extra
		r, err := SimulateSingle(p)
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
func PlotSimAnalytic(p SingleParams) (*fig.Figure, error) {
	r, err := SimulateSingle(p)
	if err != nil {
		return nil, err
	}
	t := p.RangeT()
	pl := fig.NewPlot("", "t (ms)", "Activity r(t)")
	fig.Line(pl, t, r, fig.Color(fig.Alpha(fig.Blue, 0.5)), fig.Label("r_sim(t)"))
	fig.Line(pl, t, AnalyticSingle(p), fig.Color(fig.Blue), fig.LineWidth(5), fig.Dotted(), fig.Label("r_ana(t)"))
	fig.Line(pl, t, nma.Full(len(t), F(p.IExt, p.A, p.Theta)), fig.Color(fig.Black), fig.Dashed(), fig.Label("F(I_ext)"))
	pl.Legend.Top = false
	return fig.New(pl), nil
}

// GuessesSingle are the course's initial guesses for the fixed points of the single population.
var GuessesSingle = []float64{0, 0.4, 0.9}

// PlotIntersectionSingle draws dr/dt against r for p with the fixed points found from
// GuessesSingle (plot_intersection_single, Demo 2.1).
func PlotIntersectionSingle(p SingleParams) *fig.Figure {
	r := nma.Linspace(0, 1, 1000)
	drdt := nma.Map(r, func(r float64) float64 { return DrDt(r, p) })
	return PlotDrDt(r, drdt, FixedPointsSingle(p, GuessesSingle))
}

// PlotRInit simulates p and draws r(t) with its starting point, y from 0 to 1 (Demo 2.2).
func PlotRInit(p SingleParams) (*fig.Figure, error) {
	r, err := SimulateSingle(p)
	if err != nil {
		return nil, err
	}
	pl := fig.NewPlot("", "t (ms)", "r(t)")
	fig.Line(pl, p.RangeT(), r, fig.Color(fig.Blue))
	fig.Scatter(pl, []float64{0}, []float64{r[0]}, fig.Color(fig.Alpha(fig.Blue, 0.7)))
	fig.Limits(pl, math.NaN(), math.NaN(), 0, 1)
	return fig.New(pl), nil
}

// PlotTrace draws one time series (e.g. an OU input or a noisy-input simulation) on a wide panel.
func PlotTrace(t, y []float64, ylabel string, c fig.Opt) *fig.Figure {
	pl := fig.NewPlot("", "t (ms)", ylabel)
	fig.Line(pl, t, y, c, fig.LineWidth(1.2))
	return fig.New(pl).Size(10, 4)
}
