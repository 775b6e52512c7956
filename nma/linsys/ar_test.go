package linsys

import (
	"math"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
	"gonum.org/v1/gonum/mat"
)

// Inventory §2.4: the OU trajectory (seed 2020, T = 200, x0 = 10, x∞ = 0, λ = 0.9, σ = 0.2)
// regressed with an intercept on 198 pairs; the residuals x2 − λ̂·x[0:−2] have standard
// deviation 0.1919 [stated, the solution image's title]. λ̂ = 0.8749 [computed here].
func TestResidualStdSeed2020(t *testing.T) {
	_, x, err := DDM(200, 10, 0, 0.9, 0.2, rng.New(2020))
	if err != nil {
		t.Fatal(err)
	}
	b0, lamHat, err := FitAR1(x)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(lamHat-0.8749) > 5e-5 || math.Abs(b0) > 0.05 {
		t.Errorf("intercept %.4f, λ̂ = %.5f; want about 0 and 0.8749", b0, lamHat)
	}
	res := make([]float64, 198)
	for k := range res {
		res[k] = x[k+1] - lamHat*x[k]
	}
	if s := nma.Std(res); math.Abs(s-0.1919) > 5e-5 {
		t.Errorf("residual std %.5f, want 0.1919", s)
	}
}

// Inventory §2.4: an AR(1) fit of the alternating sequence prints
// "alpha_0 = -0.00, alpha_1 = -1.00" [stated].
func TestAlternatingSequence(t *testing.T) {
	x, err := Char2Array(AlternatingSequence)
	if err != nil {
		t.Fatal(err)
	}
	if len(x) != 49 {
		t.Fatalf("len = %d, want 49", len(x))
	}
	a0, a1, err := FitAR1(x)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(a0) > 1e-12 || math.Abs(a1+1) > 1e-12 {
		t.Errorf("alpha_0 = %.3g, alpha_1 = %.15g; want 0 and -1", a0, a1)
	}
	_, _, p, err := ARModel(x, 1)
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := ErrorRate(x, p); e != 0 {
		t.Errorf("AR(1) error rate on the alternating sequence %v, want 0", e)
	}
}

// The test error of AR models of order 1…20 fitted to the course's human-typed training
// sequence (275 digits) and evaluated on its test sequence (83 digits) [computed here; every
// prediction is at least 5e-4 away from a tie, so the signs are robust]. Order 6 is best
// (24 of 77 wrong), and from order 9 on the error is close to chance.
func TestARErrorRates(t *testing.T) {
	train, err := Char2Array(MonkeyAtTypewriter)
	if err != nil {
		t.Fatal(err)
	}
	test, err := Char2Array(TestMonkey)
	if err != nil {
		t.Fatal(err)
	}
	if len(train) != 275 || len(test) != 83 {
		t.Fatalf("len(train)=%d, len(test)=%d; want 275 and 83", len(train), len(test))
	}
	// wrong predictions out of len(test) − r, for r = 1 … 20
	wrong := []int{30, 29, 32, 30, 28, 24, 26, 27, 34, 34, 35, 33, 32, 32, 31, 31, 31, 31, 29, 28}
	orders := make([]int, 20)
	for i := range orders {
		orders[i] = i + 1
	}
	df, err := ARSweep(train, test, orders)
	if err != nil {
		t.Fatal(err)
	}
	errs := df.Col("test error").Float()
	for i, r := range orders {
		want := float64(wrong[i]) / float64(83-r)
		if math.Abs(errs[i]-want) > 1e-15 {
			t.Errorf("order %d: test error %.6f, want %d/%d = %.6f", r, errs[i], wrong[i], 83-r, want)
		}
	}
	if e := errs[4]; math.Abs(e-0.358974) > 5e-7 {
		t.Errorf("order 5 test error %.6f, want 0.359 (the course's 'err = 0.359' title)", e)
	}
}

func TestBuildTimeDelayMatrices(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6}
	x1, x2, err := BuildTimeDelayMatrices(x, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := mat.NewDense(3, 4, []float64{
		1, 1, 1, 1,
		1, 2, 3, 4, // x[0:-2]
		2, 3, 4, 5, // np.roll(x, -1)[0:-2]
	})
	if !mat.Equal(x1, want) {
		t.Errorf("x1 =\n%v\nwant\n%v", mat.Formatted(x1), mat.Formatted(want))
	}
	if len(x2) != 4 || x2[0] != 3 || x2[3] != 6 {
		t.Errorf("x2 = %v, want [3 4 5 6]", x2)
	}
	for _, r := range []int{0, 6, -1} {
		_, _, err := BuildTimeDelayMatrices(x, r)
		wantErr(t, "bad order", err, "order r=")
	}
}

// An exact AR(2) process x[k] = 0.5 + 0.3 x[k−2] − 0.6 x[k−1] is recovered exactly, in the
// coefficient order [intercept, oldest lag, most recent lag].
func TestARModelRecoversCoefficients(t *testing.T) {
	x := []float64{1, -2}
	for k := 2; k < 50; k++ {
		x = append(x, 0.5+0.3*x[k-2]-0.6*x[k-1])
	}
	_, _, p, err := ARModel(x, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{0.5, 0.3, -0.6} {
		if math.Abs(p[i]-want) > 1e-9 {
			t.Errorf("p = %v, want [0.5 0.3 -0.6]", p)
			break
		}
	}
}

// LstSq returns the minimum-norm solution when A is rank deficient, as np.linalg.lstsq.
func TestLstSq(t *testing.T) {
	A := mat.NewDense(3, 2, []float64{1, 1, 1, 1, 1, 1})
	p, err := LstSq(A, []float64{2, 2, 2})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(p[0]-1) > 1e-12 || math.Abs(p[1]-1) > 1e-12 {
		t.Errorf("minimum-norm solution %v, want [1 1]", p)
	}
	p, err = LstSq(mat.NewDense(3, 2, []float64{1, 0, 1, 1, 1, 2}), []float64{1, 2, 2})
	if err != nil {
		t.Fatal(err)
	}
	// normal equations: [[3, 3], [3, 5]] p = [5, 6] → p = [7/6, 1/2]
	if math.Abs(p[0]-7./6) > 1e-12 || math.Abs(p[1]-0.5) > 1e-12 {
		t.Errorf("least squares %v, want [7/6 1/2]", p)
	}
	_, err = LstSq(A, []float64{1})
	wantErr(t, "size mismatch", err, "b has 1")
}

func TestSignAndPrediction(t *testing.T) {
	x1 := mat.NewDense(2, 3, []float64{1, 1, 1, 1, -1, 0})
	pred, err := Predict(x1, []float64{0, 2})
	if err != nil || pred[0] != 2 || pred[1] != -2 || pred[2] != 0 {
		t.Errorf("Predict = %v, %v", pred, err)
	}
	if sign(0) != 0 || sign(-3) != -1 || sign(2) != 1 || !math.IsNaN(sign(math.NaN())) {
		t.Error("sign must follow np.sign")
	}
	// A tie (prediction 0) counts as an error, as np.count_nonzero(x2 − 0) does.
	e, err := ErrorRate([]float64{1, 1, 1}, []float64{0, 0})
	if err != nil || e != 1 {
		t.Errorf("ErrorRate with zero predictions = %v (%v), want 1", e, err)
	}
	_, err = Char2Array("0102")
	wantErr(t, "bad character", err, "position 3")
}
