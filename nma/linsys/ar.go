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
func ARSweep(train, test []float64, orders []int) (dataframe.DataFrame, error) {
	errs := make([]float64, len(orders))
	for i, r := range orders {
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
