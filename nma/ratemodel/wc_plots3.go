package ratemodel

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
)

// The figures of W2D4 Tutorial 3 (Extending the Wilson–Cowan model). Each builds everything
// it needs from its arguments, so an interactive demo can call it once per slider value.

// PlotFixedPoints draws the nullclines of p (my_plot_nullcline) with every fixed point in fps
// labelled (plot_fp with the course's default offset (0.02, 0.1)).
func PlotFixedPoints(p WCParams, fps [][2]float64) *fig.Figure {
	pl := NewPhasePlane("")
	excRE, excRI, inhRE, inhRI := AddModelNullclines(pl, p)
	for _, fp := range fps {
		AddFixedPoint(pl, fp, [2]float64{0.02, 0.1}, 0)
	}
	// The labels sit above the fixed points; keep the legend clear of both.
	var lx, ly []float64
	for _, fp := range fps {
		lx, ly = append(lx, fp[0]), append(ly, fp[1]+0.12)
	}
	placeLegend(pl, false, excRE, excRI, inhRE, inhRI, lx, ly)
	return fig.New(pl)
}

// PlotNullclinesWEE is Interactive Demo 1.3 of Tutorial 3: the default model with w_EE = wEE.
// Left, its nullclines; middle and right, r_E and r_I against time started from (0.2, 0.2)
// and from (0.4, 0.1), y from −0.05 to 1.05.
func PlotNullclinesWEE(wEE float64) (*fig.Figure, error) {
	p := DefaultWC()
	p.WEE = wEE
	left := NewPhasePlane("")
	excRE, excRI, inhRE, inhRI := AddModelNullclines(left, p)
	placeLegend(left, false, excRE, excRI, inhRE, inhRI)
	mid := fig.NewPlot("E/I activity from (0.2, 0.2)", "t (ms)", "Activity")
	right := fig.NewPlot("… and from (0.4, 0.1)", "t (ms)", "Activity")
	for i, init := range [][2]float64{{0.2, 0.2}, {0.4, 0.1}} {
		q := p
		q.REInit, q.RIInit = init[0], init[1]
		rE, rI, err := SimulateWC(q)
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

// PlotOscillation draws r_E and r_I of p against time with the legend labels r_E and r_I
// (the oscillating example of Tutorial 3: LimitCycleWC started at (0.25, 0.25)).
func PlotOscillation(p WCParams) (*fig.Figure, error) {
	rE, rI, err := SimulateWC(p)
	if err != nil {
		return nil, err
	}
	pl := fig.NewPlot("", "t (ms)", "Activity")
	AddActivity(pl, p.RangeT(), rE, rI, "r_E", "r_I")
	placeLegend(pl, false, p.RangeT(), rE, p.RangeT(), rI)
	return fig.New(pl).Size(8, 5.5), nil
}

// PlotLimitCycle draws the phase plane of the oscillating network p: its nullclines, its
// fixed point found from the guess (0.8, 0.8) and labelled at an angle of 40°, 3×3 grey
// trajectories started on a grid of step 0.2, and the vector field; r_E from −0.05 to 1.01,
// r_I from −0.05 to 0.65.
func PlotLimitCycle(p WCParams) (*fig.Figure, error) {
	pl := NewPhasePlane("")
	AddModelNullclines(pl, p)
	fp, err := FixedPointWC(p, 0.8, 0.8)
	if err != nil {
		return nil, err
	}
	if IsFixedPointWC(p, fp, 1e-6) {
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
// (LimitCycleWC) with τ_I = tauI. Left, the phase plane: nullclines over r_E ∈ [0, 0.9] and
// r_I ∈ [0, 0.6], the fixed point found from (0.5, 0.5), 5×5 trajectories from a grid of step
// 0.1 and the vector field on a 20×20 grid over [0, 1]×[0, 0.6] (every second point, scale
// 10). Right, r_E and r_I against time from (0.25, 0.25).
func PlotTauIEffect(tauI float64) (*fig.Figure, error) {
	p := LimitCycleWC()
	p.TauI = tauI
	if err := p.Validate(); err != nil {
		return nil, err
	}
	title := fmt.Sprintf("τ_I = %.1f ms", tauI)
	left := NewPhasePlane(title)
	for ie := 0; ie < 5; ie++ {
		for ii := 0; ii < 5; ii++ {
			q := p
			q.REInit, q.RIInit = 0.1*float64(ie), 0.1*float64(ii)
			rE, rI, err := SimulateWC(q)
			if err != nil {
				return nil, err
			}
			// Every second point is plenty on screen and halves the drawing of 25 trajectories.
			fig.Line(left, thin(rE), thin(rI), fig.Color(fig.Alpha(fig.Black, 0.3)), fig.LineWidth(1.5))
		}
	}
	AddVectorField(left, p, grid20(1), nma.Linspace(0, 0.6, 20), 2, 10, nil)
	excRE, excRI, inhRE, inhRI := Nullclines(p, 0, 0.9, 0, 0.6, 100)
	fig.Line(left, excRE, excRI, fig.Color(fig.Blue)) // no legend in this panel, as in the course
	fig.Line(left, inhRE, inhRI, fig.Color(fig.Red))
	if fp, err := FixedPointWC(p, 0.5, 0.5); err == nil {
		fig.Scatter(left, []float64{fp[0]}, []float64{fp[1]}, fig.Color(fig.Black))
	}
	right := fig.NewPlot(title, "t (ms)", "Activity")
	q := p
	q.REInit, q.RIInit = 0.25, 0.25
	rE, rI, err := SimulateWC(q)
	if err != nil {
		return nil, err
	}
	AddActivity(right, q.RangeT(), rE, rI, "r_E", "r_I")
	placeLegend(right, false, q.RangeT(), rE, q.RangeT(), rI)
	return fig.New(left, right).Size(12, 5), nil
}

// thin keeps every second point of a trajectory and its last one (for drawing only).
func thin(v []float64) []float64 {
	out := make([]float64, 0, len(v)/2+1)
	for i := 0; i < len(v); i += 2 {
		out = append(out, v[i])
	}
	if len(v)%2 == 0 && len(v) > 0 {
		out = append(out, v[len(v)-1])
	}
	return out
}

// PlotISNPerturb is Interactive Demo 2.2 of Tutorial 3: on top the step input to the I
// population, below r_E and r_I with their levels just before the step dashed, y from 0 to 0.8.
func PlotISNPerturb(dI float64) (*fig.Figure, error) {
	t, in, rE, rI, err := ISNPerturb(dI)
	if err != nil {
		return nil, err
	}
	f := fig.Grid(2, 1).Size(8, 6.5)
	top, bottom := f.At(0, 0), f.At(1, 0)
	top.X.Label.Text, top.Y.Label.Text = "t (ms)", "I_I^ext"
	fig.Line(top, t, in, fig.Color(fig.Black))
	lo, hi := minMax(in)
	fig.Limits(top, math.NaN(), math.NaN(), lo-0.01, hi+0.01)
	bottom.X.Label.Text, bottom.Y.Label.Text = "t (ms)", "Activity"
	h := len(t)/2 - 1
	fig.Line(bottom, t, rE, fig.Color(fig.Blue), fig.Label("r_E"))
	fig.Line(bottom, t, nma.Full(len(t), rE[h]), fig.Color(fig.Blue), fig.Dashed())
	fig.Line(bottom, t, rI, fig.Color(fig.Red), fig.Label("r_I"))
	fig.Line(bottom, t, nma.Full(len(t), rI[h]), fig.Color(fig.Red), fig.Dashed())
	fig.Limits(bottom, math.NaN(), math.NaN(), 0, 0.8)
	placeLegend(bottom, true, t, rE, t, rI)
	return f, nil
}

// PlotNoisyActivity simulates p and draws both activities against time.
func PlotNoisyActivity(p WCParams) (*fig.Figure, error) {
	rE, rI, err := SimulateWC(p)
	if err != nil {
		return nil, err
	}
	return PlotActivity(p.RangeT(), rE, rI).Size(8, 5.5), nil
}

// PlotPulse is Interactive Demo 3 of Tutorial 3: r_E and r_I after a 10-ms pulse of amplitude
// se into E, with a red bar marking when the stimulus is on; y from −0.03 to 1.2.
func PlotPulse(se float64) (*fig.Figure, error) {
	p, pulse, err := PulseWC(se)
	if err != nil {
		return nil, err
	}
	rE, rI, err := SimulateWC(p)
	if err != nil {
		return nil, err
	}
	t := p.RangeT()
	pl := fig.NewPlot("", "t (ms)", "Activity")
	AddActivity(pl, t, rE, rI, "E population", "I population")
	var on []float64
	for k, v := range pulse {
		if v > 0 {
			on = append(on, t[k])
		}
	}
	fig.Line(pl, on, nma.Full(len(on), 1), fig.Color(fig.Red), fig.LineWidth(3))
	AddText(pl, 25, 1.05, "stimulus on", 0)
	fig.Limits(pl, math.NaN(), math.NaN(), -0.03, 1.2)
	placeLegend(pl, true, t, rE, t, rI)
	return fig.New(pl).Size(8, 5.5), nil
}
