//go:build !nmagrade

package w2d3

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d3"
)

// This file attaches the reference solutions and the catalogues of classic mistakes
// (mistakes_tutorial*.go) and defines the checks students call. It is left out of the
// programs `nma grade` builds (build tag nmagrade): those hold only the probes, and the
// grader compares their outputs with the solution's (and the mistakes') in its own process.
func init() {
	Exercises = exercise.WithSolutions(Exercises, map[string]any{
		"W2D3.T1.E1": RunLIFFunc(sol.RunLIF),
		"W2D3.T1.E2": IsiCvFunc(sol.IsiCvLIF),
		"W2D3.T2.E1": MyCCFunc(sol.MyCC),
		"W2D3.T2.E2": CorrPairsFunc(sol.CorrCoeffPairs),
		"W2D3.T3.E1": FMPFunc(sol.FreeMembranePotential),
		"W2D3.T4.E1": DeltaWFunc(sol.DeltaW),
		"W2D3.T4.E2": GeneratePFunc(sol.GenerateP),
	}, mistakesTutorial1, mistakesTutorial2, mistakesTutorial3, mistakesTutorial4)
}

// CheckRunLIF compares RunLIF with the solution: first the spike times, then the membrane
// potential at every step (inputs: probeRunLIF).
func CheckRunLIF(f RunLIFFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D3.T1.E1", f) }

// CheckIsiCvLIF compares IsiCvLIF with the solution (inputs: probeIsiCvLIF).
func CheckIsiCvLIF(f IsiCvFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D3.T1.E2", f)
}

// CheckMyCC compares MyCC with the solution (inputs: probeMyCC).
func CheckMyCC(f MyCCFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D3.T2.E1", f) }

// CheckCorrCoeffPairs compares CorrCoeffPairs with the solution (inputs:
// probeCorrCoeffPairs).
func CheckCorrCoeffPairs(f CorrPairsFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D3.T2.E2", f)
}

// CheckFreeMembranePotential compares FreeMembranePotential with the solution (inputs:
// probeFreeMembranePotential).
func CheckFreeMembranePotential(f FMPFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D3.T3.E1", f)
}

// CheckDeltaW compares DeltaW with the solution (inputs: probeDeltaW).
func CheckDeltaW(f DeltaWFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D3.T4.E1", f) }

// CheckGenerateP compares GenerateP with the solution (inputs: probeGenerateP).
func CheckGenerateP(f GeneratePFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D3.T4.E2", f)
}
