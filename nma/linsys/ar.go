package linsys

import (
	"errors"
	"fmt"
	"math"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/mat"
)

// The course's binary sequences (Tutorial 4): a predictable alternating one, and 0/1 digits
// a 9-year-old typed "at random", as training (275 digits) and test (83 digits) data.
const (
	AlternatingSequence = "1010101010101010101010101010101010101010101010101"
	MonkeyAtTypewriter  = "10010101001101000111001010110001100101000101101001010010101010001101101001101000011110100011011010010011001101000011101001110000011111011101000011110000111101001010101000111100000011111000001010100110101001011010010100101101000110010001100011100011100011100010110010111000101"
	TestMonkey          = "00100101100001101001100111100101011100101011101001010101000010110101001010100011110"
)

// Char2Array maps a string of '0' and '1' to −1 and +1 (the course's char2array), which
// makes the regression symmetric.
func Char2Array(s string) ([]float64, error) {
	out := make([]float64, len(s))
	for i, c := range s {
		switch c {
		case '0':
			out[i] = -1
		case '1':
			out[i] = 1
		default:
			return nil, fmt.Errorf("linsys.Char2Array: character %q at position %d is not 0 or 1", c, i)
		}
	}
	return out, nil
}

// BuildTimeDelayMatrices builds the regression problem of an order-r autoregressive model
// (the course's build_time_delay_matrices): x1 is (r+1)×(n−r) with a row of ones (the
// intercept) and then the r delayed copies x[0:n−r], x[1:n−r+1], …, x[r−1:n−1] (oldest lag
// first, most recent last); x2 = x[r:] are the values to predict, so that
//
//	x2[j] ≈ p[0] + p[1]·x[j] + p[2]·x[j+1] + … + p[r]·x[j+r−1].
func BuildTimeDelayMatrices(x []float64, r int) (x1 *mat.Dense, x2 []float64, err error) {
	n := len(x)
	if r < 1 || r >= n {
		return nil, nil, fmt.Errorf("linsys.BuildTimeDelayMatrices: order r=%d must be between 1 and len(x)−1=%d", r, n-1)
	}
	m := n - r
	data := make([]float64, (r+1)*m) // row-major: a row of ones, then row i = x[i−1 : i−1+m]
	for j := range m {
		data[j] = 1
	}
	for i := 1; i <= r; i++ {
		copy(data[i*m:(i+1)*m], x[i-1:i-1+m])
	}
	x1 = mat.NewDense(r+1, m, data)
	x2 = append([]float64(nil), x[r:]...)
	return x1, x2, nil
}

// LstSq returns the least-squares solution p of A·p ≈ b with the smallest norm
// (np.linalg.lstsq with rcond=None): through the SVD of A, with singular values below
// eps·max(m, n)·σ_max treated as zero.
func LstSq(A mat.Matrix, b []float64) ([]float64, error) {
	m, n := A.Dims()
	if m != len(b) {
		return nil, fmt.Errorf("linsys.LstSq: A has %d rows but b has %d values", m, len(b))
	}
	if m == 0 || n == 0 {
		return nil, fmt.Errorf("linsys.LstSq: A is %d×%d", m, n)
	}
	var svd mat.SVD
	if !svd.Factorize(A, mat.SVDThin) {
		return nil, errors.New("linsys.LstSq: the SVD did not converge")
	}
	rank := svd.Rank(epsilon * float64(max(m, n)))
	if rank == 0 {
		return make([]float64, n), nil
	}
	var p mat.Dense
	svd.SolveTo(&p, mat.NewDense(m, 1, append([]float64(nil), b...)), rank)
	return mat.Col(nil, 0, &p), nil
}

// ARModel fits an order-r autoregressive model with intercept to x by least squares (the
// course's AR_model): it returns the regression matrices of BuildTimeDelayMatrices and the
// r+1 coefficients p = [intercept, oldest lag, …, most recent lag].
func ARModel(x []float64, r int) (x1 *mat.Dense, x2, p []float64, err error) {
	x1, x2, err = BuildTimeDelayMatrices(x, r)
	if err != nil {
		return nil, nil, nil, err
	}
	p, err = LstSq(x1.T(), x2)
	if err != nil {
		return nil, nil, nil, err
	}
	return x1, x2, p, nil
}

// Predict returns x1ᵀ·p, the model's continuous prediction for every column of x1.
func Predict(x1 mat.Matrix, p []float64) ([]float64, error) {
	rows, cols := x1.Dims()
	if rows != len(p) {
		return nil, fmt.Errorf("linsys.Predict: x1 has %d rows but p has %d coefficients", rows, len(p))
	}
	out := make([]float64, cols)
	if d, ok := x1.(*mat.Dense); ok { // the same sums, reading the rows directly
		raw := d.RawMatrix()
		for j := range cols {
			for i := range rows {
				out[j] += raw.Data[i*raw.Stride+j] * p[i]
			}
		}
		return out, nil
	}
	for j := range cols {
		for i := range rows {
			out[j] += x1.At(i, j) * p[i]
		}
	}
	return out, nil
}

// sign is np.sign: −1, 0 or +1 (NaN stays NaN).
func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	case v == 0:
		return 0
	}
	return math.NaN()
}

// ARPrediction predicts every value of xTest from the len(p)−1 values before it with the
// coefficients p, as the sign (±1, or 0 for an exact tie) of the model's output (the
// course's AR_prediction).
func ARPrediction(xTest, p []float64) ([]float64, error) {
	x1, _, err := BuildTimeDelayMatrices(xTest, len(p)-1)
	if err != nil {
		return nil, err
	}
	pred, err := Predict(x1, p)
	if err != nil {
		return nil, err
	}
	for i, v := range pred {
		pred[i] = sign(v)
	}
	return pred, nil
}

// ErrorRate is the fraction of xTest's predictable values (from index len(p)−1 on) that
// ARPrediction gets wrong (the course's error_rate); 0.5 is chance for a random sequence.
func ErrorRate(xTest, p []float64) (float64, error) {
	x1, x2, err := BuildTimeDelayMatrices(xTest, len(p)-1)
	if err != nil {
		return 0, err
	}
	pred, err := Predict(x1, p) // ARPrediction without building x1 again
	if err != nil {
		return 0, err
	}
	for i, v := range pred {
		pred[i] = sign(v)
	}
	wrong := 0
	for i := range x2 {
		if x2[i]-pred[i] != 0 {
			wrong++
		}
	}
	return float64(wrong) / float64(len(x2)), nil
}

// FitAR1 regresses x[k+1] on x[k] with an intercept as the course's Section 1 does
// (x1 = x[0:−2], x2 = x[1:−1], so the last pair is left out) and returns the intercept
// and the slope λ̂.
func FitAR1(x []float64) (intercept, lamHat float64, err error) {
	if len(x) < 4 {
		return 0, 0, fmt.Errorf("linsys.FitAR1: x has %d values, needs at least 4", len(x))
	}
	n := len(x) - 2
	a := mat.NewDense(n, 2, nil)
	for k := range n {
		a.Set(k, 0, 1)
		a.Set(k, 1, x[k])
	}
	p, err := LstSq(a, x[1:len(x)-1])
	if err != nil {
		return 0, 0, err
	}
	return p[0], p[1], nil
}

// ARSweep fits an AR model of every order in orders to train and returns the error rate
// of each on test, as a table with columns "order" and "test error".
//
// An error rate depends only on the signs of the test predictions, so ARSweep fits each
// model through its normal equations (arNormal: exact sums for integer data such as the
// course's ±1 sequences, and a Cholesky factorisation) rather than ARModel's SVD, and keeps
// that fit only when every test prediction is further from 0 than a bound on how far the
// two fits can differ there; otherwise — and for data that are not small integers — it uses
// ARModel and ErrorRate. Either way the error rates are those of ARModel's coefficients.
func ARSweep(train, test []float64, orders []int) (dataframe.DataFrame, error) {
	errs := make([]float64, len(orders))
	maxR := 0
	for _, r := range orders {
		maxR = max(maxR, r)
	}
	ne := newARNormal(train, min(maxR, len(train)-1))
	for i, r := range orders {
		if e, ok := ne.errorRate(r, test); ok {
			errs[i] = e
			continue
		}
		_, _, p, err := ARModel(train, r)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		if errs[i], err = ErrorRate(test, p); err != nil {
			return dataframe.DataFrame{}, err
		}
	}
	return dataframe.New(
		series.New(orders, series.Int, "order"),
		series.New(errs, series.Float, "test error"),
	), nil
}

// arNormal holds what the normal equations X·Xᵀ·p = X·y of every AR model of x up to
// order maxR are made of (X = BuildTimeDelayMatrices' x1, y its x2): the running sums
// s[t] = Σ_{u<t} x[u] and q[d][t] = Σ_{u<t} x[u]·x[u+d] for lags d ≤ maxR. Each entry of
// X·Xᵀ and X·y is a sum of such products over a window, the difference of two running
// sums. For integers with |x| ≤ 2^20 and len(x)·max|x|² ≤ 2^52 every product and sum is an
// integer below 2^53, so the entries are exact whatever the order of the additions; for
// other data arNormal is not used (exact is false). g, c and e are room for one system
// (X·Xᵀ and its factor, X·y and the solution, the factor's inverse).
type arNormal struct {
	x       []float64
	exact   bool
	s       []float64
	q       []float64
	w       int
	g, c, e []float64
}

func newARNormal(x []float64, maxR int) *arNormal {
	ne := &arNormal{x: x, exact: len(x) > 0 && maxR >= 1}
	big := 0.0
	for _, v := range x {
		if v != math.Trunc(v) || math.Abs(v) > 1<<20 {
			ne.exact = false
			break
		}
		big = max(big, math.Abs(v))
	}
	if !ne.exact || float64(len(x))*big*big > 1<<52 {
		ne.exact = false
		return ne
	}
	n := len(x)
	ne.s = make([]float64, n+1)
	for u, v := range x {
		ne.s[u+1] = ne.s[u] + v
	}
	// q[t·(maxR+1)+d]: the lags side by side, so that one pass over x adds them all
	w := maxR + 1
	ne.w, ne.q = w, make([]float64, (n+1)*w)
	for u, v := range x {
		prev, next := ne.q[u*w:u*w+w:u*w+w], ne.q[(u+1)*w:(u+2)*w:(u+2)*w]
		for d := range w {
			prod := 0.0 // past the end of x: the sum stays
			if u+d < n {
				prod = v * x[u+d]
			}
			next[d] = prev[d] + prod
		}
	}
	k := maxR + 1
	ne.g, ne.c, ne.e = make([]float64, k*k), make([]float64, k), make([]float64, k*k)
	return ne
}

// window is Σ_{j<m} x[a+j]·x[a+d+j].
func (ne *arNormal) window(d, a, m int) float64 { return ne.q[(a+m)*ne.w+d] - ne.q[a*ne.w+d] }

// errorRate returns ErrorRate(test, p) for the order-r model p of ARModel, and whether it
// could tell. It solves the normal equations (exact X·Xᵀ and X·y, Cholesky) for p̂, and p̂
// gives the error rate when every test prediction x1ᵀp̂ is further from 0 than
// 2δ·‖row‖₁·‖p̂‖₁, a bound on how much the difference of the two fits can change it, with
// δ = 64·(r+1)·m·ε·κ₁ (m = len(x) − r, κ₁ ≥ κ₁(X·Xᵀ) from ‖L⁻¹‖): the Cholesky solve of the
// exact X·Xᵀ is backward stable, so ‖p̂ − p*‖/‖p*‖ (p* the exact solution) is below a
// small multiple of (r+1)·ε·κ(X·Xᵀ), and the SVD's error is below a multiple of
// κ(X)²·ε = κ(X·Xᵀ)·ε with factors polynomial in the sizes; δ covers both with room. It
// cannot tell when r is not an order both sequences allow (ARModel and ErrorRate then give
// the error), when X·Xᵀ is not positive definite (a rank-deficient X, where the SVD gives
// the minimum-norm solution), or when a prediction is too close to 0 — which every one is
// when δ ≥ 1/2 (|x1ᵀp̂| ≤ ‖row‖₁·‖p̂‖₁), so an ill-conditioned X, where the SVD may drop
// small singular values, never takes this path.
func (ne *arNormal) errorRate(r int, test []float64) (float64, bool) {
	n := len(ne.x)
	if !ne.exact || r < 1 || r >= ne.w || r >= len(test) {
		return 0, false
	}
	m, k := n-r, r+1
	g, c := ne.g[:k*k], ne.c[:k]
	g[0] = float64(m)
	c[0] = ne.s[n] - ne.s[r]
	for a := 1; a <= r; a++ {
		g[a*k] = ne.s[a-1+m] - ne.s[a-1]
		for b := 1; b <= a; b++ {
			g[a*k+b] = ne.window(a-b, b-1, m)
		}
		c[a] = ne.window(r-a+1, a-1, m)
	}
	// ‖X·Xᵀ‖₁ (the largest column sum, from the lower triangle), then the factorisation
	gNorm := 0.0
	for j := range k {
		sum := 0.0
		for i := range k {
			sum += math.Abs(g[max(i, j)*k+min(i, j)])
		}
		gNorm = max(gNorm, sum)
	}
	if !cholesky(g, k) {
		return 0, false
	}
	// ‖(X·Xᵀ)⁻¹‖₁ = ‖L⁻ᵀ·L⁻¹‖₁ ≤ ‖L⁻¹‖∞·‖L⁻¹‖₁
	invNorm := lowerInvNorms(g, ne.e[:k*k], k)
	delta := 64 * float64(k) * float64(m) * epsilon * gNorm * invNorm
	cholSolve(g, k, c)
	p := c
	norm := 0.0
	for _, v := range p {
		norm += math.Abs(v)
	}
	wrong := 0
	for j := 0; j+r < len(test); j++ {
		pred := 0.0 // Predict's sum, row by row
		rowNorm := 0.0
		for a := range k {
			xa := 1.0
			if a > 0 {
				xa = test[a-1+j]
			}
			pred += xa * p[a]
			rowNorm += math.Abs(xa)
		}
		if !(math.Abs(pred) > 2*delta*rowNorm*norm) {
			return 0, false
		}
		if test[r+j]-sign(pred) != 0 {
			wrong++
		}
	}
	return float64(wrong) / float64(len(test)-r), true
}

// cholesky factorises the k×k symmetric positive definite matrix whose lower triangle a
// holds (row-major) into L·Lᵀ, L in the lower triangle of a, and reports false when the
// matrix is not positive definite (a pivot that is not > 0).
func cholesky(a []float64, k int) bool {
	for j := range k {
		rj := a[j*k : j*k+j]
		d := a[j*k+j]
		for _, v := range rj {
			d -= v * v
		}
		if !(d > 0) {
			return false
		}
		d = math.Sqrt(d)
		a[j*k+j] = d
		for i := j + 1; i < k; i++ {
			ri := a[i*k : i*k+j]
			sum := a[i*k+j]
			for l, v := range ri {
				sum -= v * rj[l]
			}
			a[i*k+j] = sum / d
		}
	}
	return true
}

// cholSolve overwrites b with the solution of L·Lᵀ·x = b, L from cholesky.
func cholSolve(l []float64, k int, b []float64) {
	for i := range k {
		sum := b[i]
		for j, v := range l[i*k : i*k+i] {
			sum -= v * b[j]
		}
		b[i] = sum / l[i*k+i]
	}
	for i := k - 1; i >= 0; i-- {
		sum := b[i]
		for j := i + 1; j < k; j++ {
			sum -= l[j*k+i] * b[j]
		}
		b[i] = sum / l[i*k+i]
	}
}

// lowerInvNorms returns ‖L⁻¹‖∞·‖L⁻¹‖₁ for the k×k lower triangular L of cholesky, with
// inv as room for L⁻¹ (k×k, row-major).
func lowerInvNorms(l, inv []float64, k int) float64 {
	clear(inv)
	for j := range k {
		inv[j*k+j] = 1 / l[j*k+j]
		for i := j + 1; i < k; i++ {
			sum := 0.0
			for t := j; t < i; t++ {
				sum += l[i*k+t] * inv[t*k+j]
			}
			inv[i*k+j] = -sum / l[i*k+i]
		}
	}
	rowMax, colMax := 0.0, 0.0
	for i := range k {
		row, col := 0.0, 0.0
		for j := range k {
			row += math.Abs(inv[i*k+j])
			col += math.Abs(inv[j*k+i])
		}
		rowMax, colMax = max(rowMax, row), max(colMax, col)
	}
	return rowMax * colMax
}
