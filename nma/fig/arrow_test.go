package fig

import (
	"math"
	"testing"
)

// The arrow's outline is plt.arrow's: the tip at (x+dx, y+dy), the head 1.5·headWidth long
// and headWidth wide, the shaft width wide, in data units along the arrow's direction.
func TestArrowOutline(t *testing.T) {
	p := NewPlot("", "", "")
	a := Arrow(p, 1, 2, 6, 8, 0.5, 2, Color(Red)) // length 10 along (0.6, 0.8)
	if a == nil || len(a.XYs) != 1 || len(a.XYs[0]) != 7 {
		t.Fatalf("Arrow = %v, want one polygon of 7 points", a)
	}
	if a.Color != Red {
		t.Errorf("fill %v, want red", a.Color)
	}
	pts := a.XYs[0]
	near := func(what string, gx, gy, wx, wy float64) {
		t.Helper()
		if math.Abs(gx-wx) > 1e-12 || math.Abs(gy-wy) > 1e-12 {
			t.Errorf("%s at (%g, %g), want (%g, %g)", what, gx, gy, wx, wy)
		}
	}
	near("tip", pts[3].X, pts[3].Y, 7, 10)
	// The head's base is 3 (1.5·2) back from the tip, ±1 across (perpendicular (−0.8, 0.6)).
	near("head corner", pts[2].X, pts[2].Y, 1+0.6*7-0.8*1, 2+0.8*7+0.6*1)
	near("shaft corner at the tail", pts[0].X, pts[0].Y, 1-0.8*0.25, 2+0.6*0.25)
	// A short arrow is all head; a zero-length one is nothing.
	short := Arrow(p, 0, 0, 1, 0, 0.5, 2, Color(Blue))
	if got := short.XYs[0][1].X; got != 0 {
		t.Errorf("a short arrow's shaft ends at %g, want 0 (the head takes the whole length)", got)
	}
	if Arrow(p, 0, 0, 0, 0, 0.5, 2) != nil {
		t.Error("a zero-length arrow must draw nothing")
	}
}
