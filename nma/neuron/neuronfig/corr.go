package neuronfig

import (
	"image/color"
	"slices"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
)

// PlotSampleCC draws the sample correlation of correlated inputs against their true
// correlation, with the line y = x (the course's example_plot_myCC).
func PlotSampleCC(c, r12 []float64) *fig.Figure {
	pl := fig.NewPlot("", "True CC", "Sample CC")
	fig.Line(pl, []float64{-0.05, 0.95}, []float64{-0.05, 0.95}, fig.Color(fig.Black), fig.Dashed(), fig.LineWidth(1.5), fig.Label("y=x"))
	fig.Scatter(pl, c, r12, fig.Color(fig.Alpha(fig.Blue, 0.7)), fig.MarkerSize(5), fig.Label("Simulation"))
	pl.Legend.Top, pl.Legend.Left = true, true
	pl.Legend.XOffs = 8
	return fig.New(pl)
}

// CCSeries is one correlation transfer curve for PlotCorrTransfer.
type CCSeries struct {
	Label string      // legend entry
	Color color.Color // colour of the dots and of their line; nil: the course's colour for the series' place
	Out   []float64   // output correlation for each input correlation
}

// transferColors are the colours of the course's correlation transfer curves, in order
// (matplotlib's 'b', 'y' and 'r': small μ and σ, large μ, large σ).
var transferColors = []color.Color{fig.Blue, yellowY, fig.Red}

// PlotCorrTransfer draws output against input correlation for each series (dots with their
// least-squares line, the course's plot_c_r_LIF) and the line y = x. A series without a
// colour takes the course's colour for its place: blue, yellow, red, then around again.
func PlotCorrTransfer(cIn []float64, series ...CCSeries) *fig.Figure {
	pl := fig.NewPlot("", "Input CC", "Output CC")
	lo, hi := slices.Min(cIn)-0.05, slices.Max(cIn)+0.05
	for i, s := range series {
		c := s.Color
		if c == nil {
			c = transferColors[i%len(transferColors)]
		}
		fig.Scatter(pl, cIn, s.Out, fig.Color(fig.Alpha(c, 0.7)), fig.MarkerSize(5), fig.Label(s.Label))
		if a, b, err := nma.LinFit(cIn, s.Out); err == nil {
			fig.Line(pl, []float64{lo, hi}, []float64{a*lo + b, a*hi + b}, fig.Color(c))
		}
	}
	fig.Line(pl, []float64{lo, hi}, []float64{lo, hi}, fig.Color(fig.Black), fig.Dashed(), fig.LineWidth(1.5), fig.Label("y=x"))
	pl.Legend.Top, pl.Legend.Left = true, true
	pl.Legend.XOffs = 8
	return fig.New(pl).Size(7, 6)
}
