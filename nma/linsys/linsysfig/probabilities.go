package linsysfig

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot/vg"
)

// PlotStateProbabilities draws P(closed) and P(open) against time for a propagated
// probability vector x[k] = [P(closed), P(open)] (the course's plot_state_probabilities,
// whose legend called the two curves "Closed to open" and "Open to closed").
func PlotStateProbabilities(t []float64, x [][]float64) (*fig.Figure, error) {
	if len(t) != len(x) {
		return nil, fmt.Errorf("linsysfig.PlotStateProbabilities: %d times but %d states", len(t), len(x))
	}
	pc := make([]float64, len(x))
	po := make([]float64, len(x))
	for k, s := range x {
		if len(s) != 2 {
			return nil, fmt.Errorf("linsysfig.PlotStateProbabilities: state %d has %d values, want 2", k, len(s))
		}
		pc[k], po[k] = s[0], s[1]
	}
	p := fig.NewPlot("", "time (ms)", "prob(open OR closed)")
	fig.Line(p, t, pc, fig.Color(fig.C(0)), fig.Label("P(closed)"))
	fig.Line(p, t, po, fig.Color(fig.C(1)), fig.Label("P(open)"))
	p.Legend.YOffs = -vg.Points(100) // in the empty middle, between the two curves
	fig.Limits(p, math.NaN(), math.NaN(), 0, 1)
	return fig.New(p).Size(8, 5), nil
}
