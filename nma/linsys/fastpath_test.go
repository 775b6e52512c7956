package linsys

import (
	"fmt"
	"math"
	"math/cmplx"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
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

// The real fast path (integrateReal: a and x0 real) gives the complex loop's bits, and
// hands over to it wherever its shortcut would not: signed zeros in the imaginary parts, a
// state or product that reaches 0 (a·dt = −1, underflow), overflow to infinity and NaN.
func TestIntegrateExponentialRealPathEdges(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, c := range []struct {
		a, x0 complex128
		dt, T float64
		real  bool // the fast path's result stands (it did not hand over)
	}{
		{-0.5, 1, 0.001, 10, true}, {0.5, -2, 0.01, 3, true}, {-0.5, 1e-300, 0.001, 1, true},
		{complex(-0.5, negZero), 1, 0.01, 1, true},          // a's imaginary part −0: still exact
		{-0.5, complex(1, negZero), 0.01, 1, false},         // x0's imaginary part −0: complex loop
		{-1, 1, 1, 5, false},                                // x[1] = 0 exactly
		{-0.5, 5e-324, 0.001, 1, false},                     // a·x underflows to 0
		{-0.5, 1e-310, 1e-15, 1e-14, false},                 // (a·x)·dt underflows to 0
		{1e3, 1, 1, 200, false},                             // overflows to +Inf
		{-3, 1e307, 1, 40, false},                           // −Inf, then Inf − Inf = NaN
		{complex(math.Copysign(0, 1), 0), 1, 0.1, 1, false}, // a = 0: every product is 0
	} {
		n := int(math.Ceil(c.T / c.dt))
		x := make([]complex128, n)
		tt := make([]float64, n)
		ok := imag(c.a) == 0 && imag(c.x0) == 0 && !math.Signbit(imag(c.x0)) && integrateReal(real(c.a), real(c.x0), c.dt, x, tt)
		if ok != c.real {
			t.Errorf("a=%v x0=%v dt=%g: the real path's result stands: %v, want %v", c.a, c.x0, c.dt, ok, c.real)
		}
		got, _, err := IntegrateExponential(c.a, c.x0, c.dt, c.T)
		if err != nil {
			t.Fatal(err)
		}
		want := refIntegrateExponential(c.a, c.x0, c.dt, c.T)
		for k := range want {
			if math.Float64bits(real(got[k])) != math.Float64bits(real(want[k])) || math.Float64bits(imag(got[k])) != math.Float64bits(imag(want[k])) {
				t.Fatalf("a=%v x0=%v dt=%g: x[%d] = %v, want %v", c.a, c.x0, c.dt, k, got[k], want[k])
			}
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

// refARSweep is ARSweep before issue 15: ARModel's SVD fit and ErrorRate for every order.
func refARSweep(train, test []float64, orders []int) ([]float64, error) {
	errs := make([]float64, len(orders))
	for i, r := range orders {
		_, _, p, err := ARModel(train, r)
		if err != nil {
			return nil, err
		}
		if errs[i], err = ErrorRate(test, p); err != nil {
			return nil, err
		}
	}
	return errs, nil
}

// The sweep through the normal equations gives the SVD fits' error rates, bit for bit: on
// the course's sequences (where every order takes the normal equations, the path the
// benchmark times), on random ±1 and small-integer sequences, and where it must fall back
// to the SVD (a rank-deficient fit, data that are not integers).
func TestARSweepNormalEquations(t *testing.T) {
	train, _ := Char2Array(MonkeyAtTypewriter)
	test, _ := Char2Array(TestMonkey)
	orders := make([]int, 30)
	for i := range orders {
		orders[i] = i + 1
	}
	ne := newARNormal(train, 30)
	for _, r := range orders[:20] {
		if _, ok := ne.errorRate(r, test); !ok {
			t.Errorf("course data, order %d: the normal equations could not tell", r)
		}
	}
	check := func(name string, train, test []float64, orders []int) (fast int) {
		t.Helper()
		df, err := ARSweep(train, test, orders)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := refARSweep(train, test, orders)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := df.Col("test error").Float()
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Errorf("%s, order %d: error rate %v, want %v (SVD)", name, orders[i], got[i], want[i])
			}
		}
		ne := newARNormal(train, orders[len(orders)-1])
		for _, r := range orders {
			if _, ok := ne.errorRate(r, test); ok {
				fast++
			}
		}
		return fast
	}
	check("course", train, test, orders)
	r := rng.New(15)
	fast := 0
	for trial := range 40 {
		n, nt := 30+trial*7, 20+trial*3
		u, _ := r.Rand(n + nt)
		x := make([]float64, len(u))
		for k, v := range u {
			if trial%2 == 0 {
				x[k] = 2*math.Floor(2*v) - 1 // ±1
			} else {
				x[k] = math.Floor(5*v) - 2 // −2 … 2
			}
		}
		fast += check(fmt.Sprintf("random trial %d", trial), x[:n], x[n:], orders[:min(20, nt-1)])
	}
	if fast < 700 {
		t.Errorf("random sequences: %d of 799 fits through the normal equations, want most", fast)
	}
	alt, _ := Char2Array(AlternatingSequence)
	if fast := check("alternating", alt, alt, orders[:5]); fast != 1 {
		t.Errorf("alternating sequence: %d fits through the normal equations, want 1 (order 1; the others are rank-deficient)", fast)
	}
	half := make([]float64, len(train))
	for k, v := range train {
		half[k] = v / 2
	}
	if fast := check("halves", half, test, orders[:5]); fast != 0 {
		t.Errorf("non-integer data: %d fits through the normal equations, want 0", fast)
	}
	// orders the sequences do not allow: ARModel's and ErrorRate's errors
	for _, bad := range [][]int{{0}, {len(train)}, {len(test)}} {
		_, err := ARSweep(train, test, bad)
		_, want := refARSweep(train, test, bad)
		if err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("orders %v: error %v, want %v", bad, err, want)
		}
	}
}
