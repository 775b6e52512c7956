package fig_test

import (
	"testing"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/figtest"
)

// TestGoldenMath: sub- and superscripts, Greek letters and upright text in labels, titles
// and legends, as the course's matplotlib labels show them.
func TestGoldenMath(t *testing.T) {
	p := fig.NewPlot(`$\tau_m$ = 10 ms, $\Delta t$ = 0.1 ms`, "$r_E$ (a.u.)", "$F^{-1}(x)$")
	fig.Line(p, []float64{0, 1, 2}, []float64{0, 1, 4}, fig.Label("$r_{sim}(t)$"))
	fig.Line(p, []float64{0, 1, 2}, []float64{1, 2, 3}, fig.Label("plain r_E"))
	figtest.Golden(t, "math_labels", fig.New(p).Size(6, 4.5))
}
