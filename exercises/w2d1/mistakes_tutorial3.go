//go:build !nmagrade

package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rsa"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// mistakesTutorial3 are the classic mistakes of Tutorial 3's exercises (see mistakesTutorial1).
var mistakesTutorial3 = exercise.Mistakes{
	"W2D1.T3.E1": {
		{Name: "similarity instead of dissimilarity", Hint: "Z·Zᵀ/N is the correlation between two stimuli's responses: the dissimilarity is one minus it (0 on the diagonal)",
			Impl: RDMFunc(rdmSimilarity)},
		{Name: "not divided by N", Hint: "Z·Zᵀ sums over the N neurons: divide it by N to get the correlation before taking one minus it",
			Impl: RDMFunc(rdmNotNormalised)},
		{Name: "divided by N − 1", Hint: "the rows were z-scored with the standard deviation that divides by N: divide Z·Zᵀ by N too, so that the diagonal is exactly 0",
			Impl: RDMFunc(rdmNMinus1)},
	},
	"W2D1.T3.E2": {
		{Name: "whole matrices, diagonal included", Hint: "the diagonal is 0 in every RDM and each pair appears twice: correlate only the off-diagonal elements",
			Impl: CorrelateFunc(correlateWhole)},
		{Name: "covariance instead of correlation", Hint: "the similarity of two RDMs is their Pearson correlation: the covariance still depends on the RDMs' scales",
			Impl: CorrelateFunc(correlateCovariance)},
	},
}

// rdm is the solution with the RDM entry computed from v, an entry of Z·Zᵀ, and N by entry.
func rdm(resp *nn.Tensor, entry func(v, n float64) float64) *nn.Tensor {
	zresp := rsa.ZScoreRows(resp).Dense()
	_, n := zresp.Dims()
	var zzT mat.Dense
	zzT.Mul(zresp, zresp.T())
	out := nn.FromMat(&zzT)
	for i, v := range out.Data {
		out.Data[i] = entry(v, float64(n))
	}
	return out
}

func rdmSimilarity(resp *nn.Tensor) *nn.Tensor {
	return rdm(resp, func(v, n float64) float64 { return v / n })
}

func rdmNotNormalised(resp *nn.Tensor) *nn.Tensor {
	return rdm(resp, func(v, _ float64) float64 { return 1 - v })
}

func rdmNMinus1(resp *nn.Tensor) *nn.Tensor {
	return rdm(resp, func(v, n float64) float64 { return 1 - v/(n-1) })
}

func correlateWhole(rdm1, rdm2 *nn.Tensor) float64 {
	return stat.Correlation(rdm1.Data, rdm2.Data, nil)
}

func correlateCovariance(rdm1, rdm2 *nn.Tensor) float64 {
	return stat.Covariance(rsa.OffDiagonal(rdm1), rsa.OffDiagonal(rdm2), nil)
}
