//go:build !nmagrade

package w2d2

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d2"
)

// This file attaches the reference solutions and the catalogues of classic mistakes
// (mistakes_tutorial*.go) and defines the checks students call. It is left out of the
// programs `nma grade` builds (build tag nmagrade): those hold only the probes, and the
// grader compares their outputs with the solution's (and the mistakes') in its own process.
func init() {
	Exercises = exercise.WithSolutions(Exercises, map[string]any{
		"W2D2.T1.E1": IntegrateExponentialFunc(sol.IntegrateExponential),
		"W2D2.T1.E2": SystemFunc(sol.System),
		"W2D2.T2.E1": IntervalsFunc(sol.InterSwitchIntervals),
		"W2D2.T2.E2": ProbPropFunc(sol.SimulateProbProp),
		"W2D2.T3.E1": RandomWalkFunc(sol.RandomWalkSimulator),
		"W2D2.T3.E2": MeanVarFunc(sol.MeanAndVariance),
		"W2D2.T3.E3": SimulateDDMFunc(sol.SimulateDDM),
		"W2D2.T3.E4": AnalyticVarsFunc(sol.AnalyticalVariances),
		"W2D2.T4.E1": ResidualsFunc(sol.Residuals),
		"W2D2.T4.E2": FitARFunc(sol.FitARModel),
	}, mistakesTutorial1, mistakesTutorial2, mistakesTutorial3, mistakesTutorial4)
}

// CheckIntegrateExponential compares IntegrateExponential with the solution (inputs:
// probeIntegrateExponential).
func CheckIntegrateExponential(f IntegrateExponentialFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T1.E1", f)
}

// CheckSystem compares System with the solution (inputs: probeSystem).
func CheckSystem(f SystemFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D2.T1.E2", f) }

// CheckInterSwitchIntervals compares InterSwitchIntervals with the solution (inputs:
// probeInterSwitchIntervals).
func CheckInterSwitchIntervals(f IntervalsFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T2.E1", f)
}

// CheckSimulateProbProp compares SimulateProbProp with the solution (inputs:
// probeSimulateProbProp).
func CheckSimulateProbProp(f ProbPropFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T2.E2", f)
}

// CheckRandomWalkSimulator compares RandomWalkSimulator with the solution, both drawing from
// a generator with the same seed (inputs: probeRandomWalkSimulator).
func CheckRandomWalkSimulator(f RandomWalkFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T3.E1", f)
}

// CheckMeanAndVariance compares MeanAndVariance with the solution (inputs:
// probeMeanAndVariance).
func CheckMeanAndVariance(f MeanVarFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T3.E2", f)
}

// CheckSimulateDDM compares SimulateDDM with the solution, both drawing from generators with
// the same seed (inputs: probeSimulateDDM).
func CheckSimulateDDM(f SimulateDDMFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T3.E3", f)
}

// CheckAnalyticalVariances compares AnalyticalVariances with the solution (inputs:
// probeAnalyticalVariances).
func CheckAnalyticalVariances(f AnalyticVarsFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T3.E4", f)
}

// CheckResiduals compares Residuals with the solution (inputs: probeResiduals).
func CheckResiduals(f ResidualsFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T4.E1", f)
}

// CheckFitARModel checks that FitARModel fits an order-5 model and returns what
// linsys.ARModel does (inputs: probeFitARModel).
func CheckFitARModel(f FitARFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D2.T4.E2", f)
}
