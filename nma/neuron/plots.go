package neuron

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// matplotlib's single-letter colours and named colours used by the course's figures.
var (
	magenta = color.RGBA{R: 191, B: 191, A: 255} // 'm'
	cyanC   = color.RGBA{G: 191, B: 191, A: 255} // 'c'
	yellowY = color.RGBA{R: 191, G: 191, A: 255} // 'y'
	orange  = color.RGBA{R: 255, G: 165, A: 255} // 'orange'
	cyan    = color.RGBA{G: 255, B: 255, A: 255} // 'cyan'
	// opaque equivalents of blue at alpha 0.5 and red at alpha 0.7 on white (solid colours keep
	// the PNG frames of the STDP demos small)
	lightBlue = color.RGBA{R: 128, G: 128, B: 255, A: 255}
	lightRed  = color.RGBA{R: 255, G: 77, B: 77, A: 255}
)

// Tick draws spike-raster markers: a vertical bar of height 2·radius (matplotlib's '|').
type Tick struct{ Width vg.Length }

// DrawGlyph implements draw.GlyphDrawer.
func (t Tick) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	w := t.Width
	if w == 0 {
		w = 1.5
	}
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: w})
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y - sty.Radius})
	p.Line(vg.Point{X: pt.X, Y: pt.Y + sty.Radius})
	c.Stroke(p)
}

// ticks draws a row of raster ticks at times t and height y.
func ticks(pl *plot.Plot, t []float64, y float64, c color.Color, halfHeight float64, label string) {
	if len(t) == 0 {
		return
	}
	sc := fig.Scatter(pl, t, nma.Full(len(t), y), fig.Color(c), fig.MarkerSize(halfHeight))
	sc.GlyphStyle.Shape = Tick{}
	if label != "" {
		pl.Legend.Add(label, tickThumb{c})
	}
}

// tickThumb is the legend entry of a raster: a short vertical bar.
type tickThumb struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (t tickThumb) Thumbnail(c *draw.Canvas) {
	Tick{}.DrawGlyph(c, draw.GlyphStyle{Color: t.c, Radius: (c.Max.Y - c.Min.Y) * 0.45}, c.Center())
}

// maxLinePoints bounds the points of a drawn trace: longer traces are thinned to the minimum
// and maximum of each of maxLinePoints/2 buckets (in time order), which keeps every spike and
// trough visible at figure resolution and makes frames fast to render.
const maxLinePoints = 1000

// thin returns x, y reduced to at most about maxLinePoints points (see maxLinePoints).
func thin(x, y []float64) ([]float64, []float64) {
	n := len(x)
	if n <= maxLinePoints {
		return x, y
	}
	buckets := maxLinePoints / 2
	xs, ys := make([]float64, 0, maxLinePoints+2), make([]float64, 0, maxLinePoints+2)
	for b := 0; b < buckets; b++ {
		lo, hi := b*n/buckets, (b+1)*n/buckets
		iMin, iMax := lo, lo
		for i := lo; i < hi; i++ {
			if y[i] < y[iMin] {
				iMin = i
			}
			if y[i] > y[iMax] {
				iMax = i
			}
		}
		first, second := min(iMin, iMax), max(iMin, iMax)
		xs, ys = append(xs, x[first]), append(ys, y[first])
		if second != first {
			xs, ys = append(xs, x[second]), append(ys, y[second])
		}
	}
	return xs, ys
}

// line draws a trace, thinned when it is long. It is stroked in pieces of at most 100
// points: the rasteriser's cost grows much faster than linearly with the points of one
// stroke, so this makes long traces several times faster to draw, with the same look.
func line(pl *plot.Plot, x, y []float64, opts ...fig.Opt) {
	xs, ys := thin(x, y)
	const piece = 100
	if len(xs) <= piece {
		fig.Line(pl, xs, ys, opts...)
		return
	}
	first := fig.Line(pl, xs[:piece+1], ys[:piece+1], opts...)
	for i := piece; i < len(xs)-1; i += piece {
		j := min(i+piece+1, len(xs))
		l := fig.Line(pl, xs[i:j], ys[i:j], fig.Color(first.Color))
		l.LineStyle = first.LineStyle
	}
}

// withSpikes returns a copy of v with +bump mV at the step before each spike, the course's
// cosmetic spikes (v[int(sp/dt) − 1] += bump).
func withSpikes(v, sp []float64, dt, bump float64) []float64 {
	out := slices.Clone(v)
	for _, t := range sp {
		k := int(t/dt) - 1
		if k >= 0 && k < len(out) {
			out[k] += bump
		}
	}
	return out
}

// setSpikes is withSpikes setting the value (v[k] = value) instead of adding.
func setSpikes(v, sp []float64, dt, value float64) []float64 {
	out := slices.Clone(v)
	for _, t := range sp {
		k := int(t/dt) - 1
		if k >= 0 && k < len(out) {
			out[k] = value
		}
	}
	return out
}

// voltPanel is plot_volt_trace: V(t) in blue with cosmetic spikes of height bump and the
// threshold dashed; with limits, y from −80 to −40 mV.
func voltPanel(pl *plot.Plot, t, v, sp []float64, dt, vth, bump float64, limits bool) {
	pl.X.Label.Text, pl.Y.Label.Text = "Time (ms)", "V (mV)"
	line(pl, t, withSpikes(v, sp, dt, bump), fig.Color(fig.Blue), fig.LineWidth(1.5), fig.Label("Membrane\npotential"))
	fig.HLine(pl, vth, fig.Dashed(), fig.LineWidth(1.5), fig.Label("Threshold\nV_th"))
	if limits {
		fig.Limits(pl, t[0], t[len(t)-1], -80, -40)
	} else {
		fig.Limits(pl, t[0], t[len(t)-1], math.NaN(), math.NaN())
	}
}

// PlotVoltTrace draws the membrane potential v of a LIF simulation with cosmetic spikes
// (+20 mV) at the spike times sp and the threshold dashed, from −80 to −40 mV (the course's
// plot_volt_trace).
func PlotVoltTrace(p Pars, v, sp []float64) *fig.Figure {
	pl := fig.NewPlot("", "", "")
	voltPanel(pl, p.RangeT(), v, sp, p.Dt, p.VTh, 20, true)
	return fig.New(pl).Size(9, 5).LegendOutside(pl)
}

// PlotInputResponse draws an input current (left; every stride-th sample, ylabel e.g.
// "I_GWN (pA)") and the membrane potential it produces (right) — Interactive Demo 2.2 and
// the OU demo of the bonus.
func PlotInputResponse(p Pars, in, v, sp []float64, ylabel string, stride int) *fig.Figure {
	f := fig.Grid(1, 2).Size(12, 4)
	t := p.RangeT()
	left := f.At(0, 0)
	left.X.Label.Text, left.Y.Label.Text = "Time (ms)", ylabel
	stride = max(stride, 1)
	ts, is := make([]float64, 0, len(t)/stride+1), make([]float64, 0, len(t)/stride+1)
	for k := 0; k < len(t); k += stride {
		ts, is = append(ts, t[k]), append(is, in[k])
	}
	line(left, ts, is, fig.Color(fig.Blue), fig.LineWidth(1))
	fig.Limits(left, t[0], t[len(t)-1], math.NaN(), math.NaN())
	right := f.At(0, 1)
	voltPanel(right, t, v, sp, p.Dt, p.VTh, 20, true)
	return f.Size(13, 4).LegendOutside(right)
}

// fixedHist draws counts over the bins given by edges as bars (np.histogram + plt.hist).
func fixedHist(pl *plot.Plot, counts, edges []float64, c color.Color, label string) {
	h := &plotter.Histogram{FillColor: c, LineStyle: draw.LineStyle{Color: color.White, Width: 0.5}}
	for k, n := range counts {
		h.Bins = append(h.Bins, plotter.HistogramBin{Min: edges[k], Max: edges[k+1], Weight: n})
	}
	if len(edges) > 1 {
		h.Width = edges[1] - edges[0]
	}
	pl.Add(h)
	if label != "" {
		pl.Legend.Add(label, h)
	}
}

// PlotISIHists draws the ISI histograms of two runs side by side, bins np.linspace(10, 30,
// 20), titled with σ_GWN and CV_ISI (the course's my_hists).
func PlotISIHists(isi1, isi2 []float64, cv1, cv2, sig1, sig2 float64) *fig.Figure {
	f := fig.Grid(1, 2).Size(11, 4)
	edges := nma.Linspace(10, 30, 20)
	for j, d := range []struct {
		isi     []float64
		cv, sig float64
	}{{isi1, cv1, sig1}, {isi2, cv2, sig2}} {
		pl := f.At(0, j)
		pl.X.Label.Text, pl.Y.Label.Text = "ISI (ms)", "count"
		pl.Title.Text = fmt.Sprintf("σ_GWN=%.1f, CV_isi=%.3f", d.sig, d.cv)
		counts, _ := Histogram(d.isi, edges)
		fixedHist(pl, counts, edges, fig.Alpha(fig.Blue, 0.5), "")
		fig.Limits(pl, 9, 31, 0, math.NaN())
	}
	return f
}

// PlotFI draws the F-I curve of Interactive Demo 3A: spike count against mean current for
// GWN input (black) and for DC input (thick grey dashes).
func PlotFI(iMean []float64, gwn, dc []int, sig float64) *fig.Figure {
	pl := fig.NewPlot("", "Average injected current (pA)", "Spike count")
	fig.Line(pl, iMean, toF(gwn), fig.Color(fig.Black), fig.Label(fmt.Sprintf("σ_GWN=%.2f", sig)))
	fig.Line(pl, iMean, toF(dc), fig.Color(fig.Alpha(fig.Black, 0.5)), fig.LineWidth(4), fig.Dashed(), fig.Label("DC input"))
	pl.Legend.Top, pl.Legend.Left = true, true
	pl.Legend.XOffs = 8
	return fig.New(pl)
}

func toF(x []int) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}

// PlotCV draws CV_ISI against the mean current (blue dots) where more than 5 spikes were
// fired — Interactive Demo 3B.
func PlotCV(iMean []float64, counts []int, cv []float64) *fig.Figure {
	pl := fig.NewPlot("", "Average injected current (pA)", "Spike irregularity (CV_ISI)")
	var x, y []float64
	for i := range iMean {
		if counts[i] > 5 {
			x, y = append(x, iMean[i]), append(y, cv[i])
		}
	}
	pl.Add(plotter.NewGrid())
	if len(x) > 0 {
		fig.Scatter(pl, x, y, fig.Color(fig.Alpha(fig.Blue, 0.5)), fig.MarkerSize(5))
	}
	fig.Limits(pl, 90, 390, -0.1, 1.5)
	return fig.New(pl)
}

// PlotSampleCC draws the sample correlation of correlated inputs against their true
// correlation, with the line y = x (the course's example_plot_myCC).
func PlotSampleCC(c, r12 []float64) *fig.Figure {
	pl := fig.NewPlot("", "True CC", "Sample CC")
	fig.Line(pl, []float64{-0.05, 0.95}, []float64{-0.05, 0.95}, fig.Color(fig.Black), fig.Dashed(), fig.LineWidth(1.5), fig.Label("y=x"))
	fig.Scatter(pl, c, r12, fig.Color(fig.Alpha(fig.Blue, 0.7)), fig.MarkerSize(5), fig.Label("Simulation"))
	pl.Legend.Top, pl.Legend.Left = true, true
	pl.Legend.XOffs = 8
	return fig.New(pl)
}

// rasterPanel draws the first n trains as rows of ticks (my_raster_Poisson).
func rasterPanel(pl *plot.Plot, t []float64, trains [][]float64, n int, colors []color.Color) {
	n = min(n, len(trains))
	for i := 0; i < n; i++ {
		var ts []float64
		for k, s := range trains[i] {
			if s > 0.5 {
				ts = append(ts, t[k])
			}
		}
		c := color.Color(fig.Black)
		if colors != nil {
			c = colors[i%len(colors)]
		}
		ticks(pl, ts, float64(i), c, 4, "")
	}
	pl.X.Label.Text, pl.Y.Label.Text = "Time (ms)", "Neuron ID"
	fig.Limits(pl, t[0], t[len(t)-1], -0.5, float64(n)-0.5)
}

// PlotRaster draws the first n binary spike trains as a raster (the course's
// my_raster_Poisson / my_raster_plot).
func PlotRaster(p Pars, trains [][]float64, n int) *fig.Figure {
	pl := fig.NewPlot("", "", "")
	rasterPanel(pl, p.RangeT(), trains, n, nil)
	return fig.New(pl)
}

// PlotTwoRaster draws the spikes of the two neurons of Tutorial 2, Section 2, from 1000 to
// 8000 ms.
func PlotTwoRaster(sp1, sp2 []float64) *fig.Figure {
	pl := fig.NewPlot("", "time (ms)", "neuron id.")
	ticks(pl, sp1, 1, fig.C(0), 14, "neuron 1")
	ticks(pl, sp2, 1.1, fig.C(1), 14, "neuron 2")
	fig.Limits(pl, 1000, 8000, 0.9, 1.2)
	return fig.New(pl).Size(12, 5)
}

// CCSeries is one correlation transfer curve for PlotCorrTransfer.
type CCSeries struct {
	Label string
	Color color.Color
	Out   []float64 // output correlation for each input correlation
}

// PlotCorrTransfer draws output against input correlation for each series (dots with their
// least-squares line, the course's plot_c_r_LIF) and the line y = x.
func PlotCorrTransfer(cIn []float64, series ...CCSeries) *fig.Figure {
	pl := fig.NewPlot("", "Input CC", "Output CC")
	lo, hi := slices.Min(cIn)-0.05, slices.Max(cIn)+0.05
	for _, s := range series {
		fig.Scatter(pl, cIn, s.Out, fig.Color(fig.Alpha(s.Color, 0.7)), fig.MarkerSize(5), fig.Label(s.Label))
		if a, b, err := LinFit(cIn, s.Out); err == nil {
			fig.Line(pl, []float64{lo, hi}, []float64{a*lo + b, a*hi + b}, fig.Color(s.Color))
		}
	}
	fig.Line(pl, []float64{lo, hi}, []float64{lo, hi}, fig.Color(fig.Black), fig.Dashed(), fig.LineWidth(1.5), fig.Label("y=x"))
	pl.Legend.Top, pl.Legend.Left = true, true
	pl.Legend.XOffs = 8
	return fig.New(pl).Size(7, 6)
}

// Colours of the correlation transfer curves (matplotlib's 'b', 'y', 'r').
var (
	ColorSmall = color.Color(fig.Blue)
	ColorLarge = color.Color(yellowY)
	ColorRed   = color.Color(fig.Red)
)

// PlotFMP draws the free membrane potential vFMP (red) and the membrane potential v with the
// threshold (blue, with its spikes sp drawn up to +10 mV as in the course), with the threshold
// and the mean free membrane potential dashed (the course's my_illus_LIFSYN).
func PlotFMP(p Pars, vFMP, v, sp []float64) *fig.Figure {
	pl := fig.NewPlot("", "Time (ms)", "V (mV)")
	fmpPanel(pl, p.RangeT(), vFMP, setSpikes(v, sp, p.Dt, 10), p.VTh, "True mem. pot.", 2)
	return fig.New(pl).Size(14, 5).LegendOutside(pl)
}

func fmpPanel(pl *plot.Plot, t, vFMP, v []float64, vth float64, vLabel string, lw float64) {
	line(pl, t, v, fig.Color(fig.Alpha(fig.Blue, 0.7)), fig.LineWidth(1), fig.Label(vLabel))
	line(pl, t, vFMP, fig.Color(fig.Red), fig.LineWidth(1), fig.Label("Free mem. pot."))
	fig.HLine(pl, vth, fig.Dashed(), fig.LineWidth(lw), fig.Label("Spike Threshold"))
	fig.HLine(pl, Mean(vFMP), fig.Color(fig.Red), fig.Dashed(), fig.LineWidth(lw), fig.Label("Mean Free Mem. Pot."))
	fig.Limits(pl, t[0], t[len(t)-1], math.NaN(), math.NaN())
}

// textLabel writes s centred at (x, y) in data coordinates.
func textLabel(pl *plot.Plot, x, y float64, s string, size vg.Length) {
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: y}}, Labels: []string{s}})
	if err != nil {
		return
	}
	st := text.Style{Color: color.Black, Font: font.From(fig.Font, size), XAlign: draw.XCenter, YAlign: draw.YBottom, Handler: pl.Title.TextStyle.Handler}
	l.TextStyle = []text.Style{st}
	pl.Add(l)
}

// PlotEI draws one run of Interactive Demo 1.2: the free and the true membrane potential with
// the threshold and the mean free membrane potential, titled with the output statistics
// (top), and the excitatory (middle) and inhibitory (bottom) conductances.
func PlotEI(run EIRun) *fig.Figure {
	f := fig.Grid(3, 1).Size(14, 11)
	t := run.P.RangeT()
	top := f.At(0, 0)
	top.X.Label.Text, top.Y.Label.Text = "Time (ms)", "V (mV)"
	fmpPanel(top, t, run.FMP, setSpikes(run.V, run.Spikes, run.P.Dt, 10), run.P.VTh, "mem. pot with spk thr", 1)
	fig.Limits(top, t[0], t[len(t)-1], -76, -39)
	top.Title.Text = fmt.Sprintf("Spike rate = %.3f (sp/s), Mean of Free Mem Pot = %.3f\nCV ISI = %.3f, STD of Free Mem Pot = %.3f",
		run.Rate, run.MeanFMP, run.CV, run.StdFMP)
	ts := stride3(t)
	for i, g := range []struct {
		y     []float64
		c     color.Color
		label string
	}{{run.GE, fig.Red, "g_E (nS)"}, {run.GI, fig.Blue, "g_I (nS)"}} {
		pl := f.At(i+1, 0)
		pl.X.Label.Text, pl.Y.Label.Text = "Time (ms)", g.label
		line(pl, ts, stride3(g.y), fig.Color(g.c), fig.LineWidth(1))
		fig.Limits(pl, t[0], t[len(t)-1], 0, math.NaN())
	}
	return f.LegendOutside(top)
}

func stride3(x []float64) []float64 {
	out := make([]float64, 0, len(x)/3+1)
	for k := 0; k < len(x); k += 3 {
		out = append(out, x[k])
	}
	return out
}

// PlotSTD draws one dynamic-synapse run (the course's my_illus_STD): the resources R (blue)
// and the release probability u (red) with the presynaptic spikes as ticks below them
// (left), and the conductance g (right).
func PlotSTD(run STDRun) *fig.Figure {
	f := fig.Grid(1, 2).Size(12, 5)
	t := run.P.RangeT()
	left := f.At(0, 0)
	left.X.Label.Text, left.Y.Label.Text = "Time (ms)", "R or u (a.u)"
	line(left, t, run.R, fig.Color(fig.Blue), fig.Label("R"))
	line(left, t, run.U, fig.Color(fig.Red), fig.Label("u"))
	ticks(left, SpikeTimes(run.P, run.Pre), -0.1, fig.Black, 6, "presynaptic spikes")
	fig.Limits(left, 0, run.P.T, -0.2, 1.45)
	right := f.At(0, 1)
	right.X.Label.Text, right.Y.Label.Text = "Time (ms)", "g (nS)"
	line(right, t, run.G, fig.Color(fig.Red), fig.Label("STP synapse"))
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
func PlotSTPNeuron(p Pars, run STPRun) *fig.Figure {
	f := fig.Grid(2, 1).Size(11, 7)
	t := p.RangeT()
	top := f.At(0, 0)
	top.X.Label.Text, top.Y.Label.Text = "Time (ms)", "V (mV)"
	line(top, t, withSpikes(run.V, run.Spikes, p.Dt, 10), fig.Color(fig.Blue), fig.LineWidth(1.2))
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
	line(bot, ts, ge, fig.Color(fig.Red), fig.LineWidth(1), fig.Label("g_E"))
	line(bot, ts, gi, fig.Color(fig.Blue), fig.LineWidth(1), fig.Label("g_I"))
	fig.Limits(bot, t[0], t[len(t)-1], 0, math.NaN())
	return f
}

// PlotSTDPKernel draws the STDP window: ΔW against t_pre − t_post, red for potentiation
// (Δt ≤ 0) and blue for depression (Δt > 0), titled "Biphasic STDP" (mySTDP_plot).
func PlotSTDPKernel(aPlus, aMinus, tau float64, timeDiff, dW []float64) *fig.Figure {
	pl := fig.NewPlot("Biphasic STDP", "t_pre − t_post (ms)", "ΔW")
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
func PlotP(p STDPPars, pre, P [][]float64) *fig.Figure {
	f := fig.Grid(2, 1).Size(7, 6)
	t := p.RangeT()
	top := f.At(0, 0)
	rasterPanel(top, t, pre, len(pre), stdpColors)
	fig.Limits(top, 0, 200, -0.5, float64(len(pre))-0.5)
	bot := f.At(1, 0)
	bot.X.Label.Text, bot.Y.Label.Text = "Time (ms)", "P(t)"
	for k := range P {
		line(bot, t, P[k], fig.Color(stdpColors[k%len(stdpColors)]), fig.LineWidth(1.5))
	}
	fig.Limits(bot, 0, 200, math.NaN(), math.NaN())
	return f
}

// PlotSTDPRun draws the six panels of Coding Exercise 2 of Tutorial 4: V(t) with +10 mV
// cosmetic spikes, a raster of the first 10 inputs, M(t), P(t) of 10 inputs, ḡ(t) of 10
// synapses, and g_E(t).
func PlotSTDPRun(p STDPPars, pre [][]float64, run STDPRun) *fig.Figure {
	f := fig.Grid(3, 2).Size(12, 8)
	t := p.RangeT()
	set := func(pl *plot.Plot, ylabel string) {
		pl.X.Label.Text, pl.Y.Label.Text = "Time (ms)", ylabel
		fig.Limits(pl, t[0], t[len(t)-1], math.NaN(), math.NaN())
	}
	line(f.At(0, 0), t, withSpikes(run.V, run.Spikes, p.Dt, 10), fig.Color(fig.Black), fig.LineWidth(1.2))
	set(f.At(0, 0), "V (mV)")
	rasterPanel(f.At(0, 1), t, pre, 10, nil)
	line(f.At(1, 0), t, run.M, fig.Color(fig.Black), fig.LineWidth(1.2))
	set(f.At(1, 0), "M")
	n := min(10, len(pre))
	for i := 0; i < n; i++ {
		line(f.At(1, 1), t, run.P[i], fig.LineWidth(1.2))
		line(f.At(2, 0), t, gbarRow(run, i), fig.LineWidth(1.2))
	}
	set(f.At(1, 1), "P")
	set(f.At(2, 0), "ḡ")
	line(f.At(2, 1), t, run.GE, fig.Color(fig.Red), fig.LineWidth(1.2))
	set(f.At(2, 1), "g_E")
	return f
}

// gbarRow returns ḡ of synapse i at every step (run.Idx must cover every step).
func gbarRow(run STDPRun, i int) []float64 { return run.GBar[i] }

// PlotSTDPDistribution draws Interactive Demo 2 at slider value sampleTime ∈ [0, 1]: the peak
// conductances of the first 50 synapses over time with the sample time dashed (top), and the
// histogram of ḡ/ḡ_max of all synapses at that time (bottom). For a run with a correlated
// group (ExampleLIFSTDPCorrInput) the first 50 correlated synapses are red and the next 50
// blue, and the bottom overlays the histograms of the two groups.
func PlotSTDPDistribution(h STDPHistory, sampleTime float64) (*fig.Figure, error) {
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
	bot.X.Label.Text, bot.Y.Label.Text = "ḡ/g_max", "Number"
	bot.Title.Text = fmt.Sprintf("Time = %.1f s", 1e-3*float64(k)*h.P.Dt)
	edges := nma.Arange(-0.05, 1.05, 0.05)
	norm := func(g []float64) []float64 {
		out := make([]float64, len(g))
		for i, x := range g {
			out[i] = x / gmax
		}
		return out
	}
	if h.NCorr > 0 {
		cc, _ := Histogram(norm(w[:h.NCorr]), edges)
		dp, _ := Histogram(norm(w[h.NCorr:]), edges)
		fixedHist(bot, cc, edges, fig.Alpha(fig.Red, 0.5), "Correlated input")
		fixedHist(bot, dp, edges, fig.Alpha(fig.Blue, 0.5), "Uncorrelated input")
		bot.Legend.Top, bot.Legend.Left = true, true
		bot.Legend.XOffs = 8
	} else {
		counts, _ := Histogram(norm(w), edges)
		fixedHist(bot, counts, edges, fig.Alpha(fig.Blue, 0.5), "")
	}
	fig.Limits(bot, -0.1, 1.1, 0, math.NaN())
	return f, nil
}
