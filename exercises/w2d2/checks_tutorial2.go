package w2d2

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
	"gonum.org/v1/gonum/mat"
)

// The functions the exercises of Tutorial 2 ask for.
type (
	IntervalsFunc = func(switchTimes []float64) []float64
	ProbPropFunc  = func(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64)
)

// probeInterSwitchIntervals runs InterSwitchIntervals on the switch times of the tutorial's
// telegraph run (c2o = 0.02, o2c = 0.1, T = 5000, seed 0), of two other runs (seeds 1 and
// 2), all simulated with linsys.IonChannelOpening, and on short lists ([3.5, 7], [1], []).
func probeInterSwitchIntervals(rec *exercise.Recorder, f IntervalsFunc) {
	type run struct {
		c2o, o2c, T float64
		seed        uint32
	}
	var cases [][]float64
	for _, r := range []run{{0.02, 0.1, 5000, 0}, {0.5, 0.3, 1000, 1}, {0.01, 0.01, 3000, 2}} {
		_, _, sw, err := linsys.IonChannelOpening(r.c2o, r.o2c, r.T, 0.1, rng.New(r.seed))
		if err != nil {
			panic(err)
		}
		cases = append(cases, sw)
	}
	cases = append(cases, []float64{3.5, 7}, []float64{1}, []float64{})
	for _, sw := range cases {
		in := fmt.Sprintf("InterSwitchIntervals(%d switch times)", len(sw))
		if len(sw) <= 3 {
			in = fmt.Sprintf("InterSwitchIntervals(%v)", sw)
		}
		got := f(append([]float64(nil), sw...))
		rec.Float(in+": number of intervals (one fewer than the switches)", float64(len(got)), 0)
		rec.Floats(in, got, 1e-9)
	}
}

// probeSimulateProbProp runs SimulateProbProp for the tutorial's telegraph matrix
// (c2o = 0.02, o2c = 0.1, dt = 0.1, T = 500, x0 = [1, 0]), other rates and starts, and a
// three-state chain: the time axis, then x row by row.
func probeSimulateProbProp(rec *exercise.Recorder, f ProbPropFunc) {
	type run struct {
		A     *mat.Dense
		x0    []float64
		dt, T float64
		name  string
	}
	tm := func(c2o, o2c, dt float64) *mat.Dense {
		A, err := linsys.TransitionMatrix(c2o, o2c, dt)
		if err != nil {
			panic(err)
		}
		return A
	}
	runs := []run{
		{tm(0.02, 0.1, 0.1), []float64{1, 0}, 0.1, 500, "telegraph c2o=0.02 o2c=0.1"},
		{tm(0.3, 0.05, 0.5), []float64{0, 1}, 0.5, 40, "telegraph c2o=0.3 o2c=0.05"},
		{tm(0.02, 0.1, 0.1), []float64{0.5, 0.5}, 0.1, 3, "telegraph from [0.5, 0.5]"},
		{mat.NewDense(3, 3, []float64{0.9, 0.1, 0, 0.1, 0.8, 0.3, 0, 0.1, 0.7}), []float64{0.2, 0.3, 0.5}, 1, 10, "three states"},
	}
	for _, r := range runs {
		in := fmt.Sprintf("SimulateProbProp(A=%s, x0=%v, dt=%g, T=%g) [%s]", linsys.MatrixString(r.A), r.x0, r.dt, r.T, r.name)
		gotX, gotT := f(mat.DenseCopyOf(r.A), append([]float64(nil), r.x0...), r.dt, r.T)
		rec.Floats(in+": t", gotT, 1e-12)
		rec.Float(in+": number of rows of x (one per time step, starting with x0)", float64(len(gotX)), 0)
		for k := range gotX {
			rec.Float(fmt.Sprintf("%s: number of values in row %d of x", in, k), float64(len(gotX[k])), 0)
			rec.Floats(fmt.Sprintf("%s: x[%d]", in, k), gotX[k], 1e-9)
		}
	}
}
