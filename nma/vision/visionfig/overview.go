package visionfig

import (
	"fmt"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/cmap"
)

// PlotDataOverview is Tutorial 1's first figure: on the left the responses of the first
// nNeurons neurons to every stimulus (neurons × stimuli in the dataset's order of increasing
// orientation, so a neuron's preferred orientation is a bright band along its row; 'pink'
// colour map from the 1st to the 99th percentile, with a colour bar of the normalised
// response: plot_data_matrix(resp_all[:, :100].T)); on the right the tuning curves of the
// neurons ineurons.
func PlotDataOverview(ds *data.Stringer, nNeurons int, ineurons []int) *fig.Figure {
	n := ds.NNeurons()
	nNeurons = min(nNeurons, n)
	nStim := ds.NStimuli()
	z := make([][]float64, nNeurons) // resp_all[:, :nNeurons].T: neurons × stimuli
	var all []float64
	for j := 0; j < nNeurons; j++ {
		z[j] = make([]float64, nStim)
		for i := 0; i < nStim; i++ {
			z[j][i] = ds.Resp.Data[i*n+j]
		}
		all = append(all, z[j]...)
	}
	f := fig.Grid(1, 2)
	p1 := f.At(0, 0)
	vmin, vmax := nma.Percentile(all, 1), nma.Percentile(all, 99)
	if !(vmax > vmin) {
		vmax = vmin + 1
	}
	p1.Title.Text = "normalized neural response"
	if _, err := fig.Heatmap(f, p1, z, 0, float64(nStim), 0, float64(nNeurons), cmap.Pink(), vmin, vmax); err != nil {
		p1.Title.Text = err.Error()
	}
	p1.X.Label.Text, p1.Y.Label.Text = "stimulus", "neuron"
	fig.NoTicks(p1)
	p2 := f.At(0, 1)
	for k, j := range ineurons {
		fig.Line(p2, ds.Stimuli.Data, ds.Resp.Col(j), fig.Color(fig.C(k)), fig.LineWidth(1.5), fig.Label(fmt.Sprintf("neuron %d", j)))
	}
	p2.X.Label.Text, p2.Y.Label.Text = "stimulus orientation (°)", "neural response"
	fig.SetTicks(&p2.X, 0, 90, 180, 270, 360)
	return f.Size(13, 5)
}
