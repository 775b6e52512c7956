package neuronfig

import (
	"fmt"
	"image/color"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/neuron"
	"gonum.org/v1/plot"
)

// PlotFMP draws the free membrane potential vFMP (red) and the membrane potential v with the
// threshold (blue, with its spikes sp drawn up to +10 mV as in the course), with the threshold
// and the mean free membrane potential dashed (the course's my_illus_LIFSYN).
func PlotFMP(p neuron.Pars, vFMP, v, sp []float64) *fig.Figure {
	pl := fig.NewPlot("", "Time (ms)", "V (mV)")
	fmpPanel(pl, p.RangeT(), vFMP, setSpikes(v, sp, p.Dt, 10), p.VTh, "True mem. pot.", 2)
	return fig.New(pl).Size(14, 5).LegendOutside(pl)
}

// fmpPanel draws the membrane potential v (blue) and the free membrane potential vFMP (red)
// with the threshold and the mean free membrane potential dashed (line width lw).
func fmpPanel(pl *plot.Plot, t, vFMP, v []float64, vth float64, vLabel string, lw float64) {
	fig.Trace(pl, t, v, fig.Color(fig.Alpha(fig.Blue, 0.7)), fig.LineWidth(1), fig.Label(vLabel))
	fig.Trace(pl, t, vFMP, fig.Color(fig.Red), fig.LineWidth(1), fig.Label("Free mem. pot."))
	fig.HLine(pl, vth, fig.Dashed(), fig.LineWidth(lw), fig.Label("Spike Threshold"))
	fig.HLine(pl, nma.Mean(vFMP), fig.Color(fig.Red), fig.Dashed(), fig.LineWidth(lw), fig.Label("Mean Free Mem. Pot."))
	fig.Limits(pl, t[0], t[len(t)-1], math.NaN(), math.NaN())
}

// PlotEI draws one run of Interactive Demo 1.2: the free and the true membrane potential with
// the threshold and the mean free membrane potential, titled with the output statistics
// (top), and the excitatory (middle) and inhibitory (bottom) conductances.
func PlotEI(run neuron.EIRun) *fig.Figure {
	f := fig.Grid(3, 1).Size(14, 11)
	t := run.P.RangeT()
	top := f.At(0, 0)
	top.X.Label.Text, top.Y.Label.Text = "Time (ms)", "V (mV)"
	fmpPanel(top, t, run.FMP, setSpikes(run.V, run.Spikes, run.P.Dt, 10), run.P.VTh, "mem. pot with spk thr", 1)
	fig.Limits(top, t[0], t[len(t)-1], -76, -39)
	top.Title.Text = fmt.Sprintf("Spike rate = %.3f (sp/s), Mean of Free Mem Pot = %.3f\nCV ISI = %.3f, STD of Free Mem Pot = %.3f",
		run.Rate, run.MeanFMP, run.CV, run.StdFMP)
	ts := every(t, 3)
	for i, g := range []struct {
		y     []float64
		c     color.Color
		label string
	}{{run.GE, fig.Red, "g_E (nS)"}, {run.GI, fig.Blue, "g_I (nS)"}} {
		pl := f.At(i+1, 0)
		pl.X.Label.Text, pl.Y.Label.Text = "Time (ms)", g.label
		fig.Trace(pl, ts, every(g.y, 3), fig.Color(g.c), fig.LineWidth(1))
		fig.Limits(pl, t[0], t[len(t)-1], 0, math.NaN())
	}
	return f.LegendOutside(top)
}
