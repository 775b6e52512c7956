package ratemodelfig

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// AddFixedPoint marks fp with a black dot and writes "Fixed point\n(r_E, r_I)" centred above
// fp + offset, turned by rotation degrees (plot_fp; the course's offset is (0.02, 0.1)).
func AddFixedPoint(pl *plot.Plot, fp, offset [2]float64, rotation float64) {
	fig.Scatter(pl, []float64{fp[0]}, []float64{fp[1]}, fig.Color(fig.Black), fig.MarkerSize(4))
	AddText(pl, fp[0]+offset[0], fp[1]+offset[1], "Fixed point\n"+ratemodel.FormatPoint(fp), rotation)
}

// AddText writes txt centred horizontally above (x, y) in data coordinates, turned by
// rotation degrees (matplotlib's text with ha='center', va='bottom').
func AddText(pl *plot.Plot, x, y float64, txt string, rotation float64) {
	addText(pl, x, y, txt, text.XCenter, text.YBottom, rotation)
}

func addAlignedText(pl *plot.Plot, x, y float64, txt string, xa text.XAlignment, ya text.YAlignment) {
	addText(pl, x, y, txt, xa, ya, 0)
}

func addText(pl *plot.Plot, x, y float64, txt string, xa text.XAlignment, ya text.YAlignment, rotation float64) {
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: y}}, Labels: []string{txt}})
	if err != nil {
		panic(err) // one point and one label: cannot differ
	}
	l.TextStyle[0].Font = font.From(fig.Font, fig.FontSize*0.8)
	l.TextStyle[0].XAlign = xa
	l.TextStyle[0].YAlign = ya
	l.TextStyle[0].Rotation = rotation * math.Pi / 180
	pl.Add(l)
}

// PlotFixedPoints draws the nullclines of p (my_plot_nullcline) with every fixed point in fps
// labelled (plot_fp with the course's default offset (0.02, 0.1)).
func PlotFixedPoints(p ratemodel.WCParams, fps [][2]float64) *fig.Figure {
	pl := NewPhasePlane("")
	excRE, excRI, inhRE, inhRI := AddModelNullclines(pl, p)
	// Each label goes above its fixed point as in the course, unless a nullcline runs through
	// that spot: then below, right or left of it, wherever the curves leave the most room.
	var lx, ly []float64
	for _, fp := range fps {
		fig.Scatter(pl, []float64{fp[0]}, []float64{fp[1]}, fig.Color(fig.Black), fig.MarkerSize(4))
		pos := labelSpot(pl, fp, excRE, excRI, inhRE, inhRI)
		addAlignedText(pl, pos.x, pos.y, "Fixed point\n"+ratemodel.FormatPoint(fp), pos.xAlign, pos.yAlign)
		lx, ly = append(lx, pos.cx), append(ly, pos.cy)
	}
	// Keep the legend clear of the labels too.
	placeLegend(pl, false, excRE, excRI, inhRE, inhRI, lx, ly)
	return fig.New(pl)
}
