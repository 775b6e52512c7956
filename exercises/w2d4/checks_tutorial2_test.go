package w2d4

import (
	"github.com/nma-go/nma-go/nma/outcome"
	"math"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// Typical mistakes in Tutorial 2's exercises must fail, with a message that says where.
func TestTutorial2ChecksCatchCommonMistakes(t *testing.T) {
	cases := []struct {
		name   string
		result exercise.Result
		want   string
	}{
		{"E gain and threshold for both populations", CheckFICurvesEI(func(x []float64, p ratemodel.WCParams) ([]float64, []float64) {
			e, _ := sol.FICurvesEI(x, p)
			return e, e
		}), "default parameters): fiInh: element 1"},
		{"curves swapped", CheckFICurvesEI(func(x []float64, p ratemodel.WCParams) ([]float64, []float64) {
			e, i := sol.FICurvesEI(x, p)
			return i, e
		}), "fiExc"},
		{"too few values", CheckFICurvesEI(func(x []float64, p ratemodel.WCParams) ([]float64, []float64) {
			e, i := sol.FICurvesEI(x[:10], p)
			return e, i
		}), "expected 102 values, got 10"},
		{"Euler step with τ_E for both", CheckSimulateWC(func(p ratemodel.WCParams) ([]float64, []float64) {
			q := p
			q.TauI = p.TauE
			return sol.SimulateWC(q)
		}), "REInit=0.32, RIInit=0.15): rE: element 2"},
		{"constant input instead of the series", CheckSimulateWC(func(p ratemodel.WCParams) ([]float64, []float64) {
			q := p
			q.IExtESeries, q.IExtISeries = nil, nil
			return sol.SimulateWC(q)
		}), "IExtISeries=[500 values]"},
		{"+wEI·rI in the E input", CheckSimulateWC(func(p ratemodel.WCParams) ([]float64, []float64) {
			q := p
			q.WEI = -p.WEI
			return sol.SimulateWC(q)
		}), "rE: element"},
		{"ln of the wrong term", CheckFInv(func(x, a, th float64) float64 { return -1/a*math.Log(x+1/(1+math.Exp(a*th))) + th }), "FInv(x=1e-06, a=1, theta=3)"},
		{"F⁻¹ without the shift", CheckFInv(func(x, a, th float64) float64 { return -1/a*math.Log(1/x-1) + th }), "expected"},
		{"E nullcline with +F⁻¹", CheckNullclines(NullclineFuncs{
			E: func(r float64, p ratemodel.WCParams) float64 {
				return (p.WEE*r + sol.FInv(r, p.AE, p.ThetaE) + p.IExtE) / p.WEI
			},
			I: sol.GetINullcline}), "GetENullcline(rE=-0.01, default parameters)"},
		{"I nullcline ignoring I_ext", CheckNullclines(NullclineFuncs{E: sol.GetENullcline,
			I: func(r float64, p ratemodel.WCParams) float64 { return (p.WII*r + sol.FInv(r, p.AI, p.ThetaI)) / p.WIE }}), "IExtI=0.3"},
		{"I nullcline with the E parameters", CheckNullclines(NullclineFuncs{E: sol.GetENullcline,
			I: func(r float64, p ratemodel.WCParams) float64 {
				return (p.WII*r + sol.FInv(r, p.AE, p.ThetaE) - p.IExtI) / p.WIE
			}}), "GetINullcline("},
		{"derivatives without 1/τ", CheckEIDerivs(func(rE, rI float64, p ratemodel.WCParams) (float64, float64) {
			a, b := sol.EIDerivs(rE, rI, p)
			return a * p.TauE, b * p.TauI
		}), "drIdt"},
		{"a crash", CheckEIDerivs(func(rE, rI float64, p ratemodel.WCParams) (float64, float64) { var s []float64; return s[1], 0 }), "panicked"},
	}
	for _, c := range cases {
		if c.result.OK() || !strings.Contains(c.result.Message, c.want) {
			t.Errorf("%s: %v; want a failure mentioning %q", c.name, c.result, c.want)
		}
	}
}

// Each exercise's check fails (not done) on its stub and passes on its solution; the same
// invariant exercises/all proves for the whole course, here for this day alone.
func TestTutorials2And3StubsAndSolutions(t *testing.T) {
	for _, e := range Exercises {
		if !strings.HasPrefix(e.ID, "W2D4.T2.") && !strings.HasPrefix(e.ID, "W2D4.T3.") {
			continue
		}
		if r := e.Check(e.Stub); r.Status != outcome.NotDone || r.ID != e.ID {
			t.Errorf("%s on the stub: %v", e.ID, r)
		}
		if r := e.Check(e.Solution); !r.OK() || r.Cases == 0 {
			t.Errorf("%s on the solution: %v", e.ID, r)
		}
	}
}

func TestDescribeWC(t *testing.T) {
	if s := describeWC(ratemodel.DefaultWC()); s != "default parameters" {
		t.Errorf("describeWC(defaults) = %q", s)
	}
	p := ratemodel.LimitCycleWC()
	p.IExtISeries = make([]float64, 3)
	if s, want := describeWC(p), "default parameters with WEE=6.4, WEI=4.8, WIE=6, WII=1.2, IExtE=0.8, T=100, IExtISeries=[3 values]"; s != want {
		t.Errorf("describeWC = %q, want %q", s, want)
	}
}
