package ratemodelfig

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// The phase plane of the Wilson–Cowan model: r_I against r_E.

// Colours of the Wilson–Cowan figures, as matplotlib names them.
var (
	Cyan    color.Color = color.RGBA{R: 0, G: 191, B: 191, A: 255} // 'c': the vector field
	Orange  color.Color = color.RGBA{R: 255, G: 165, B: 0, A: 255} // 'orange'
	Magenta color.Color = color.RGBA{R: 191, G: 0, B: 191, A: 255} // 'm'
)

// NewPhasePlane returns an empty panel with the axes r_E (x) and r_I (y).
func NewPhasePlane(title string) *plot.Plot {
	return fig.NewPlot(title, "$r_E$", "$r_I$")
}

// AddTrajectory simulates p from init and draws the trajectory in the phase plane with a dot
// at its start (my_plot_trajectory).
func AddTrajectory(pl *plot.Plot, p ratemodel.WCParams, c color.Color, init [2]float64, label string) error {
	p.REInit, p.RIInit = init[0], init[1]
	rE, rI, err := ratemodel.SimulateWC(p)
	if err != nil {
		return err
	}
	fig.Line(pl, rE, rI, fig.Color(c), fig.Label(label))
	fig.Scatter(pl, []float64{init[0]}, []float64{init[1]}, fig.Color(c), fig.MarkerSize(4))
	return nil
}

// AddTrajectories draws the n×n trajectories started from (dx·i, dx·j), i, j = 0…n−1, in c
// (the course: grey with alpha 0.8); label names them once in the legend (my_plot_trajectories).
func AddTrajectories(pl *plot.Plot, p ratemodel.WCParams, dx float64, n int, c color.Color, label string) error {
	for ie := 0; ie < n; ie++ {
		for ii := 0; ii < n; ii++ {
			p.REInit, p.RIInit = dx*float64(ie), dx*float64(ii)
			rE, rI, err := ratemodel.SimulateWC(p)
			if err != nil {
				return err
			}
			opts := []fig.Opt{fig.Color(c), fig.LineWidth(1.5)}
			if ie == n-1 && ii == n-1 && label != "" {
				opts = append(opts, fig.Label(label))
			}
			fig.Line(pl, rE, rI, opts...)
		}
	}
	return nil
}

// grid20 is np.linspace(0, hi, 20), the course's vector-field grid.
func grid20(hi float64) []float64 { return nma.Linspace(0, hi, 20) }

// PlotCompleteAnalysis draws the phase plane of p: 6×6 grey trajectories started on a grid of
// step 0.2, an orange one from (0.6, 0.8) and a magenta one from (0.6, 0.6), both nullclines and
// the vector field computed with derivs (nil: ratemodel.EIDerivs), legend outside
// (plot_complete_analysis).
func PlotCompleteAnalysis(p ratemodel.WCParams, derivs DerivsFunc) (*fig.Figure, error) {
	pl := NewPhasePlane("")
	if err := AddTrajectories(pl, p, 0.2, 6, fig.Alpha(fig.Gray, 0.8), "Sample trajectories\nfor different\ninit. conditions"); err != nil {
		return nil, err
	}
	if err := AddTrajectory(pl, p, Orange, [2]float64{0.6, 0.8}, "Sample trajectory for\nlow activity"); err != nil {
		return nil, err
	}
	if err := AddTrajectory(pl, p, Magenta, [2]float64{0.6, 0.6}, "Sample trajectory for\nhigh activity"); err != nil {
		return nil, err
	}
	AddModelNullclines(pl, p)
	AddVectorField(pl, p, grid20(1), grid20(1), 2, 5, derivs)
	f := fig.New(pl).Size(10, 6)
	return f.LegendOutside(pl), nil
}

// PlotActivityPhase shows the time plane and the phase plane of one simulation linked at
// step nT (Interactive Demo 2 of Tutorial 2): on top r_E and r_I against time with dots and a
// dashed vertical line at t[nT], below the trajectory r_I against r_E with a dot at step nT.
func PlotActivityPhase(t, rE, rI []float64, nT int) (*fig.Figure, error) {
	if len(rE) != len(t) || len(rI) != len(t) {
		return nil, fmt.Errorf("ratemodelfig.PlotActivityPhase: len(t)=%d, len(rE)=%d and len(rI)=%d differ", len(t), len(rE), len(rI))
	}
	if nT < 0 || nT >= len(t) {
		return nil, fmt.Errorf("ratemodelfig.PlotActivityPhase: nT=%d outside [0, %d]", nT, len(t)-1)
	}
	f := fig.Grid(2, 1).Size(8, 7)
	top, bottom := f.At(0, 0), f.At(1, 0)
	top.X.Label.Text, top.Y.Label.Text = "t (ms)", "Activity"
	bottom.X.Label.Text, bottom.Y.Label.Text = "$r_E$", "$r_I$"
	bottom.X.Label.TextStyle.Color, bottom.Y.Label.TextStyle.Color = fig.Blue, fig.Red
	AddActivity(top, t, rE, rI, "$r_E$", "$r_I$")
	fig.Scatter(top, []float64{t[nT]}, []float64{rE[nT]}, fig.Color(fig.Blue))
	fig.Scatter(top, []float64{t[nT]}, []float64{rI[nT]}, fig.Color(fig.Red))
	y0, y1 := minMax(rE, rI)
	pad := 0.05 * (y1 - y0)
	fig.Limits(top, math.NaN(), math.NaN(), y0-pad, y1+pad)
	fig.VLine(top, t[nT], y0-pad, y1+pad, fig.Dashed())
	placeLegend(top, true, t, rE, t, rI)
	fig.Line(bottom, rE, rI, fig.Color(fig.Black))
	fig.Scatter(bottom, []float64{rE[nT]}, []float64{rI[nT]}, fig.Color(fig.Black))
	return f, nil
}
