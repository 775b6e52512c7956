package w2d4

import (
	"math"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// Typical student mistakes must fail, with a message that names the input and the values.
func TestChecksCatchCommonMistakes(t *testing.T) {
	cases := []struct {
		name   string
		result exercise.Result
		want   string
	}{
		{"F without the shift to F(0)=0", CheckF(func(x, a, th float64) float64 { return 1 / (1 + math.Exp(-a*(x-th))) }), "F(x=0"},
		{"F with the sign of the exponent flipped", CheckF(func(x, a, th float64) float64 { return 1/(1+math.Exp(a*(x-th))) - 1/(1+math.Exp(a*th)) }), "expected"},
		{"dr/dt without 1/tau", CheckComputeDrdt(func(r, i, w, a, th, tau float64) float64 { return -r + sol.F(w*r+i, a, th) }), "tau=3"},
		{"dr/dt ignoring w", CheckComputeDrdt(func(r, i, w, a, th, tau float64) float64 { return (-r + sol.F(i, a, th)) / tau }), "w=5"},
		{"only two fixed points", CheckFindFixedPoints(func(p ratemodel.SingleParams) []float64 {
			return ratemodel.FixedPointsSingle(p, []float64{0, 0.9})
		}), "number of distinct fixed points"},
		{"eigenvalue without tau", CheckEigSingle(func(fp, tau, a, th, w, i float64) float64 { return -1 + w*ratemodel.DF(w*fp+i, a, th) }), "tau=2"},
		{"a crash", CheckF(func(x, a, th float64) float64 { var s []float64; return s[3] }), "panicked"},
	}
	for _, c := range cases {
		if c.result.OK() || !strings.Contains(c.result.Message, c.want) {
			t.Errorf("%s: %v; want a failure mentioning %q", c.name, c.result, c.want)
		}
	}
}

func TestFixedPointsDuplicatesAreMerged(t *testing.T) {
	r := CheckFindFixedPoints(func(p ratemodel.SingleParams) []float64 {
		return ratemodel.FixedPointsSingle(p, []float64{0, 0.01, 0.4, 0.9, 0.95})
	})
	if !r.OK() {
		t.Errorf("duplicate guesses converging to the same points should pass: %v", r)
	}
}
