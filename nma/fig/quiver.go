package fig

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Quiver is a matplotlib-style vector field plotter (quiver with angles='xy',
// scale_units='xy'): an arrow from each point (X[i], Y[i]) to (X[i] + U[i]/Scale,
// Y[i] + V[i]/Scale) in data units, drawn as a filled arrow whose shaft is 0.5% of the panel
// width wide, with matplotlib's head proportions (head 3 shaft widths wide and 5 long). An
// arrow shorter than its head shrinks as a whole (matplotlib's minshaft rule); arrows with a
// NaN component, of zero length or with their tail outside the panel are left out.
//
// gonum's plotter.Field (NewField) draws a different picture: it scales every arrow relative
// to the largest one, centres it on a grid cell, turns it by the data angle on the canvas
// (not the on-screen angle when the axes have different scales) and leaves out arrows
// whose cell touches the panel's edge. A phase plane needs arrows tangent to the
// trajectories, so the course's quiver semantics are reproduced here.
//
// Add one to a panel with p.Add(&fig.Quiver{X: x, Y: y, U: u, V: v, Scale: 5, Color: c}).
type Quiver struct {
	X, Y, U, V []float64   // tails (X, Y) and vectors (U, V), one entry per arrow
	Scale      float64     // data units of the vector per data unit of arrow length (matplotlib's scale)
	Color      color.Color // fill colour
}

// Quiver's arrow proportions, in shaft widths (matplotlib's headwidth, headlength and
// headaxislength).
const (
	quiverHeadWidth      = 3.0
	quiverHeadLength     = 5.0
	quiverHeadAxisLength = 4.5
)

// Plot implements plot.Plotter.
func (q *Quiver) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	w := 0.005 * float64(c.Max.X-c.Min.X) // shaft width
	c.SetColor(q.Color)
	for i := range q.X {
		x, y, u, v := q.X[i], q.Y[i], q.U[i], q.V[i]
		if math.IsNaN(u) || math.IsNaN(v) {
			continue
		}
		tail := vg.Point{X: trX(x), Y: trY(y)}
		if !c.Contains(tail) {
			continue
		}
		dx := float64(trX(x+u/q.Scale) - tail.X)
		dy := float64(trY(y+v/q.Scale) - tail.Y)
		if l := math.Hypot(dx, dy); l > 0 {
			c.Fill(arrowPath(tail, dx/l, dy/l, l, w))
		}
	}
}

// arrowPath is the outline of a filled arrow of length l and shaft width w from tail in the
// direction (cos, sin) on the canvas.
func arrowPath(tail vg.Point, cos, sin, l, w float64) vg.Path {
	// Arrow along +x, shrunk as a whole when shorter than its head.
	k := 1.0
	if l < quiverHeadLength*w {
		k = l / (quiverHeadLength * w)
	}
	sw, hl, hal, hw := k*w/2, k*quiverHeadLength*w, k*quiverHeadAxisLength*w, k*quiverHeadWidth*w/2
	pts := [][2]float64{{0, -sw}, {l - hal, -sw}, {l - hl, -hw}, {l, 0}, {l - hl, hw}, {l - hal, sw}, {0, sw}}
	var path vg.Path
	for j, pt := range pts {
		q := vg.Point{X: tail.X + vg.Length(pt[0]*cos-pt[1]*sin), Y: tail.Y + vg.Length(pt[0]*sin+pt[1]*cos)}
		if j == 0 {
			path.Move(q)
		} else {
			path.Line(q)
		}
	}
	path.Close()
	return path
}

// DataRange implements plot.DataRanger: the arrows' tails, as matplotlib autoscales a quiver.
func (q *Quiver) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := range q.X {
		xmin, xmax = math.Min(xmin, q.X[i]), math.Max(xmax, q.X[i])
		ymin, ymax = math.Min(ymin, q.Y[i]), math.Max(ymax, q.Y[i])
	}
	return xmin, xmax, ymin, ymax
}
