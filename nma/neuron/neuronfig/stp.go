package neuronfig

import (
	"image/color"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/neuron"
)

// PlotSTD draws one dynamic-synapse run (the course's my_illus_STD): the resources R (blue)
// and the release probability u (red) with the presynaptic spikes as ticks below them
// (left), and the conductance g (right).
func PlotSTD(run neuron.STDRun) *fig.Figure {
	f := fig.Grid(1, 2).Size(12, 5)
	t := run.P.RangeT()
	left := f.At(0, 0)
	left.X.Label.Text, left.Y.Label.Text = "Time (ms)", "R or u (a.u)"
	fig.Trace(left, t, run.R, fig.Color(fig.Blue), fig.Label("R"))
	fig.Trace(left, t, run.U, fig.Color(fig.Red), fig.Label("u"))
	fig.Raster(left, neuron.SpikeTimes(run.P, run.Pre), -0.1, fig.Color(fig.Black), fig.MarkerSize(6), fig.Label("presynaptic spikes"))
	fig.Limits(left, 0, run.P.T, -0.2, 1.45)
	right := f.At(0, 1)
	right.X.Label.Text, right.Y.Label.Text = "Time (ms)", "g (nS)"
	fig.Trace(right, t, run.G, fig.Color(fig.Red), fig.Label("STP synapse"))
	fig.Limits(right, 0, run.P.T, 0, math.NaN())
	return f
}

// PlotSTPSweep draws the conductance at the 1st and 10th spike of a regular train against
// its rate, and their ratio g10/g1 (the rate sweeps of Sections 2.1 and 2.2).
func PlotSTPSweep(rates, g1, g10 []float64) *fig.Figure {
	f := fig.Grid(1, 2).Size(11, 4.5)
	l := f.At(0, 0)
	l.X.Label.Text, l.Y.Label.Text = "Rate [Hz]", "Conductance [nS]"
	for _, s := range []struct {
		y     []float64
		c     color.Color
		label string
	}{{g1, magenta, "1st Spike"}, {g10, cyanC, "10th Spike"}} {
		fig.Line(l, rates, s.y, fig.Color(s.c), fig.Label(s.label))
		fig.Scatter(l, rates, s.y, fig.Color(s.c))
	}
	l.Legend.Top = true
	fig.Limits(l, math.NaN(), math.NaN(), 0, 1.3*max(slices.Max(g1), slices.Max(g10)))
	r := f.At(0, 1)
	r.X.Label.Text, r.Y.Label.Text = "Rate [Hz]", "Conductance ratio g10/g1"
	ratio := make([]float64, len(g1))
	for i := range ratio {
		ratio[i] = g10[i] / g1[i]
	}
	fig.Line(r, rates, ratio, fig.Color(fig.Blue))
	fig.Scatter(r, rates, ratio, fig.Color(fig.Blue))
	return f
}

// PlotSTPNeuron draws the LIF neuron with STP synapses (bonus demo of Tutorial 3): the
// membrane potential with +10 mV cosmetic spikes and the threshold (top) and the total
// excitatory (red) and inhibitory (blue) conductances after 200 ms (bottom).
func PlotSTPNeuron(p neuron.Pars, run neuron.STPRun) *fig.Figure {
	f := fig.Grid(2, 1).Size(11, 7)
	t := p.RangeT()
	top := f.At(0, 0)
	top.X.Label.Text, top.Y.Label.Text = "Time (ms)", "V (mV)"
	fig.Trace(top, t, withSpikes(run.V, run.Spikes, p.Dt, 10), fig.Color(fig.Blue), fig.LineWidth(1.2))
	fig.HLine(top, p.VTh, fig.Dashed())
	fig.Limits(top, t[0], t[len(t)-1], math.NaN(), math.NaN())
	bot := f.At(1, 0)
	bot.X.Label.Text, bot.Y.Label.Text = "Time (ms)", "g (nS)"
	var ts, ge, gi []float64
	for k, tk := range t {
		if tk > 200 {
			ts, ge, gi = append(ts, tk), append(ge, run.GE[k]), append(gi, run.GI[k])
		}
	}
	fig.Trace(bot, ts, ge, fig.Color(fig.Red), fig.LineWidth(1), fig.Label("$g_E$"))
	fig.Trace(bot, ts, gi, fig.Color(fig.Blue), fig.LineWidth(1), fig.Label("$g_I$"))
	fig.Limits(bot, t[0], t[len(t)-1], 0, math.NaN())
	return f
}
