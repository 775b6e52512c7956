package ratemodelfig

import (
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// PlotPulse is Interactive Demo 3 of Tutorial 3 (ratemodel.PulseWC): r_E and r_I after a
// 10-ms pulse of amplitude se into E, with a red bar marking when the stimulus is on; y from
// −0.03 to 1.2.
func PlotPulse(se float64) (*fig.Figure, error) {
	p, pulse, err := ratemodel.PulseWC(se)
	if err != nil {
		return nil, err
	}
	rE, rI, err := ratemodel.SimulateWC(p)
	if err != nil {
		return nil, err
	}
	t := p.RangeT()
	pl := fig.NewPlot("", "t (ms)", "Activity")
	AddActivity(pl, t, rE, rI, "E population", "I population")
	var on []float64
	for k, v := range pulse {
		if v > 0 {
			on = append(on, t[k])
		}
	}
	fig.Line(pl, on, nma.Full(len(on), 1), fig.Color(fig.Red), fig.LineWidth(3))
	AddText(pl, 25, 1.05, "stimulus on", 0)
	fig.Limits(pl, math.NaN(), math.NaN(), -0.03, 1.2)
	placeLegend(pl, true, t, rE, t, rI)
	return fig.New(pl).Size(8, 5.5), nil
}
