//go:build !nmagrade

package w2d4

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d4"
)

// This file attaches the reference solutions and the catalogues of classic mistakes
// (mistakes_tutorial*.go) and defines the checks students call. It is left out of the
// programs `nma grade` builds (build tag nmagrade): those hold only the probes, and the
// grader compares their outputs with the solution's (and the mistakes') in its own process.
func init() {
	Exercises = exercise.WithSolutions(Exercises, map[string]any{
		"W2D4.T1.E1": FFunc(sol.F),
		"W2D4.T1.E2": DrdtFunc(sol.ComputeDrdt),
		"W2D4.T1.E3": FixedPtsFunc(sol.FindFixedPoints),
		"W2D4.T1.E4": EigFunc(sol.EigSingle),
		"W2D4.T2.E1": FICurvesFunc(sol.FICurvesEI),
		"W2D4.T2.E2": SimulateWCFunc(sol.SimulateWC),
		"W2D4.T2.E3": FInvFunc(sol.FInv),
		"W2D4.T2.E4": NullclineFuncs{sol.GetENullcline, sol.GetINullcline},
		"W2D4.T2.E5": EIDerivsFunc(sol.EIDerivs),
		"W2D4.T3.E1": FixedPtsWCFunc(sol.FindFixedPointsWC),
		"W2D4.T3.E2": EigJacobianFunc(sol.GetEigJacobian),
		"W2D4.T3.E3": DGdEFunc(sol.GetDGdE),
	}, mistakesTutorial1, mistakesTutorial2, mistakesTutorial3)
}

// CheckF compares F with the solution (inputs: probeF).
func CheckF(f FFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D4.T1.E1", f) }

// CheckComputeDrdt compares ComputeDrdt with the solution (inputs: probeComputeDrdt).
func CheckComputeDrdt(f DrdtFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D4.T1.E2", f)
}

// CheckFindFixedPoints checks that FindFixedPoints finds all three fixed points of the
// tutorial's population and nothing else (inputs: probeFindFixedPoints).
func CheckFindFixedPoints(f FixedPtsFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D4.T1.E3", f)
}

// CheckEigSingle compares EigSingle with the solution (inputs: probeEigSingle).
func CheckEigSingle(f EigFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D4.T1.E4", f) }

// CheckFICurvesEI compares FICurvesEI with the solution (inputs: probeFICurvesEI).
func CheckFICurvesEI(f FICurvesFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D4.T2.E1", f)
}

// CheckSimulateWC compares SimulateWC with the solution (inputs: probeSimulateWC).
func CheckSimulateWC(f SimulateWCFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D4.T2.E2", f)
}

// CheckFInv compares FInv with the solution (inputs: probeFInv).
func CheckFInv(f FInvFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D4.T2.E3", f) }

// CheckNullclines compares GetENullcline and GetINullcline with the solution (inputs:
// probeNullclines).
func CheckNullclines(f NullclineFuncs) exercise.Result {
	return exercise.CheckID(Exercises, "W2D4.T2.E4", f)
}

// CheckEIDerivs compares EIDerivs with the solution (inputs: probeEIDerivs).
func CheckEIDerivs(f EIDerivsFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D4.T2.E5", f)
}

// CheckFindFixedPointsWC checks that FindFixedPointsWC finds the three fixed points of the
// default model and nothing else (inputs: probeFindFixedPointsWC).
func CheckFindFixedPointsWC(f FixedPtsWCFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D4.T3.E1", f)
}

// CheckGetEigJacobian compares the eigenvalues from GetEigJacobian with the solution's, as a
// set (inputs: probeGetEigJacobian).
func CheckGetEigJacobian(f EigJacobianFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D4.T3.E2", f)
}

// CheckGetDGdE compares GetDGdE with the solution (inputs: probeGetDGdE).
func CheckGetDGdE(f DGdEFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D4.T3.E3", f) }
