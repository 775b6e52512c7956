package fig

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"sync"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Style sets how a line or marker is drawn. Build it with the option functions below.
type Style struct {
	Color  color.Color
	Width  vg.Length
	Dashes []vg.Length
	Label  string
	Radius vg.Length
	Shape  draw.GlyphDrawer
	Step   plotter.StepKind
}

// Opt changes a Style.
type Opt func(*Style)

// Color sets the colour.
func Color(c color.Color) Opt { return func(s *Style) { s.Color = c } }

// LineWidth sets the line width in points.
func LineWidth(w float64) Opt { return func(s *Style) { s.Width = vg.Length(w) } }

// Dashed draws a dashed line (matplotlib's '--').
func Dashed() Opt { return func(s *Style) { s.Dashes = []vg.Length{6, 3} } }

// Dotted draws a dotted line (matplotlib's ':').
func Dotted() Opt { return func(s *Style) { s.Dashes = []vg.Length{1.5, 2.5} } }

// Label adds the item to the legend under this name.
func Label(l string) Opt { return func(s *Style) { s.Label = l } }

// MarkerSize sets a marker's radius in points.
func MarkerSize(r float64) Opt { return func(s *Style) { s.Radius = vg.Length(r) } }

// StepPre draws a line as matplotlib's plt.step(where='pre'): the value y[i] holds on
// (x[i−1], x[i]] (gonum/plot's plotter.PreStep).
func StepPre() Opt { return func(s *Style) { s.Step = plotter.PreStep } }

// StepMid draws a line as plt.step(where='mid'): each y[i] holds around x[i].
func StepMid() Opt { return func(s *Style) { s.Step = plotter.MidStep } }

// Ring draws hollow circle markers instead of filled dots.
func Ring() Opt { return func(s *Style) { s.Shape = draw.RingGlyph{} } }

func style(p *plot.Plot, opts []Opt) Style {
	s := Style{Width: 2, Radius: 4, Shape: draw.CircleGlyph{}}
	for _, o := range opts {
		o(&s)
	}
	if s.Color == nil { // next colour of the panel's cycle, as matplotlib does
		cycleMu.Lock()
		s.Color = C(cycle[p])
		cycle[p]++
		cycleMu.Unlock()
	}
	return s
}

// cycle counts the automatically coloured items of each panel.
var (
	cycleMu sync.Mutex
	cycle   = map[*plot.Plot]int{}
)

func add(p *plot.Plot, pl plot.Plotter) { p.Add(pl) }

func xys(x, y []float64) (plotter.XYs, error) {
	if len(x) != len(y) {
		return nil, fmt.Errorf("fig: len(x)=%d and len(y)=%d differ", len(x), len(y))
	}
	pts := make(plotter.XYs, 0, len(x))
	for i := range x {
		if math.IsNaN(x[i]) || math.IsNaN(y[i]) || math.IsInf(x[i], 0) || math.IsInf(y[i], 0) {
			continue // like matplotlib, leave NaN points out
		}
		pts = append(pts, plotter.XY{X: x[i], Y: y[i]})
	}
	return pts, nil
}

// decimateBuckets is the number of x intervals a long line is decimated over: more than
// a figure has pixel columns (an 8 in panel at 150 DPI has ~1000), so each interval is
// at most about a pixel wide.
const decimateBuckets = 2048

// decimate returns the points of a line whose x never decreases, reduced for drawing:
// with more than 4·buckets points, the x range is cut into buckets equal intervals and each
// keeps only its first, lowest, highest and last point, in their order (the "M4"
// aggregation of Jugel et al., 2014). A polyline through them covers the same pixels as
// through all points when an interval is at most a pixel wide — a 50,000-step simulation
// is drawn from at most 8,192 points, 6× faster. Other lines are returned unchanged.
func decimate(pts plotter.XYs, buckets int) plotter.XYs {
	n := len(pts)
	if n <= 4*buckets {
		return pts
	}
	for i := 1; i < n; i++ {
		if pts[i].X < pts[i-1].X {
			return pts // x goes back: a trajectory, not a time series
		}
	}
	x0, span := pts[0].X, pts[n-1].X-pts[0].X
	if !(span > 0) {
		return pts
	}
	out := make(plotter.XYs, 0, 4*buckets)
	for i := 0; i < n; {
		b := int(float64(buckets) * (pts[i].X - x0) / span)
		j, lo, hi := i, i, i
		for j+1 < n && int(float64(buckets)*(pts[j+1].X-x0)/span) == b {
			j++
			if pts[j].Y < pts[lo].Y {
				lo = j
			}
			if pts[j].Y > pts[hi].Y {
				hi = j
			}
		}
		keep := []int{i, lo, hi, j}
		slices.Sort(keep)
		last := -1
		for _, k := range keep {
			if k != last {
				out = append(out, pts[k])
				last = k
			}
		}
		i = j + 1
	}
	return out
}

// Line draws y against x as a line (matplotlib's plot). NaN points are skipped. A long line
// whose x never decreases is drawn through fewer points that cover the same pixels (see
// decimate).
func Line(p *plot.Plot, x, y []float64, opts ...Opt) *plotter.Line {
	pts, err := xys(x, y)
	if err != nil {
		panic(err)
	}
	s := style(p, opts)
	if len(s.Dashes) == 0 && s.Step == plotter.NoStep {
		pts = decimate(pts, decimateBuckets)
	}
	l, err := plotter.NewLine(pts)
	if err != nil {
		panic(fmt.Sprintf("fig.Line: %v", err))
	}
	l.Color, l.Width, l.Dashes, l.StepStyle = s.Color, s.Width, s.Dashes, s.Step
	add(p, extremeLine{l}) // the same line, laid out from its extreme points (glyphbox.go)
	if s.Label != "" {
		p.Legend.Add(s.Label, l)
	}
	return l
}

// Scatter draws markers at (x, y) (matplotlib's scatter or plot(..., 'o')).
func Scatter(p *plot.Plot, x, y []float64, opts ...Opt) *plotter.Scatter {
	pts, err := xys(x, y)
	if err != nil {
		panic(err)
	}
	s := style(p, opts)
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		panic(fmt.Sprintf("fig.Scatter: %v", err))
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: s.Color, Radius: s.Radius, Shape: s.Shape}
	add(p, sc)
	if s.Label != "" {
		p.Legend.Add(s.Label, sc)
	}
	return sc
}

// HLine draws a horizontal line at y across the whole panel (matplotlib's axhline).
func HLine(p *plot.Plot, y float64, opts ...Opt) {
	s := style(p, append([]Opt{Color(Black), LineWidth(1)}, opts...))
	fn := plotter.NewFunction(func(float64) float64 { return y })
	fn.Color, fn.Width, fn.Dashes = s.Color, s.Width, s.Dashes
	p.Add(fn)
	if s.Label != "" {
		p.Legend.Add(s.Label, fn)
	}
}

// VLine draws a vertical line at x from ymin to ymax.
func VLine(p *plot.Plot, x, ymin, ymax float64, opts ...Opt) {
	Line(p, []float64{x, x}, []float64{ymin, ymax}, append([]Opt{Color(Black), LineWidth(1)}, opts...)...)
}

// Limits fixes the axis ranges (use NaN to leave one automatic).
func Limits(p *plot.Plot, xmin, xmax, ymin, ymax float64) {
	if !math.IsNaN(xmin) {
		p.X.Min = xmin
	}
	if !math.IsNaN(xmax) {
		p.X.Max = xmax
	}
	if !math.IsNaN(ymin) {
		p.Y.Min = ymin
	}
	if !math.IsNaN(ymax) {
		p.Y.Max = ymax
	}
}

// Hist draws a histogram of v with n bins; with density the bars integrate to 1.
func Hist(p *plot.Plot, v []float64, n int, density bool, opts ...Opt) *plotter.Histogram {
	s := style(p, opts)
	h, err := plotter.NewHist(plotter.Values(v), n)
	if err != nil {
		panic(fmt.Sprintf("fig.Hist: %v", err))
	}
	if density {
		h.Normalize(1)
	}
	h.FillColor = s.Color
	h.LineStyle.Color = color.White
	h.LineStyle.Width = 0.5
	add(p, h)
	if s.Label != "" {
		p.Legend.Add(s.Label, h)
	}
	return h
}

// Colormaps for heat maps.
var (
	// Diverging is a blue–white–red map (matplotlib's 'bwr' role).
	Diverging = func() palette.ColorMap { return moreland.SmoothBlueRed() }
	// Sequential is a perceptually uniform map (matplotlib's 'viridis' role).
	Sequential = func() palette.ColorMap { return moreland.ExtendedBlackBody() }
)

// Heatmap draws the matrix z (z[row][col], row 0 at the top, as imshow does) over the box
// [x0, x1]×[y0, y1] with colour map cm over [vmin, vmax], and adds a colour bar to the
// panel when it belongs to figure f (pass nil for none). Like imshow, values outside
// [vmin, vmax] take the end colours, NaN cells stay transparent, and cells are drawn sharp
// (nearest neighbour, no seams between cells).
func Heatmap(f *Figure, p *plot.Plot, z [][]float64, x0, x1, y0, y1 float64, cm palette.ColorMap, vmin, vmax float64) (*plotter.Image, error) {
	rows := len(z)
	if rows == 0 || len(z[0]) == 0 {
		return nil, fmt.Errorf("fig.Heatmap: z is empty (%d rows)", rows)
	}
	cols := len(z[0])
	for i, r := range z {
		if len(r) != cols {
			return nil, fmt.Errorf("fig.Heatmap: row %d has %d values, row 0 has %d", i, len(r), cols)
		}
	}
	if !(vmax > vmin) {
		return nil, fmt.Errorf("fig.Heatmap: vmax=%g must exceed vmin=%g", vmax, vmin)
	}
	img, err := rasterize(z, cm, vmin, vmax)
	if err != nil {
		return nil, err
	}
	im := plotter.NewImage(img, x0, y0, x1, y1)
	add(p, im)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = x0, x1, y0, y1
	if f != nil {
		cb := NewPlot("", "", "")
		cb.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true})
		cb.HideX()
		cb.Y.Label.Text = ""
		cb.Title.TextStyle.Font = font.From(Font, FontSize*0.8)
		for _, row := range f.panels {
			for _, pn := range row {
				if pn != nil && pn.p == p {
					pn.cb = cb
				}
			}
		}
	}
	return im, nil
}

// rasterize paints z as an image with k×k pixels per cell (nearest neighbour), clipping values
// to [vmin, vmax] and leaving NaN cells transparent.
func rasterize(z [][]float64, cm palette.ColorMap, vmin, vmax float64) (*image.NRGBA, error) {
	rows, cols := len(z), len(z[0])
	cm.SetMin(vmin)
	cm.SetMax(vmax)
	// Upscale each cell to k×k pixels so the final (bilinear) scaling keeps the cells sharp.
	k := max(1, min(heatmapPixels/max(rows, cols), heatmapPixels))
	img := image.NewNRGBA(image.Rect(0, 0, cols*k, rows*k))
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			v := z[r][c]
			if math.IsNaN(v) {
				continue // transparent
			}
			col, err := cm.At(math.Max(vmin, math.Min(vmax, v)))
			if err != nil {
				return nil, fmt.Errorf("fig.Heatmap: colour of z[%d][%d]=%g: %w", r, c, v, err)
			}
			nc := color.NRGBAModel.Convert(col).(color.NRGBA)
			for dy := 0; dy < k; dy++ {
				off := img.PixOffset(c*k, r*k+dy)
				for dx := 0; dx < k; dx++ {
					img.Pix[off+4*dx], img.Pix[off+4*dx+1], img.Pix[off+4*dx+2], img.Pix[off+4*dx+3] = nc.R, nc.G, nc.B, nc.A
				}
			}
		}
	}
	return img, nil
}

// heatmapPixels is about how many pixels a heat map's longer side gets before it is scaled
// onto the canvas.
const heatmapPixels = 1200

// ColorbarLabel puts a label above the colour bar of panel p (matplotlib's cbar.set_label).
func (f *Figure) ColorbarLabel(p *plot.Plot, label string) *Figure {
	for _, row := range f.panels {
		for _, pn := range row {
			if pn != nil && pn.p == p && pn.cb != nil {
				pn.cb.Title.Text = label
			}
		}
	}
	return f
}

// Alpha returns c with opacity alpha in [0, 1] (matplotlib's alpha=).
func Alpha(c color.Color, alpha float64) color.Color {
	r, g, b, _ := c.RGBA()
	a := math.Max(0, math.Min(1, alpha))
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(a*255 + 0.5)}
}
