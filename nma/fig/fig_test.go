package fig

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/internal/pngenc"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"gonum.org/v1/plot/plotter"
)

func sample() *Figure {
	p := NewPlot("title", "x", "y")
	Line(p, []float64{0, 1, 2}, []float64{0, 1, 4}, Label("quadratic"))
	Scatter(p, []float64{1}, []float64{1})
	HLine(p, 0.5, Dashed())
	return New(p)
}

func TestPNGSizeAndDPI(t *testing.T) {
	f := sample()
	data, err := f.PNG()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// 8×6 in at 150 DPI; shown at 72 px per inch, i.e. about 2× for HiDPI screens.
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 900 {
		t.Errorf("PNG is %dx%d, want 1200x900", b.Dx(), b.Dy())
	}
	if f.DisplayWidth() != 576 {
		t.Errorf("display width %d, want 576", f.DisplayWidth())
	}
	// Rendering is deterministic (the example-image staleness check relies on it).
	again, _ := sample().PNG()
	if !bytes.Equal(data, again) {
		t.Error("two renders of the same figure differ")
	}
}

func TestSavePNG(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.png")
	if err := sample().Save(p); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("f.png is not a PNG (%d bytes)", len(data))
	}
	for _, ext := range []string{".svg", ".pdf", ".bmp"} {
		if err := sample().Save(filepath.Join(dir, "f"+ext)); err == nil || !strings.Contains(err.Error(), "figfile.Save") {
			t.Errorf("Save(%s) = %v, want an error pointing to figfile.Save", ext, err)
		}
	}
}

func TestGridHeatmapAndColourBar(t *testing.T) {
	f := Grid(1, 2)
	z := [][]float64{{0, 1}, {2, 3}}
	if _, err := Heatmap(f, f.At(0, 1), z, 0, 2, 0, 2, Diverging(), 0, 3); err != nil {
		t.Fatal(err)
	}
	if f.panels[0][1].cb == nil {
		t.Error("the heat map panel has no colour bar")
	}
	// imshow orientation and semantics: row 0 at the top, out-of-range values clipped to
	// the end colours, NaN transparent, cells sharp.
	g := Grid(1, 1)
	zz := [][]float64{{-5, 1}, {math.NaN(), 9}}
	if _, err := Heatmap(g, g.At(0, 0), zz, 0, 2, 0, 2, Sequential(), 0, 3); err != nil {
		t.Fatal(err)
	}
	im, err := rasterize(zz, Sequential(), 0, 3)
	if err != nil {
		t.Fatal(err)
	}
	b := im.Bounds()
	if b.Dx() != 1200 || b.Dy() != 1200 {
		t.Errorf("raster %v, want 1200×1200 (600 px per cell)", b)
	}
	cm := Sequential()
	cm.SetMin(0)
	cm.SetMax(3)
	lo, _ := cm.At(0)
	hi, _ := cm.At(3)
	px := func(x, y int) color.NRGBA { return im.NRGBAAt(x, y) }
	if px(10, 10) != color.NRGBAModel.Convert(lo) || px(1190, 1190) != color.NRGBAModel.Convert(hi) {
		t.Errorf("clipping: top-left %v (want %v), bottom-right %v (want %v)", px(10, 10), lo, px(1190, 1190), hi)
	}
	if px(10, 1190).A != 0 {
		t.Errorf("NaN cell is not transparent: %v", px(10, 1190))
	}
	if px(599, 10) != px(0, 10) || px(600, 10) == px(599, 10) {
		t.Error("cells are not sharp at their edges")
	}
	g.ColorbarLabel(g.At(0, 0), "rate (Hz)")
	if g.panels[0][0].cb.Title.Text != "rate (Hz)" {
		t.Error("ColorbarLabel")
	}
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		z    [][]float64
		vmin float64
		vmax float64
		want string
	}{
		{nil, 0, 1, "z is empty"},
		{[][]float64{{1, 2}, {3}}, 0, 1, "row 1 has 1 values"},
		{z, 1, 1, "vmax=1 must exceed vmin=1"},
	} {
		if _, err := Heatmap(nil, NewPlot("", "", ""), c.z, 0, 1, 0, 1, Sequential(), c.vmin, c.vmax); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Heatmap error %v, want %q", err, c.want)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	labels := func(min, max float64) []string {
		var out []string
		for _, tk := range (NiceTicks{}).Ticks(min, max) {
			if tk.Label != "" {
				out = append(out, tk.Label)
			}
		}
		return out
	}
	for _, c := range []struct {
		min, max float64
		want     string
	}{
		{0, 19.9, "0 5 10 15"},
		{0, 1, "0.0 0.2 0.4 0.6 0.8 1.0"},
		{-0.1, 0.1, "-0.10 -0.05 0.00 0.05 0.10"},
		{0, 1000, "0 200 400 600 800 1000"},
	} {
		if got := strings.Join(labels(c.min, c.max), " "); got != c.want {
			t.Errorf("ticks on [%g, %g] = %q, want %q", c.min, c.max, got, c.want)
		}
	}
}

func TestNaNPointsAreSkippedAndLengthsChecked(t *testing.T) {
	pts, err := xys([]float64{0, 1, 2}, []float64{1, math.NaN(), 3})
	if err != nil || len(pts) != 2 || pts[1] != (plotter.XY{X: 2, Y: 3}) {
		t.Errorf("xys = %v, %v", pts, err)
	}
	if _, err := xys([]float64{0}, nil); err == nil || !strings.Contains(err.Error(), "len(x)=1 and len(y)=0") {
		t.Errorf("length mismatch error %v", err)
	}
}

func TestColourCycle(t *testing.T) {
	p := NewPlot("", "", "")
	a := Line(p, []float64{0, 1}, []float64{0, 1})
	b := Line(p, []float64{0, 1}, []float64{1, 0})
	if a.Color != C(0) || b.Color != C(1) || C(10) != C(0) || C(-1) != C(9) {
		t.Error("lines must take tab10 colours in order")
	}
}

func BenchmarkPNG(b *testing.B) {
	f := sample()
	for b.Loop() {
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRowHeightsAndSet(t *testing.T) {
	f := Grid(2, 2)
	f.RowHeights = []float64{2, 1}
	f.ColWidths = []float64{1, 3}
	c := vgimg.New(f.Width, f.Height)
	dc := draw.New(c)
	top := f.tile(dc, 2, 2, 0, 0)
	bottom := f.tile(dc, 2, 2, 1, 0)
	right := f.tile(dc, 2, 2, 0, 1)
	if h0, h1 := top.Max.Y-top.Min.Y, bottom.Max.Y-bottom.Min.Y; math.Abs(float64(h0/h1)-2) > 1e-9 || top.Min.Y <= bottom.Max.Y {
		t.Errorf("row heights %v and %v, want 2:1 with the first on top", h0, h1)
	}
	if w0, w1 := top.Max.X-top.Min.X, right.Max.X-right.Min.X; math.Abs(float64(w1/w0)-3) > 1e-9 {
		t.Errorf("column widths %v and %v, want 1:3", w0, w1)
	}
	p := NewPlot("mine", "", "")
	if f.Set(1, 1, p).At(1, 1) != p {
		t.Error("Set did not place the plot")
	}
	if _, err := f.PNG(); err != nil {
		t.Fatal(err)
	}
}

// A figure's PNG looks like its exact rendering: the palette (nma/internal/pngenc) moves at
// most maxOffPalette of the pixels, and almost none of them far (measured on this busy
// figure, 3 crossing coloured curves, markers and a legend: 0.86 % of the pixels changed,
// 0.075 % by more than 32 of 255 — isolated pixels where two curves cross).
func TestPNGLooksLikeTheExactImage(t *testing.T) {
	p := NewPlot("three curves", "time (s)", "x")
	x := make([]float64, 400)
	for i := range x {
		x[i] = float64(i) / 40
	}
	for k := 1; k <= 3; k++ {
		y := make([]float64, len(x))
		for i, xi := range x {
			y[i] = float64(k) * math.Sin(xi*float64(k)/2)
		}
		Line(p, x, y, Label(fmt.Sprint("k = ", k)))
		xs, ys := make([]float64, 0, 10), make([]float64, 0, 10)
		for i := 0; i < len(x); i += 40 {
			xs, ys = append(xs, x[i]), append(ys, y[i])
		}
		Scatter(p, xs, ys)
	}
	f := New(p)
	exact, err := f.Image()
	if err != nil {
		t.Fatal(err)
	}
	data, err := f.PNG()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	fr, err := pngenc.Changed(exact, img, 0, 32)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%.2f%% of the pixels changed, %.3f%% by more than 32 of 255", 100*fr[0], 100*fr[1])
	if frac := fr[0]; frac > maxOffPalette {
		t.Errorf("%.2f%% of the pixels changed, at most %.0f%% allowed", 100*frac, 100*maxOffPalette)
	}
	if frac := fr[1]; frac > 0.001 {
		t.Errorf("%.3f%% of the pixels changed by more than 32 of 255, at most 0.1%% allowed", 100*frac)
	}
}
