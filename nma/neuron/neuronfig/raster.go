package neuronfig

import (
	"image/color"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/neuron"
	"gonum.org/v1/plot"
)

// rasterPanel draws the first n trains as rows of ticks (my_raster_Poisson).
func rasterPanel(pl *plot.Plot, t []float64, trains [][]float64, n int, colors []color.Color) {
	n = min(n, len(trains))
	for i := 0; i < n; i++ {
		var ts []float64
		for k, s := range trains[i] {
			if s > 0.5 {
				ts = append(ts, t[k])
			}
		}
		c := color.Color(fig.Black)
		if colors != nil {
			c = colors[i%len(colors)]
		}
		fig.Raster(pl, ts, float64(i), fig.Color(c), fig.MarkerSize(4))
	}
	pl.X.Label.Text, pl.Y.Label.Text = "Time (ms)", "Neuron ID"
	fig.Limits(pl, t[0], t[len(t)-1], -0.5, float64(n)-0.5)
}

// PlotRaster draws the first n binary spike trains as a raster (the course's
// my_raster_Poisson / my_raster_plot).
func PlotRaster(p neuron.Pars, trains [][]float64, n int) *fig.Figure {
	pl := fig.NewPlot("", "", "")
	rasterPanel(pl, p.RangeT(), trains, n, nil)
	return fig.New(pl)
}

// PlotTwoRaster draws the spikes of the two neurons of Tutorial 2, Section 2, from 1000 to
// 8000 ms.
func PlotTwoRaster(sp1, sp2 []float64) *fig.Figure {
	pl := fig.NewPlot("", "time (ms)", "neuron id.")
	fig.Raster(pl, sp1, 1, fig.Color(fig.C(0)), fig.MarkerSize(14), fig.Label("neuron 1"))
	fig.Raster(pl, sp2, 1.1, fig.Color(fig.C(1)), fig.MarkerSize(14), fig.Label("neuron 2"))
	fig.Limits(pl, 1000, 8000, 0.9, 1.2)
	return fig.New(pl).Size(12, 5)
}
