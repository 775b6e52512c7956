package vision

import (
	"math"
	"testing"
)

func TestGratingAndFilters(t *testing.T) {
	g0 := Grating(0)
	if g0.Shape[0] != 48 || g0.Shape[1] != 64 {
		t.Fatalf("grating shape %v, want [48 64]", g0.Shape)
	}
	// 0° (vertical) stripes: every row equal; 90°: every column equal; values ±0.5.
	for i := 1; i < 48; i++ {
		for j := 0; j < 64; j++ {
			if g0.At(i, j) != g0.At(0, j) {
				t.Fatalf("0° grating: row %d differs from row 0", i)
			}
		}
	}
	g90 := Grating(90)
	for i := 0; i < 48; i++ {
		for j := 1; j < 64; j++ {
			if g90.At(i, j) != g90.At(i, 0) {
				t.Fatalf("90° grating: column %d differs", j)
			}
		}
	}
	for _, v := range g0.Data {
		if v != 0.5 && v != -0.5 {
			t.Fatalf("grating value %g, want ±0.5", v)
		}
	}
	if s := Grating(10, Res(0.025)).Shape; s[0] != 12 || s[1] != 16 {
		t.Errorf("res 0.025 grating shape %v, want [12 16]", s)
	}
	if v := Grating(30, ZeroOne()).Data; v[0] != 1 { // cos(0) = 1 at the corner
		t.Errorf("0/1 grating corner %g, want 1", v[0])
	}
	f := Filters(6, 7, false)
	K := 7
	at := func(c, i, j int) float64 { return f.Data[c*K*K+i*K+j] }
	for c := 0; c < 6; c++ {
		m := 0.0
		for i := 0; i < K*K; i++ {
			m = math.Max(m, math.Abs(f.Data[c*K*K+i]))
		}
		if !near(m, 1, 1e-12) {
			t.Errorf("filter %d: max |w| = %g, want 1", c, m)
		}
	}
	for i := 0; i < K; i++ {
		for j := 0; j < K; j++ {
			if at(1, i, j) != -at(0, i, j) {
				t.Fatal("filter 1 is not −filter 0")
			}
			if !near(at(4, i, j), at(2, j, i), 1e-12) { // Gabor at 90° = transposed Gabor at 0°
				t.Fatal("Gabor(90°) is not Gabor(0°) transposed")
			}
		}
	}
	// Centre-surround at the centre: exp(0) − 0.5·exp(0) = 0.5, the largest value → 1 after scaling.
	if !near(at(0, 3, 3), 1, 1e-12) {
		t.Errorf("centre of the centre-surround filter = %g, want 1", at(0, 3, 3))
	}
	fm := Filters(6, 7, true)
	for c := 0; c < 6; c++ {
		s := 0.0
		for i := 0; i < K*K; i++ {
			s += fm.Data[c*K*K+i]
		}
		if math.Abs(s) > 1e-12 {
			t.Errorf("mean-subtracted filter %d sums to %g", c, s)
		}
	}
}
