package fig

import (
	"strings"
	"testing"
)

func TestHistCounts(t *testing.T) {
	p := NewPlot("", "", "")
	h := HistCounts(p, []float64{2, 0, 5}, []float64{-1, 0, 2, 2.5}, Color(Red), Label("counts"))
	if len(h.Bins) != 3 || h.FillColor != Red {
		t.Fatalf("%d bins filled %v, want 3 red bins", len(h.Bins), h.FillColor)
	}
	for k, want := range []struct{ lo, hi, n float64 }{{-1, 0, 2}, {0, 2, 0}, {2, 2.5, 5}} {
		if b := h.Bins[k]; b.Min != want.lo || b.Max != want.hi || b.Weight != want.n {
			t.Errorf("bin %d = %+v, want [%g, %g] with %g", k, b, want.lo, want.hi, want.n)
		}
	}
	if xmin, xmax, _, ymax := h.DataRange(); xmin != -1 || xmax != 2.5 || ymax != 5 {
		t.Errorf("data range x [%g, %g], y max %g; want [-1, 2.5] and 5", xmin, xmax, ymax)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "3 counts need 4 edges, got 3") {
			t.Errorf("mismatched edges: panic %v", r)
		}
	}()
	HistCounts(p, []float64{1, 2, 3}, []float64{0, 1, 2})
}
