package fig_test

import (
	"image/color"
	"testing"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/figtest"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// A tick is a vertical bar of height 2·radius centred on the point, in the glyph's colour.
func TestTickGlyphIsAVerticalBar(t *testing.T) {
	c := vgimg.NewWith(vgimg.UseWH(100, 100), vgimg.UseDPI(72), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(c)
	fig.TickGlyph{Width: 3}.DrawGlyph(&dc, draw.GlyphStyle{Color: color.Black, Radius: 20}, vg.Point{X: 50, Y: 50})
	img := c.Image()
	dark := func(x, y int) bool { // image rows grow downwards; the canvas is 100 pt = 100 px
		r, _, _, _ := img.At(x, 100-y).RGBA()
		return r < 0x8000
	}
	for _, y := range []int{32, 50, 68} {
		if !dark(50, y) {
			t.Errorf("no bar at (50, %d)", y)
		}
	}
	for _, pt := range [][2]int{{50, 25}, {50, 75}, {45, 50}, {55, 50}} {
		if dark(pt[0], pt[1]) {
			t.Errorf("ink at %v, outside the bar from (50, 30) to (50, 70)", pt)
		}
	}
}

// Raster draws one tick per time with the options' colour and half-height, adds one legend
// entry, and draws nothing (nor takes a colour of the cycle) for no times.
func TestRaster(t *testing.T) {
	p := fig.NewPlot("", "", "")
	if sc := fig.Raster(p, nil, 1, fig.Label("none")); sc != nil {
		t.Errorf("no times: got a scatter with %d points", sc.Len())
	}
	sc := fig.Raster(p, []float64{2, 5, 8}, 1, fig.Color(fig.Red), fig.MarkerSize(10), fig.Label("spikes"))
	if sc == nil || sc.Len() != 3 {
		t.Fatalf("3 times: %v", sc)
	}
	if _, ok := sc.GlyphStyle.Shape.(fig.TickGlyph); !ok || sc.GlyphStyle.Radius != 10 || sc.GlyphStyle.Color != fig.Red {
		t.Errorf("glyph style %+v, want red ticks of half-height 10", sc.GlyphStyle)
	}
	for i := range 3 {
		if x, y := sc.XY(i); y != 1 || x != []float64{2, 5, 8}[i] {
			t.Errorf("point %d at (%g, %g)", i, x, y)
		}
	}
	auto := fig.Raster(p, []float64{3}, 2)
	if auto.GlyphStyle.Color != fig.C(0) || auto.GlyphStyle.Radius != 4 {
		t.Errorf("defaults: colour %v, half-height %v; want the first colour of the cycle, 4", auto.GlyphStyle.Color, auto.GlyphStyle.Radius)
	}
	// The legend holds one entry, "spikes": the figure with the empty labelled row looks the
	// same as one without it.
	q := fig.NewPlot("", "", "")
	fig.Raster(q, []float64{2, 5, 8}, 1, fig.Color(fig.Red), fig.MarkerSize(10), fig.Label("spikes"))
	fig.Raster(q, []float64{3}, 2)
	a, err := figtest.Render(fig.New(p))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := figtest.Render(fig.New(q))
	if frac, _, err := figtest.Compare(a, b); err != nil || frac != 0 {
		t.Errorf("an empty labelled row changed the figure (%.4f of the pixels, %v)", frac, err)
	}
}
