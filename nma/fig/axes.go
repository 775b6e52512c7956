package fig

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// SetTicks puts labelled major ticks at exactly vals on ax (matplotlib's set_xticks), labels
// formatted with %g: SetTicks(&p.X, 0, 90, 180, 270, 360).
func SetTicks(ax *plot.Axis, vals ...float64) {
	ts := make(plot.ConstantTicks, 0, len(vals))
	for _, v := range vals {
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', -1, 64)})
	}
	ax.Tick.Marker = ts
}

// NoTicks removes the ticks of both axes of p (for images such as RDMs and gratings).
func NoTicks(p *plot.Plot) {
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.ConstantTicks{}, plot.ConstantTicks{}
}

// GridLines adds light grey grid lines at the major ticks (plt.grid(True)).
func GridLines(p *plot.Plot) {
	g := plotter.NewGrid()
	g.Vertical.Color, g.Horizontal.Color = color.Gray{Y: 0xb0}, color.Gray{Y: 0xb0}
	g.Vertical.Width, g.Horizontal.Width = 0.5, 0.5
	p.Add(g)
}

// SciTicks are NiceTicks whose labels switch to scientific notation ("2e10", "5e-5") when
// the axis values are very large (≥ 1e5) or very small (< 1e-3), so that they do not overlap
// (matplotlib shows an offset such as "1e10" instead).
type SciTicks struct{}

// Ticks implements plot.Ticker.
func (SciTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := NiceTicks{}.Ticks(lo, hi)
	big := math.Max(math.Abs(lo), math.Abs(hi))
	if big < 1e5 && big >= 1e-3 || big == 0 || (hi-lo)/big < 1e-3 {
		return ticks
	}
	for i, t := range ticks {
		if t.Label == "" {
			continue
		}
		if t.Value == 0 {
			ticks[i].Label = "0"
			continue
		}
		s := strconv.FormatFloat(t.Value, 'e', 5, 64) // e.g. 2.00000e+10, -2.50000e-05
		mant, exp, _ := strings.Cut(s, "e")
		if strings.Contains(mant, ".") {
			mant = strings.TrimSuffix(strings.TrimRight(mant, "0"), ".")
		}
		exp = strings.TrimPrefix(exp, "+")
		neg := strings.HasPrefix(exp, "-")
		exp = strings.TrimLeft(strings.TrimPrefix(exp, "-"), "0")
		if neg {
			exp = "-" + exp
		}
		ticks[i].Label = mant + "e" + exp
	}
	return ticks
}

// MaxLinePoints bounds the points Thin keeps of a drawn trace.
const MaxLinePoints = 1000

// Thin reduces a long trace to at most about MaxLinePoints points for drawing: the minimum
// and the maximum of each of MaxLinePoints/2 buckets, in time order, so every spike and trough
// stays visible at figure resolution and frames render fast. Traces of MaxLinePoints points or
// fewer are returned as they are. x and y must have equal length (Thin panics otherwise, naming
// both lengths).
func Thin(x, y []float64) ([]float64, []float64) {
	n := len(x)
	if len(y) != n {
		panic("fig.Thin: len(x)=" + strconv.Itoa(n) + " and len(y)=" + strconv.Itoa(len(y)) + " differ")
	}
	if n <= MaxLinePoints {
		return x, y
	}
	buckets := MaxLinePoints / 2
	xs, ys := make([]float64, 0, MaxLinePoints+2), make([]float64, 0, MaxLinePoints+2)
	for b := 0; b < buckets; b++ {
		lo, hi := b*n/buckets, (b+1)*n/buckets
		iMin, iMax := lo, lo
		for i := lo; i < hi; i++ {
			if y[i] < y[iMin] {
				iMin = i
			}
			if y[i] > y[iMax] {
				iMax = i
			}
		}
		a, c := min(iMin, iMax), max(iMin, iMax)
		xs, ys = append(xs, x[a]), append(ys, y[a])
		if c != a {
			xs, ys = append(xs, x[c]), append(ys, y[c])
		}
	}
	if last := n - 1; xs[len(xs)-1] != x[last] {
		xs, ys = append(xs, x[last]), append(ys, y[last])
	}
	return xs, ys
}
