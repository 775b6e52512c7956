package linsys

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"gonum.org/v1/gonum/mat"
)

// refIntegrateExponential is IntegrateExponential before issue 15 (x[k−1] read back from
// the slice each step).
func refIntegrateExponential(a, x0 complex128, dt, T float64) []complex128 {
	t := nma.Arange(0, T, dt)
	x := make([]complex128, len(t))
	x[0] = x0
	for k := 1; k < len(t); k++ {
		xdot := a * x[k-1]
		x[k] = x[k-1] + xdot*complex(dt, 0)
	}
	return x
}

// The loop with x[k−1] in registers gives the same values, bit for bit (signed zeros
// included), as the loop that reads it back from memory.
func TestIntegrateExponentialBitIdentical(t *testing.T) {
	for _, c := range []struct {
		a, x0 complex128
		dt, T float64
	}{
		{-0.5, 1, 0.001, 10}, {-0.5, 1, 1e-5, 10}, {complex(-0.5, 2*math.Pi), 1, 1e-4, 5},
		{0.3, complex(-2, 1), 0.01, 20}, {-1000, 1, 0.001, 1}, {-2000, complex(1, -1), 0.001, 1},
		{complex(0, -3), complex(0, 1), 0.05, 30}, {-0.5, 0, 0.1, 2}, {-0.5, complex(math.Copysign(0, -1), 0), 0.1, 2},
		{-0.5, 1, 0.3, 1}, {-0.5, 1, 0.7, 0.7}, {-0.5, 1, 1.5, 1}, {1, 1, 0.1, 0.30000000000000004},
	} {
		x, tt, err := IntegrateExponential(c.a, c.x0, c.dt, c.T)
		if err != nil {
			t.Fatal(err)
		}
		want := refIntegrateExponential(c.a, c.x0, c.dt, c.T)
		wantT := nma.Arange(0, c.T, c.dt)
		if len(tt) != len(wantT) {
			t.Fatalf("dt=%g T=%g: %d times, want %d", c.dt, c.T, len(tt), len(wantT))
		}
		for k := range wantT {
			if math.Float64bits(tt[k]) != math.Float64bits(wantT[k]) {
				t.Fatalf("dt=%g T=%g: t[%d] = %v, want %v", c.dt, c.T, k, tt[k], wantT[k])
			}
		}
		if len(x) != len(want) {
			t.Fatalf("a=%v: %d values, want %d", c.a, len(x), len(want))
		}
		for k := range want {
			if math.Float64bits(real(x[k])) != math.Float64bits(real(want[k])) || math.Float64bits(imag(x[k])) != math.Float64bits(imag(want[k])) {
				t.Fatalf("a=%v x0=%v dt=%g: x[%d] = %v, want %v", c.a, c.x0, c.dt, k, x[k], want[k])
			}
		}
		if cmplx.IsNaN(x[len(x)-1]) {
			t.Errorf("a=%v: NaN", c.a)
		}
	}
}

// refBuildTimeDelayMatrices and refPredict are the element-by-element versions before
// issue 15.
func refBuildTimeDelayMatrices(x []float64, r int) (*mat.Dense, []float64) {
	m := len(x) - r
	x1 := mat.NewDense(r+1, m, nil)
	for j := range m {
		x1.Set(0, j, 1)
		for i := 1; i <= r; i++ {
			x1.Set(i, j, x[i-1+j])
		}
	}
	return x1, append([]float64(nil), x[r:]...)
}

func refPredict(x1 mat.Matrix, p []float64) []float64 {
	rows, cols := x1.Dims()
	out := make([]float64, cols)
	for j := range cols {
		for i := range rows {
			out[j] += x1.At(i, j) * p[i]
		}
	}
	return out
}

// The AR fits read their matrices row by row now; the matrices, predictions and error
// rates are the same, bit for bit.
func TestARFastPathBitIdentical(t *testing.T) {
	train, _ := Char2Array(MonkeyAtTypewriter)
	test, _ := Char2Array(TestMonkey)
	for r := 1; r <= 20; r++ {
		x1, x2, err := BuildTimeDelayMatrices(train, r)
		if err != nil {
			t.Fatal(err)
		}
		w1, w2 := refBuildTimeDelayMatrices(train, r)
		if !mat.Equal(x1, w1) || len(x2) != len(w2) {
			t.Fatalf("order %d: time-delay matrices differ", r)
		}
		_, _, p, err := ARModel(train, r)
		if err != nil {
			t.Fatal(err)
		}
		t1, _ := refBuildTimeDelayMatrices(test, r)
		pred, _ := Predict(t1, p)
		want := refPredict(t1, p)
		for j := range want {
			if math.Float64bits(pred[j]) != math.Float64bits(want[j]) {
				t.Fatalf("order %d: prediction %d = %v, want %v", r, j, pred[j], want[j])
			}
		}
		// the generic path (a matrix that is not a *mat.Dense) gives the same sums
		gen, _ := Predict(struct{ mat.Matrix }{t1}, p)
		for j := range want {
			if math.Float64bits(gen[j]) != math.Float64bits(want[j]) {
				t.Fatalf("order %d: generic prediction %d = %v, want %v", r, j, gen[j], want[j])
			}
		}
	}
}
