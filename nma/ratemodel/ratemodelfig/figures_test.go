package ratemodelfig

import (
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// The demos' figures build at the edges of their sliders, and bad input is an error that
// names it.
func TestFiguresAtSliderEdges(t *testing.T) {
	p := ratemodel.DefaultWC()
	figs := map[string]func() (*fig.Figure, error){
		"wEE6":    func() (*fig.Figure, error) { return PlotNullclinesWEE(6) },
		"wEE10":   func() (*fig.Figure, error) { return PlotNullclinesWEE(10) },
		"tau0.2":  func() (*fig.Figure, error) { return PlotTauIEffect(0.2) },
		"tau3":    func() (*fig.Figure, error) { return PlotTauIEffect(3) },
		"isn-0.2": func() (*fig.Figure, error) { return PlotISNPerturb(-0.2) },
		"pulse1":  func() (*fig.Figure, error) { return PlotPulse(1) },
		"phase499": func() (*fig.Figure, error) {
			rE, rI, _ := ratemodel.SimulateWC(p)
			return PlotActivityPhase(p.RangeT(), rE, rI, 499)
		},
		"complete-derivs": func() (*fig.Figure, error) { return PlotCompleteAnalysis(p, ratemodel.EIDerivs) },
	}
	for name, f := range figs {
		if g, err := f(); err != nil || g == nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, c := range []struct {
		name string
		err  func() error
		want string
	}{
		{"PlotTauIEffect(0)", func() error { _, err := PlotTauIEffect(0); return err }, "TauI=0"},
		{"PlotActivityPhase(nT=2)", func() error {
			_, err := PlotActivityPhase([]float64{0, 1}, []float64{0, 1}, []float64{0, 1}, 2)
			return err
		}, "nT=2"},
		{"PlotActivityPhase(short rI)", func() error {
			_, err := PlotActivityPhase([]float64{0, 1}, []float64{0, 1}, []float64{0}, 0)
			return err
		}, "len(rI)=1"},
		{"PlotSimulatedActivity(Dt=0)", func() error {
			q := p
			q.Dt = 0
			_, err := PlotSimulatedActivity(q)
			return err
		}, "Dt=0"},
		{"PlotTrajectories(Tau=0)", func() error {
			q := ratemodel.DefaultSingle()
			q.Tau = 0
			_, err := PlotTrajectories(q, -1)
			return err
		}, "Tau=0"},
	} {
		if err := c.err(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one mentioning %q", c.name, err, c.want)
		}
	}
}

// The vector field is drawn with the function it is given: the student's EIDerivs in the
// notebook. Every second point of a 20×20 grid gives 100 arrows at the grid's points.
func TestAddVectorFieldUsesDerivs(t *testing.T) {
	calls := 0
	derivs := func(rE, rI float64, p ratemodel.WCParams) (float64, float64) {
		calls++
		return rE, -rI
	}
	g := nma.Linspace(0, 1, 20)
	q := vectorField(ratemodel.DefaultWC(), g, g, 2, 5, derivs)
	if calls != 100 {
		t.Errorf("derivs called %d times, want 100 (every second point of 20×20)", calls)
	}
	if len(q.X) != 100 || q.Scale != 5 || q.Color != Cyan {
		t.Fatalf("%d arrows, scale %g, colour %v; want 100 cyan arrows, scale 5", len(q.X), q.Scale, q.Color)
	}
	if q.X[11] != g[2] || q.Y[11] != g[2] || q.U[11] != g[2] || q.V[11] != -g[2] {
		t.Errorf("arrow 11 at (%g, %g) = (%g, %g), want at (rE[2], rI[2]) = (%g, %g) the vector (%g, %g)", q.X[11], q.Y[11], q.U[11], q.V[11], g[2], g[2], g[2], -g[2])
	}
	q = vectorField(ratemodel.DefaultWC(), g[:1], g[:1], 0, 5, nil) // nSkip 0 means every point; nil means EIDerivs
	if e, i := ratemodel.EIDerivs(0, 0, ratemodel.DefaultWC()); len(q.U) != 1 || q.U[0] != e || q.V[0] != i {
		t.Errorf("nil derivs: arrows %v, %v; want EIDerivs(0, 0) = (%g, %g)", q.U, q.V, e, i)
	}
}

// The legend goes to a free corner (upper right first), or gets room above the curves.
func TestPlaceLegend(t *testing.T) {
	x := nma.Linspace(0, 1, 101)
	high := nma.Full(101, 0.9) // a curve along the top
	low := nma.Full(101, 0.1)  // … and one along the bottom
	for _, c := range []struct {
		name              string
		ys                [][]float64
		top, left, raised bool
	}{
		{"free upper right", [][]float64{low}, true, false, false},
		{"curve along the top", [][]float64{high, nma.Full(101, 0.5)}, false, false, false},
		{"every corner used", [][]float64{high, low}, true, false, true},
	} {
		p := NewPhasePlane("")
		var xy [][]float64
		for _, y := range c.ys {
			fig.Line(p, x, y)
			xy = append(xy, x, y)
		}
		fig.Limits(p, 0, 1, 0, 1)
		placeLegend(p, false, xy...)
		if p.Legend.Top != c.top || p.Legend.Left != c.left || (p.Y.Max > 1) != c.raised {
			t.Errorf("%s: legend top=%v left=%v, y max %g; want top=%v left=%v raised=%v", c.name, p.Legend.Top, p.Legend.Left, p.Y.Max, c.top, c.left, c.raised)
		}
	}
}

// The heaviest figure of the two tutorials: 38 simulations, nullclines and the field.
func BenchmarkPlotCompleteAnalysis(b *testing.B) {
	p := ratemodel.DefaultWC()
	for b.Loop() {
		f, err := PlotCompleteAnalysis(p, nil)
		if err != nil {
			b.Fatal(err)
		}
		f.DPI = 100
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}

// One frame of Interactive Demo 1.4 (29 are precomputed): 26 simulations and a PNG.
func BenchmarkTauIFrame(b *testing.B) {
	for b.Loop() {
		f, err := PlotTauIEffect(2)
		if err != nil {
			b.Fatal(err)
		}
		f.DPI = 100
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
