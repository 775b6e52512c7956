package ratemodelfig

import (
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/figtest"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// courseFigure is one course figure at the course's parameters: the exercise cell's figure
// (drawn from the solution's numbers, which the library computes the same way) or the
// figure of a demo at its slider's default.
type courseFigure struct {
	name string // the function, and the golden image testdata/golden/<name>.png
	draw func() (*fig.Figure, error)
}

func courseFigures() []courseFigure {
	x := nma.Arange(0, 10, 0.1)
	s := ratemodel.DefaultSingle()
	s5 := s // w = 5, I_ext = 0.5: the bistable population of Tutorial 1
	s5.W, s5.IExt = 5, 0.5
	fps := ratemodel.FixedPointsSingle(s5, ratemodel.GuessesSingle)
	w := ratemodel.DefaultWC()
	ok := func(f *fig.Figure) func() (*fig.Figure, error) {
		return func() (*fig.Figure, error) { return f, nil }
	}
	simulated := func(p ratemodel.WCParams) (t, rE, rI []float64) {
		rE, rI, err := ratemodel.SimulateWC(p)
		if err != nil {
			panic(err)
		}
		return p.RangeT(), rE, rI
	}
	return []courseFigure{
		// Tutorial 1
		{"PlotFI", ok(PlotFI(x, nma.Map(x, func(x float64) float64 { return ratemodel.F(x, s.A, s.Theta) })))},
		{"PlotSimAnalytic", func() (*fig.Figure, error) {
			p := s
			p.IExt, p.Tau = 5, 3
			return PlotSimAnalytic(p)
		}},
		{"PlotDrDt", func() (*fig.Figure, error) {
			r := nma.Linspace(0, 1, 1000)
			return PlotDrDt(r, nma.Map(r, func(r float64) float64 { return ratemodel.DrDt(r, s5) }), fps), nil
		}},
		{"PlotIntersectionSingle", func() (*fig.Figure, error) {
			p := s
			p.W, p.IExt = 4, 1
			return PlotIntersectionSingle(p), nil
		}},
		{"PlotRInit", func() (*fig.Figure, error) {
			p := s5
			p.RInit = 0
			return PlotRInit(p)
		}},
		{"PlotTrajectories", func() (*fig.Figure, error) { return PlotTrajectories(s5, fps[1]) }},
		{"PlotDF", ok(PlotDF(x, nma.Map(x, func(x float64) float64 { return ratemodel.DF(x, s.A, s.Theta) })))},
		{"PlotTrace", func() (*fig.Figure, error) {
			p := s
			p.T = 100
			t := p.RangeT()
			ou, err := ratemodel.OU(len(t), p.Dt, 1, 0.1, 2020)
			return PlotTrace(t, ou, "I_OU", fig.Color(fig.Red)), err
		}},
		// Tutorial 2
		{"PlotFIEI", ok(PlotFIEI(x,
			nma.Map(x, func(x float64) float64 { return ratemodel.F(x, w.AE, w.ThetaE) }),
			nma.Map(x, func(x float64) float64 { return ratemodel.F(x, w.AI, w.ThetaI) })))},
		{"PlotTwoRuns", func() (*fig.Figure, error) {
			p := w
			p.REInit, p.RIInit = 0.32, 0.15
			t, rE1, rI1 := simulated(p)
			p.REInit = 0.33
			_, rE2, rI2 := simulated(p)
			return PlotTwoRuns(t, rE1, rI1, rE2, rI2), nil
		}},
		{"PlotActivity", func() (*fig.Figure, error) {
			p := w
			p.REInit, p.RIInit = 0.30, 0.15
			return PlotActivity(simulated(p)), nil
		}},
		{"PlotSimulatedActivity", func() (*fig.Figure, error) {
			p := w
			p.REInit, p.RIInit = 0.33, 0.15
			return PlotSimulatedActivity(p)
		}},
		{"PlotActivityPhase", func() (*fig.Figure, error) {
			p := w
			p.T, p.REInit, p.RIInit = 10, 0.6, 0.8
			t, rE, rI := simulated(p)
			return PlotActivityPhase(t, rE, rI, 49)
		}},
		{"PlotFIInverse", func() (*fig.Figure, error) {
			x := nma.Linspace(1e-6, 1, 100)
			return PlotFIInverse(x, nma.Map(x, func(x float64) float64 { return ratemodel.FInv(x, 1, 3) })), nil
		}},
		{"PlotNullclines", ok(PlotNullclines(ratemodel.Nullclines(w, -0.01, 0.96, -0.01, 0.8, 100)))},
		{"PlotCompleteAnalysis", func() (*fig.Figure, error) { return PlotCompleteAnalysis(w, nil) }},
		// Tutorial 3
		{"PlotFixedPoints", ok(PlotFixedPoints(w, ratemodel.FixedPointsWC(w, ratemodel.GuessesWC)))},
		{"PlotNullclinesWEE", func() (*fig.Figure, error) { return PlotNullclinesWEE(8) }},
		{"PlotOscillation", func() (*fig.Figure, error) {
			p := ratemodel.LimitCycleWC()
			p.REInit, p.RIInit = 0.25, 0.25
			return PlotOscillation(p)
		}},
		{"PlotLimitCycle", func() (*fig.Figure, error) { return PlotLimitCycle(ratemodel.LimitCycleWC()) }},
		{"PlotTauIEffect", func() (*fig.Figure, error) { return PlotTauIEffect(0.5) }},
		{"PlotISNPerturb", func() (*fig.Figure, error) { return PlotISNPerturb(0.1) }},
		{"PlotNoisyActivity", func() (*fig.Figure, error) {
			p, err := ratemodel.NoisyWC(20201, 20202)
			if err != nil {
				return nil, err
			}
			return PlotNoisyActivity(p)
		}},
		{"PlotPulse", func() (*fig.Figure, error) { return PlotPulse(0) }},
	}
}

// Every course figure, rendered and compared with its committed image (see package figtest;
// NMA_UPDATE_GOLDEN=1 rewrites the images).
func TestGolden(t *testing.T) {
	for _, c := range courseFigures() {
		t.Run(c.name, func(t *testing.T) {
			f, err := c.draw()
			if err != nil {
				t.Fatal(err)
			}
			figtest.Golden(t, c.name, f)
		})
	}
}
