package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// tutorial3 lists the exercises of Tutorial 3 (Extending the Wilson–Cowan model, a bonus tutorial).
var tutorial3 = []exercise.Exercise{
	{ID: "W2D4.T3.E1", Title: "Coding Exercise 1.1: fixed points of the Wilson-Cowan model", Notebook: "W2D4_Tutorial3", Funcs: []string{"FindFixedPointsWC"}, Bonus: true,
		Check: func(impl any) exercise.Result { return CheckFindFixedPointsWC(impl.(FixedPtsWCFunc)) }, Stub: FixedPtsWCFunc(FindFixedPointsWC), Solution: FixedPtsWCFunc(sol.FindFixedPointsWC)},
	{ID: "W2D4.T3.E2", Title: "Coding Exercise 1.2: eigenvalues of the Jacobian", Notebook: "W2D4_Tutorial3", Funcs: []string{"GetEigJacobian"}, Bonus: true,
		Check: func(impl any) exercise.Result { return CheckGetEigJacobian(impl.(EigJacobianFunc)) }, Stub: EigJacobianFunc(GetEigJacobian), Solution: EigJacobianFunc(sol.GetEigJacobian)},
	{ID: "W2D4.T3.E3", Title: "Coding Exercise 2.1: dG_E/dr_E and the ISN regime", Notebook: "W2D4_Tutorial3", Funcs: []string{"GetDGdE"}, Bonus: true,
		Check: func(impl any) exercise.Result { return CheckGetDGdE(impl.(DGdEFunc)) }, Stub: DGdEFunc(GetDGdE), Solution: DGdEFunc(sol.GetDGdE)},
}
