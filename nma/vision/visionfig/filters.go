package visionfig

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/cmap"
	"github.com/nma-go/nma-go/nma/nn"
)

// PlotFilterPair draws two filters next to each other in 'bwr' from −1 to 1 with their titles
// (Tutorial 2's centre-surround and Gabor example).
func PlotFilterPair(a, b *nn.Tensor, titleA, titleB string) *fig.Figure {
	f := fig.Grid(1, 2)
	for i, c := range []struct {
		t     *nn.Tensor
		title string
	}{{a, titleA}, {b, titleB}} {
		p := f.At(0, i)
		image(p, squeeze2(c.t), cmap.BWR(), -1, 1)
		p.Title.Text = c.title
	}
	return f.Size(8, 4)
}

// PlotWeights draws the given channels of convolution weights (cOut, cIn, K, K) — input
// channel 0 — in 'bwr' with a symmetric range ±max|w| and a colour bar (plot_weights).
func PlotWeights(weights *nn.Tensor, channels []int) *fig.Figure {
	wmax := maxAbs(weights.Data)
	f := fig.Grid(1, len(channels)+1)
	for i, c := range channels {
		p := f.At(0, i)
		image(p, channel(weights, c, 0), cmap.BWR(), -wmax, wmax)
		p.Title.Text = fmt.Sprintf("channel %d", c)
	}
	colorbarPanel(f, f.At(0, len(channels)), cmap.BWR(), -wmax, wmax, "")
	return f.Size(2.3*float64(len(channels)+1), 2.6)
}
