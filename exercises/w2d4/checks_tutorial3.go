package w2d4

import (
	"fmt"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// The functions of Tutorial 3's exercises, as types the checks accept.
type (
	FixedPtsWCFunc  = func(p ratemodel.WCParams) [][2]float64
	EigJacobianFunc = func(fp [2]float64, p ratemodel.WCParams) [2]complex128
	DGdEFunc        = func(fp [2]float64, p ratemodel.WCParams) float64
)

// probeFindFixedPointsWC runs FindFixedPointsWC on the default model: the check wants its
// three fixed points, each found once or more, and nothing else.
func probeFindFixedPointsWC(r *exercise.Recorder, find FixedPtsWCFunc) {
	got := uniquePoints(find(ratemodel.DefaultWC()))
	in := "FindFixedPointsWC(default parameters)"
	r.Float(in+": number of distinct fixed points (choose one guess near each crossing of the nullclines)", float64(len(got)), 0)
	for i, fp := range got {
		r.Float(fmt.Sprintf("%s: fixed point %d (sorted by r_E), r_E", in, i+1), fp[0], 1e-6)
		r.Float(fmt.Sprintf("%s: fixed point %d (sorted by r_E), r_I", in, i+1), fp[1], 1e-6)
	}
}

// uniquePoints sorts points by r_E and merges those closer than 1e-6 (two guesses may find
// the same fixed point).
func uniquePoints(v [][2]float64) [][2]float64 {
	v = slices.Clone(v)
	slices.SortFunc(v, func(a, b [2]float64) int {
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		switch {
		case a[1] < b[1]:
			return -1
		case a[1] > b[1]:
			return 1
		}
		return 0
	})
	var out [][2]float64
	for _, x := range v {
		if n := len(out); n == 0 || math.Hypot(x[0]-out[n-1][0], x[1]-out[n-1][1]) > 1e-6 {
			out = append(out, x)
		}
	}
	return out
}

// fmtPoint formats a point with four decimals, writing values that round to zero as 0.0000.
func fmtPoint(x [2]float64) string {
	f := func(v float64) string {
		s := fmt.Sprintf("%.4f", v)
		if s == "-0.0000" {
			return "0.0000"
		}
		return s
	}
	return "(" + f(x[0]) + ", " + f(x[1]) + ")"
}

// jacobianCases are the points and parameters the Tutorial 3 checks use: the three default
// fixed points, the fixed point of the oscillating network (τ_I = 2 and 0.8), and points
// away from any fixed point with other inputs and time constants.
func jacobianCases() []struct {
	fp [2]float64
	p  ratemodel.WCParams
} {
	type fpp = struct {
		fp [2]float64
		p  ratemodel.WCParams
	}
	var cases []fpp
	p := ratemodel.DefaultWC()
	for _, fp := range ratemodel.FixedPointsWC(p, ratemodel.GuessesWC) {
		cases = append(cases, fpp{fp, p})
	}
	lc := ratemodel.LimitCycleWC()
	lcFP, _ := ratemodel.FixedPointWC(lc, 0.8, 0.8)
	cases = append(cases, fpp{lcFP, lc}, fpp{lcFP, ratemodel.ISNParams()})
	other := ratemodel.DefaultWC()
	other.IExtE, other.IExtI, other.TauE, other.TauI, other.AI = 0.4, 0.6, 2, 0.5, 1.3
	cases = append(cases, fpp{[2]float64{0.2, 0.5}, other}, fpp{[2]float64{0.7, 0.1}, other}, fpp{[2]float64{0.45, 0.3}, p})
	return cases
}

// sortEig orders eigenvalues by decreasing real part, then decreasing imaginary part, so that
// any method's order compares equal (np.linalg.eig does not fix one).
func sortEig(e [2]complex128) [2]complex128 {
	if real(e[1]) > real(e[0]) || (real(e[1]) == real(e[0]) && imag(e[1]) > imag(e[0])) {
		e[0], e[1] = e[1], e[0]
	}
	return e
}

// probeGetEigJacobian runs GetEigJacobian at the three default fixed points, at the fixed
// point of the oscillating network, and at other points and parameters — real and complex
// eigenvalues; they are compared as a set (sorted).
func probeGetEigJacobian(r *exercise.Recorder, eig EigJacobianFunc) {
	for _, k := range jacobianCases() {
		got := sortEig(eig(k.fp, k.p))
		in := fmt.Sprintf("GetEigJacobian(fp=%s, %s)", fmtPoint(k.fp), describeWC(k.p))
		for i := range got {
			r.Float(fmt.Sprintf("%s: eigenvalue %d (largest real part first), real part", in, i+1), real(got[i]), 1e-9)
			r.Float(fmt.Sprintf("%s: eigenvalue %d (largest real part first), imaginary part", in, i+1), imag(got[i]), 1e-9)
		}
	}
}

// probeGetDGdE runs GetDGdE at the default fixed points (the course prints −0.650, 1.519
// and −0.706), at the fixed point of the oscillating network (0.837), and at other points
// and parameters.
func probeGetDGdE(r *exercise.Recorder, dG DGdEFunc) {
	for _, k := range jacobianCases() {
		r.Float(fmt.Sprintf("GetDGdE(fp=%s, %s)", fmtPoint(k.fp), describeWC(k.p)), dG(k.fp, k.p), 1e-9)
	}
}
