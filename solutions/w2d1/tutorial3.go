package w2d1

import (
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rsa"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// RDM returns the representational dissimilarity matrix of resp (stimuli S × neurons N):
// M = 1 − Z·Zᵀ/N, with Z the responses z-scored across neurons for each stimulus.
// Exercise W2D1.T3.E1.
func RDM(resp *nn.Tensor) *nn.Tensor {
	// z-score responses to each stimulus
	zresp := rsa.ZScoreRows(resp).Dense()
	_, n := zresp.Dims()

	// Compute RDM
	var zzT mat.Dense
	zzT.Mul(zresp, zresp.T())
	rdm := nn.FromMat(&zzT)
	for i, v := range rdm.Data {
		rdm.Data[i] = 1 - v/float64(n)
	}
	return rdm
}

// CorrelateRDMs returns the correlation coefficient between the off-diagonal elements of
// two RDMs.
// Exercise W2D1.T3.E2.
func CorrelateRDMs(rdm1, rdm2 *nn.Tensor) float64 {
	// Extract the off-diagonal elements of each RDM
	rdm1Offdiag := rsa.OffDiagonal(rdm1)
	rdm2Offdiag := rsa.OffDiagonal(rdm2)

	corrCoef := stat.Correlation(rdm1Offdiag, rdm2Offdiag, nil)
	return corrCoef
}
