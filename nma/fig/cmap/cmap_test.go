package cmap

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestColormaps(t *testing.T) {
	for _, cm := range []*Colormap{BWR(), Binary(), Viridis(), Pink(), Twilight(), Cividis()} {
		cm.SetMin(-1)
		cm.SetMax(1)
		lo, _ := cm.At(-5) // clamped
		first, _ := cm.At(-1)
		if lo != first {
			t.Errorf("%s: values below Min are not clamped", cm.Name)
		}
		if n := len(cm.Palette(7).Colors()); n != 7 {
			t.Errorf("%s: palette of %d colours, want 7", cm.Name, n)
		}
		if _, err := cm.At(math.NaN()); err == nil {
			t.Errorf("%s: NaN gives no error", cm.Name)
		}
	}
	// bwr is white in the middle; twilight is cyclic.
	c, _ := BWR().At(0.5)
	if r, g, b, _ := c.RGBA(); r>>8 != 255 || g>>8 != 255 || b>>8 != 255 {
		t.Errorf("bwr(0.5) = %v, want white", c)
	}
	a, _ := Twilight().At(0)
	z, _ := Twilight().At(1)
	if a != z {
		t.Errorf("twilight(0) = %v ≠ twilight(1) = %v", a, z)
	}
}

// matplotlib's cividis: entry 0 is (0, 0.1351, 0.3048), entry 255 (0.9957, 0.9093, 0.2178).
func TestCividisEnds(t *testing.T) {
	for _, c := range []struct {
		v       float64
		r, g, b uint8
	}{{0, 0, 34, 78}, {1, 254, 232, 56}, {-1, 0, 34, 78}, {2, 254, 232, 56}} {
		col, err := Cividis().At(c.v)
		r, g, b, _ := col.RGBA()
		if err != nil || uint8(r>>8) != c.r || uint8(g>>8) != c.g || uint8(b>>8) != c.b {
			t.Errorf("Cividis(%g) = %d,%d,%d (%v); want %d,%d,%d", c.v, r>>8, g>>8, b>>8, err, c.r, c.g, c.b)
		}
	}
}

func TestSetAlphaRejectsOutOfRange(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !contains(fmt.Sprint(r), "alpha=1.5") {
			t.Errorf("SetAlpha(1.5): panic %v, want one naming alpha=1.5", r)
		}
	}()
	BWR().SetAlpha(1.5)
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// A map rescaled to the data's range, as a heat map uses it.
func ExampleColormap() {
	m := BWR()
	m.SetMin(-2)
	m.SetMax(2)
	for _, v := range []float64{-2, 0, 2} {
		c, _ := m.At(v)
		r, g, b, _ := c.RGBA()
		fmt.Printf("%g → #%02x%02x%02x\n", v, r>>8, g>>8, b>>8)
	}
	// Output:
	// -2 → #0000ff
	// 0 → #ffffff
	// 2 → #ff0000
}
