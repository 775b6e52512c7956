package data

import (
	"fmt"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/nn"
	"gonum.org/v1/plot"
)

// Percentile returns the p-th percentile of v with linear interpolation (np.percentile).
func Percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	s := slices.Clone(v)
	slices.Sort(s)
	pos := p / 100 * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(s)-1)
	return s[lo] + (pos-float64(lo))*(s[hi]-s[lo])
}

func degreeTicks(ax *plot.Axis, vals []float64) {
	var ts plot.ConstantTicks
	for _, v := range vals {
		ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%g", v)})
	}
	ax.Tick.Marker = ts
}

// PlotDataOverview is Tutorial 1's first figure: on the left the responses of every neuron to
// the first nStim stimuli (neurons × stimuli, 'pink' colour map from the 1st to the 99th
// percentile, with a colour bar of the normalised response: plot_data_matrix); on the right
// the tuning curves of the neurons ineurons.
func PlotDataOverview(ds *Stringer, nStim int, ineurons []int) *fig.Figure {
	nStim = min(nStim, ds.NStimuli())
	n := ds.NNeurons()
	z := make([][]float64, n) // neurons × stimuli: resp[:nStim].T
	var all []float64
	for j := 0; j < n; j++ {
		z[j] = make([]float64, nStim)
		for i := 0; i < nStim; i++ {
			z[j][i] = ds.Resp.Data[i*n+j]
		}
		all = append(all, z[j]...)
	}
	f := fig.Grid(1, 2)
	p1 := f.At(0, 0)
	vmin, vmax := Percentile(all, 1), Percentile(all, 99)
	if !(vmax > vmin) {
		vmax = vmin + 1
	}
	if err := nn.Heatmap(f, p1, z, 0, float64(nStim), 0, float64(n), nn.Pink(), vmin, vmax); err != nil {
		p1.Title.Text = err.Error()
	}
	p1.Title.Text = "normalized neural response"
	p1.X.Label.Text, p1.Y.Label.Text = "stimulus", "neuron"
	p1.X.Tick.Marker, p1.Y.Tick.Marker = plot.ConstantTicks{}, plot.ConstantTicks{} // no ticks
	p2 := f.At(0, 1)
	for k, j := range ineurons {
		fig.Line(p2, ds.Stimuli.Data, ds.Resp.Col(j), fig.Color(fig.C(k)), fig.LineWidth(1.5), fig.Label(fmt.Sprintf("neuron %d", j)))
	}
	p2.X.Label.Text, p2.Y.Label.Text = "stimulus orientation (°)", "neural response"
	degreeTicks(&p2.X, []float64{0, 90, 180, 270, 360})
	return f.Size(13, 5)
}

// PlotNeuronTuning draws one neuron's responses against the stimulus orientation.
func PlotNeuronTuning(ds *Stringer, idx int) *fig.Figure {
	p := fig.NewPlot(fmt.Sprintf("neuron %d", idx), "stimulus orientation (°)", "neural response")
	fig.Line(p, ds.Stimuli.Data, ds.Resp.Col(idx), fig.Color(fig.C(0)), fig.LineWidth(1.5))
	degreeTicks(&p.X, []float64{0, 90, 180, 270, 360})
	return fig.New(p).Size(7, 4.5)
}
