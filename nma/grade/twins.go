package grade

// Library twins. Several exercises ask for something the course's library (nma/...) already
// computes, because the library draws the tutorials' figures: W2D4.T1.E1 asks for the
// sigmoid F and ratemodel.F is that sigmoid. Graded code of an exercise may not use (call,
// or take as a value) the twin of that exercise: the answer would be the library's, not the
// student's. Other exercises may use it freely — W2D4.T2.E1 (F-I curves of two
// populations) is expected to call ratemodel.F — and so may every notebook cell that is not
// graded.
//
// The table was built from the reference solutions (solutions/<day>/*.go) and the library:
// a twin is the library function (or method) whose documented result is the exercise's
// answer, possibly with another signature (parameters in a struct, an extra error). A
// library function the reference solution itself calls is a building block the tutorial
// intends the student to use (ratemodel.FixedPointsSingle for W2D4.T1.E3, linsys.ARModel for
// W2D2.T4.E2, neuron.RunLIFCond for W2D3.T3.E1) and is never a twin. Exercises without an
// entry have no twin: nothing in the library computes their answer (W2D1.T2.E1
// ConvolveStimuli, W2D2.T4.E1 Residuals, W2D3.T2.E2 CorrCoeffPairs, W2D4.T2.E1 FICurvesEI, …).
//
// What the rule does not catch: a twin reached through another library function that
// happens to compute the same value (ratemodel.DrDt with r = 0, w = 0 and τ = 1 is F), third
// party code (gonum's stat.Correlation is a correlation coefficient too), or a copy of the
// library's source typed in by hand. Those are for a human reader of the submission.

// twin names a library twin: Pkg is relative to the course's module, Name is "F" for a
// function and "Type.Method" for a method (value or pointer receiver).
type twin struct {
	Exercise string
	Pkg      string
	Name     string
}

var twins = []twin{
	// --- W2D1 (deep learning) ---

	// The forward pass of vision.DeepNetReLU is the exercise: ReLU(InLayer) then OutLayer.
	// Also reached through any interface with a Forward method that *vision.DeepNetReLU
	// satisfies (nn.Module), which the checker rejects for this exercise.
	{"W2D1.T1.E1", "nma/vision", "DeepNetReLU.Forward"},
	// nn.Train is the training loop the exercise asks for (SGD, ZeroGrad, Backward, Step).
	{"W2D1.T1.E2", "nma/nn", "Train"},
	// rsa.RDM is 1 − Z·Zᵀ/N with Z the row-wise z-scores, the exercise's formula.
	{"W2D1.T3.E1", "nma/rsa", "RDM"},
	// rsa.MustRDM is rsa.RDM without the error.
	{"W2D1.T3.E1", "nma/rsa", "MustRDM"},
	// rsa.CorrelateRDMs correlates the off-diagonal entries of two RDMs: the exercise.
	{"W2D1.T3.E2", "nma/rsa", "CorrelateRDMs"},
	// nn.Regularized(nn.NLLLoss()) is the regularized loss the exercise asks for.
	{"W2D1.T4.E3", "nma/nn", "Regularized"},
	// nn.Penalty is the exercise's l2·Σw² + l1·Σ|w| in one call.
	{"W2D1.T4.E3", "nma/nn", "Penalty"},
	// vision.NewConvFC builds the whole encoding model the exercise assembles from
	// vision.NewConvFCConv (allowed), nn.NewLinear and nn.InitNormal.
	{"W2D1.T4.E4", "nma/vision", "NewConvFC"},

	// --- W2D2 (linear systems) ---

	// linsys.IntegrateExponential is the same Euler integration of ẋ = a·x.
	{"W2D2.T1.E1", "nma/linsys", "IntegrateExponential"},
	// linsys.Linear returns the right-hand side ẋ = A·x, which System computes for a 2×2 A.
	{"W2D2.T1.E2", "nma/linsys", "Linear"},
	// nma.Diff is np.diff, which is all InterSwitchIntervals computes.
	{"W2D2.T2.E1", "nma", "Diff"},
	// linsys.PropagateProbabilities is x[k+1] = A·x[k], the exercise's loop.
	{"W2D2.T2.E2", "nma/linsys", "PropagateProbabilities"},
	// linsys.RandomWalks simulates N Gaussian random walks drawn walk by walk, as asked.
	{"W2D2.T3.E1", "nma/linsys", "RandomWalks"},
	// linsys.MeanVar is the mean and the variance (ddof 0) across walks per time step.
	{"W2D2.T3.E2", "nma/linsys", "MeanVar"},
	// linsys.DDM simulates the drift-diffusion model x[k+1] = x∞ + λ(x[k] − x∞) + σ·η.
	{"W2D2.T3.E3", "nma/linsys", "DDM"},
	// linsys.EqVar is σ²/(1 − λ²), the exercise's formula for one λ.
	{"W2D2.T3.E4", "nma/linsys", "EqVar"},

	// --- W2D3 (biological neuron models) ---

	// neuron.RunLIF is the LIF simulation the exercise asks for (same refractory handling).
	{"W2D3.T1.E1", "nma/neuron", "RunLIF"},
	// neuron.ISICV returns the inter-spike intervals and their CV.
	{"W2D3.T1.E2", "nma/neuron", "ISICV"},
	// nma.Pearson is the sample correlation coefficient MyCC computes (np.corrcoef(a, b)[0, 1]).
	{"W2D3.T2.E1", "nma", "Pearson"},
	// neuron.STDPKernel is the pair-based STDP window the exercise evaluates per Δt.
	{"W2D3.T4.E1", "nma/neuron", "STDPKernel"},
	// neuron.GenerateP computes the presynaptic traces P, the exercise's loop.
	{"W2D3.T4.E2", "nma/neuron", "GenerateP"},

	// --- W2D4 (dynamic networks) ---

	// ratemodel.F is the shifted sigmoid, the solution's formula line for line.
	{"W2D4.T1.E1", "nma/ratemodel", "F"},
	// ratemodel.DrDt is (−r + F(w·r + I_ext))/τ with the parameters in a SingleParams.
	{"W2D4.T1.E2", "nma/ratemodel", "DrDt"},
	// ratemodel.EigSingle is (−1 + w·F′(w·r* + I_ext))/τ with the parameters in a SingleParams.
	{"W2D4.T1.E4", "nma/ratemodel", "EigSingle"},
	// ratemodel.SimulateWC is the Euler integration of the Wilson–Cowan equations.
	{"W2D4.T2.E2", "nma/ratemodel", "SimulateWC"},
	// ratemodel.FInv is the inverse F-I curve.
	{"W2D4.T2.E3", "nma/ratemodel", "FInv"},
	// ratemodel.ENullcline is GetENullcline's formula.
	{"W2D4.T2.E4", "nma/ratemodel", "ENullcline"},
	// ratemodel.INullcline is GetINullcline's formula.
	{"W2D4.T2.E4", "nma/ratemodel", "INullcline"},
	// ratemodel.Nullclines evaluates both nullclines on a grid (one point is the answer).
	{"W2D4.T2.E4", "nma/ratemodel", "Nullclines"},
	// ratemodel.EIDerivs is the Wilson–Cowan right-hand side the exercise asks for.
	{"W2D4.T2.E5", "nma/ratemodel", "EIDerivs"},
	// ratemodel.VectorField evaluates EIDerivs on a grid (a 1×1 grid is the answer).
	{"W2D4.T2.E5", "nma/ratemodel", "VectorField"},
	// ratemodel.FixedPointsWC runs the root finder from guesses and keeps the fixed points:
	// the exercise (which may use FixedPointWC and IsFixedPointWC, as the solution does).
	{"W2D4.T3.E1", "nma/ratemodel", "FixedPointsWC"},
	// ratemodel.EigWC is the eigenvalues of the Jacobian at a fixed point: the exercise.
	{"W2D4.T3.E2", "nma/ratemodel", "EigWC"},
	// ratemodel.JacobianWC is the Jacobian the exercise computes element by element (the
	// eigenvalues of a given matrix, ratemodel.Eig2, are allowed: the solution uses them).
	{"W2D4.T3.E2", "nma/ratemodel", "JacobianWC"},
	// ratemodel.DGdE is J₀₀ = ∂G_E/∂r_E, the exercise.
	{"W2D4.T3.E3", "nma/ratemodel", "DGdE"},
	// ratemodel.JacobianWC's [0][0] element is the exercise's answer.
	{"W2D4.T3.E3", "nma/ratemodel", "JacobianWC"},
}
