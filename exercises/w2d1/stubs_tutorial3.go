//lint:file-ignore SA4006 the stubs are unfinished on purpose: a blank never returns, so the code after it looks dead

package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rsa"
	"gonum.org/v1/gonum/mat"
)

// RDM returns the representational dissimilarity matrix of resp (stimuli S × neurons N),
// from the responses z-scored across neurons for each stimulus (the equation above).
func RDM(resp *nn.Tensor) *nn.Tensor {
	// z-score responses to each stimulus
	zresp := rsa.ZScoreRows(resp).Dense()
	_, n := zresp.Dims() // N, the number of neurons

	// Compute RDM
	var zzT mat.Dense
	exercise.BlankStep("W2D1.T3.E1", zresp) // ← store Z·Zᵀ in zzT: one Mul (zresp.T() is the transpose)
	rdm := nn.FromMat(&zzT)
	for i, v := range rdm.Data {
		rdm.Data[i] = exercise.Blank[float64]("W2D1.T3.E1", v, n) // ← the RDM entry from v, an entry of Z·Zᵀ, and N
	}
	return rdm
}

// CorrelateRDMs returns the correlation coefficient between the off-diagonal elements of
// two RDMs.
func CorrelateRDMs(rdm1, rdm2 *nn.Tensor) float64 {
	// Extract the off-diagonal elements of each RDM
	rdm1Offdiag := rsa.OffDiagonal(rdm1)
	rdm2Offdiag := rsa.OffDiagonal(rdm2)

	corrCoef := exercise.Blank[float64]("W2D1.T3.E2", rdm1Offdiag, rdm2Offdiag) // ← their Pearson correlation coefficient (gonum's stat.Correlation, weights nil)
	return corrCoef
}
