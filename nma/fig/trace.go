package fig

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// tracePiece is the largest number of points Trace strokes at once.
const tracePiece = 100

// Trace draws y against x as a line (like Line, with the same options) for long time series
// such as membrane potentials: the trace is first reduced with Thin, then stroked in pieces
// of at most 100 points that share their end points. The rasteriser's cost grows much faster
// than linearly with the points of one stroke, so pieces draw a long trace several times
// faster with the same look (a dash pattern restarts at each piece). It returns the first
// piece, which carries the legend entry; the others copy its style.
func Trace(p *plot.Plot, x, y []float64, opts ...Opt) *plotter.Line {
	xs, ys := Thin(x, y)
	if len(xs) <= tracePiece {
		return Line(p, xs, ys, opts...)
	}
	first := Line(p, xs[:tracePiece+1], ys[:tracePiece+1], opts...)
	for i := tracePiece; i < len(xs)-1; i += tracePiece {
		j := min(i+tracePiece+1, len(xs))
		l := Line(p, xs[i:j], ys[i:j], Color(first.Color))
		l.LineStyle, l.StepStyle, l.FillColor = first.LineStyle, first.StepStyle, first.FillColor
	}
	return first
}
