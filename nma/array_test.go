package nma

import (
	"math"
	"slices"
	"testing"
)

func TestDigitize(t *testing.T) {
	// np.digitize([-1, 0, 17.9, 18, 359.9, 360, nan], [0, 18, 36, 360]) = [0 1 1 2 3 4 4]
	got := Digitize([]float64{-1, 0, 17.9, 18, 359.9, 360, math.NaN()}, []float64{0, 18, 36, 360})
	if want := []int{0, 1, 1, 2, 3, 4, 4}; !slices.Equal(got, want) {
		t.Errorf("Digitize = %v, want %v", got, want)
	}
	if got := Digitize([]float64{1}, nil); !slices.Equal(got, []int{0}) {
		t.Errorf("Digitize without edges = %v, want [0]", got)
	}
}

func TestArgsortIsStable(t *testing.T) {
	if got, want := Argsort([]int{3, 1, 2, 1, 0}), []int{4, 1, 3, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("Argsort(ints) = %v, want %v", got, want)
	}
	if got, want := Argsort([]float64{0.5, -1, 0.5}), []int{1, 0, 2}; !slices.Equal(got, want) {
		t.Errorf("Argsort(floats) = %v, want %v", got, want)
	}
	if got := Argsort([]int(nil)); len(got) != 0 {
		t.Errorf("Argsort(nil) = %v", got)
	}
}

func TestPercentile(t *testing.T) {
	v := []float64{4, 1, 3, 2}
	for _, c := range []struct{ p, want float64 }{{50, 2.5}, {0, 1}, {100, 4}, {1, 1.03}, {99, 3.97}} {
		if got := Percentile(v, c.p); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Percentile(%v, %g) = %g, want %g (np.percentile)", v, c.p, got, c.want)
		}
	}
	if !math.IsNaN(Percentile(nil, 50)) {
		t.Error("Percentile of nothing is not NaN")
	}
	if v[0] != 4 {
		t.Error("Percentile sorted its input")
	}
}
