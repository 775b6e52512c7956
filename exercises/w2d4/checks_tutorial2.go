package w2d4

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
)

// The functions of Tutorial 2's exercises, as types the checks accept.
type (
	FICurvesFunc   = func(x []float64, p ratemodel.WCParams) (fiExc, fiInh []float64)
	SimulateWCFunc = func(p ratemodel.WCParams) (rE, rI []float64)
	FInvFunc       = func(x, a, theta float64) float64
	NullclineFunc  = func(r float64, p ratemodel.WCParams) float64
	EIDerivsFunc   = func(rE, rI float64, p ratemodel.WCParams) (drEdt, drIdt float64)
)

// NullclineFuncs are the two functions of the nullcline exercise (W2D4.T2.E4).
type NullclineFuncs struct {
	E NullclineFunc // GetENullcline
	I NullclineFunc // GetINullcline
}

// describeWC names a parameter set by what differs from the defaults, e.g.
// "default parameters with WEE=6.4, IExtE=0.8", so a failure message stays readable.
func describeWC(p ratemodel.WCParams) string {
	d := ratemodel.DefaultWC()
	pv, dv := reflect.ValueOf(p), reflect.ValueOf(d)
	var diffs []string
	for i := 0; i < pv.NumField(); i++ {
		name := pv.Type().Field(i).Name
		switch f := pv.Field(i); f.Kind() {
		case reflect.Float64:
			if v := f.Float(); v != dv.Field(i).Float() {
				diffs = append(diffs, fmt.Sprintf("%s=%g", name, v))
			}
		case reflect.Slice:
			if f.Len() > 0 {
				diffs = append(diffs, fmt.Sprintf("%s=[%d values]", name, f.Len()))
			}
		}
	}
	if len(diffs) == 0 {
		return "default parameters"
	}
	return "default parameters with " + strings.Join(diffs, ", ")
}

// wcCases are the parameter sets the Tutorial 2 checks use: the defaults, the oscillating
// set of Tutorial 3, and variants with other inputs, gains and time constants.
func wcCases() []ratemodel.WCParams {
	p := ratemodel.DefaultWC()
	lc := ratemodel.LimitCycleWC()
	in := ratemodel.DefaultWC()
	in.IExtE, in.IExtI, in.TauE, in.TauI = 0.5, 0.3, 1.5, 0.8
	gains := ratemodel.DefaultWC()
	gains.AE, gains.ThetaE, gains.AI, gains.ThetaI = 2, 1.5, 0.7, 5
	return []ratemodel.WCParams{p, lc, in, gains}
}

// probeFICurvesEI runs FICurvesEI on the tutorial's inputs x = 0, 0.1, …, 9.9 with the
// default parameters, and with other gains and thresholds.
func probeFICurvesEI(r *exercise.Recorder, f FICurvesFunc) {
	xs := append(nma.Arange(0, 10, 0.1), -2, 15)
	for _, p := range wcCases() {
		gotE, gotI := f(xs, p)
		in := fmt.Sprintf("FICurvesEI(x = 0, 0.1, …, 9.9, -2, 15; %s)", describeWC(p))
		r.Floats(in+": fiExc", gotE, 1e-9)
		r.Floats(in+": fiInh", gotI, 1e-9)
	}
}

// probeSimulateWC runs SimulateWC on the tutorial's two runs (from (0.32, 0.15) and
// (0.33, 0.15)), the oscillating network, other time steps and time constants, and
// time-varying inputs (a step into I and OU noise into E).
func probeSimulateWC(r *exercise.Recorder, sim SimulateWCFunc) {
	var cases []ratemodel.WCParams
	for _, init := range [][2]float64{{0.32, 0.15}, {0.33, 0.15}} {
		p := ratemodel.DefaultWC()
		p.REInit, p.RIInit = init[0], init[1]
		cases = append(cases, p)
	}
	lc := ratemodel.LimitCycleWC()
	lc.REInit, lc.RIInit = 0.25, 0.25
	cases = append(cases, lc)
	other := wcCases()[2]
	other.Dt, other.T = 0.05, 20
	cases = append(cases, other)
	_, step, _, _, err := ratemodel.ISNPerturb(0.1)
	if err != nil {
		panic("internal error: " + err.Error())
	}
	isn := ratemodel.ISNParams()
	isn.IExtISeries = step
	cases = append(cases, isn)
	noisy, err := ratemodel.NoisyWC(20201, 20202)
	if err != nil {
		panic("internal error: " + err.Error())
	}
	cases = append(cases, noisy)
	for _, p := range cases {
		gotE, gotI := sim(p)
		in := fmt.Sprintf("SimulateWC(%s)", describeWC(p))
		r.Floats(in+": rE", gotE, 1e-9)
		r.Floats(in+": rI", gotI, 1e-9)
	}
}

// probeFInv runs FInv on the tutorial's x = linspace(1e-6, 1, 100) with a = 1, θ = 3 (its
// last five values are outside the range of F: NaN), and on the ranges of the E and I
// populations.
func probeFInv(r *exercise.Recorder, fInv FInvFunc) {
	type abt struct{ a, theta float64 }
	xs := append(nma.Linspace(1e-6, 1, 100), 0, -0.01, 0.5, 1.5)
	for _, k := range []abt{{1, 3}, {1.2, 2.8}, {1, 4}, {2, 1.5}} {
		for _, x := range xs {
			r.Float(exercise.Describe("FInv", "x", x, "a", k.a, "theta", k.theta), fInv(x, k.a, k.theta), 1e-9)
		}
	}
}

// probeNullclines runs GetENullcline on r_E = linspace(−0.01, 0.96, 100) and GetINullcline
// on r_I = linspace(−0.01, 0.8, 100), for the default parameters and for other weights and
// inputs.
func probeNullclines(rec *exercise.Recorder, f NullclineFuncs) {
	for _, p := range wcCases() {
		for _, r := range nma.Linspace(-0.01, 0.96, 100) {
			rec.Float(fmt.Sprintf("GetENullcline(rE=%g, %s)", r, describeWC(p)), f.E(r, p), 1e-9)
		}
		for _, r := range nma.Linspace(-0.01, 0.8, 100) {
			rec.Float(fmt.Sprintf("GetINullcline(rI=%g, %s)", r, describeWC(p)), f.I(r, p), 1e-9)
		}
	}
}

// probeEIDerivs runs EIDerivs on the tutorial's 20×20 grid over [0, 1]², for the default
// parameters and for other weights, inputs and time constants.
func probeEIDerivs(r *exercise.Recorder, d EIDerivsFunc) {
	grid := nma.Linspace(0, 1, 20)
	for _, p := range wcCases() {
		for _, rI := range grid {
			for _, rE := range grid {
				gotE, gotI := d(rE, rI, p)
				in := fmt.Sprintf("EIDerivs(rE=%.4g, rI=%.4g, %s)", rE, rI, describeWC(p))
				r.Float(in+": drEdt", gotE, 1e-9)
				r.Float(in+": drIdt", gotI, 1e-9)
			}
		}
	}
}
