package rsafig

import (
	"image/color"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/cmap"
	"github.com/nma-go/nma-go/nma/nn"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PlotEmbeddings draws each 2-D embedding (stimuli × 2, e.g. from rsa.Embed) as points
// coloured by stimulus orientation with a cyclic colour map from −90° to 90°
// (plot_resp_lowd).
func PlotEmbeddings(labels []string, embeddings []*nn.Tensor, ori []float64) *fig.Figure {
	f := fig.Grid(1, len(embeddings))
	for i, e := range embeddings {
		p := f.At(0, i)
		x, y := e.Col(0), e.Col(1)
		x0, x1 := slices.Min(x), slices.Max(x)
		y0, y1 := slices.Min(y), slices.Max(y)
		padx, pady := 0.06*(x1-x0)+1e-9, 0.06*(y1-y0)+1e-9
		x0, x1, y0, y1 = x0-padx, x1+padx, y0-pady, y1+pady
		cm := cmap.Twilight()
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
		fig.NoTicks(p)
	}
	return f.Size(4.8*float64(len(embeddings))+0.6, 4.8)
}
