package neuronfig

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/neuron"
)

// PlotSTDPDistribution draws Interactive Demo 2 at slider value sampleTime ∈ [0, 1]: the peak
// conductances of the first 50 synapses over time with the sample time dashed (top), and the
// histogram of ḡ/ḡ_max of all synapses at that time (bottom). For a run with a correlated
// group (neuron.ExampleLIFSTDPCorrInput) the first 50 correlated synapses are red and the next 50
// blue, and the bottom overlays the histograms of the two groups.
func PlotSTDPDistribution(h neuron.STDPHistory, sampleTime float64) (*fig.Figure, error) {
	k := h.SampleIndex(sampleTime)
	w, err := h.WeightsAt(k)
	if err != nil {
		return nil, err
	}
	f := fig.Grid(2, 1).Size(8, 8)
	top := f.At(0, 0)
	top.X.Label.Text, top.Y.Label.Text = "Time (s)", "ḡ"
	gmax := h.P.GEBar
	tSample := float64(k) * h.P.Dt / 1000
	tEnd := h.P.T / 1000
	if h.NCorr > 0 {
		for i := 0; i < 50 && i+50 < len(w); i++ {
			ts, g := h.Traces(i + 50)
			fig.Line(top, ts, g, fig.Color(lightBlue), fig.LineWidth(1))
		}
		for i := 0; i < 50 && i < len(w); i++ {
			ts, g := h.Traces(i)
			fig.Line(top, ts, g, fig.Color(lightRed), fig.LineWidth(1))
		}
	} else {
		for i := 0; i < 50 && i < len(w); i++ {
			ts, g := h.Traces(i)
			fig.Line(top, ts, g, fig.Color(fig.C(i)), fig.LineWidth(1))
		}
	}
	fig.VLine(top, tSample, 0, 0.025, fig.Dashed(), fig.LineWidth(1.5))
	fig.Limits(top, -2*tEnd/120, tEnd*122/120, 0, 0.025)

	bot := f.At(1, 0)
	bot.X.Label.Text, bot.Y.Label.Text = "ḡ/$g_{max}$", "Number"
	bot.Title.Text = fmt.Sprintf("Time = %.1f s", 1e-3*float64(k)*h.P.Dt)
	edges := nma.Arange(-0.05, 1.05, 0.05)
	norm := func(g []float64) []float64 { return nma.Map(g, func(x float64) float64 { return x / gmax }) }
	if h.NCorr > 0 {
		cc, _ := nma.Histogram(norm(w[:h.NCorr]), edges)
		dp, _ := nma.Histogram(norm(w[h.NCorr:]), edges)
		fig.HistCounts(bot, cc, edges, fig.Color(fig.Alpha(fig.Red, 0.5)), fig.Label("Correlated input"))
		fig.HistCounts(bot, dp, edges, fig.Color(fig.Alpha(fig.Blue, 0.5)), fig.Label("Uncorrelated input"))
		bot.Legend.Top, bot.Legend.Left = true, true
		bot.Legend.XOffs = 8
	} else {
		counts, _ := nma.Histogram(norm(w), edges)
		fig.HistCounts(bot, counts, edges, fig.Color(fig.Alpha(fig.Blue, 0.5)))
	}
	fig.Limits(bot, -0.1, 1.1, 0, math.NaN())
	return f, nil
}
