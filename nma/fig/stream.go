package fig

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Stream plots (matplotlib's streamplot), which gonum/plot does not have: Streamlines
// computes the lines of a vector field given on a regular grid with matplotlib's algorithm,
// and Streamplot draws them as a plot.Plotter, coloured through a palette.ColorMap, with an
// arrow head half way along each line.

// Streamline is one curve of a stream plot, in data coordinates.
type Streamline struct {
	X, Y []float64
	// C[k] is the colour value of the segment from point k to k+1 (len(X)−1 values).
	C []float64
	// Arrow is the index of the segment at half the line's length, where the arrow sits.
	Arrow int
}

// StreamOptions configure Streamlines; zero fields take matplotlib's defaults.
type StreamOptions struct {
	// Density controls how close the lines are: the domain is divided into 30·Density
	// cells per axis and each cell holds at most one line (default 1; the course uses 2).
	Density float64
	// MinLength and MaxLength bound a line's length in axes units (the plot's width is 1):
	// shorter lines are dropped (default 0.1), longer ones stopped (default 4).
	MinLength, MaxLength float64
}

// Streamlines computes the streamlines of the vector field (u, v) given on the regular
// grid x × y (u[j][i] is the field at (x[i], y[j])), with matplotlib's streamplot
// algorithm: seeds are taken from a coarse mask spiralling in from the border; from each
// free seed the line is integrated forward and backward along the normalised field with an
// adaptive second-order Runge–Kutta (Heun) scheme until it leaves the domain, reaches a
// cell another line occupies, stalls, or grows too long; lines shorter than MinLength are
// discarded. colour (same shape as u, or nil) gives each segment a value, interpolated
// bilinearly like the field.
func Streamlines(x, y []float64, u, v, colour [][]float64, opt StreamOptions) ([]Streamline, error) {
	nx, ny := len(x), len(y)
	if nx < 2 || ny < 2 {
		return nil, fmt.Errorf("fig.Streamlines: the grid is %d×%d, needs at least 2×2", nx, ny)
	}
	dx, dy := x[1]-x[0], y[1]-y[0]
	if !(dx > 0) || !(dy > 0) {
		return nil, errors.New("fig.Streamlines: x and y must increase")
	}
	for i := 1; i < nx; i++ {
		if math.Abs(x[i]-x[i-1]-dx) > 1e-6*dx {
			return nil, errors.New("fig.Streamlines: x must be evenly spaced")
		}
	}
	for j := 1; j < ny; j++ {
		if math.Abs(y[j]-y[j-1]-dy) > 1e-6*dy {
			return nil, errors.New("fig.Streamlines: y must be evenly spaced")
		}
	}
	for name, a := range map[string][][]float64{"u": u, "v": v, "colour": colour} {
		if a == nil && name == "colour" {
			continue
		}
		if len(a) != ny {
			return nil, fmt.Errorf("fig.Streamlines: %s has %d rows, want len(y)=%d", name, len(a), ny)
		}
		for j := range a {
			if len(a[j]) != nx {
				return nil, fmt.Errorf("fig.Streamlines: %s row %d has %d values, want len(x)=%d", name, j, len(a[j]), nx)
			}
		}
	}
	if opt.Density == 0 {
		opt.Density = 1
	}
	if !(opt.Density > 0) {
		return nil, fmt.Errorf("fig.Streamlines: Density=%g must be positive", opt.Density)
	}
	if opt.MinLength == 0 {
		opt.MinLength = 0.1
	}
	if opt.MaxLength == 0 {
		opt.MaxLength = 4
	}

	sm := &streamMap{nx: nx, ny: ny, mx: int(30 * opt.Density), my: int(30 * opt.Density)}
	sm.mask = make([][]bool, sm.my)
	for j := range sm.mask {
		sm.mask[j] = make([]bool, sm.mx)
	}
	// The field in grid units per time, and the speed in axes units per time.
	sm.u = make([][]float64, ny)
	sm.v = make([][]float64, ny)
	sm.speed = make([][]float64, ny)
	for j := range ny {
		sm.u[j] = make([]float64, nx)
		sm.v[j] = make([]float64, nx)
		sm.speed[j] = make([]float64, nx)
		for i := range nx {
			ug, vg := u[j][i]/dx, v[j][i]/dy
			sm.u[j][i], sm.v[j][i] = ug, vg
			sm.speed[j][i] = math.Hypot(ug/float64(nx-1), vg/float64(ny-1))
		}
	}

	var lines []Streamline
	for _, s := range streamSeeds(sm.mx, sm.my) {
		if sm.mask[s[1]][s[0]] {
			continue
		}
		xg := float64(s[0]) * float64(nx-1) / float64(sm.mx-1)
		yg := float64(s[1]) * float64(ny-1) / float64(sm.my-1)
		traj := sm.integrate(xg, yg, opt)
		if traj == nil {
			continue
		}
		l := Streamline{X: make([]float64, len(traj)), Y: make([]float64, len(traj))}
		for k, p := range traj {
			l.X[k] = x[0] + p[0]*dx
			l.Y[k] = y[0] + p[1]*dy
		}
		if colour != nil {
			l.C = make([]float64, len(traj)-1)
			for k := range l.C {
				l.C[k] = streamInterp(colour, traj[k][0], traj[k][1])
			}
		}
		// The arrow goes on the segment at half the line's length.
		cum := make([]float64, len(traj)-1)
		var acc float64
		for k := range cum {
			acc += math.Hypot(l.X[k+1]-l.X[k], l.Y[k+1]-l.Y[k])
			cum[k] = acc
		}
		l.Arrow = sort.SearchFloat64s(cum, acc/2)
		if l.Arrow > len(traj)-2 {
			l.Arrow = len(traj) - 2
		}
		lines = append(lines, l)
	}
	return lines, nil
}

// streamMap is the grid (nx×ny points) and the coarse occupancy mask (mx×my cells).
type streamMap struct {
	nx, ny, mx, my int
	u, v, speed    [][]float64
	mask           [][]bool
	traj           [][2]int // mask cells taken by the line being integrated
	cur            [2]int
}

var (
	errStreamOutOfBounds = errors.New("out of bounds")
	errStreamTerminate   = errors.New("terminate")
	errStreamOccupied    = errors.New("occupied")
)

func (sm *streamMap) withinGrid(xi, yi float64) bool {
	return xi >= 0 && xi <= float64(sm.nx-1) && yi >= 0 && yi <= float64(sm.ny-1)
}

// gridToMask rounds half to even, like Python's round.
func (sm *streamMap) gridToMask(xi, yi float64) (int, int) {
	return int(math.RoundToEven(xi * float64(sm.mx-1) / float64(sm.nx-1))),
		int(math.RoundToEven(yi * float64(sm.my-1) / float64(sm.ny-1)))
}

func (sm *streamMap) startTrajectory(xg, yg float64) error {
	sm.traj = sm.traj[:0]
	sm.cur = [2]int{-1, -1}
	xm, ym := sm.gridToMask(xg, yg)
	return sm.updateMask(xm, ym)
}

func (sm *streamMap) updateMask(xm, ym int) error {
	if sm.cur == [2]int{xm, ym} {
		return nil
	}
	if sm.mask[ym][xm] {
		return errStreamOccupied
	}
	sm.traj = append(sm.traj, [2]int{xm, ym})
	sm.mask[ym][xm] = true
	sm.cur = [2]int{xm, ym}
	return nil
}

func (sm *streamMap) updateTrajectory(xg, yg float64) error {
	if !sm.withinGrid(xg, yg) {
		return errStreamOccupied
	}
	return sm.updateMask(sm.gridToMask(xg, yg))
}

func (sm *streamMap) undoTrajectory() {
	for _, c := range sm.traj {
		sm.mask[c[1]][c[0]] = false
	}
}

// field is the direction of the flow at a grid point, per unit of path length in axes units.
func (sm *streamMap) field(xi, yi, sign float64) (float64, float64, error) {
	if !sm.withinGrid(xi, yi) {
		return 0, 0, errStreamOutOfBounds
	}
	dsdt := streamInterp(sm.speed, xi, yi)
	if dsdt == 0 {
		return 0, 0, errStreamTerminate
	}
	dtds := sign / dsdt
	return streamInterp(sm.u, xi, yi) * dtds, streamInterp(sm.v, xi, yi) * dtds, nil
}

func (sm *streamMap) integrate(x0, y0 float64, opt StreamOptions) [][2]float64 {
	if err := sm.startTrajectory(x0, y0); err != nil {
		return nil
	}
	sb, back := sm.rk12(x0, y0, -1, opt.MaxLength)
	xm, ym := sm.gridToMask(x0, y0) // the forward half starts from the seed again
	sm.cur = [2]int{xm, ym}
	sf, fwd := sm.rk12(x0, y0, 1, opt.MaxLength)
	if sb+sf <= opt.MinLength {
		sm.undoTrajectory()
		return nil
	}
	out := make([][2]float64, 0, len(back)+len(fwd))
	for k := len(back) - 1; k >= 0; k-- {
		out = append(out, back[k])
	}
	if len(fwd) > 1 {
		out = append(out, fwd[1:]...)
	}
	if len(out) < 2 {
		sm.undoTrajectory()
		return nil
	}
	return out
}

// rk12 integrates one direction of a streamline (matplotlib's _integrate_rk12): Heun steps
// with an error bound of 0.003 axes units, and a final Euler step onto the border when
// the line leaves the domain. It returns the length in axes units and the points.
func (sm *streamMap) rk12(x0, y0, sign, maxLength float64) (float64, [][2]float64) {
	const maxError = 0.003
	maxds := math.Min(math.Min(1/float64(sm.mx), 1/float64(sm.my)), 0.1)
	ds := maxds
	var stotal float64
	xi, yi := x0, y0
	var traj [][2]float64
	for {
		var k1x, k1y, k2x, k2y float64
		var err error
		if sm.withinGrid(xi, yi) {
			traj = append(traj, [2]float64{xi, yi})
			k1x, k1y, err = sm.field(xi, yi, sign)
			if err == nil {
				k2x, k2y, err = sm.field(xi+ds*k1x, yi+ds*k1y, sign)
			}
		} else {
			err = errStreamOutOfBounds
		}
		if err == errStreamOutOfBounds {
			if len(traj) > 0 {
				var s float64
				s, traj = sm.eulerToBorder(traj, sign)
				stotal += s
			}
			break
		}
		if err != nil {
			break
		}
		dx1, dy1 := ds*k1x, ds*k1y
		dx2, dy2 := ds*0.5*(k1x+k2x), ds*0.5*(k1y+k2y)
		e := math.Hypot((dx2-dx1)/float64(sm.nx-1), (dy2-dy1)/float64(sm.ny-1))
		if e < maxError {
			xi += dx2
			yi += dy2
			if sm.updateTrajectory(xi, yi) != nil {
				break
			}
			if stotal+ds > maxLength {
				break
			}
			stotal += ds
		}
		if e == 0 {
			ds = maxds
		} else {
			ds = math.Min(maxds, 0.85*ds*math.Sqrt(maxError/e))
		}
	}
	return stotal, traj
}

// eulerToBorder extends a line that is about to leave the domain with one Euler step onto
// the border.
func (sm *streamMap) eulerToBorder(traj [][2]float64, sign float64) (float64, [][2]float64) {
	xi, yi := traj[len(traj)-1][0], traj[len(traj)-1][1]
	cx, cy, err := sm.field(xi, yi, sign)
	if err != nil {
		return 0, traj
	}
	dsx, dsy := math.Inf(1), math.Inf(1)
	switch {
	case cx < 0:
		dsx = xi / -cx
	case cx > 0:
		dsx = (float64(sm.nx-1) - xi) / cx
	}
	switch {
	case cy < 0:
		dsy = yi / -cy
	case cy > 0:
		dsy = (float64(sm.ny-1) - yi) / cy
	}
	ds := math.Min(dsx, dsy)
	if math.IsInf(ds, 0) {
		return 0, traj
	}
	return ds, append(traj, [2]float64{xi + cx*ds, yi + cy*ds})
}

// streamInterp interpolates a[row][col] bilinearly at grid coordinates (xi, yi).
func streamInterp(a [][]float64, xi, yi float64) float64 {
	ny, nx := len(a), len(a[0])
	x, y := int(xi), int(yi)
	xn, yn := x+1, y+1
	if x >= nx-1 {
		x, xn = nx-1, nx-1
	}
	if y >= ny-1 {
		y, yn = ny-1, ny-1
	}
	xt, yt := xi-float64(x), yi-float64(y)
	a0 := a[y][x]*(1-xt) + a[y][xn]*xt
	a1 := a[yn][x]*(1-xt) + a[yn][xn]*xt
	return a0*(1-yt) + a1*yt
}

// streamSeeds lists the mask cells from the outer border spiralling inwards (matplotlib's
// _gen_starting_points), so that long lines from the border are drawn first.
func streamSeeds(nx, ny int) [][2]int {
	xfirst, yfirst, xlast, ylast := 0, 1, nx-1, ny-1
	x, y := 0, 0
	dir := 0 // right, up, left, down
	out := make([][2]int, 0, nx*ny)
	for range nx * ny {
		out = append(out, [2]int{x, y})
		switch dir {
		case 0:
			x++
			if x >= xlast {
				xlast--
				dir = 1
			}
		case 1:
			y++
			if y >= ylast {
				ylast--
				dir = 2
			}
		case 2:
			x--
			if x <= xfirst {
				xfirst++
				dir = 3
			}
		case 3:
			y--
			if y <= yfirst {
				yfirst++
				dir = 0
			}
		}
	}
	return out
}

// Streamplot is a gonum/plot plotter that draws streamlines, each with an open arrow head
// ('->') half way along, like matplotlib's streamplot. With a ColorMap each segment takes the
// colour of its value; without one every line is drawn in Color.
type Streamplot struct {
	Lines []Streamline
	// ColorMap colours a segment by its value (Streamline.C); its Min and Max are the
	// values mapped to the ends of the map, and values outside are clamped. Nil draws every
	// line in Color.
	ColorMap palette.ColorMap
	// Color is the lines' colour when ColorMap is nil or a line has no values.
	Color color.Color
	// LineWidth is the lines' width; ArrowSize the length of the arrow heads (6 pt for
	// matplotlib's arrowsize 1.5).
	LineWidth, ArrowSize vg.Length
	// XMin… are the data range (the grid's extent).
	XMin, XMax, YMin, YMax float64
}

// NewStreamplot computes the streamlines of (u, v) on the grid x × y (see Streamlines) and
// returns them as a plotter. With colour (same shape as u) and a colour map cm, the lines are
// coloured by colour through cm, and cm's range is set to the range of colour (matplotlib
// normalises the colour array so); otherwise they are black.
func NewStreamplot(x, y []float64, u, v, colour [][]float64, cm palette.ColorMap, opt StreamOptions) (*Streamplot, error) {
	lines, err := Streamlines(x, y, u, v, colour, opt)
	if err != nil {
		return nil, err
	}
	s := &Streamplot{Lines: lines, Color: color.Black, LineWidth: 1, ArrowSize: 6,
		XMin: x[0], XMax: x[len(x)-1], YMin: y[0], YMax: y[len(y)-1]}
	if colour == nil || cm == nil {
		return s, nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, row := range colour {
		for _, c := range row {
			if !math.IsNaN(c) {
				lo, hi = math.Min(lo, c), math.Max(hi, c)
			}
		}
	}
	if !(hi > lo) { // a constant (or all-NaN) colour array takes the middle of the map
		lo, hi = lo-0.5, hi+0.5
		if math.IsInf(lo, 0) || math.IsNaN(lo) {
			lo, hi = 0, 1
		}
	}
	cm.SetMin(lo)
	cm.SetMax(hi)
	s.ColorMap = cm
	return s, nil
}

// colourOf is the colour of segment k of line l.
func (s *Streamplot) colourOf(l Streamline, k int) color.Color {
	if s.ColorMap == nil || l.C == nil || math.IsNaN(l.C[k]) {
		return s.Color
	}
	v := math.Max(s.ColorMap.Min(), math.Min(s.ColorMap.Max(), l.C[k]))
	c, err := s.ColorMap.At(v)
	if err != nil {
		return s.Color
	}
	return c
}

// Plot implements plot.Plotter.
func (s *Streamplot) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for _, l := range s.Lines {
		for k := 0; k+1 < len(l.X); k++ {
			p0 := vg.Point{X: trX(l.X[k]), Y: trY(l.Y[k])}
			p1 := vg.Point{X: trX(l.X[k+1]), Y: trY(l.Y[k+1])}
			ls := draw.LineStyle{Color: s.colourOf(l, k), Width: s.LineWidth}
			c.StrokeLine2(ls, p0.X, p0.Y, p1.X, p1.Y)
		}
		if len(l.X) < 2 {
			continue
		}
		// Arrow from the segment's start to its middle, open head at the middle.
		n := l.Arrow
		tail := vg.Point{X: trX(l.X[n]), Y: trY(l.Y[n])}
		head := vg.Point{X: trX((l.X[n] + l.X[n+1]) / 2), Y: trY((l.Y[n] + l.Y[n+1]) / 2)}
		d := head.Sub(tail)
		norm := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
		if norm == 0 {
			continue
		}
		ux, uy := d.X/norm, d.Y/norm
		L, W := s.ArrowSize, s.ArrowSize/2
		left := vg.Point{X: head.X - L*ux - W*uy, Y: head.Y - L*uy + W*ux}
		right := vg.Point{X: head.X - L*ux + W*uy, Y: head.Y - L*uy - W*ux}
		ls := draw.LineStyle{Color: s.colourOf(l, n), Width: s.LineWidth}
		c.StrokeLines(ls, []vg.Point{left, head, right})
	}
}

// DataRange implements plot.DataRanger: the grid's extent.
func (s *Streamplot) DataRange() (xmin, xmax, ymin, ymax float64) {
	return s.XMin, s.XMax, s.YMin, s.YMax
}
