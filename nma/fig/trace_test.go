package fig_test

import (
	"math"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/figtest"
)

// A long trace drawn in pieces looks like the thinned trace drawn as one line, legend
// included; a short one is exactly a Line.
func TestTraceLooksLikeOneLine(t *testing.T) {
	x := nma.Arange(0, 20000, 1)
	y := nma.Map(x, func(v float64) float64 { return math.Sin(v/500) + 0.3*math.Sin(v/7) })
	render := func(draw func(p *fig.Figure)) []byte {
		f := fig.New(fig.NewPlot("", "t", "y"))
		draw(f)
		b, err := figtest.Render(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	pieces := render(func(f *fig.Figure) {
		l := fig.Trace(f.At(0, 0), x, y, fig.Color(fig.Blue), fig.LineWidth(1), fig.Label("trace"))
		if l.Len() != 101 {
			t.Errorf("first piece has %d points, want 101", l.Len())
		}
	})
	xs, ys := fig.Thin(x, y)
	one := render(func(f *fig.Figure) {
		fig.Line(f.At(0, 0), xs, ys, fig.Color(fig.Blue), fig.LineWidth(1), fig.Label("trace"))
	})
	other := render(func(f *fig.Figure) {
		fig.Line(f.At(0, 0), xs, ys, fig.Color(fig.Red), fig.LineWidth(1), fig.Label("trace"))
	})
	if frac, _, err := figtest.Compare(one, pieces); err != nil || frac > figtest.MaxDiffFraction {
		t.Errorf("pieces differ from one line in %.4f%% of the pixels (%v)", 100*frac, err)
	}
	if frac, _, _ := figtest.Compare(one, other); frac < 10*figtest.MaxDiffFraction {
		t.Errorf("the comparison cannot see a changed colour (%.4f%%)", 100*frac)
	}
	short := fig.Trace(fig.NewPlot("", "", ""), []float64{0, 1, 2}, []float64{1, 0, 1})
	if short.Len() != 3 {
		t.Errorf("a short trace was changed: %d points", short.Len())
	}
}
