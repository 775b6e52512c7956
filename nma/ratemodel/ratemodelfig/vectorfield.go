package ratemodelfig

import (
	"gonum.org/v1/plot"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// DerivsFunc computes (dr_E/dt, dr_I/dt) at a point of the phase plane, like
// ratemodel.EIDerivs; the figures accept one so that a notebook can draw the vector field
// with the student's function.
type DerivsFunc func(rE, rI float64, p ratemodel.WCParams) (drEdt, drIdt float64)

// AddVectorField draws the vector field of p on the grid np.meshgrid(rE, rI), every nSkip-th
// point along both axes, as cyan arrows (fig.Quiver) of length |(dr_E/dt, dr_I/dt)|/scale
// (my_plot_vector: a 20×20 grid over [0, 1]², nSkip 2, scale 5). derivs computes the
// field; nil means ratemodel.EIDerivs.
func AddVectorField(pl *plot.Plot, p ratemodel.WCParams, rE, rI []float64, nSkip int, scale float64, derivs DerivsFunc) {
	pl.Add(vectorField(p, rE, rI, nSkip, scale, derivs))
}

// vectorField is the quiver AddVectorField draws.
func vectorField(p ratemodel.WCParams, rE, rI []float64, nSkip int, scale float64, derivs DerivsFunc) *fig.Quiver {
	if derivs == nil {
		derivs = ratemodel.EIDerivs
	}
	nSkip = max(nSkip, 1)
	q := &fig.Quiver{Scale: scale, Color: Cyan}
	for i := 0; i < len(rI); i += nSkip {
		for j := 0; j < len(rE); j += nSkip {
			u, v := derivs(rE[j], rI[i], p)
			q.X, q.Y = append(q.X, rE[j]), append(q.Y, rI[i])
			q.U, q.V = append(q.U, u), append(q.V, v)
		}
	}
	return q
}
