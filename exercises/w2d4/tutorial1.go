package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// tutorial1 lists the exercises of Tutorial 1 (Neural rate models).
var tutorial1 = []exercise.Exercise{
	{ID: "W2D4.T1.E1", Title: "Coding Exercise 1.2: the F-I curve", Notebook: "W2D4_Tutorial1", Funcs: []string{"F"},
		Check: func(impl any) exercise.Result { return CheckF(impl.(FFunc)) }, Stub: FFunc(F), Solution: FFunc(sol.F)},
	{ID: "W2D4.T1.E2", Title: "Coding Exercise 2.1.1: dr/dt", Notebook: "W2D4_Tutorial1", Funcs: []string{"ComputeDrdt"},
		Check: func(impl any) exercise.Result { return CheckComputeDrdt(impl.(DrdtFunc)) }, Stub: DrdtFunc(ComputeDrdt), Solution: DrdtFunc(sol.ComputeDrdt)},
	{ID: "W2D4.T1.E3", Title: "Coding Exercise 2.1.2: numerical fixed points", Notebook: "W2D4_Tutorial1", Funcs: []string{"FindFixedPoints"},
		Check: func(impl any) exercise.Result { return CheckFindFixedPoints(impl.(FixedPtsFunc)) }, Stub: FixedPtsFunc(FindFixedPoints), Solution: FixedPtsFunc(sol.FindFixedPoints)},
	{ID: "W2D4.T1.E4", Title: "Bonus Coding Exercise 1: eigenvalues", Notebook: "W2D4_Tutorial1", Funcs: []string{"EigSingle"}, Bonus: true,
		Check: func(impl any) exercise.Result { return CheckEigSingle(impl.(EigFunc)) }, Stub: EigFunc(EigSingle), Solution: EigFunc(sol.EigSingle)},
}
