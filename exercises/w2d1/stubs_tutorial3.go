package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rsa"
)

// RDM returns the representational dissimilarity matrix of resp (stimuli S × neurons N):
// M = 1 − Z·Zᵀ/N, with Z the responses z-scored across neurons for each stimulus.
func RDM(resp *nn.Tensor) *nn.Tensor {
	// z-score responses to each stimulus
	zresp := rsa.ZScoreRows(resp).Dense()
	_ = zresp

	// TODO(W2D1.T3.E1): compute the RDM 1 − Z·Zᵀ/N. With gonum:
	//   var zzT mat.Dense; zzT.Mul(zresp, zresp.T())   — Z·Zᵀ (S × S)
	// N is the number of columns of zresp (_, n := zresp.Dims()). Turn the result into a
	// tensor with nn.FromMat(&zzT), replace each value v by 1 − v/N, return it, and delete
	// the panic.
	panic(exercise.TODO("W2D1.T3.E1"))
}

// CorrelateRDMs returns the correlation coefficient between the off-diagonal elements of
// two RDMs.
func CorrelateRDMs(rdm1, rdm2 *nn.Tensor) float64 {
	// Extract the off-diagonal elements of each RDM
	rdm1Offdiag := rsa.OffDiagonal(rdm1)
	rdm2Offdiag := rsa.OffDiagonal(rdm2)
	_, _ = rdm1Offdiag, rdm2Offdiag

	// TODO(W2D1.T3.E2): compute the Pearson correlation coefficient of the two slices with
	// stat.Correlation(x, y, nil) (package gonum.org/v1/gonum/stat, NumPy's corrcoef),
	// return it, and delete the panic.
	panic(exercise.TODO("W2D1.T3.E2"))
}
