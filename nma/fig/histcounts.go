package fig

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// HistCounts draws counts already binned over edges (the output of nma.Histogram or
// np.histogram; bin k spans edges[k] to edges[k+1]) as the bars of a histogram, in Hist's
// style: filled with the colour (Color; the panel's next colour otherwise), thin white edges,
// and a legend entry with Label. It is plt.hist(x, bins=edges) for data counted elsewhere, or
// for bins of unequal width that plotter.NewHist cannot make. len(edges) must be
// len(counts)+1 (HistCounts panics otherwise, naming both lengths).
func HistCounts(p *plot.Plot, counts, edges []float64, opts ...Opt) *plotter.Histogram {
	if len(edges) != len(counts)+1 {
		panic(fmt.Sprintf("fig.HistCounts: %d counts need %d edges, got %d", len(counts), len(counts)+1, len(edges)))
	}
	s := style(p, opts)
	h := &plotter.Histogram{FillColor: s.Color}
	h.LineStyle.Color = color.White
	h.LineStyle.Width = 0.5
	for k, n := range counts {
		h.Bins = append(h.Bins, plotter.HistogramBin{Min: edges[k], Max: edges[k+1], Weight: n})
	}
	if len(counts) > 0 {
		h.Width = edges[1] - edges[0]
	}
	p.Add(h)
	if s.Label != "" {
		p.Legend.Add(s.Label, h)
	}
	return h
}
