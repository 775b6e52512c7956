package linsys

import (
	"math"
	"testing"

	"github.com/nma-go/nma-go/nma"
)

func TestSpiralSeedsVisitEveryCellOnce(t *testing.T) {
	for _, n := range [][2]int{{60, 60}, {30, 45}, {2, 2}} {
		seen := map[[2]int]int{}
		seeds := spiralSeeds(n[0], n[1])
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

// Streamlines of ẋ = A·x follow the field: every step of a line points along A·x (the lines
// are integrated in both directions, so along the whole line the direction is consistent),
// stays in the domain, and the lines cover the plane without crossing into occupied cells.
func TestStreamlinesFollowTheField(t *testing.T) {
	grid := nma.Arange(-20, 21, 1)
	for i, A := range AOptions() {
		n := len(grid)
		u, v := make([][]float64, n), make([][]float64, n)
		for j, y := range grid {
			u[j], v[j] = make([]float64, n), make([]float64, n)
			for k, x := range grid {
				u[j][k] = A.At(0, 0)*x + A.At(0, 1)*y
				v[j][k] = A.At(1, 0)*x + A.At(1, 1)*y
			}
		}
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
				fx, fy := A.At(0, 0)*x+A.At(0, 1)*y, A.At(1, 0)*x+A.At(1, 1)*y
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
	if _, err := Streamlines([]float64{0}, g, f, f, nil, StreamOptions{}); err == nil {
		t.Error("a 1-point grid must fail")
	}
	_, err := Streamlines([]float64{0, 1, 3}, g, f, f, nil, StreamOptions{})
	wantErr(t, "uneven grid", err, "evenly spaced")
	_, err = Streamlines(g, g, f[:2], f, nil, StreamOptions{})
	wantErr(t, "short u", err, "u has 2 rows")
	_, err = Streamlines(g, g, f, f, nil, StreamOptions{Density: -1})
	wantErr(t, "negative density", err, "Density=-1")
	// A zero field has no lines (every seed stalls).
	lines, err := Streamlines(g, g, f, f, nil, StreamOptions{})
	if err != nil || len(lines) != 0 {
		t.Errorf("zero field: %d lines, %v", len(lines), err)
	}
}

func TestCividisEnds(t *testing.T) {
	for _, c := range []struct {
		v       float64
		r, g, b uint8
	}{{0, 0, 34, 78}, {1, 254, 232, 56}, {-1, 0, 34, 78}, {2, 254, 232, 56}} {
		r, g, b, _ := Cividis(c.v).RGBA()
		if uint8(r>>8) != c.r || uint8(g>>8) != c.g || uint8(b>>8) != c.b {
			t.Errorf("Cividis(%g) = %d,%d,%d; want %d,%d,%d", c.v, r>>8, g>>8, b>>8, c.r, c.g, c.b)
		}
	}
}
