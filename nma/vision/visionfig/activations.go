package visionfig

import (
	"fmt"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/cmap"
	"github.com/nma-go/nma-go/nma/nn"
)

// PlotExampleActivations draws, for each stimulus (n, 1, H, W), the image and the
// activations (n, C, H, W) of the given channels in 'bwr' from −3 to 3, with a colour bar
// of the activation strength (plot_example_activations).
func PlotExampleActivations(stimuli, act *nn.Tensor, channels []int) *fig.Figure {
	n := stimuli.Shape[0]
	f := fig.Grid(n, 2+len(channels))
	for i := 0; i < n; i++ {
		st := channel(stimuli, i, 0)
		image(f.At(i, 0), st, cmap.Binary(), slices.Min(st.Data), slices.Min(st.Data)+1)
		f.At(i, 0).Title.Text = "stimulus"
		for k, c := range channels {
			p := f.At(i, 1+k)
			image(p, channel(act, i, c), cmap.BWR(), -3, 3)
			p.Title.Text = fmt.Sprintf("channel %d", c)
		}
		last := f.At(i, 1+len(channels))
		if i == 0 {
			colorbarPanel(f, last, cmap.BWR(), -3, 3, "activation\nstrength")
		} else {
			last.HideAxes()
		}
	}
	return f.Size(2.1*float64(2+len(channels)), 1.75*float64(n))
}
