package ratemodelfig

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
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

// spot is where a fixed point's label goes: its anchor (x, y) with alignments, and the
// centre (cx, cy) of the box it covers.
type spot struct {
	x, y, cx, cy float64
	xAlign       text.XAlignment
	yAlign       text.YAlignment
}

// labelSpot chooses where the two-line label of fixed point fp goes in the phase plane pl:
// above it (the course's plot_fp: offset (0.02, 0.1), centred), or — when more of the curves
// xy (pairs of x and y slices) pass through that box — below, right or left of it, whichever
// box the curves cross least (ties keep the earlier choice). The box is about 20 % of the
// axis range wide and 9 % high: the label's size at the figure's default size.
func labelSpot(pl *plot.Plot, fp [2]float64, xy ...[]float64) spot {
	xr, yr := pl.X.Max-pl.X.Min, pl.Y.Max-pl.Y.Min
	if !(xr > 0) || !(yr > 0) {
		xr, yr = 1, 1
	}
	w, h := 0.24*xr, 0.1*yr
	cands := []spot{
		{x: fp[0] + 0.02, y: fp[1] + 0.1, xAlign: text.XCenter, yAlign: text.YBottom},
		{x: fp[0], y: fp[1] - 0.04*yr, xAlign: text.XCenter, yAlign: text.YTop},
		{x: fp[0] + 0.025*xr, y: fp[1], xAlign: text.XLeft, yAlign: text.YCenter},
		{x: fp[0] - 0.025*xr, y: fp[1], xAlign: text.XRight, yAlign: text.YCenter},
	}
	best, bestN := 0, -1
	for i := range cands {
		c := &cands[i]
		c.cx, c.cy = c.x, c.y
		switch c.xAlign {
		case text.XLeft:
			c.cx += w / 2
		case text.XRight:
			c.cx -= w / 2
		}
		switch c.yAlign {
		case text.YBottom:
			c.cy += h / 2
		case text.YTop:
			c.cy -= h / 2
		}
		// A box that sticks out of the axes costs in proportion to how far (a fifth of its
		// width may stick out sideways, over the axis's margin, for free).
		fx := (max(0, pl.X.Min-(c.cx-w/2)) + max(0, c.cx+w/2-pl.X.Max)) / w
		fy := (max(0, pl.Y.Min-(c.cy-h/2)) + max(0, c.cy+h/2-pl.Y.Max)) / h
		n := int(400 * (max(0, fx-0.2) + fy))
		for k := 0; k+1 < len(xy); k += 2 {
			xs, ys := xy[k], xy[k+1]
			for j := 0; j+1 < len(xs); j++ {
				// walk each segment in steps of 1/200 of the axes, so n measures the length
				// of curve inside the box, however the curve was sampled
				dx, dy := (xs[j+1]-xs[j])/xr, (ys[j+1]-ys[j])/yr
				steps := max(1, int(200*math.Hypot(dx, dy)))
				for s := 0; s < steps; s++ {
					f := float64(s) / float64(steps)
					x, y := xs[j]+f*(xs[j+1]-xs[j]), ys[j]+f*(ys[j+1]-ys[j])
					if math.Abs(x-c.cx) < w/2 && math.Abs(y-c.cy) < h/2 {
						n++
					}
				}
			}
		}
		if bestN < 0 || n < bestN {
			best, bestN = i, n
		}
	}
	return cands[best]
}
