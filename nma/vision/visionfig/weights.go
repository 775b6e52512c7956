package visionfig

import (
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/cmap"
	"github.com/nma-go/nma-go/nma/nn"
)

// VisualizeWeights draws W_in (hidden units × neurons sorted by preferred orientation, 'bwr'
// ±0.01) and W_out (hidden units × outputs, 'bwr' ±3) (visualize_weights).
func VisualizeWeights(wInSorted, wOut *nn.Tensor) *fig.Figure {
	f := fig.Grid(1, 2)
	p1 := f.At(0, 0)
	m, n := wInSorted.Shape[0], wInSorted.Shape[1]
	heatmap(f, p1, wInSorted.Matrix(), 0, float64(n), 0, float64(m), cmap.BWR(), -1e-2, 1e-2)
	p1.Title.Text = "$W_{in}$"
	p1.X.Label.Text = "sorted neurons"
	p1.Y.Label.Text = "hidden units"
	rowTicks(&p1.Y, m)
	p2 := f.At(0, 1)
	wt := nn.Transpose(wOut)
	heatmap(f, p2, wt.Matrix(), 0, float64(wt.Shape[1]), 0, float64(wt.Shape[0]), cmap.BWR(), -3, 3)
	p2.Title.Text = "$W_{out}$"
	p2.X.Label.Text = "output"
	p2.Y.Label.Text = "hidden units"
	rowTicks(&p2.Y, wt.Shape[0])
	p2.HideX()
	return f.Size(11, 4)
}

// VisualizeHiddenUnits draws W_in sorted by preferred orientation, the hidden-unit
// activity h (hidden units × stimuli) and its tuning curves (visualize_hidden_units).
func VisualizeHiddenUnits(wInSorted, h *nn.Tensor) *fig.Figure {
	f := fig.Grid(1, 3)
	p1 := f.At(0, 0)
	m, n := wInSorted.Shape[0], wInSorted.Shape[1]
	heatmap(nil, p1, wInSorted.Matrix(), 0, float64(n), 0, float64(m), cmap.BWR(), -1e-2, 1e-2)
	p1.Title.Text, p1.X.Label.Text, p1.Y.Label.Text = "$W_{in}$", "sorted neurons", "hidden units"
	rowTicks(&p1.Y, m)
	p2 := f.At(0, 1)
	hm, hn := h.Shape[0], h.Shape[1]
	heatmap(nil, p2, h.Matrix(), 0, float64(hn), 0, float64(hm), cmap.Viridis(), slices.Min(h.Data), slices.Max(h.Data))
	p2.Title.Text, p2.X.Label.Text, p2.Y.Label.Text = "hidden layer activities", "stimuli", "hidden units"
	rowTicks(&p2.Y, hm)
	p3 := f.At(0, 2)
	for i := 0; i < hm; i++ {
		fig.Line(p3, iters(hn), h.Row(i), fig.Color(fig.C(i)), fig.LineWidth(1.5))
	}
	p3.Title.Text, p3.X.Label.Text, p3.Y.Label.Text = "hidden unit tuning curves", "stimulus orientation (°)", "hidden unit activity"
	fig.SetTicks(&p3.X, 0, 90, 180, 270, 360)
	return f.Size(16, 4.5)
}
