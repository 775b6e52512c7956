package fig

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// winner replicates gonum/plot's choice of the box that pads one side of a panel
// (leftMost, rightMost, bottomMost, topMost in plot.go: the first box, in order, that goes
// furthest past the canvas edge) on a canvas from lo to lo+size along one axis. It returns
// the values padX/padY compute the padding from: the box's normalised position, its
// rectangle's offset and size along that axis.
func winner(boxes []plot.GlyphBox, side int, lo, size vg.Length) [3]float64 {
	var best [3]float64
	if side%2 == 1 {
		best[0] = 1
	}
	edge := lo
	if side%2 == 1 {
		edge = lo + size
	}
	for _, b := range boxes {
		pos, off, sz := b.X, b.Min.X, b.Size().X
		if side >= 2 {
			pos, off, sz = b.Y, b.Min.Y, b.Size().Y
		}
		if sz <= 0 {
			continue
		}
		c := lo + size*vg.Length(pos) + off
		switch side % 2 {
		case 0: // left or bottom
			if c < edge && pos >= 0 {
				edge, best = c, [3]float64{pos, float64(off), float64(sz)}
			}
		case 1: // right or top
			if c+sz > edge && pos <= 1 {
				edge, best = c+sz, [3]float64{pos, float64(off), float64(sz)}
			}
		}
	}
	return best
}

// kept is plot.GlyphBoxes's filter: boxes with a positive size outside [0, 1] are dropped.
func kept(bs []plot.GlyphBox) []plot.GlyphBox {
	var out []plot.GlyphBox
	for _, b := range bs {
		if b.Size().X > 0 && (b.X < 0 || b.X > 1) || b.Size().Y > 0 && (b.Y < 0 || b.Y > 1) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// The cut glyph boxes pad every side exactly as all of plotter.Line's do: the same winning
// box values on random canvases, for random lines (clipped by fixed limits, flat, with
// runs of equal and nearly equal extremes, of zero width), several lines per panel.
func TestExtremeLineSamePadding(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		p := plot.New()
		if trial%3 == 0 {
			p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -0.5, 0.7, -0.3, 0.9 // clips some points
		}
		var full, cut []plot.GlyphBox
		var lines []*plotter.Line
		for range 1 + r.IntN(4) {
			n := 1 + r.IntN(300)
			pts := make(plotter.XYs, n)
			for i := range pts {
				switch trial % 4 {
				case 0:
					pts[i] = plotter.XY{X: r.NormFloat64(), Y: r.NormFloat64()}
				case 1: // a flat line and a staircase of equal extremes
					pts[i] = plotter.XY{X: float64(i % 7), Y: 0.25}
				case 2: // converging to 0 with differences down to 1 ulp
					pts[i] = plotter.XY{X: math.Nextafter(0.3, 1) * math.Pow(0.5, float64(i%60)), Y: float64(i) + math.Nextafter(0, float64(i%3))}
				default: // quantised, many ties
					pts[i] = plotter.XY{X: math.Round(r.NormFloat64()*4) / 4, Y: math.Round(r.NormFloat64()*4) / 4}
				}
			}
			l, err := plotter.NewLine(pts)
			if err != nil {
				t.Fatal(err)
			}
			l.Width = vg.Length([]float64{0, 0.5, 1.5, 3}[r.IntN(4)])
			lines = append(lines, l)
			p.Add(extremeLine{l})
		}
		// the axes' ranges are set when the plotters are added; now gather the boxes
		for _, l := range lines {
			full = append(full, kept(l.GlyphBoxes(p))...)
			cut = append(cut, kept(extremeLine{l}.GlyphBoxes(p))...)
		}
		if len(cut) > len(full) {
			t.Fatalf("trial %d: %d cut boxes, more than all %d", trial, len(cut), len(full))
		}
		for range 5 {
			lo := vg.Length(r.Float64() * 100)
			size := vg.Length(1 + r.Float64()*1000)
			for side := range 4 {
				if w, g := winner(full, side, lo, size), winner(cut, side, lo, size); w != g {
					t.Fatalf("trial %d, side %d, canvas %v+%v: the cut boxes pick %v, all boxes %v", trial, side, lo, size, g, w)
				}
			}
		}
	}
}

// A figure with many long lines, some leaving the panel, draws the same pixels with the cut
// boxes as with plotter.Line's own.
func TestExtremeLineSamePixels(t *testing.T) {
	render := func(cut bool) []uint8 {
		p := NewPlot("lines", "x", "y")
		Limits(p, -0.9, math.NaN(), math.NaN(), 0.8)
		for k := range 25 {
			x, y := make([]float64, 1000), make([]float64, 1000)
			for i := range x {
				x[i] = math.Cos(float64(i)/50+float64(k)) * math.Exp(-float64(i)/400)
				y[i] = math.Sin(float64(i)/50+float64(k)) * math.Exp(-float64(i)/300)
			}
			if cut {
				Line(p, x, y, LineWidth(3))
				continue
			}
			pts, _ := xys(x, y)
			l, _ := plotter.NewLine(pts)
			s := style(p, []Opt{LineWidth(3)})
			l.Color, l.Width = s.Color, s.Width
			p.Add(l)
		}
		img, err := New(p).Size(6, 4).Image()
		if err != nil {
			t.Fatal(err)
		}
		return img.Pix
	}
	if a, b := render(true), render(false); !bytes.Equal(a, b) {
		t.Fatal("the figure with the cut glyph boxes differs from the one with all of them")
	}
}
