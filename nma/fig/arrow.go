package fig

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// Arrow draws matplotlib's plt.arrow(x, y, dx, dy, width=width, head_width=headWidth,
// length_includes_head=True): a filled arrow from (x, y) to (x+dx, y+dy) whose shaft is width
// and whose head is headWidth wide and 1.5·headWidth long (at most the whole arrow), all in
// data units, so it scales with the axes (unlike Quiver's arrows, which are sized on the
// canvas). The options set the colour (Color; the panel's next colour otherwise) and a legend
// entry (Label). A zero-length arrow draws nothing and returns nil; otherwise Arrow returns
// the polygon it added.
func Arrow(p *plot.Plot, x, y, dx, dy, width, headWidth float64, opts ...Opt) *plotter.Polygon {
	L := math.Hypot(dx, dy)
	if L == 0 || math.IsNaN(L) {
		return nil
	}
	s := style(p, opts)
	hl := math.Min(1.5*headWidth, L)
	ux, uy := dx/L, dy/L
	px, py := -uy, ux
	pt := func(along, across float64) plotter.XY {
		return plotter.XY{X: x + ux*along + px*across, Y: y + uy*along + py*across}
	}
	poly, err := plotter.NewPolygon(plotter.XYs{
		pt(0, width/2), pt(L-hl, width/2), pt(L-hl, headWidth/2), pt(L, 0),
		pt(L-hl, -headWidth/2), pt(L-hl, -width/2), pt(0, -width/2),
	})
	if err != nil {
		panic(fmt.Sprintf("fig.Arrow: %v", err))
	}
	poly.Color = s.Color
	poly.LineStyle = draw.LineStyle{Color: s.Color, Width: 0.5}
	p.Add(poly)
	if s.Label != "" {
		p.Legend.Add(s.Label, poly)
	}
	return poly
}
