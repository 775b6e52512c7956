//go:build !nmagrade

package w2d1

import (
	"github.com/nma-go/nma-go/nma/exercise"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// This file attaches the reference solutions and the catalogues of classic mistakes
// (mistakes_tutorial*.go) and defines the checks students call. It is left out of the
// programs `nma grade` builds (build tag nmagrade): those hold only the probes, and the
// grader compares their outputs with the solution's (and the mistakes') in its own process.
func init() {
	Exercises = exercise.WithSolutions(Exercises, map[string]any{
		"W2D1.T1.E1": ForwardFunc(sol.DeepNetReLUForward),
		"W2D1.T1.E2": TrainFunc(sol.Train),
		"W2D1.T2.E1": ConvolveFunc(sol.ConvolveStimuli),
		"W2D1.T2.E2": ConvWeightsFunc(sol.ConvWeights),
		"W2D1.T3.E1": RDMFunc(sol.RDM),
		"W2D1.T3.E2": CorrelateFunc(sol.CorrelateRDMs),
		"W2D1.T4.E1": PreferredFunc(sol.PreferredOrientation),
		"W2D1.T4.E2": NewDecoderFunc(sol.NewDecoder),
		"W2D1.T4.E3": RegLossFunc(sol.RegularizedLoss),
		"W2D1.T4.E4": NewConvFCFunc(sol.NewConvFC),
	}, mistakesTutorial1, mistakesTutorial2, mistakesTutorial3, mistakesTutorial4)
}

// CheckDeepNetReLUForward compares DeepNetReLUForward with the solution, outputs and the
// gradients they pass back (inputs: probeDeepNetReLUForward).
func CheckDeepNetReLUForward(f ForwardFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D1.T1.E1", f)
}

// CheckTrain compares Train with the solution: the losses it returns and the weights it
// leaves (inputs: probeTrain).
func CheckTrain(f TrainFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D1.T1.E2", f) }

// CheckConvolveStimuli compares ConvolveStimuli with the solution: the layer's weights and
// the detached output (inputs: probeConvolveStimuli).
func CheckConvolveStimuli(f ConvolveFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D1.T2.E1", f)
}

// CheckConvWeights compares ConvWeights with the solution (inputs: probeConvWeights).
func CheckConvWeights(f ConvWeightsFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D1.T2.E2", f)
}

// CheckRDM compares RDM with the solution (inputs: probeRDM).
func CheckRDM(f RDMFunc) exercise.Result { return exercise.CheckID(Exercises, "W2D1.T3.E1", f) }

// CheckCorrelateRDMs compares CorrelateRDMs with the solution (inputs: probeCorrelateRDMs).
func CheckCorrelateRDMs(f CorrelateFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D1.T3.E2", f)
}

// CheckPreferredOrientation compares PreferredOrientation with the solution (inputs:
// probePreferredOrientation).
func CheckPreferredOrientation(f PreferredFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D1.T4.E1", f)
}

// CheckNewDecoder compares the network and the loss NewDecoder returns with the solution's
// (inputs: probeNewDecoder).
func CheckNewDecoder(f NewDecoderFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D1.T4.E2", f)
}

// CheckRegularizedLoss compares RegularizedLoss and its gradients with the solution (inputs:
// probeRegularizedLoss).
func CheckRegularizedLoss(f RegLossFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D1.T4.E3", f)
}

// CheckNewConvFC compares the encoding model NewConvFC builds with the solution's (inputs:
// probeNewConvFC).
func CheckNewConvFC(f NewConvFCFunc) exercise.Result {
	return exercise.CheckID(Exercises, "W2D1.T4.E4", f)
}
