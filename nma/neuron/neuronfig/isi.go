package neuronfig

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
)

// PlotISIHists draws the ISI histograms of two runs side by side, bins np.linspace(10, 30,
// 20), titled with σ_GWN and CV_ISI (the course's my_hists).
func PlotISIHists(isi1, isi2 []float64, cv1, cv2, sig1, sig2 float64) *fig.Figure {
	f := fig.Grid(1, 2).Size(11, 4)
	edges := nma.Linspace(10, 30, 20)
	for j, d := range []struct {
		isi     []float64
		cv, sig float64
	}{{isi1, cv1, sig1}, {isi2, cv2, sig2}} {
		pl := f.At(0, j)
		pl.X.Label.Text, pl.Y.Label.Text = "ISI (ms)", "count"
		pl.Title.Text = fmt.Sprintf("$\\sigma_{GWN}$=%.1f, $CV_{isi}$=%.3f", d.sig, d.cv)
		counts, _ := nma.Histogram(d.isi, edges)
		fig.HistCounts(pl, counts, edges, fig.Color(fig.Alpha(fig.Blue, 0.5)))
		fig.Limits(pl, 9, 31, 0, math.NaN())
	}
	return f
}
