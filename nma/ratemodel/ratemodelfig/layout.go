package ratemodelfig

import (
	"math"

	"gonum.org/v1/plot"
)

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

// minMax is the smallest and the largest value of all of vs.
func minMax(vs ...[]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		for _, x := range v {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	return lo, hi
}
