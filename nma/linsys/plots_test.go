package linsys

import (
	"testing"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/rng"
)

// Every figure of the four tutorials renders (a smoke test; the notebooks' example images
// are checked byte for byte by `nma run --static`).
func TestFiguresRender(t *testing.T) {
	tt, x, sw, err := IonChannelOpening(0.02, 0.1, 5000, 0.1, rng.New(0))
	if err != nil {
		t.Fatal(err)
	}
	A, _ := TransitionMatrix(0.02, 0.1, 0.1)
	pp, _ := PropagateProbabilities(A, []float64{1, 0}, 100)
	sim, _ := RandomWalks(50, 200, 0, 1, rng.New(2020))
	mu, v, _ := MeanVar(sim)
	walk, _ := CoinFlipWalk(100, rng.New(2020))
	td, xd, _ := DDM(100, 4, 1, 0.9, 0.1, rng.New(2020))
	train, _ := Char2Array(MonkeyAtTypewriter)
	x1, x2, p, _ := ARModel(train, 5)
	ex, et, _ := IntegrateExponential(-0.5, 1, 0.01, 10)
	build := map[string]func() (*fig.Figure, error){
		"Euler": func() (*fig.Figure, error) { return PlotEuler(et, ex, true), nil },
		"Trajectory": func() (*fig.Figure, error) {
			return PlotTrajectory(Linear(AOptions()[0]), []float64{-0.1, 0.2}, 0.1, 6, "A1")
		},
		"Streamplots":    func() (*fig.Figure, error) { return PlotStreamplots(AOptions()) },
		"Switch":         func() (*fig.Figure, error) { return PlotSwitchSimulation(tt, x), nil },
		"ISI":            func() (*fig.Figure, error) { return PlotInterswitchIntervalHistogram(Diff(sw)), nil },
		"ISI empty":      func() (*fig.Figure, error) { return PlotInterswitchIntervalHistogram(nil), nil },
		"Counts":         func() (*fig.Figure, error) { return PlotStateCounts(x), nil },
		"SwitchStats":    func() (*fig.Figure, error) { return PlotSwitchStatistics(x, sw), nil },
		"CumMean":        func() (*fig.Figure, error) { return PlotCumulativeMean(tt, x), nil },
		"Probabilities":  func() (*fig.Figure, error) { return PlotStateProbabilities(tt[:100], pp) },
		"StepWalk":       func() (*fig.Figure, error) { return PlotStepWalk(walk), nil },
		"Walks":          func() (*fig.Figure, error) { return PlotRandomWalkSims(sim, 10), nil },
		"Positions":      func() (*fig.Figure, error) { return PlotPositionHistograms(sim, []int{10, 50, 200}) },
		"MeanVar":        func() (*fig.Figure, error) { return PlotMeanVarByTimestep(mu, v, true), nil },
		"Dynamics":       func() (*fig.Figure, error) { return PlotDynamics(xd, td, 0.9, 1), nil },
		"DDM":            func() (*fig.Figure, error) { return PlotDDM(td, xd, 1, 0.9, 4), nil },
		"VarComparison":  func() (*fig.Figure, error) { return VarComparisonPlot([]float64{1, 2}, []float64{1.1, 2.1}), nil },
		"OU":             func() (*fig.Figure, error) { return PlotOUTrajectory(td, xd, 4, 1, 0.9, 0.1), nil },
		"LagScatter":     func() (*fig.Figure, error) { return PlotLagScatter(xd, true, 0, 0.9, 0.9, 0.1), nil },
		"Residuals":      func() (*fig.Figure, error) { return PlotResidualHistogram(xd), nil },
		"BinarySequence": func() (*fig.Figure, error) { return PlotBinarySequence(train), nil },
		"Fit":            func() (*fig.Figure, error) { return PlotFit(x1, x2, p, rng.New(1), "fit", "x", 0.2) },
		"Sweep":          func() (*fig.Figure, error) { return PlotARSweep([]int{1, 2, 3}, []float64{0.4, 0.3, 0.45}), nil },
	}
	for name, b := range build {
		f, err := b()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if png, err := f.PNG(); err != nil || len(png) < 1000 {
			t.Errorf("%s: PNG of %d bytes, %v", name, len(png), err)
		}
	}
	if _, err := PlotTrajectory(Linear(AOptions()[0]), []float64{1}, 0.1, 6, ""); err == nil {
		t.Error("PlotTrajectory with a 1-d x0 must fail")
	}
	if _, err := PlotFit(x1, x2, p, nil, "", "", 1); err == nil {
		t.Error("PlotFit without a generator must fail")
	}
	if _, err := PlotPositionHistograms(sim, []int{0}); err == nil {
		t.Error("PlotPositionHistograms at t=0 must fail (times are 1-based)")
	}
}
