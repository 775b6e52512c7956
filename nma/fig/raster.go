package fig

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TickGlyph is the marker of a spike raster: a vertical bar of height 2·radius centred on the
// point (matplotlib's '|' marker). It implements gonum/plot's draw.GlyphDrawer, so it can be
// the Shape of any draw.GlyphStyle.
type TickGlyph struct {
	Width vg.Length // line width of the bar (1.5 points when zero)
}

// DrawGlyph implements draw.GlyphDrawer.
func (t TickGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
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

// Raster draws the events at times t as one row of a spike raster: a TickGlyph at (t[i], y)
// for every time (matplotlib's plt.plot(t, y·ones, '|') or eventplot). The options set the
// colour (Color; the panel's next colour otherwise), the half-height of the ticks in points
// (MarkerSize; 4 by default) and a legend entry (Label), whose thumbnail is one tick as tall
// as the legend's line. With no times nothing is drawn, no legend entry is added and Raster
// returns nil; otherwise it returns the scatter it added, to restyle.
func Raster(p *plot.Plot, t []float64, y float64, opts ...Opt) *plotter.Scatter {
	if len(t) == 0 {
		return nil
	}
	ys := make([]float64, len(t))
	for i := range ys {
		ys[i] = y
	}
	s := style(p, opts)
	sc := Scatter(p, t, ys, Color(s.Color), MarkerSize(float64(s.Radius)))
	sc.GlyphStyle.Shape = TickGlyph{}
	if s.Label != "" {
		p.Legend.Add(s.Label, rasterThumb{s.Color})
	}
	return sc
}

// rasterThumb is the legend entry of a raster row: one vertical tick.
type rasterThumb struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (t rasterThumb) Thumbnail(c *draw.Canvas) {
	TickGlyph{}.DrawGlyph(c, draw.GlyphStyle{Color: t.c, Radius: (c.Max.Y - c.Min.Y) * 0.45}, c.Center())
}
