package rsafig

import (
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/nn"
)

// PlotTuningCurves draws, for each representation, the responses of the given units against
// the stimulus orientation (Tutorial 3, Section 3.1).
func PlotTuningCurves(labels []string, resps []*nn.Tensor, units [][]int, ori []float64) *fig.Figure {
	f := fig.Grid(1, len(resps))
	for i, r := range resps {
		p := f.At(0, i)
		for k, u := range units[i] {
			fig.Line(p, ori, r.Col(u), fig.Color(fig.C(k)), fig.LineWidth(1.5))
		}
		p.Title.Text = labels[i] + " responses"
		p.X.Label.Text = "stimulus orientation (°)"
		if i == 0 {
			p.Y.Label.Text = "neural response"
		}
		fig.SetTicks(&p.X, -90, -45, 0, 45, 90)
	}
	return f.Size(5.5*float64(len(resps)), 5)
}
