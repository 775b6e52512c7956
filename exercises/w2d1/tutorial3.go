package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// tutorial3 lists the exercises of Tutorial 3 (Normative encoding models).
var tutorial3 = []exercise.Exercise{
	{ID: "W2D1.T3.E1", Title: "Coding Exercise 2.1: compute RDMs", Notebook: "W2D1_Tutorial3", Funcs: []string{"RDM"},
		Check: func(impl any) exercise.Result { return CheckRDM(impl.(RDMFunc)) }, Stub: RDMFunc(RDM), Solution: RDMFunc(sol.RDM)},
	{ID: "W2D1.T3.E2", Title: "Coding Exercise 2.2: correlate RDMs", Notebook: "W2D1_Tutorial3", Funcs: []string{"CorrelateRDMs"},
		Check: func(impl any) exercise.Result { return CheckCorrelateRDMs(impl.(CorrelateFunc)) }, Stub: CorrelateFunc(CorrelateRDMs), Solution: CorrelateFunc(sol.CorrelateRDMs)},
}
