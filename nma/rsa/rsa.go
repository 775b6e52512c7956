// Package rsa compares representations: representational dissimilarity matrices (RDMs) and
// their correlations (Representational Similarity Analysis), and the low-dimensional
// embeddings (PCA, t-SNE, Embed) used to look at population responses in W2D1 Tutorial 3.
// It computes only; its figures are in nma/rsa/rsafig.
package rsa

import (
	"errors"
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/nn"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

func check2D(fn string, t *nn.Tensor) error {
	if t == nil || len(t.Shape) != 2 || t.Shape[0] == 0 || t.Shape[1] == 0 {
		var shape []int
		if t != nil {
			shape = t.Shape
		}
		return fmt.Errorf("rsa.%s: need a non-empty 2-D matrix (stimuli × units), got shape %v", fn, shape)
	}
	return nil
}

// ZScoreRows z-scores each row (the population response to one stimulus) across its
// columns: subtract the row mean, divide by the row's standard deviation with ddof 0
// (nma.Mean and nma.Std: scipy.stats.zscore(x, axis=1)). A constant row becomes zeros (scipy would give NaN).
func ZScoreRows(x *nn.Tensor) *nn.Tensor {
	r, c := x.Shape[0], x.Shape[1]
	out := nn.Zeros(r, c)
	for i := 0; i < r; i++ {
		row := x.Data[i*c : (i+1)*c]
		m, s := nma.Mean(row), nma.Std(row)
		if s == 0 {
			continue
		}
		for j, v := range row {
			out.Data[i*c+j] = (v - m) / s
		}
	}
	return out
}

// RDM returns the representational dissimilarity matrix of responses resp (stimuli S ×
// neurons N): M = 1 − Z·Zᵀ/N with Z the row-wise z-scored responses, i.e. one minus the
// Pearson correlation between the population responses to each pair of stimuli.
func RDM(resp *nn.Tensor) (*nn.Tensor, error) {
	if err := check2D("RDM", resp); err != nil {
		return nil, err
	}
	z := ZScoreRows(resp)
	s, n := resp.Shape[0], resp.Shape[1]
	m := nn.Full(1, s, s)
	zg := blas64.General{Rows: s, Cols: n, Stride: n, Data: z.Data}
	blas64.Gemm(blas.NoTrans, blas.Trans, -1/float64(n), zg, zg, 1, blas64.General{Rows: s, Cols: s, Stride: s, Data: m.Data})
	return m, nil
}

// MustRDM is RDM that panics on error, for Go code such as the exercises' checks. Notebook
// cells write nma.Must(rsa.RDM(resp)), their one error style.
func MustRDM(resp *nn.Tensor) *nn.Tensor {
	m, err := RDM(resp)
	if err != nil {
		panic(err)
	}
	return m
}

// OffDiagonal returns the entries above the diagonal of a square matrix, row by row
// (m[np.triu_indices(S, k=1)]).
func OffDiagonal(m *nn.Tensor) []float64 {
	s := m.Shape[0]
	out := make([]float64, 0, s*(s-1)/2)
	for i := 0; i < s; i++ {
		out = append(out, m.Data[i*s+i+1:(i+1)*s]...)
	}
	return out
}

// CorrelateRDMs returns the Pearson correlation (nma.Pearson) between the off-diagonal
// (upper-triangle) entries of two RDMs of the same stimuli.
func CorrelateRDMs(rdm1, rdm2 *nn.Tensor) (float64, error) {
	if err := check2D("CorrelateRDMs", rdm1); err != nil {
		return 0, err
	}
	if len(rdm2.Shape) != 2 || rdm1.Shape[0] != rdm1.Shape[1] || rdm2.Shape[0] != rdm1.Shape[0] || rdm2.Shape[1] != rdm1.Shape[1] {
		return 0, fmt.Errorf("rsa.CorrelateRDMs: RDMs must be square and of one size, got %v and %v", rdm1.Shape, rdm2.Shape)
	}
	if rdm1.Shape[0] < 3 {
		return 0, errors.New("rsa.CorrelateRDMs: need at least 3 stimuli")
	}
	return nma.Pearson(OffDiagonal(rdm1), OffDiagonal(rdm2))
}

// PCA projects the rows of x onto its first nComponents principal components (the
// centred data times the leading right singular vectors: sklearn's
// PCA(n_components).fit_transform(x)). Each component's sign is chosen so that its
// largest-magnitude loading is positive, as sklearn's svd_flip does for the scores.
func PCA(x *nn.Tensor, nComponents int) (*nn.Tensor, error) {
	if err := check2D("PCA", x); err != nil {
		return nil, err
	}
	r, c := x.Shape[0], x.Shape[1]
	if nComponents < 1 || nComponents > min(r, c) {
		return nil, fmt.Errorf("rsa.PCA: nComponents=%d must be between 1 and min(samples, features)=%d", nComponents, min(r, c))
	}
	xc := mat.NewDense(r, c, nil)
	for j := 0; j < c; j++ {
		m := nma.Mean(x.Col(j))
		for i := 0; i < r; i++ {
			xc.Set(i, j, x.Data[i*c+j]-m)
		}
	}
	var svd mat.SVD
	if !svd.Factorize(xc, mat.SVDThin) {
		return nil, errors.New("rsa.PCA: the SVD did not converge")
	}
	var u mat.Dense
	svd.UTo(&u)
	sv := svd.Values(nil)
	out := nn.Zeros(r, nComponents)
	for k := 0; k < nComponents; k++ {
		// sklearn's svd_flip (u-based): the largest |u| of each column is positive.
		best := 0
		for i := 0; i < r; i++ {
			if math.Abs(u.At(i, k)) > math.Abs(u.At(best, k)) {
				best = i
			}
		}
		sign := 1.0
		if u.At(best, k) < 0 {
			sign = -1
		}
		for i := 0; i < r; i++ {
			out.Data[i*nComponents+k] = sign * u.At(i, k) * sv[k]
		}
	}
	return out, nil
}
