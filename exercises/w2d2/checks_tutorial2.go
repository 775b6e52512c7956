package w2d2

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
	"gonum.org/v1/gonum/mat"
)

// The functions the exercises of Tutorial 2 ask for.
type (
	IntervalsFunc = func(switchTimes []float64) []float64
	ProbPropFunc  = func(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64)
)

// CheckInterSwitchIntervals compares InterSwitchIntervals with the solution on the switch
// times of the tutorial's telegraph run (seed 0), of other runs, and on short lists.
func CheckInterSwitchIntervals(f IntervalsFunc) exercise.Result {
	return exercise.Run("W2D2.T2.E1", "InterSwitchIntervals", func(c *exercise.C) {
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
			want := sol.InterSwitchIntervals(sw)
			got := f(append([]float64(nil), sw...))
			c.True(len(got) == len(want), "%s: returned %d intervals, expected %d (one fewer than the switches)", in, len(got), len(want))
			c.Floats(in, want, got, 1e-9)
		}
	})
}

// CheckSimulateProbProp compares SimulateProbProp with the solution for the tutorial's
// telegraph matrix (c2o = 0.02, o2c = 0.1, dt = 0.1, T = 500, x0 = [1, 0]), other rates and
// starts, and a three-state chain.
func CheckSimulateProbProp(f ProbPropFunc) exercise.Result {
	return exercise.Run("W2D2.T2.E2", "SimulateProbProp", func(c *exercise.C) {
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
			wantX, wantT := sol.SimulateProbProp(r.A, append([]float64(nil), r.x0...), r.dt, r.T)
			gotX, gotT := f(mat.DenseCopyOf(r.A), append([]float64(nil), r.x0...), r.dt, r.T)
			c.Floats(in+": t", wantT, gotT, 1e-12)
			c.True(len(gotX) == len(wantX), "%s: x has %d rows, expected one per time step (%d), starting with x0", in, len(gotX), len(wantX))
			for k := range wantX {
				c.True(len(gotX[k]) == len(wantX[k]), "%s: row %d of x has %d values, expected %d", in, k, len(gotX[k]), len(wantX[k]))
				c.Floats(fmt.Sprintf("%s: x[%d]", in, k), wantX[k], gotX[k], 1e-9)
			}
		}
	})
}
