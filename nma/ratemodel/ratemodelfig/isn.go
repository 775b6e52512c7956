package ratemodelfig

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// PlotISNPerturb is Interactive Demo 2.2 of Tutorial 3 (ratemodel.ISNPerturb): on top the
// step input to the I population, below r_E and r_I with their levels just before the step
// dashed, y from 0 to 0.8.
func PlotISNPerturb(dI float64) (*fig.Figure, error) {
	t, in, rE, rI, err := ratemodel.ISNPerturb(dI)
	if err != nil {
		return nil, err
	}
	f := fig.Grid(2, 1).Size(8, 6.5)
	top, bottom := f.At(0, 0), f.At(1, 0)
	top.X.Label.Text, top.Y.Label.Text = "t (ms)", "$I_I^{ext}$"
	fig.Line(top, t, in, fig.Color(fig.Black))
	lo, hi := minMax(in)
	fig.Limits(top, math.NaN(), math.NaN(), lo-0.01, hi+0.01)
	bottom.X.Label.Text, bottom.Y.Label.Text = "t (ms)", "Activity"
	h := len(t)/2 - 1
	fig.Line(bottom, t, rE, fig.Color(fig.Blue), fig.Label("$r_E$"))
	fig.Line(bottom, t, nma.Full(len(t), rE[h]), fig.Color(fig.Blue), fig.Dashed())
	fig.Line(bottom, t, rI, fig.Color(fig.Red), fig.Label("$r_I$"))
	fig.Line(bottom, t, nma.Full(len(t), rI[h]), fig.Color(fig.Red), fig.Dashed())
	fig.Limits(bottom, math.NaN(), math.NaN(), 0, 0.8)
	placeLegend(bottom, true, t, rE, t, rI)
	return f, nil
}
