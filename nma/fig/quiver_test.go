package fig

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// The arrows run from their tails to (x + u/scale, y + v/scale) in data units — so on screen
// they follow the axes' scales, as matplotlib's angles='xy' — shrink as a whole when shorter
// than their head, and arrows with NaN, zero length or a tail outside the panel are left out.
func TestQuiverDrawsArrowsInDataUnits(t *testing.T) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 10, 0, 1 // 10 pt per x unit, 100 pt per y unit
	q := &Quiver{
		X:     []float64{2, 5, 8, 1, 3, 12},
		Y:     []float64{0.5, 0.5, 0.2, 0.1, 0.1, 0.5},
		U:     []float64{2, 1, 0.2, math.NaN(), 0, 1},
		V:     []float64{0, 0.1, 0, 1, 0, 1},
		Scale: 2,
		Color: Red,
	}
	var rec recorder.Canvas
	c := draw.Canvas{Canvas: &rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 100, Y: 100}}}
	q.Plot(c, p)

	var fills []vg.Path
	coloured := false
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.Fill:
			fills = append(fills, a.Path)
		case *recorder.SetColor:
			coloured = a.Color == Red
		}
	}
	if !coloured {
		t.Error("the arrows are not filled in the quiver's colour")
	}
	if len(fills) != 3 {
		t.Fatalf("%d arrows drawn, want 3 (NaN, zero-length and outside arrows left out)", len(fills))
	}
	const w = 0.5 // shaft width: 0.5% of the 100-pt panel
	for i, c := range []struct {
		tail, tip vg.Point
		halfHead  float64 // half the head's width
	}{
		{vg.Point{X: 20, Y: 50}, vg.Point{X: 30, Y: 50}, 1.5 * w},       // (2, 0)/2 → 10 pt to the right
		{vg.Point{X: 50, Y: 50}, vg.Point{X: 55, Y: 55}, 1.5 * w},       // (1, 0.1)/2 → 45° on screen
		{vg.Point{X: 80, Y: 20}, vg.Point{X: 81, Y: 20}, 0.4 * 1.5 * w}, // 1 pt, shorter than the head (2.5 pt): shrunk to 40%
	} {
		path := fills[i]
		if len(path) != 8 || path[0].Type != vg.MoveComp || path[7].Type != vg.CloseComp {
			t.Fatalf("arrow %d: path %v, want 7 points and a close", i, path)
		}
		tip := path[3].Pos
		if d := math.Hypot(float64(tip.X-c.tip.X), float64(tip.Y-c.tip.Y)); d > 1e-9 {
			t.Errorf("arrow %d: tip at %v, want %v", i, tip, c.tip)
		}
		mid := vg.Point{X: (path[0].Pos.X + path[6].Pos.X) / 2, Y: (path[0].Pos.Y + path[6].Pos.Y) / 2}
		if d := math.Hypot(float64(mid.X-c.tail.X), float64(mid.Y-c.tail.Y)); d > 1e-9 {
			t.Errorf("arrow %d: tail at %v, want %v", i, mid, c.tail)
		}
		head := math.Hypot(float64(path[2].Pos.X-path[4].Pos.X), float64(path[2].Pos.Y-path[4].Pos.Y)) / 2
		if math.Abs(head-c.halfHead) > 1e-9 {
			t.Errorf("arrow %d: half head width %g, want %g", i, head, c.halfHead)
		}
	}
	if x0, x1, y0, y1 := q.DataRange(); x0 != 1 || x1 != 12 || y0 != 0.1 || y1 != 0.5 {
		t.Errorf("DataRange = %g, %g, %g, %g; want the tails' range 1, 12, 0.1, 0.5", x0, x1, y0, y1)
	}
}
