package ratemodel

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
)

// Colours of the Wilson–Cowan figures, as matplotlib names them.
var (
	Cyan    color.Color = color.RGBA{R: 0, G: 191, B: 191, A: 255} // 'c': the vector field
	Orange  color.Color = color.RGBA{R: 255, G: 165, B: 0, A: 255} // 'orange'
	Magenta color.Color = color.RGBA{R: 191, G: 0, B: 191, A: 255} // 'm'
)

// DerivsFunc computes (dr_E/dt, dr_I/dt) at a point of the phase plane, like EIDerivs; the
// figures accept one so that a notebook can draw the vector field with the student's function.
type DerivsFunc func(rE, rI float64, p WCParams) (drEdt, drIdt float64)

// PlotFIEI draws the F-I curves of the two populations: E in blue, I in red (plot_FI_EI).
func PlotFIEI(x, fiExc, fiInh []float64) *fig.Figure {
	p := fig.NewPlot("", "x (a.u.)", "F(x)")
	fig.Line(p, x, fiExc, fig.Color(fig.Blue), fig.Label("E population"))
	fig.Line(p, x, fiInh, fig.Color(fig.Red), fig.Label("I population"))
	p.Legend.Top = false // lower right, as the course
	return fig.New(p)
}

// PlotFIInverse draws F⁻¹(x) against x (plot_FI_inverse). NaN values, where x is outside the
// range of F, are left out, as matplotlib does.
func PlotFIInverse(x, fInv []float64) *fig.Figure {
	p := fig.NewPlot("", "x", "F^-1(x)")
	fig.Line(p, x, fInv, fig.Color(fig.C(0)))
	return fig.New(p)
}

// AddActivity draws r_E (blue) and r_I (red) against time on p with the given legend labels.
func AddActivity(p *plot.Plot, t, rE, rI []float64, labelE, labelI string) {
	fig.Line(p, t, rE, fig.Color(fig.Blue), fig.Label(labelE))
	fig.Line(p, t, rI, fig.Color(fig.Red), fig.Label(labelI))
}

// PlotActivity draws the activities of both populations against time (labels "E population",
// "I population"), as the course's single-panel activity plots do.
func PlotActivity(t, rE, rI []float64) *fig.Figure {
	p := fig.NewPlot("", "t (ms)", "Activity")
	AddActivity(p, t, rE, rI, "E population", "I population")
	placeLegend(p, false, t, rE, t, rI)
	return fig.New(p)
}

// placeLegend puts p's legend in a corner of the panel that none of the curves (x, y pairs)
// pass through — upper right, lower right, upper left or lower left, in that order of
// preference — roughly what matplotlib's loc='best' does. When every corner is crossed, it
// keeps the upper right and, unless the y limits are fixed, raises the top of the y axis
// by a quarter of its range to make room. Call it after the axis limits are set.
func placeLegend(p *plot.Plot, fixedY bool, xy ...[]float64) {
	x0, x1, y0, y1 := p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	type corner struct{ top, left bool }
	best, bestN := corner{true, false}, -1
	for _, c := range []corner{{true, false}, {false, false}, {true, true}, {false, true}} {
		n := 0
		for k := 0; k+1 < len(xy); k += 2 {
			for i := range xy[k] {
				u, v := (xy[k][i]-x0)/(x1-x0), (xy[k+1][i]-y0)/(y1-y0)
				inX := (c.left && u < 0.4) || (!c.left && u > 0.6)
				inY := (c.top && v > 0.72) || (!c.top && v < 0.28)
				if inX && inY {
					n++
				}
			}
		}
		if bestN < 0 || n < bestN {
			best, bestN = c, n
		}
		if n == 0 {
			break
		}
	}
	if bestN > 0 {
		best = corner{true, false}
		if !fixedY {
			p.Y.Max += 0.25 * (y1 - y0)
		}
	}
	p.Legend.Top, p.Legend.Left = best.top, best.left
}

// PlotTwoRuns draws two simulations one above the other with shared axes (my_test_plot).
func PlotTwoRuns(t, rE1, rI1, rE2, rI2 []float64) *fig.Figure {
	f := fig.Grid(2, 1).Size(8, 6)
	top, bottom := f.At(0, 0), f.At(1, 0)
	top.Y.Label.Text = "Activity"
	bottom.X.Label.Text, bottom.Y.Label.Text = "t (ms)", "Activity"
	AddActivity(top, t, rE1, rI1, "E population", "I population")
	AddActivity(bottom, t, rE2, rI2, "E population", "I population")
	shareAxes(top, bottom)
	placeLegend(top, true, t, rE1, t, rI1)
	placeLegend(bottom, true, t, rE2, t, rI2)
	return f
}

// shareAxes gives panels the union of their data ranges (matplotlib's sharex/sharey).
func shareAxes(ps ...*plot.Plot) {
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range ps {
		x0, x1 = math.Min(x0, p.X.Min), math.Max(x1, p.X.Max)
		y0, y1 = math.Min(y0, p.Y.Min), math.Max(y1, p.Y.Max)
	}
	for _, p := range ps {
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = x0, x1, y0, y1
	}
}

// NewPhasePlane returns an empty panel with the axes r_E (x) and r_I (y).
func NewPhasePlane(title string) *plot.Plot {
	p := fig.NewPlot(title, "r_E", "r_I")
	return p
}

// AddNullclines draws the E nullcline (blue) and the I nullcline (red) from their points.
func AddNullclines(p *plot.Plot, excRE, excRI, inhRE, inhRI []float64) {
	fig.Line(p, excRE, excRI, fig.Color(fig.Blue), fig.Label("E nullcline"))
	fig.Line(p, inhRE, inhRI, fig.Color(fig.Red), fig.Label("I nullcline"))
}

// AddModelNullclines draws the nullclines of p on the course's grids: r_E ∈ [−0.01, 0.96] and
// r_I ∈ [−0.01, 0.8], 100 points each (my_plot_nullcline). It returns their points.
func AddModelNullclines(pl *plot.Plot, p WCParams) (excRE, excRI, inhRE, inhRI []float64) {
	excRE, excRI, inhRE, inhRI = Nullclines(p, -0.01, 0.96, -0.01, 0.8, 100)
	AddNullclines(pl, excRE, excRI, inhRE, inhRI)
	return excRE, excRI, inhRE, inhRI
}

// PlotNullclines draws both nullclines in the phase plane (plot_nullclines).
func PlotNullclines(excRE, excRI, inhRE, inhRI []float64) *fig.Figure {
	p := NewPhasePlane("")
	AddNullclines(p, excRE, excRI, inhRE, inhRI)
	placeLegend(p, false, excRE, excRI, inhRE, inhRI)
	return fig.New(p)
}

// Quiver is a matplotlib-style vector field plotter (quiver with angles='xy',
// scale_units='xy'): an arrow from each point (X[i], Y[i]) to (X[i] + U[i]/Scale,
// Y[i] + V[i]/Scale) in data units, drawn as a filled arrow whose shaft is 0.5% of the panel
// width wide, with matplotlib's head proportions (head 3 shaft widths wide and 5 long).
//
// gonum's plotter.Field (NewField) draws a different picture: it scales every arrow relative
// to the largest one, centres it on a grid cell, turns it by the data angle on the canvas
// (not the on-screen angle when the axes have different scales) and leaves out arrows
// whose cell touches the panel's edge. A phase plane needs arrows tangent to the
// trajectories, so the course's quiver semantics are reproduced here.
type Quiver struct {
	X, Y, U, V []float64
	Scale      float64     // data units of the vector per data unit of arrow length (matplotlib's scale)
	Color      color.Color // fill colour
}

// Plot implements plot.Plotter.
func (q *Quiver) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	w := 0.005 * float64(c.Max.X-c.Min.X) // shaft width
	const headWidth, headLength, headAxisLength = 3.0, 5.0, 4.5
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
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		// Arrow along +x, shrunk as a whole when shorter than its head (matplotlib's minshaft rule).
		k := 1.0
		if l < headLength*w {
			k = l / (headLength * w)
		}
		sw, hl, hal, hw := k*w/2, k*headLength*w, k*headAxisLength*w, k*headWidth*w/2
		pts := [][2]float64{{0, -sw}, {l - hal, -sw}, {l - hl, -hw}, {l, 0}, {l - hl, hw}, {l - hal, sw}, {0, sw}}
		cos, sin := dx/l, dy/l
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
		c.Fill(path)
	}
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

// AddVectorField draws the vector field of p on the grid np.meshgrid(rE, rI), every nSkip-th
// point along both axes, as cyan arrows of length |(dr_E/dt, dr_I/dt)|/scale
// (my_plot_vector: a 20×20 grid over [0, 1]², nSkip 2, scale 5). derivs computes the
// field; nil means EIDerivs.
func AddVectorField(pl *plot.Plot, p WCParams, rE, rI []float64, nSkip int, scale float64, derivs DerivsFunc) {
	if derivs == nil {
		derivs = EIDerivs
	}
	nSkip = max(nSkip, 1)
	q := &Quiver{Scale: scale, Color: Cyan}
	for i := 0; i < len(rI); i += nSkip {
		for j := 0; j < len(rE); j += nSkip {
			u, v := derivs(rE[j], rI[i], p)
			q.X, q.Y = append(q.X, rE[j]), append(q.Y, rI[i])
			q.U, q.V = append(q.U, u), append(q.V, v)
		}
	}
	pl.Add(q)
}

// AddTrajectory simulates p from init and draws the trajectory in the phase plane with a dot
// at its start (my_plot_trajectory).
func AddTrajectory(pl *plot.Plot, p WCParams, c color.Color, init [2]float64, label string) error {
	p.REInit, p.RIInit = init[0], init[1]
	rE, rI, err := SimulateWC(p)
	if err != nil {
		return err
	}
	fig.Line(pl, rE, rI, fig.Color(c), fig.Label(label))
	fig.Scatter(pl, []float64{init[0]}, []float64{init[1]}, fig.Color(c), fig.MarkerSize(4))
	return nil
}

// AddTrajectories draws the n×n trajectories started from (dx·i, dx·j), i, j = 0…n−1, in c
// (the course: grey with alpha 0.8); label names them once in the legend (my_plot_trajectories).
func AddTrajectories(pl *plot.Plot, p WCParams, dx float64, n int, c color.Color, label string) error {
	for ie := 0; ie < n; ie++ {
		for ii := 0; ii < n; ii++ {
			p.REInit, p.RIInit = dx*float64(ie), dx*float64(ii)
			rE, rI, err := SimulateWC(p)
			if err != nil {
				return err
			}
			opts := []fig.Opt{fig.Color(c), fig.LineWidth(1.5)}
			if ie == n-1 && ii == n-1 && label != "" {
				opts = append(opts, fig.Label(label))
			}
			fig.Line(pl, rE, rI, opts...)
		}
	}
	return nil
}

// AddFixedPoint marks fp with a black dot and writes "Fixed point\n(r_E, r_I)" centred above
// fp + offset, turned by rotation degrees (plot_fp; the course's offset is (0.02, 0.1)).
func AddFixedPoint(pl *plot.Plot, fp, offset [2]float64, rotation float64) {
	fig.Scatter(pl, []float64{fp[0]}, []float64{fp[1]}, fig.Color(fig.Black), fig.MarkerSize(4))
	AddText(pl, fp[0]+offset[0], fp[1]+offset[1], "Fixed point\n"+FormatPoint(fp), rotation)
}

// f3 formats with three decimals, writing a value that rounds to zero as 0.000 (not -0.000).
func f3(x float64) string {
	s := fmt.Sprintf("%.3f", x)
	if s == "-0.000" {
		return "0.000"
	}
	return s
}

// AddText writes txt centred horizontally above (x, y) in data coordinates, turned by
// rotation degrees (matplotlib's text with ha='center', va='bottom').
func AddText(pl *plot.Plot, x, y float64, txt string, rotation float64) {
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: y}}, Labels: []string{txt}})
	if err != nil {
		panic(err) // one point and one label: cannot differ
	}
	l.TextStyle[0].Font = font.From(fig.Font, fig.FontSize*0.8)
	l.TextStyle[0].XAlign = text.XCenter
	l.TextStyle[0].YAlign = text.YBottom
	l.TextStyle[0].Rotation = rotation * math.Pi / 180
	pl.Add(l)
}

// grid20 is np.linspace(0, 1, 20), the course's vector-field grid.
func grid20(hi float64) []float64 { return nma.Linspace(0, hi, 20) }

// PlotCompleteAnalysis draws the phase plane of p: 6×6 grey trajectories started on a grid of
// step 0.2, an orange one from (0.6, 0.8) and a magenta one from (0.6, 0.6), both nullclines and
// the vector field computed with derivs (nil: EIDerivs), legend outside (plot_complete_analysis).
func PlotCompleteAnalysis(p WCParams, derivs DerivsFunc) (*fig.Figure, error) {
	pl := NewPhasePlane("")
	if err := AddTrajectories(pl, p, 0.2, 6, fig.Alpha(fig.Gray, 0.8), "Sample trajectories\nfor different\ninit. conditions"); err != nil {
		return nil, err
	}
	if err := AddTrajectory(pl, p, Orange, [2]float64{0.6, 0.8}, "Sample trajectory for\nlow activity"); err != nil {
		return nil, err
	}
	if err := AddTrajectory(pl, p, Magenta, [2]float64{0.6, 0.6}, "Sample trajectory for\nhigh activity"); err != nil {
		return nil, err
	}
	AddModelNullclines(pl, p)
	AddVectorField(pl, p, grid20(1), grid20(1), 2, 5, derivs)
	f := fig.New(pl).Size(10, 6)
	return f.LegendOutside(pl), nil
}

// PlotActivityPhase shows the time plane and the phase plane of one simulation linked at
// step nT (Interactive Demo 2 of Tutorial 2): on top r_E and r_I against time with dots and a
// dashed vertical line at t[nT], below the trajectory r_I against r_E with a dot at step nT.
func PlotActivityPhase(t, rE, rI []float64, nT int) (*fig.Figure, error) {
	if len(rE) != len(t) || len(rI) != len(t) {
		return nil, fmt.Errorf("ratemodel.PlotActivityPhase: len(t)=%d, len(rE)=%d and len(rI)=%d differ", len(t), len(rE), len(rI))
	}
	if nT < 0 || nT >= len(t) {
		return nil, fmt.Errorf("ratemodel.PlotActivityPhase: nT=%d outside [0, %d]", nT, len(t)-1)
	}
	f := fig.Grid(2, 1).Size(8, 7)
	top, bottom := f.At(0, 0), f.At(1, 0)
	top.X.Label.Text, top.Y.Label.Text = "t (ms)", "Activity"
	bottom.X.Label.Text, bottom.Y.Label.Text = "r_E", "r_I"
	bottom.X.Label.TextStyle.Color, bottom.Y.Label.TextStyle.Color = fig.Blue, fig.Red
	AddActivity(top, t, rE, rI, "r_E", "r_I")
	fig.Scatter(top, []float64{t[nT]}, []float64{rE[nT]}, fig.Color(fig.Blue))
	fig.Scatter(top, []float64{t[nT]}, []float64{rI[nT]}, fig.Color(fig.Red))
	y0, y1 := minMax(rE, rI)
	pad := 0.05 * (y1 - y0)
	fig.Limits(top, math.NaN(), math.NaN(), y0-pad, y1+pad)
	fig.VLine(top, t[nT], y0-pad, y1+pad, fig.Dashed())
	placeLegend(top, true, t, rE, t, rI)
	fig.Line(bottom, rE, rI, fig.Color(fig.Black))
	fig.Scatter(bottom, []float64{rE[nT]}, []float64{rI[nT]}, fig.Color(fig.Black))
	return f, nil
}

func minMax(vs ...[]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		for _, x := range v {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	return lo, hi
}
