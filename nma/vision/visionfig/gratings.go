package visionfig

import (
	"fmt"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/cmap"
	"github.com/nma-go/nma-go/nma/nn"
)

// PlotGratings draws grating images (vision.Grating) side by side in black and white, titled
// with their orientation.
func PlotGratings(orientations []float64, images []*nn.Tensor) *fig.Figure {
	f := fig.Grid(1, len(images))
	for i, img := range images {
		p := f.At(0, i)
		lo, hi := slices.Min(img.Data), slices.Max(img.Data)
		if hi-lo < 1 {
			hi = lo + 1
		}
		image(p, img, cmap.Binary(), lo, hi)
		p.Title.Text = fmt.Sprintf("%.0f°", orientations[i])
	}
	return f.Size(3*float64(len(images)), 2.8)
}
