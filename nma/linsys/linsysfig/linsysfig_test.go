package linsysfig

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/figtest"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
	"gonum.org/v1/gonum/mat"
)

// courseFigures builds every figure of the four tutorials at the course's parameters (the
// notebooks' cells), by golden-image name.
func courseFigures(t testing.TB) map[string]*fig.Figure {
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	figs := map[string]*fig.Figure{}
	add := func(name string, f *fig.Figure, err error) {
		t.Helper()
		must(err)
		figs[name] = f
	}

	// Tutorial 1: Euler (Exercise 1, Demo 2 at a = i), trajectories, stream plots.
	x, tt, err := linsys.IntegrateExponential(-0.5, 1, 0.001, 10)
	must(err)
	add("euler", PlotEuler(tt, x, false), nil)
	x, tt, err = linsys.IntegrateExponential(complex(0, 1), 1, 1e-4, 5)
	must(err)
	add("euler_grid", PlotEuler(tt, x, true), nil)
	f, err := PlotTrajectory(linsys.Linear(linsys.AOptions()[0]), []float64{-0.1, 0.2}, 0.1, 6, "")
	add("trajectory", f, err)
	add("message", PlotMessage("A = None: nothing to simulate"), nil)
	p, err := PlotStreamplot(linsys.AOptions()[1], "A2")
	must(err)
	add("streamplot", fig.New(p).Size(4, 4), nil)
	f, err = PlotStreamplots(linsys.AOptions())
	add("streamplots", f, err)

	// Tutorial 2: the telegraph process (seed 0), Demo 1 at its start (no switches), and
	// the propagated probabilities.
	tt2, x2, sw, err := linsys.IonChannelOpening(0.02, 0.1, 5000, 0.1, rng.New(0))
	must(err)
	add("switch_simulation", PlotSwitchSimulation(tt2, x2), nil)
	add("isi_histogram", PlotInterswitchIntervalHistogram(nma.Diff(sw)), nil)
	add("state_counts", PlotStateCounts(x2), nil)
	add("cumulative_mean", PlotCumulativeMean(tt2, x2), nil)
	add("switch_statistics", PlotSwitchStatistics(x2, sw), nil)
	_, x0, sw0, err := linsys.IonChannelOpening(0, 0, 5500, 0.1, rng.New(0))
	must(err)
	add("switch_statistics_none", PlotSwitchStatistics(x0, sw0), nil)
	A, err := linsys.TransitionMatrix(0.02, 0.1, 0.1)
	must(err)
	tp := nma.Arange(0, 500, 0.1)
	pp, err := linsys.PropagateProbabilities(A, []float64{1, 0}, len(tp))
	must(err)
	f, err = PlotStateProbabilities(tp, pp)
	add("state_probabilities", f, err)

	// Tutorial 3: random walks (seed 2020), the OU process and its equilibrium variance.
	walk, err := linsys.CoinFlipWalk(100, rng.New(2020))
	must(err)
	add("step_walk", PlotStepWalk(walk), nil)
	sim, err := linsys.RandomWalks(1000, 10000, 0, 1, rng.New(2020))
	must(err)
	add("random_walk_sims", PlotRandomWalkSims(sim, 10), nil)
	f, err = PlotPositionHistograms(sim, []int{1000, 2500, 10000})
	add("position_histograms", f, err)
	sim, err = linsys.RandomWalks(5000, 1000, 0, 1, rng.New(2020))
	must(err)
	mu, v, err := linsys.MeanVar(sim)
	must(err)
	add("mean_var", PlotMeanVarByTimestep(mu, v, true), nil)
	steps := nma.Arange(0, 100, 1)
	xd, err := linsys.Decay(0.9, 4, 0, 100)
	must(err)
	add("dynamics", PlotDynamics(xd, steps, 0.9, 0), nil)
	xd, err = linsys.Decay(0.9, 4, 1, 100)
	must(err)
	add("dynamics_xinfty", PlotDynamics(xd, steps, 0.9, 1), nil)
	td, xdd, err := linsys.DDM(500, 4, 1, 0.9, 0.1, rng.New(2020))
	must(err)
	add("ddm", PlotDDM(td, xdd, 1, 0.9, 4), nil)
	r := rng.New(2020)
	lambdas := nma.Arange(0.05, 0.95, 0.01)
	emp := make([]float64, len(lambdas))
	for i, lam := range lambdas {
		emp[i], err = linsys.DDMEqVar(5000, 4, 1, lam, 0.87, r)
		must(err)
	}
	ana := nma.Map(lambdas, func(l float64) float64 { return linsys.EqVar(l, 0.87) })
	add("var_comparison", PlotVarComparison(emp, ana), nil)

	// Tutorial 4: the OU trajectory and its AR(1) fit, then AR models of the monkey's digits.
	to, xo, err := linsys.DDM(200, 10, 0, 0.9, 0.2, rng.New(2020))
	must(err)
	add("ou_trajectory", PlotOUTrajectory(to, xo, 10, 0, 0.9, 0.2), nil)
	add("lag_scatter", PlotLagScatter(xo, false, 0, 0, 0.9, 0.2), nil)
	intercept, lamHat, err := linsys.FitAR1(xo)
	must(err)
	add("lag_scatter_fit", PlotLagScatter(xo, true, intercept, lamHat, 0.9, 0.2), nil)
	res := make([]float64, len(xo)-2)
	for k := range res {
		res[k] = xo[k+1] - lamHat*xo[k]
	}
	add("residual_histogram", PlotResidualHistogram(res), nil)
	alt, err := linsys.Char2Array(linsys.AlternatingSequence)
	must(err)
	add("binary_sequence_alternating", PlotBinarySequence(alt), nil)
	train, err := linsys.Char2Array(linsys.MonkeyAtTypewriter)
	must(err)
	add("binary_sequence_monkey", PlotBinarySequence(train), nil)
	x1, y1, coef, err := linsys.ARModel(train, 5)
	must(err)
	f, err = PlotFit(x1, y1, coef, rng.New(2020), "Training fit, order 5 AR model", "x", 0.2)
	add("fit_training", f, err)
	test, err := linsys.Char2Array(linsys.TestMonkey)
	must(err)
	x1t, y1t, err := linsys.BuildTimeDelayMatrices(test, 5)
	must(err)
	e, err := linsys.ErrorRate(test, coef)
	must(err)
	f, err = PlotFit(x1t, y1t, coef, rng.New(2021), fmt.Sprintf("Testing fit, order 5 AR model, err = %.3f", e), "test x", 0.5)
	add("fit_test", f, err)
	orders := make([]int, 20)
	for i := range orders {
		orders[i] = i + 1
	}
	df, err := linsys.ARSweep(train, test, orders)
	must(err)
	add("ar_sweep", PlotARSweep(orders, df.Col("test error").Float()), nil)
	return figs
}

// Every course figure matches its golden image (testdata/golden; see nma/fig/figtest).
func TestGolden(t *testing.T) {
	for name, f := range courseFigures(t) {
		t.Run(name, func(t *testing.T) { figtest.Golden(t, name, f) })
	}
}

func TestFigureInputErrors(t *testing.T) {
	wantErr := func(what string, err error, mention string) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), mention) {
			t.Errorf("%s: error %v, want one mentioning %q", what, err, mention)
		}
	}
	f := linsys.Linear(linsys.AOptions()[0])
	_, err := PlotTrajectory(f, []float64{1}, 0.1, 6, "")
	wantErr("PlotTrajectory with a 1-d x0", err, "x0 has 1 values")
	_, err = PlotTrajectory(f, []float64{1, 0}, 0, 6, "")
	wantErr("PlotTrajectory with dt = 0", err, "dt=0")
	_, err = PlotStreamplot(mat.NewDense(3, 3, nil), "")
	wantErr("PlotStreamplot of a 3×3 matrix", err, "3×3")
	_, err = PlotStreamplots(nil)
	wantErr("PlotStreamplots without matrices", err, "no matrices")
	_, err = PlotStateProbabilities([]float64{0, 1}, [][]float64{{1, 0}})
	wantErr("PlotStateProbabilities with mismatched lengths", err, "2 times but 1 states")
	sim, _ := linsys.RandomWalks(5, 10, 0, 1, rng.New(1))
	_, err = PlotPositionHistograms(sim, []int{0})
	wantErr("PlotPositionHistograms at t=0 (times are 1-based)", err, "time 0 outside 1…10")
	train, _ := linsys.Char2Array(linsys.MonkeyAtTypewriter)
	x1, x2, p, _ := linsys.ARModel(train, 5)
	_, err = PlotFit(x1, x2, p, nil, "", "", 1)
	wantErr("PlotFit without a generator", err, "jitter is nil")
	_, err = PlotFit(x1, x2[1:], p, rng.New(1), "", "", 1)
	wantErr("PlotFit with short x2", err, "x2 has")
	// Degenerate inputs still draw: no switches, no residuals.
	for name, f := range map[string]*fig.Figure{
		"no intervals": PlotInterswitchIntervalHistogram(nil),
		"no residuals": PlotResidualHistogram(nil),
	} {
		if png, err := f.PNG(); err != nil || len(png) < 1000 {
			t.Errorf("%s: PNG of %d bytes, %v", name, len(png), err)
		}
	}
}

// The four stream plots of Think! 4: streamlines only, and the whole figure rendered.
func BenchmarkStreamplots(b *testing.B) {
	for b.Loop() {
		for _, A := range linsys.AOptions() {
			if err := addStreamplot(fig.NewPlot("", "", ""), A); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkPlotStreamplotsPNG(b *testing.B) {
	for b.Loop() {
		f, err := PlotStreamplots(linsys.AOptions())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
