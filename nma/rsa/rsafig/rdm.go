package rsafig

import (
	"fmt"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/cmap"
	"github.com/nma-go/nma-go/nma/nn"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// PlotMultipleRDM draws each RDM as an image (viridis, dissimilarity from 0 to 2, with a
// colour bar) titled with its label (plot_multiple_rdm / plot_corr_matrix).
func PlotMultipleRDM(labels []string, rdms []*nn.Tensor) *fig.Figure {
	f := fig.Grid(1, len(rdms))
	for i, m := range rdms {
		p := f.At(0, i)
		s := float64(m.Shape[0])
		if _, err := fig.Heatmap(f, p, m.Matrix(), 0, s, 0, s, cmap.Viridis(), 0, 2); err != nil {
			p.Title.Text = err.Error()
			continue
		}
		p.Title.Text = labels[i]
		p.X.Label.Text = "stimuli"
		if i == 0 {
			p.Y.Label.Text = "stimuli  (colour: dissimilarity)"
		}
		fig.NoTicks(p)
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
		fig.SetTicks(&p.X, -90, -45, 0, 45, 90)
		fig.Limits(p, math.NaN(), math.NaN(), 0, ymax*1.05)
	}
	legend.HideAxes()
	legend.Legend.Top, legend.Legend.Left = true, true
	return f.Size(4.2*float64(len(oriList)+1), 4.4)
}
