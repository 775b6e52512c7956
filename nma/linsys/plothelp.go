package linsys

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// Histogram counts values into the bins [edges[i], edges[i+1]) (the last bin also holds
// its right edge), as np.histogram(values, bins=edges); values outside are ignored.
func Histogram(values, edges []float64) []float64 {
	if len(edges) < 2 {
		return nil
	}
	counts := make([]float64, len(edges)-1)
	last := len(edges) - 1
	for _, v := range values {
		if math.IsNaN(v) || v < edges[0] || v > edges[last] {
			continue
		}
		// binary search for the bin
		lo, hi := 0, last
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if v >= edges[mid] {
				lo = mid
			} else {
				hi = mid
			}
		}
		counts[lo]++
	}
	return counts
}

// histEdges is a filled histogram of values over the given bin edges.
func histEdges(values, edges []float64, fill color.Color) *plotter.Histogram {
	counts := Histogram(values, edges)
	bins := make([]plotter.HistogramBin, len(counts))
	for i := range counts {
		bins[i] = plotter.HistogramBin{Min: edges[i], Max: edges[i+1], Weight: counts[i]}
	}
	return &plotter.Histogram{Bins: bins, Width: edges[1] - edges[0], FillColor: fill,
		LineStyle: draw.LineStyle{Color: color.Transparent, Width: 0}}
}

// histAuto is matplotlib's default plt.hist: 10 equal bins over [min, max] (a single value
// gets the bin [v − 0.5, v + 0.5]); an empty sample draws nothing.
func histAuto(p *plot.Plot, values []float64, fill color.Color) {
	if len(values) == 0 {
		fig.Limits(p, 0, 1, 0, 1)
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	edges := make([]float64, 11)
	for i := range edges {
		edges[i] = lo + float64(i)*(hi-lo)/10
	}
	edges[10] = hi
	p.Add(histEdges(values, edges, fill))
}

// stepPre draws y against x as matplotlib's plt.step (where='pre'): the value y[i] holds
// on (x[i−1], x[i]].
func stepPre(p *plot.Plot, x, y []float64, c color.Color) {
	if len(x) == 0 {
		return
	}
	xs := []float64{x[0]}
	ys := []float64{y[0]}
	for i := 1; i < len(x); i++ {
		xs = append(xs, x[i-1], x[i])
		ys = append(ys, y[i], y[i])
	}
	fig.Line(p, xs, ys, fig.Color(c), fig.LineWidth(1.5))
}

// indices returns 0, 1, …, n−1 as floats.
func indices(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(i)
	}
	return out
}

// gridLines adds light grid lines (plt.grid(True)).
func gridLines(p *plot.Plot) {
	g := plotter.NewGrid()
	g.Vertical.Color, g.Horizontal.Color = color.Gray{Y: 0xb0}, color.Gray{Y: 0xb0}
	g.Vertical.Width, g.Horizontal.Width = 0.5, 0.5
	p.Add(g)
}

// sciTicks are fig.NiceTicks whose labels switch to scientific notation ("2e10", "5e-05")
// when the axis values are very large or very small, so that they do not overlap (matplotlib
// shows an offset such as "1e10" instead).
type sciTicks struct{}

func (sciTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := fig.NiceTicks{}.Ticks(lo, hi)
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

// useSciTicks puts sciTicks on both axes of p.
func useSciTicks(p *plot.Plot) {
	p.X.Tick.Marker = sciTicks{}
	p.Y.Tick.Marker = sciTicks{}
}
