//go:build !nmagrade

package w2d2

import (
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"gonum.org/v1/gonum/mat"
)

// mistakesTutorial2 are the classic mistakes of Tutorial 2's exercises (see mistakesTutorial1).
var mistakesTutorial2 = exercise.Mistakes{
	"W2D2.T2.E1": {
		{Name: "intervals with the sign reversed", Hint: "an interval is the later switch time minus the earlier one: every interval comes out positive",
			Impl: IntervalsFunc(intervalsReversed)},
		{Name: "time before the first switch counted", Hint: "the intervals lie between switches: there is one fewer than the switch times, and the wait from t = 0 is not one of them",
			Impl: IntervalsFunc(intervalsFromZero)},
		{Name: "intervals from the first switch", Hint: "each interval runs from one switch to the next one, not from the first switch",
			Impl: IntervalsFunc(intervalsFromFirst)},
	},
	"W2D2.T2.E2": {
		{Name: "transition matrix transposed", Hint: "column j of A holds where state j goes: the next state is A times the column vector x, not x times A",
			Impl: ProbPropFunc(probPropTransposed)},
		{Name: "every step from x0", Hint: "x[k+1] comes from x[k], the state appended last, not from the initial state",
			Impl: ProbPropFunc(probPropFromX0)},
		{Name: "one step too many", Hint: "x has one row per time in t: x0 and then one step fewer than len(t)",
			Impl: ProbPropFunc(probPropExtraStep)},
		{Name: "one buffer for every row", Hint: "each new state needs a slice of its own: appending the same buffer and overwriting it changes the rows already in x",
			Impl: ProbPropFunc(probPropSharedBuffer)},
	},
}

func intervalsReversed(switchTimes []float64) []float64 {
	var intervals []float64
	for i := 1; i < len(switchTimes); i++ {
		intervals = append(intervals, switchTimes[i-1]-switchTimes[i])
	}
	return intervals
}

func intervalsFromZero(switchTimes []float64) []float64 {
	var intervals []float64
	prev := 0.0
	for _, s := range switchTimes {
		intervals = append(intervals, s-prev)
		prev = s
	}
	return intervals
}

func intervalsFromFirst(switchTimes []float64) []float64 {
	var intervals []float64
	for i := 1; i < len(switchTimes); i++ {
		intervals = append(intervals, switchTimes[i]-switchTimes[0])
	}
	return intervals
}

// probProp is the solution's loop with the next state given by next(x, last state), for
// steps steps.
func probProp(x0 []float64, steps int, next func(last []float64) []float64) [][]float64 {
	x := [][]float64{x0}
	for k := 0; k < steps; k++ {
		x = append(x, next(x[len(x)-1]))
	}
	return x
}

// mulVec returns A·v as a new slice.
func mulVec(A mat.Matrix, v []float64) []float64 {
	var out mat.VecDense
	out.MulVec(A, mat.NewVecDense(len(v), v))
	return out.RawVector().Data
}

func probPropTransposed(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
	t := nma.Arange(0, T, dt)
	return probProp(x0, len(t)-1, func(last []float64) []float64 { return mulVec(A.T(), last) }), t
}

func probPropFromX0(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
	t := nma.Arange(0, T, dt)
	return probProp(x0, len(t)-1, func([]float64) []float64 { return mulVec(A, x0) }), t
}

func probPropExtraStep(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
	t := nma.Arange(0, T, dt)
	return probProp(x0, len(t), func(last []float64) []float64 { return mulVec(A, last) }), t
}

func probPropSharedBuffer(A *mat.Dense, x0 []float64, dt, T float64) ([][]float64, []float64) {
	t := nma.Arange(0, T, dt)
	buf := make([]float64, len(x0))
	return probProp(x0, len(t)-1, func(last []float64) []float64 {
		copy(buf, mulVec(A, last))
		return buf
	}), t
}
