package ratemodelfig

import (
	"fmt"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// PlotLimitCycle draws the phase plane of the oscillating network p: its nullclines, its
// fixed point found from the guess (0.8, 0.8) and labelled at an angle of 40°, 3×3 grey
// trajectories started on a grid of step 0.2, and the vector field; r_E from −0.05 to 1.01,
// r_I from −0.05 to 0.65.
func PlotLimitCycle(p ratemodel.WCParams) (*fig.Figure, error) {
	pl := NewPhasePlane("")
	AddModelNullclines(pl, p)
	fp, err := ratemodel.FixedPointWC(p, 0.8, 0.8)
	if err != nil {
		return nil, err
	}
	if ratemodel.IsFixedPointWC(p, fp, 1e-6) {
		AddFixedPoint(pl, fp, [2]float64{0, 0}, 40)
	}
	if err := AddTrajectories(pl, p, 0.2, 3, fig.Alpha(fig.Gray, 0.8), "Sample trajectories\nwith different\ninitial values"); err != nil {
		return nil, err
	}
	AddVectorField(pl, p, grid20(1), grid20(1), 2, 5, nil)
	fig.Limits(pl, -0.05, 1.01, -0.05, 0.65)
	return fig.New(pl).Size(10, 5.5).LegendOutside(pl), nil
}

// PlotTauIEffect is Interactive Demo 1.4 of Tutorial 3: the oscillating network
// (ratemodel.LimitCycleWC) with τ_I = tauI. Left, the phase plane: nullclines over
// r_E ∈ [0, 0.9] and r_I ∈ [0, 0.6], the fixed point found from (0.5, 0.5), 5×5 trajectories
// from a grid of step 0.1 and the vector field on a 20×20 grid over [0, 1]×[0, 0.6] (every
// second point, scale 10). Right, r_E and r_I against time from (0.25, 0.25).
func PlotTauIEffect(tauI float64) (*fig.Figure, error) {
	p := ratemodel.LimitCycleWC()
	p.TauI = tauI
	if err := p.Validate(); err != nil {
		return nil, err
	}
	title := fmt.Sprintf("$\\tau_I$ = %.1f ms", tauI)
	left := NewPhasePlane(title)
	for ie := 0; ie < 5; ie++ {
		for ii := 0; ii < 5; ii++ {
			q := p
			q.REInit, q.RIInit = 0.1*float64(ie), 0.1*float64(ii)
			rE, rI, err := ratemodel.SimulateWC(q)
			if err != nil {
				return nil, err
			}
			rE, rI = fig.Thin(rE, rI) // bounds the points drawn; T = 100 ms (1000 steps) is drawn whole
			fig.Line(left, rE, rI, fig.Color(fig.Alpha(fig.Black, 0.3)), fig.LineWidth(1.5))
		}
	}
	AddVectorField(left, p, grid20(1), nma.Linspace(0, 0.6, 20), 2, 10, nil)
	excRE, excRI, inhRE, inhRI := ratemodel.Nullclines(p, 0, 0.9, 0, 0.6, 100)
	fig.Line(left, excRE, excRI, fig.Color(fig.Blue)) // no legend in this panel, as in the course
	fig.Line(left, inhRE, inhRI, fig.Color(fig.Red))
	if fp, err := ratemodel.FixedPointWC(p, 0.5, 0.5); err == nil {
		fig.Scatter(left, []float64{fp[0]}, []float64{fp[1]}, fig.Color(fig.Black))
	}
	right := fig.NewPlot(title, "t (ms)", "Activity")
	q := p
	q.REInit, q.RIInit = 0.25, 0.25
	rE, rI, err := ratemodel.SimulateWC(q)
	if err != nil {
		return nil, err
	}
	AddActivity(right, q.RangeT(), rE, rI, "r_E", "r_I")
	placeLegend(right, false, q.RangeT(), rE, q.RangeT(), rI)
	return fig.New(left, right).Size(12, 5), nil
}
