package w2d4

import (
	"slices"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// The functions the exercises ask for, as types the checks accept.
type (
	FFunc        = func(x, a, theta float64) float64
	DrdtFunc     = func(r, iExt, w, a, theta, tau float64) float64
	FixedPtsFunc = func(p ratemodel.SingleParams) []float64
	EigFunc      = func(fp, tau, a, theta, w, iExt float64) float64
)

// probeF runs F on the tutorial's inputs x = 0, 0.1, …, 9.9 with the default a and θ, plus
// other gains and thresholds and negative and large inputs.
func probeF(r *exercise.Recorder, f FFunc) {
	p := ratemodel.DefaultSingle()
	type abt struct{ a, theta float64 }
	cases := []abt{{p.A, p.Theta}, {0.3, 2}, {3, 4}, {1, 0}}
	xs := append(nma.Arange(0, 10, 0.1), -5, -0.5, 25, 100)
	for _, k := range cases {
		for _, x := range xs {
			r.Float(exercise.Describe("F", "x", x, "a", k.a, "theta", k.theta), f(x, k.a, k.theta), 1e-9)
		}
	}
}

// probeComputeDrdt runs ComputeDrdt over r = linspace(0, 1, 1000) for the tutorial's w = 5,
// I_ext = 0.5, and for other weights, inputs and time constants.
func probeComputeDrdt(rec *exercise.Recorder, drdt DrdtFunc) {
	p := ratemodel.DefaultSingle()
	type set struct{ w, iExt, tau float64 }
	for _, s := range []set{{5, 0.5, 1}, {0, 0, 1}, {-2, 3, 1}, {5, 0.5, 3}, {7, 2.5, 0.5}} {
		for _, r := range nma.Linspace(0, 1, 1000) {
			in := exercise.Describe("ComputeDrdt", "r", r, "iExt", s.iExt, "w", s.w, "a", p.A, "theta", p.Theta, "tau", s.tau)
			rec.Float(in, drdt(r, s.iExt, s.w, p.A, p.Theta, s.tau), 1e-9)
		}
	}
}

// probeFindFixedPoints runs FindFixedPoints on the tutorial's population (w = 5,
// I_ext = 0.5): the check wants its three fixed points and nothing else.
func probeFindFixedPoints(r *exercise.Recorder, find FixedPtsFunc) {
	p := ratemodel.DefaultSingle()
	p.W, p.IExt = 5, 0.5
	got := uniqueSorted(find(p))
	in := "FindFixedPoints(w=5, I_ext=0.5)"
	r.Float(in+": number of distinct fixed points", float64(len(got)), 0)
	r.Floats(in+": the distinct fixed points, sorted", got, 1e-4)
}

// probeEigSingle runs EigSingle at the three fixed points of the tutorial and at other
// rates and parameters.
func probeEigSingle(r *exercise.Recorder, eig EigFunc) {
	p := ratemodel.DefaultSingle()
	type set struct{ fp, tau, w, iExt float64 }
	cases := []set{{0.041537, 1, 5, 0.5}, {0.447119, 1, 5, 0.5}, {0.899717, 1, 5, 0.5},
		{0.2, 2, 3, 1}, {0.7, 0.5, -1, 0}, {0, 1, 0, 0}}
	for _, s := range cases {
		in := exercise.Describe("EigSingle", "fp", s.fp, "tau", s.tau, "a", p.A, "theta", p.Theta, "w", s.w, "iExt", s.iExt)
		r.Float(in, eig(s.fp, s.tau, p.A, p.Theta, s.w, s.iExt), 1e-9)
	}
}

// uniqueSorted sorts fixed points and merges those closer than 1e-6 (two guesses may find
// the same point).
func uniqueSorted(v []float64) []float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	var out []float64
	for _, x := range v {
		if len(out) == 0 || x-out[len(out)-1] > 1e-6 {
			out = append(out, x)
		}
	}
	return out
}
