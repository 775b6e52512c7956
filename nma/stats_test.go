package nma

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestSumIsNumPyPairwise(t *testing.T) {
	// Ten times 0.1: np.sum gives 1.0 (eight partial sums, then the rest), a plain loop
	// 0.9999999999999999.
	x := Full(10, 0.1)
	naive := 0.0
	for _, v := range x {
		naive += v
	}
	if got := Sum(x); got != 1 || naive == 1 {
		t.Errorf("Sum = %.17g (plain loop %.17g), want NumPy's 1", got, naive)
	}
	if got := Sum([]float64{1, 2, 3}); got != 6 {
		t.Errorf("Sum small = %v", got)
	}
	// Above 128 values the array is split in halves rounded to a multiple of 8.
	y := make([]float64, 300)
	for i := range y {
		y[i] = 1 / float64(i+1)
	}
	if got, want := Sum(y), pairwise(y[:144])+pairwise(y[144:]); got != want {
		t.Errorf("Sum(300) = %v, want the 144/156 split %v", got, want)
	}
	if Sum(nil) != 0 {
		t.Error("Sum(nil) != 0")
	}
}

func TestMeanVarStd(t *testing.T) {
	x := []float64{2, 4, 4, 4, 5, 5, 7, 9} // mean 5, population variance 4
	if m, v, s := Mean(x), Var(x), Std(x); m != 5 || v != 4 || s != 2 {
		t.Errorf("Mean, Var, Std = %v, %v, %v; want 5, 4, 2", m, v, s)
	}
	for name, f := range map[string]func([]float64) float64{"Mean": Mean, "Var": Var, "Std": Std} {
		if !math.IsNaN(f(nil)) {
			t.Errorf("%s(nil) = %v, want NaN", name, f(nil))
		}
	}
	// np.mean([0.1]*10) == 1.0/10 exactly thanks to pairwise summation
	if got := Mean(Full(10, 0.1)); got != 0.1 {
		t.Errorf("Mean(0.1 × 10) = %.17g, want NumPy's 0.1", got)
	}
}

func TestPearson(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5}
	for _, c := range []struct {
		y    []float64
		want float64
	}{
		{[]float64{2, 4, 6, 8, 10}, 1},
		{[]float64{5, 4, 3, 2, 1}, -1},
		{[]float64{1, 3, 2, 5, 4}, 0.8}, // cov 8, var 10 and 10
		{[]float64{2, 1, 2, 1, 2}, 0},
	} {
		got, err := Pearson(x, c.y)
		if err != nil || !near(got, c.want, 1e-12) {
			t.Errorf("Pearson(%v, %v) = %v, %v; want %v", x, c.y, got, err, c.want)
		}
	}
	if got, _ := Pearson(x, []float64{3, 3, 3, 3, 3}); !math.IsNaN(got) {
		t.Errorf("constant series: %v, want NaN", got)
	}
	if _, err := Pearson(x, x[:3]); err == nil || !strings.Contains(err.Error(), "5 and 3") {
		t.Errorf("lengths 5 and 3: error %v", err)
	}
}

func TestHistogramNumPySemantics(t *testing.T) {
	edges := []float64{0, 1, 2, 3}
	got, err := Histogram([]float64{-1, 0, 0.5, 1, 2.999, 3, 3.1, math.NaN()}, edges)
	if err != nil || !slices.Equal(got, []float64{2, 1, 2}) {
		t.Errorf("Histogram = %v, %v; want [2 1 2] (last bin closed)", got, err)
	}
	if _, err := Histogram(nil, []float64{0, 2, 1}); err == nil || !strings.Contains(err.Error(), "edges[2]=1") {
		t.Errorf("decreasing edges: error %v", err)
	}
	if _, err := Histogram(nil, []float64{0}); err == nil || !strings.Contains(err.Error(), "1 edges") {
		t.Errorf("one edge: error %v", err)
	}
}

func TestLinFitAndDiff(t *testing.T) {
	s, c, err := LinFit([]float64{0, 1, 2, 3}, []float64{1, 3, 5, 7})
	if err != nil || !near(s, 2, 1e-15) || !near(c, 1, 1e-15) {
		t.Errorf("LinFit = %v, %v, %v; want 2, 1", s, c, err)
	}
	if _, _, err := LinFit([]float64{2, 2}, []float64{1, 3}); err == nil || !strings.Contains(err.Error(), "all x are equal (2)") {
		t.Errorf("constant x: error %v", err)
	}
	if _, _, err := LinFit([]float64{1}, []float64{1, 2}); err == nil {
		t.Error("lengths 1 and 2: no error")
	}
	if got := Diff([]float64{1, 4, 9}); !slices.Equal(got, []float64{3, 5}) {
		t.Errorf("Diff = %v", got)
	}
	if Diff([]float64{1}) != nil {
		t.Error("Diff of one value is not nil")
	}
}
