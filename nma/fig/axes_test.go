package fig

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
)

func TestSetTicksAndNoTicks(t *testing.T) {
	p := NewPlot("", "", "")
	SetTicks(&p.X, 0, 90, 180.5)
	ts := p.X.Tick.Marker.Ticks(0, 1000)
	if len(ts) != 3 || ts[2].Value != 180.5 || ts[2].Label != "180.5" || ts[1].Label != "90" {
		t.Errorf("SetTicks: %+v", ts)
	}
	NoTicks(p)
	if n := len(p.X.Tick.Marker.Ticks(0, 1)) + len(p.Y.Tick.Marker.Ticks(0, 1)); n != 0 {
		t.Errorf("NoTicks left %d ticks", n)
	}
}

func TestSciTicks(t *testing.T) {
	labels := func(lo, hi float64) []string {
		var out []string
		for _, tk := range (SciTicks{}).Ticks(lo, hi) {
			if tk.Label != "" {
				out = append(out, tk.Label)
			}
		}
		return out
	}
	if got := strings.Join(labels(0, 4e10), " "); !strings.Contains(got, "2e10") || !strings.Contains(got, "0") {
		t.Errorf("0…4e10: labels %q, want scientific ones such as 2e10", got)
	}
	if got := strings.Join(labels(0, 1e-4), " "); !strings.Contains(got, "2e-5") || !strings.Contains(got, "1e-4") {
		t.Errorf("0…1e-4: labels %q, want 2e-5 … 1e-4", got)
	}
	if got := strings.Join(labels(0, 10), " "); strings.Contains(got, "e") {
		t.Errorf("0…10: labels %q, want plain numbers", got)
	}
}

func TestThin(t *testing.T) {
	x := make([]float64, 5000)
	y := make([]float64, 5000)
	for i := range x {
		x[i] = float64(i)
		y[i] = math.Sin(float64(i) / 50)
	}
	y[1234] = 7 // a spike must survive
	xs, ys := Thin(x, y)
	if len(xs) > MaxLinePoints+2 || len(xs) != len(ys) {
		t.Fatalf("Thin kept %d/%d points, want ≤ %d", len(xs), len(ys), MaxLinePoints+2)
	}
	found := false
	for i, v := range ys {
		if v == 7 && xs[i] == 1234 {
			found = true
		}
		if i > 0 && xs[i] <= xs[i-1] {
			t.Fatalf("x not increasing at %d: %v after %v", i, xs[i], xs[i-1])
		}
	}
	if !found {
		t.Error("the spike at x=1234 was thinned away")
	}
	if xs[len(xs)-1] != 4999 {
		t.Errorf("last point %v, want 4999", xs[len(xs)-1])
	}
	short := []float64{1, 2, 3}
	if a, _ := Thin(short, short); len(a) != 3 {
		t.Errorf("short trace changed: %v", a)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "len(x)=3 and len(y)=2") {
			t.Errorf("unequal lengths: panic %v", r)
		}
	}()
	Thin(short, short[:2])
}

func TestStepPreLine(t *testing.T) {
	p := NewPlot("", "", "")
	l := Line(p, []float64{0, 1, 2}, []float64{1, 2, 3}, StepPre())
	if l.StepStyle != plotter.PreStep {
		t.Errorf("StepStyle = %v, want plotter.PreStep", l.StepStyle)
	}
	if l := Line(p, []float64{0, 1}, []float64{1, 2}); l.StepStyle != plotter.NoStep {
		t.Errorf("plain line StepStyle = %v, want NoStep", l.StepStyle)
	}
}
