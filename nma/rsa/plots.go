package rsa

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/nn"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Figures of Tutorial 3, drawn like the course's helpers.

func noTicks(p *plot.Plot) {
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.ConstantTicks{}, plot.ConstantTicks{}
}

func ticks(ax *plot.Axis, vals []float64) {
	var ts plot.ConstantTicks
	for _, v := range vals {
		ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%g", v)})
	}
	ax.Tick.Marker = ts
}

// PlotMultipleRDM draws each RDM as an image (viridis, dissimilarity from 0 to 2, with a
// colour bar) titled with its label (plot_multiple_rdm / plot_corr_matrix).
func PlotMultipleRDM(labels []string, rdms []*nn.Tensor) *fig.Figure {
	f := fig.Grid(1, len(rdms))
	for i, m := range rdms {
		p := f.At(0, i)
		s := float64(m.Shape[0])
		if err := nn.Heatmap(f, p, m.Matrix(), 0, s, 0, s, nn.Viridis(), 0, 2); err != nil {
			p.Title.Text = err.Error()
			continue
		}
		p.Title.Text = labels[i]
		p.X.Label.Text = "stimuli"
		if i == 0 {
			p.Y.Label.Text = "stimuli  (colour: dissimilarity)"
		}
		noTicks(p)
	}
	return f.Size(4.6*float64(len(rdms)), 4.2)
}

// PlotRDMRDMCorrelations draws a bar per model layer: the correlation of its RDM with the
// V1 RDM (plot_rdm_rdm_correlations).
func PlotRDMRDMCorrelations(labels []string, corr []float64) *fig.Figure {
	p := fig.NewPlot("", "Deep network model layer", "Correlation of model layer RDM\nwith mouse V1 RDM")
	bars, err := plotter.NewBarChart(plotter.Values(corr), vg.Points(60))
	if err == nil {
		bars.Color = fig.C(0)
		bars.LineStyle.Width = 0
		p.Add(bars)
	}
	p.NominalX(labels...)
	fig.Limits(p, -0.6, float64(len(corr))-0.4, math.Min(0, slices.Min(corr)), 1)
	return fig.New(p).Size(6, 5)
}

// PlotRDMRows draws, for each reference orientation in oriList, the row of every RDM at the
// stimulus closest to it — how dissimilar each representation finds every other stimulus —
// with a grey line at the reference (plot_rdm_rows).
func PlotRDMRows(oriList []float64, labels []string, rdms []*nn.Tensor, rdmOris []float64) *fig.Figure {
	f := fig.Grid(1, len(oriList)+1)
	ymax := 0.0
	for _, m := range rdms {
		ymax = math.Max(ymax, slices.Max(m.Data))
	}
	legend := f.At(0, len(oriList))
	for k, ref := range oriList {
		p := f.At(0, k)
		iori := 0
		for i, o := range rdmOris {
			if math.Abs(o-ref) < math.Abs(rdmOris[iori]-ref) {
				iori = i
			}
		}
		fig.VLine(p, rdmOris[iori], 0, ymax*1.05, fig.Color(fig.Alpha(fig.Gray, 0.5)))
		for i, m := range rdms {
			l := fig.Line(p, rdmOris, m.Row(iori), fig.Color(fig.C(i)), fig.LineWidth(2))
			if k == 0 {
				legend.Legend.Add(labels[i], l)
			}
		}
		p.Title.Text = fmt.Sprintf("Dissimilarity with response\nto %.0f° stimulus", ref)
		p.X.Label.Text = "Stimulus orientation (°)"
		if k == 0 {
			p.Y.Label.Text = "Dissimilarity"
		}
		ticks(&p.X, []float64{-90, -45, 0, 45, 90})
		fig.Limits(p, math.NaN(), math.NaN(), 0, ymax*1.05)
	}
	legend.HideAxes()
	legend.Legend.Top, legend.Legend.Left = true, true
	return f.Size(4.2*float64(len(oriList)+1), 4.4)
}

// PlotTuningCurves draws, for each representation, the responses of the given units against
// the stimulus orientation (Tutorial 3, Section 3.1).
func PlotTuningCurves(labels []string, resps []*nn.Tensor, units [][]int, ori []float64) *fig.Figure {
	f := fig.Grid(1, len(resps))
	for i, r := range resps {
		p := f.At(0, i)
		for k, u := range units[i] {
			fig.Line(p, ori, r.Col(u), fig.Color(fig.C(k)), fig.LineWidth(1.5))
		}
		p.Title.Text = labels[i] + " responses"
		p.X.Label.Text = "stimulus orientation (°)"
		if i == 0 {
			p.Y.Label.Text = "neural response"
		}
		ticks(&p.X, []float64{-90, -45, 0, 45, 90})
	}
	return f.Size(5.5*float64(len(resps)), 5)
}

// Embed reduces responses (stimuli × units) to two dimensions as the course does: PCA to
// min(20, units) components, then t-SNE with scikit-learn's defaults and random_state 0.
func Embed(resp *nn.Tensor) (*nn.Tensor, error) {
	k := min(20, resp.Shape[1], resp.Shape[0])
	low, err := PCA(resp, k)
	if err != nil {
		return nil, err
	}
	return TSNE(low, DefaultTSNE())
}

// PlotEmbeddings draws each 2-D embedding as points coloured by stimulus orientation with a
// cyclic colour map from −90° to 90° (plot_resp_lowd).
func PlotEmbeddings(labels []string, embeddings []*nn.Tensor, ori []float64) *fig.Figure {
	f := fig.Grid(1, len(embeddings))
	for i, e := range embeddings {
		p := f.At(0, i)
		x, y := e.Col(0), e.Col(1)
		x0, x1 := slices.Min(x), slices.Max(x)
		y0, y1 := slices.Min(y), slices.Max(y)
		padx, pady := 0.06*(x1-x0)+1e-9, 0.06*(y1-y0)+1e-9
		x0, x1, y0, y1 = x0-padx, x1+padx, y0-pady, y1+pady
		cm := nn.Twilight()
		// An invisible (all-NaN) heat map gives the panel its colour bar.
		fig.Heatmap(f, p, [][]float64{{math.NaN()}}, x0, x1, y0, y1, cm, -90, 90)
		pts := make(plotter.XYs, len(x))
		for k := range x {
			pts[k] = plotter.XY{X: x[k], Y: y[k]}
		}
		sc, err := plotter.NewScatter(pts)
		if err == nil {
			sc.GlyphStyleFunc = func(k int) draw.GlyphStyle {
				c, _ := cm.At(ori[k])
				return draw.GlyphStyle{Color: c, Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}}
			}
			p.Add(sc)
			outline, _ := plotter.NewScatter(pts)
			outline.GlyphStyle = draw.GlyphStyle{Color: color.Gray{Y: 90}, Radius: vg.Points(3.5), Shape: draw.RingGlyph{}}
			outline.GlyphStyle.Color = fig.Alpha(fig.Gray, 0.25)
			p.Add(outline)
		}
		fig.Limits(p, x0, x1, y0, y1)
		p.Title.Text = labels[i] + " responses"
		p.X.Label.Text = "Dimension 1"
		p.Y.Label.Text = "Dimension 2"
		noTicks(p)
	}
	return f.Size(4.8*float64(len(embeddings))+0.6, 4.8)
}
