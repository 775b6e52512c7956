package neuronfig

import (
	"image/color"
	"math"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/neuron"
	"gonum.org/v1/plot"
)

// PlotSTDPKernel draws the STDP window: ΔW against t_pre − t_post, red for potentiation
// (Δt ≤ 0) and blue for depression (Δt > 0), titled "Biphasic STDP" (mySTDP_plot).
func PlotSTDPKernel(aPlus, aMinus, tau float64, timeDiff, dW []float64) *fig.Figure {
	pl := fig.NewPlot("Biphasic STDP", "$t_{pre} - t_{post}$ (ms)", "$\\Delta W$")
	fig.Line(pl, []float64{-5 * tau, 5 * tau}, []float64{0, 0}, fig.Color(fig.Black), fig.Dotted(), fig.LineWidth(1))
	fig.Line(pl, []float64{0, 0}, []float64{-aMinus, aPlus}, fig.Color(fig.Black), fig.Dotted(), fig.LineWidth(1))
	var xl, yl, xd, yd []float64
	for i, d := range timeDiff {
		if d <= 0 {
			xl, yl = append(xl, d), append(yl, dW[i])
		} else {
			xd, yd = append(xd, d), append(yd, dW[i])
		}
	}
	if len(xl) > 0 {
		fig.Scatter(pl, xl, yl, fig.Color(fig.Red), fig.MarkerSize(4))
	}
	if len(xd) > 0 {
		fig.Scatter(pl, xd, yd, fig.Color(fig.Blue), fig.MarkerSize(4))
	}
	return fig.New(pl)
}

// stdpColors are the colours of my_example_P.
var stdpColors = []color.Color{fig.Red, fig.Blue, fig.Black, orange, cyan}

// PlotP draws five presynaptic trains as coloured rasters (top) and their traces P(t)
// (bottom), from 0 to 200 ms (the course's my_example_P).
func PlotP(p neuron.STDPPars, pre, P [][]float64) *fig.Figure {
	f := fig.Grid(2, 1).Size(7, 6)
	t := p.RangeT()
	top := f.At(0, 0)
	rasterPanel(top, t, pre, len(pre), stdpColors)
	fig.Limits(top, 0, 200, -0.5, float64(len(pre))-0.5)
	bot := f.At(1, 0)
	bot.X.Label.Text, bot.Y.Label.Text = "Time (ms)", "P(t)"
	for k := range P {
		fig.Trace(bot, t, P[k], fig.Color(stdpColors[k%len(stdpColors)]), fig.LineWidth(1.5))
	}
	fig.Limits(bot, 0, 200, math.NaN(), math.NaN())
	return f
}

// PlotSTDPRun draws the six panels of Coding Exercise 2 of Tutorial 4: V(t) with +10 mV
// cosmetic spikes, a raster of the first 10 inputs, M(t), P(t) of 10 inputs, ḡ(t) of 10
// synapses, and g_E(t). run is the result of neuron.RunLIFCondSTDP on pre (it records P and ḡ
// at every step).
func PlotSTDPRun(p neuron.STDPPars, pre [][]float64, run neuron.STDPRun) *fig.Figure {
	f := fig.Grid(3, 2).Size(12, 8)
	t := p.RangeT()
	set := func(pl *plot.Plot, ylabel string) {
		pl.X.Label.Text, pl.Y.Label.Text = "Time (ms)", ylabel
		fig.Limits(pl, t[0], t[len(t)-1], math.NaN(), math.NaN())
	}
	fig.Trace(f.At(0, 0), t, withSpikes(run.V, run.Spikes, p.Dt, 10), fig.Color(fig.Black), fig.LineWidth(1.2))
	set(f.At(0, 0), "V (mV)")
	rasterPanel(f.At(0, 1), t, pre, 10, nil)
	fig.Trace(f.At(1, 0), t, run.M, fig.Color(fig.Black), fig.LineWidth(1.2))
	set(f.At(1, 0), "M")
	n := min(10, len(pre))
	for i := 0; i < n; i++ {
		fig.Trace(f.At(1, 1), t, run.P.Row(i), fig.LineWidth(1.2))
		fig.Trace(f.At(2, 0), t, run.GBar.Row(i), fig.LineWidth(1.2))
	}
	set(f.At(1, 1), "P")
	set(f.At(2, 0), "ḡ")
	fig.Trace(f.At(2, 1), t, run.GE, fig.Color(fig.Red), fig.LineWidth(1.2))
	set(f.At(2, 1), "g_E")
	return f
}
