package w2d4

import (
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/ratemodel"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// Typical mistakes in Tutorial 3's exercises must fail, with a message that says where.
func TestTutorial3ChecksCatchCommonMistakes(t *testing.T) {
	jac := func(mod func(J *[2][2]float64, p ratemodel.WCParams)) EigJacobianFunc {
		return func(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
			J := ratemodel.JacobianWC(p, fp)
			mod(&J, p)
			return ratemodel.Eig2(J)
		}
	}
	cases := []struct {
		name   string
		result exercise.Result
		want   string
	}{
		{"only two guesses", CheckFindFixedPointsWC(func(p ratemodel.WCParams) [][2]float64 {
			return ratemodel.FixedPointsWC(p, [][2]float64{{0.1, 0.1}, {0.8, 0.6}})
		}), "number of distinct fixed points"},
		{"unchecked non-fixed point", CheckFindFixedPointsWC(func(p ratemodel.WCParams) [][2]float64 {
			return append(sol.FindFixedPointsWC(p), [2]float64{0.5, 0.5})
		}), "got 4"},
		{"J₁₀ with the wrong sign", CheckGetEigJacobian(jac(func(J *[2][2]float64, p ratemodel.WCParams) { J[1][0] = -J[1][0] })), "fp=(0.0000, 0.0000), default parameters): eigenvalue 1"},
		{"J₁₁ without τ_I", CheckGetEigJacobian(jac(func(J *[2][2]float64, p ratemodel.WCParams) { J[1][1] *= p.TauI })), "GetEigJacobian("},
		{"J₀₁ without the minus sign", CheckGetEigJacobian(jac(func(J *[2][2]float64, p ratemodel.WCParams) { J[0][1] = -J[0][1] })), "part"},
		{"eigenvalues in the other order are fine", CheckGetEigJacobian(func(fp [2]float64, p ratemodel.WCParams) [2]complex128 {
			e := sol.GetEigJacobian(fp, p)
			return [2]complex128{e[1], e[0]}
		}), "PASS"},
		{"dG/drE without −1", CheckGetDGdE(func(fp [2]float64, p ratemodel.WCParams) float64 { return sol.GetDGdE(fp, p) + 1/p.TauE }), "GetDGdE(fp=(0.0000, 0.0000), default parameters)"},
		{"dG/drE with the I population", CheckGetDGdE(func(fp [2]float64, p ratemodel.WCParams) float64 { return ratemodel.JacobianWC(p, fp)[1][1] }), "expected -0.6496"},
	}
	for _, c := range cases {
		if c.want == "PASS" {
			if !c.result.OK() {
				t.Errorf("%s: %v; want a pass", c.name, c.result)
			}
			continue
		}
		if c.result.OK() || !strings.Contains(c.result.Message, c.want) {
			t.Errorf("%s: %v; want a failure mentioning %q", c.name, c.result, c.want)
		}
	}
}
