package neuronfig

import (
	"math"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/neuron"
	"gonum.org/v1/plot"
)

// voltPanel is plot_volt_trace: V(t) in blue with cosmetic spikes of height bump and the
// threshold dashed; with limits, y from −80 to −40 mV.
func voltPanel(pl *plot.Plot, t, v, sp []float64, dt, vth, bump float64, limits bool) {
	pl.X.Label.Text, pl.Y.Label.Text = "Time (ms)", "V (mV)"
	fig.Trace(pl, t, withSpikes(v, sp, dt, bump), fig.Color(fig.Blue), fig.LineWidth(1.5), fig.Label("Membrane\npotential"))
	fig.HLine(pl, vth, fig.Dashed(), fig.LineWidth(1.5), fig.Label("Threshold\n$V_{th}$"))
	if limits {
		fig.Limits(pl, t[0], t[len(t)-1], -80, -40)
	} else {
		fig.Limits(pl, t[0], t[len(t)-1], math.NaN(), math.NaN())
	}
}

// PlotVoltTrace draws the membrane potential v of a LIF simulation with cosmetic spikes
// (+20 mV) at the spike times sp and the threshold dashed, from −80 to −40 mV (the course's
// plot_volt_trace).
func PlotVoltTrace(p neuron.Pars, v, sp []float64) *fig.Figure {
	pl := fig.NewPlot("", "", "")
	voltPanel(pl, p.RangeT(), v, sp, p.Dt, p.VTh, 20, true)
	return fig.New(pl).Size(9, 5).LegendOutside(pl)
}

// PlotInputResponse draws an input current (left; every stride-th sample, ylabel e.g.
// "$I_{GWN}$ (pA)") and the membrane potential it produces (right) — Interactive Demo 2.2 and
// the OU demo of the bonus.
func PlotInputResponse(p neuron.Pars, in, v, sp []float64, ylabel string, stride int) *fig.Figure {
	f := fig.Grid(1, 2).Size(12, 4)
	t := p.RangeT()
	left := f.At(0, 0)
	left.X.Label.Text, left.Y.Label.Text = "Time (ms)", ylabel
	fig.Trace(left, every(t, stride), every(in, stride), fig.Color(fig.Blue), fig.LineWidth(1))
	fig.Limits(left, t[0], t[len(t)-1], math.NaN(), math.NaN())
	right := f.At(0, 1)
	voltPanel(right, t, v, sp, p.Dt, p.VTh, 20, true)
	return f.Size(13, 4).LegendOutside(right)
}
