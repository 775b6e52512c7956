package fig

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// extremeLine is a plotter.Line as gonum/plot lays it out, with its glyph boxes cut to the
// ones that can matter. Before drawing, a plot pads its panel so that no glyph box crosses
// the panel's edge (plot.padX and padY: the leftmost, rightmost, lowest and highest box of
// all plotters win), and plotter.Line gives one box per point, all of the line width: 25
// trajectories of 1,000 points are 25,000 boxes, gathered and copied twice per drawing —
// a quarter of the time of W2D4's τ_I demo. Only the points at the extremes of the line's
// normalised coordinates can win, so GlyphBoxes returns those, in the line's order: for each
// side the first point of every distinct value within 1e-12 of the extreme (values that
// close could round to the same canvas position, where the first box in order wins). The
// padding, and so every pixel, is the same (TestExtremeLineSamePadding). A line with more
// near-extreme values than that on one side gets all its boxes, as plotter.Line gives them.
type extremeLine struct{ *plotter.Line }

// nearExtreme bounds the distinct near-extreme values kept per side.
const nearExtreme = 16

// GlyphBoxes implements plot.GlyphBoxer.
func (l extremeLine) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	r := 0.5 * l.LineStyle.Width
	if !(r > 0) {
		// A box of no positive size never pads a panel (leftMost … skip it).
		return nil
	}
	n := l.XYs.Len()
	// p.X.Norm(x), without copying the Axis (a large struct) for every point
	sx, sy := p.X.Scale, p.Y.Scale
	x0, x1, y0, y1 := p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	norm := func(i int) (float64, float64) {
		x, y := l.XYs[i].X, l.XYs[i].Y
		return sx.Normalize(x0, x1, x), sy.Normalize(y0, y1, y)
	}
	// The boxes plot.GlyphBoxes keeps: none of its coordinates outside [0, 1] (a NaN one, from
	// an axis of no extent, is kept, and never wins a side of that axis).
	in := func(x, y float64) bool { return !(x < 0 || x > 1 || y < 0 || y > 1) }
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	for i := range n {
		x, y := norm(i)
		if !in(x, y) {
			continue
		}
		for a, v := range [2]float64{x, y} {
			if v == v { // not NaN
				lo[a], hi[a] = min(lo[a], v), max(hi[a], v)
			}
		}
	}
	const tol = 1e-12
	var seen [4][]float64 // distinct values kept: left, right, bottom, top
	rect := vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}
	var out []plot.GlyphBox
	for i := range n {
		x, y := norm(i)
		if !in(x, y) {
			continue
		}
		v := [4]float64{x, x, y, y}
		near := [4]bool{x <= lo[0]+tol, x >= hi[0]-tol, y <= lo[1]+tol, y >= hi[1]-tol}
		keep := false
		for s := range seen {
			if !near[s] || contains(seen[s], v[s]) {
				continue
			}
			if len(seen[s]) == nearExtreme {
				return l.Line.GlyphBoxes(p)
			}
			seen[s] = append(seen[s], v[s])
			keep = true
		}
		if keep {
			out = append(out, plot.GlyphBox{X: x, Y: y, Rectangle: rect})
		}
	}
	return out
}

func contains(xs []float64, v float64) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
