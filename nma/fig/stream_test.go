package fig

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/palette/moreland"
)

func TestStreamSeedsVisitEveryCellOnce(t *testing.T) {
	for _, n := range [][2]int{{60, 60}, {30, 45}, {2, 2}} {
		seen := map[[2]int]int{}
		seeds := streamSeeds(n[0], n[1])
		for _, s := range seeds {
			if s[0] < 0 || s[0] >= n[0] || s[1] < 0 || s[1] >= n[1] {
				t.Fatalf("%v: seed %v outside the mask", n, s)
			}
			seen[s]++
		}
		if len(seeds) != n[0]*n[1] || len(seen) != n[0]*n[1] {
			t.Errorf("%v: %d seeds, %d distinct; want %d", n, len(seeds), len(seen), n[0]*n[1])
		}
		if seeds[0] != [2]int{0, 0} || seeds[1] != [2]int{1, 0} {
			t.Errorf("%v: the spiral starts %v, want along the bottom edge from the corner", n, seeds[:2])
		}
	}
}

// linearField is ẋ = A·x for the 2×2 matrix a (row-major) on the grid −20, −19, …, 20, with
// the course's colour 2·log(1 + |ẋ|).
func linearField(a [4]float64) (grid []float64, u, v, col [][]float64) {
	for x := -20.0; x <= 20; x++ {
		grid = append(grid, x)
	}
	n := len(grid)
	u, v, col = make([][]float64, n), make([][]float64, n), make([][]float64, n)
	for j, y := range grid {
		u[j], v[j], col[j] = make([]float64, n), make([]float64, n), make([]float64, n)
		for k, x := range grid {
			u[j][k] = a[0]*x + a[1]*y
			v[j][k] = a[2]*x + a[3]*y
			col[j][k] = 2 * math.Log1p(math.Hypot(u[j][k], v[j][k]))
		}
	}
	return grid, u, v, col
}

// Streamlines of ẋ = A·x follow the field: every step of a line points along A·x (the lines
// are integrated in both directions, so along the whole line the direction is consistent),
// stays in the domain, and the lines cover the plane without crossing into occupied cells.
// The matrices are W2D2's: a centre, an unstable node, a stable node and a saddle.
func TestStreamlinesFollowTheField(t *testing.T) {
	for i, a := range [][4]float64{{2, -5, 1, -2}, {3, 4, 1, 2}, {-1, -1, 0, -0.25}, {3, -2, 2, -2}} {
		grid, u, v, _ := linearField(a)
		lines, err := Streamlines(grid, grid, u, v, nil, StreamOptions{Density: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) < 40 {
			t.Errorf("A%d: only %d streamlines", i+1, len(lines))
		}
		bad, total := 0, 0
		for _, l := range lines {
			if l.Arrow < 0 || l.Arrow >= len(l.X)-1 {
				t.Fatalf("A%d: arrow index %d of %d points", i+1, l.Arrow, len(l.X))
			}
			for k := 0; k+1 < len(l.X); k++ {
				x, y := l.X[k], l.Y[k]
				if math.Abs(x) > 20+1e-9 || math.Abs(y) > 20+1e-9 {
					t.Fatalf("A%d: point (%g, %g) outside the grid", i+1, x, y)
				}
				dx, dy := l.X[k+1]-x, l.Y[k+1]-y
				fx, fy := a[0]*x+a[1]*y, a[2]*x+a[3]*y
				if math.Hypot(fx, fy) < 1 || math.Hypot(dx, dy) < 1e-9 {
					continue
				}
				total++
				if (dx*fx+dy*fy)/(math.Hypot(dx, dy)*math.Hypot(fx, fy)) < 0.9 {
					bad++
				}
			}
		}
		if total == 0 || float64(bad) > 0.01*float64(total) {
			t.Errorf("A%d: %d of %d steps do not point along the field", i+1, bad, total)
		}
	}
}

func TestStreamlinesErrors(t *testing.T) {
	g := []float64{0, 1, 2}
	f := [][]float64{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}
	wantErr := func(what string, err error, mention string) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), mention) {
			t.Errorf("%s: error %v, want one mentioning %q", what, err, mention)
		}
	}
	_, err := Streamlines([]float64{0}, g, f, f, nil, StreamOptions{})
	wantErr("a 1-point grid", err, "1×3")
	_, err = Streamlines([]float64{0, 1, 3}, g, f, f, nil, StreamOptions{})
	wantErr("uneven grid", err, "evenly spaced")
	_, err = Streamlines(g, g, f[:2], f, nil, StreamOptions{})
	wantErr("short u", err, "u has 2 rows")
	_, err = Streamlines(g, g, f, f, nil, StreamOptions{Density: -1})
	wantErr("negative density", err, "Density=-1")
	// A zero field has no lines (every seed stalls).
	lines, err := Streamlines(g, g, f, f, nil, StreamOptions{})
	if err != nil || len(lines) != 0 {
		t.Errorf("zero field: %d lines, %v", len(lines), err)
	}
}

// NewStreamplot maps the colour array's range onto the colour map (the slowest segment takes
// the map's first colour region, the fastest its last), and without a map draws in Color.
func TestNewStreamplotColours(t *testing.T) {
	grid, u, v, col := linearField([4]float64{3, -2, 2, -2})
	cm := moreland.SmoothBlueRed()
	s, err := NewStreamplot(grid, grid, u, v, col, cm, StreamOptions{Density: 2})
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, row := range col {
		for _, c := range row {
			lo, hi = math.Min(lo, c), math.Max(hi, c)
		}
	}
	if cm.Min() != lo || cm.Max() != hi {
		t.Errorf("colour map range [%g, %g], want the colour array's [%g, %g]", cm.Min(), cm.Max(), lo, hi)
	}
	if xmin, xmax, ymin, ymax := s.DataRange(); xmin != -20 || xmax != 20 || ymin != -20 || ymax != 20 {
		t.Errorf("DataRange = %g, %g, %g, %g; want the grid's ±20", xmin, xmax, ymin, ymax)
	}
	first, _ := cm.At(lo)
	for _, l := range s.Lines {
		if len(l.C) != len(l.X)-1 {
			t.Fatalf("a line of %d points has %d colour values", len(l.X), len(l.C))
		}
	}
	if got := s.colourOf(Streamline{C: []float64{lo - 5}}, 0); got != first {
		t.Errorf("a value below the range gets %v, want the first colour %v (clamped)", got, first)
	}
	plain, err := NewStreamplot(grid, grid, u, v, nil, nil, StreamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if plain.ColorMap != nil || plain.colourOf(plain.Lines[0], 0) != color.Black {
		t.Error("without colours the lines must be black")
	}
	// It renders as part of a figure.
	p := NewPlot("saddle", "x1", "x2")
	p.Add(s)
	png, err := New(p).PNG()
	if err != nil || len(png) < 1000 {
		t.Errorf("PNG of %d bytes, %v", len(png), err)
	}
}
