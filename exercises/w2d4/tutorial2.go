package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// tutorial2 lists the exercises of Tutorial 2 (Wilson–Cowan model).
var tutorial2 = []exercise.Exercise{
	{ID: "W2D4.T2.E1", Title: "Coding Exercise 1.1: F-I curves of the E and I populations", Notebook: "W2D4_Tutorial2", Funcs: []string{"FICurvesEI"},
		Check: func(impl any) exercise.Result { return CheckFICurvesEI(impl.(FICurvesFunc)) }, Stub: FICurvesFunc(FICurvesEI), Solution: FICurvesFunc(sol.FICurvesEI)},
	{ID: "W2D4.T2.E2", Title: "Coding Exercise 1.2: integrate the Wilson-Cowan equations", Notebook: "W2D4_Tutorial2", Funcs: []string{"SimulateWC"},
		Check: func(impl any) exercise.Result { return CheckSimulateWC(impl.(SimulateWCFunc)) }, Stub: SimulateWCFunc(SimulateWC), Solution: SimulateWCFunc(sol.SimulateWC)},
	{ID: "W2D4.T2.E3", Title: "Coding Exercise 2.1: the inverse F-I curve", Notebook: "W2D4_Tutorial2", Funcs: []string{"FInv"},
		Check: func(impl any) exercise.Result { return CheckFInv(impl.(FInvFunc)) }, Stub: FInvFunc(FInv), Solution: FInvFunc(sol.FInv)},
	{ID: "W2D4.T2.E4", Title: "Coding Exercise 2.1: the nullclines", Notebook: "W2D4_Tutorial2", Funcs: []string{"GetENullcline", "GetINullcline"},
		Check: func(impl any) exercise.Result { return CheckNullclines(impl.(NullclineFuncs)) },
		Stub:  NullclineFuncs{GetENullcline, GetINullcline}, Solution: NullclineFuncs{sol.GetENullcline, sol.GetINullcline}},
	{ID: "W2D4.T2.E5", Title: "Coding Exercise 2.2: the vector field", Notebook: "W2D4_Tutorial2", Funcs: []string{"EIDerivs"},
		Check: func(impl any) exercise.Result { return CheckEIDerivs(impl.(EIDerivsFunc)) }, Stub: EIDerivsFunc(EIDerivs), Solution: EIDerivsFunc(sol.EIDerivs)},
}
