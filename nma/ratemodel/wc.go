package ratemodel

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
)

// WCParams are the parameters of the Wilson–Cowan model of an excitatory (E) and an
// inhibitory (I) population,
//
//	τ_E dr_E/dt = −r_E + F_E(w_EE·r_E − w_EI·r_I + I_E^ext; a_E, θ_E)
//	τ_I dr_I/dt = −r_I + F_I(w_IE·r_E − w_II·r_I + I_I^ext; a_I, θ_I)
//
// DefaultWC gives the course's values (default_pars of W2D4 Tutorials 2 and 3). The field
// names follow the course's dictionary keys: tau_E → TauE, wEI → WEI, I_ext_E → IExtE, …
type WCParams struct {
	TauE   float64 // time constant τ_E of the E population (ms)
	AE     float64 // gain a_E of F_E
	ThetaE float64 // threshold θ_E of F_E

	TauI   float64 // time constant τ_I of the I population (ms)
	AI     float64 // gain a_I of F_I
	ThetaI float64 // threshold θ_I of F_I

	WEE float64 // E → E weight
	WEI float64 // I → E weight (enters with a minus sign)
	WIE float64 // E → I weight
	WII float64 // I → I weight (enters with a minus sign)

	IExtE float64 // constant external input to E
	IExtI float64 // constant external input to I

	T      float64 // simulation length (ms)
	Dt     float64 // Euler time step (ms)
	REInit float64 // initial rate r_E(0)
	RIInit float64 // initial rate r_I(0)

	// IExtESeries and IExtISeries, when set, are time-varying inputs with one value per time
	// step (len(RangeT())); they replace IExtE and IExtI in SimulateWC (the course passes an
	// array as I_ext_E / I_ext_I). The phase-plane functions (EIDerivs, nullclines, fixed
	// points, Jacobian) always use the constants IExtE and IExtI.
	IExtESeries, IExtISeries []float64
}

// DefaultWC returns the course defaults: τ_E = 1 ms, a_E = 1.2, θ_E = 2.8, τ_I = 2 ms, a_I = 1,
// θ_I = 4, w_EE = 9, w_EI = 4, w_IE = 13, w_II = 11, no external input, T = 50 ms,
// dt = 0.1 ms and r_E(0) = r_I(0) = 0.2.
func DefaultWC() WCParams {
	return WCParams{
		TauE: 1, AE: 1.2, ThetaE: 2.8,
		TauI: 2, AI: 1, ThetaI: 4,
		WEE: 9, WEI: 4, WIE: 13, WII: 11,
		T: 50, Dt: 0.1, REInit: 0.2, RIInit: 0.2,
	}
}

// LimitCycleWC returns the parameters of the course's oscillating example: the defaults with
// w_EE = 6.4, w_EI = 4.8, w_IE = 6, w_II = 1.2, I_E^ext = 0.8 and T = 100 ms.
func LimitCycleWC() WCParams {
	p := DefaultWC()
	p.WEE, p.WEI, p.WIE, p.WII = 6.4, 4.8, 6.0, 1.2
	p.IExtE = 0.8
	p.T = 100
	return p
}

// RangeT is the time axis np.arange(0, T, dt) in ms.
func (p WCParams) RangeT() []float64 { return nma.Arange(0, p.T, p.Dt) }

// Validate reports the first parameter that makes a simulation meaningless.
func (p WCParams) Validate() error {
	switch {
	case !(p.TauE > 0):
		return fmt.Errorf("ratemodel: TauE=%g must be positive", p.TauE)
	case !(p.TauI > 0):
		return fmt.Errorf("ratemodel: TauI=%g must be positive", p.TauI)
	case !(p.Dt > 0):
		return fmt.Errorf("ratemodel: Dt=%g must be positive", p.Dt)
	case !(p.T > 0):
		return fmt.Errorf("ratemodel: T=%g must be positive", p.T)
	}
	n := len(p.RangeT())
	if p.IExtESeries != nil && len(p.IExtESeries) != n {
		return fmt.Errorf("ratemodel: IExtESeries has %d values, want one per time step (%d)", len(p.IExtESeries), n)
	}
	if p.IExtISeries != nil && len(p.IExtISeries) != n {
		return fmt.Errorf("ratemodel: IExtISeries has %d values, want one per time step (%d)", len(p.IExtISeries), n)
	}
	return nil
}

// InputsE returns the external input to E at every time step: IExtESeries when set,
// otherwise IExtE repeated (the course's I_ext_E * np.ones(Lt)).
func (p WCParams) InputsE() []float64 { return inputs(p.IExtESeries, p.IExtE, len(p.RangeT())) }

// InputsI returns the external input to I at every time step (see InputsE).
func (p WCParams) InputsI() []float64 { return inputs(p.IExtISeries, p.IExtI, len(p.RangeT())) }

func inputs(series []float64, c float64, n int) []float64 {
	if series != nil {
		return series
	}
	return nma.Full(n, c)
}

// SimulateWC integrates the Wilson–Cowan equations with forward Euler (the course's
// simulate_wc) and returns r_E and r_I at every time step of RangeT():
//
//	r_E[k+1] = r_E[k] + dt/τ_E·(−r_E[k] + F(w_EE·r_E[k] − w_EI·r_I[k] + I_E[k]; a_E, θ_E))
//	r_I[k+1] = r_I[k] + dt/τ_I·(−r_I[k] + F(w_IE·r_E[k] − w_II·r_I[k] + I_I[k]; a_I, θ_I))
func SimulateWC(p WCParams) (rE, rI []float64, err error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	n := len(p.RangeT())
	iE, iI := p.InputsE(), p.InputsI()
	rE, rI = make([]float64, n), make([]float64, n)
	rE[0], rI[0] = p.REInit, p.RIInit
	for k := 0; k < n-1; k++ {
		drE := p.Dt / p.TauE * (-rE[k] + F(p.WEE*rE[k]-p.WEI*rI[k]+iE[k], p.AE, p.ThetaE))
		drI := p.Dt / p.TauI * (-rI[k] + F(p.WIE*rE[k]-p.WII*rI[k]+iI[k], p.AI, p.ThetaI))
		rE[k+1] = rE[k] + drE
		rI[k+1] = rI[k] + drI
	}
	return rE, rI, nil
}

// EIDerivs is the right-hand side of the model at (r_E, r_I) with the constant inputs
// (the course's EIderivs):
//
//	dr_E/dt = (−r_E + F(w_EE·r_E − w_EI·r_I + I_E^ext; a_E, θ_E))/τ_E
//	dr_I/dt = (−r_I + F(w_IE·r_E − w_II·r_I + I_I^ext; a_I, θ_I))/τ_I
func EIDerivs(rE, rI float64, p WCParams) (drEdt, drIdt float64) {
	drEdt = (-rE + F(p.WEE*rE-p.WEI*rI+p.IExtE, p.AE, p.ThetaE)) / p.TauE
	drIdt = (-rI + F(p.WIE*rE-p.WII*rI+p.IExtI, p.AI, p.ThetaI)) / p.TauI
	return drEdt, drIdt
}

// ENullcline returns r_I on the E nullcline (dr_E/dt = 0) at r_E (get_E_nullcline):
//
//	r_I = (w_EE·r_E − F_E⁻¹(r_E) + I_E^ext)/w_EI.
//
// It is NaN where r_E is outside the range of F_E (see FInv).
func ENullcline(rE float64, p WCParams) float64 {
	return (p.WEE*rE - FInv(rE, p.AE, p.ThetaE) + p.IExtE) / p.WEI
}

// INullcline returns r_E on the I nullcline (dr_I/dt = 0) at r_I (get_I_nullcline):
//
//	r_E = (w_II·r_I + F_I⁻¹(r_I) − I_I^ext)/w_IE.
//
// It is NaN where r_I is outside the range of F_I.
func INullcline(rI float64, p WCParams) float64 {
	return (p.WII*rI + FInv(rI, p.AI, p.ThetaI) - p.IExtI) / p.WIE
}

// Nullclines evaluates both nullclines on the course's grids: the E nullcline at
// rE = linspace(rE0, rE1, n) and the I nullcline at rI = linspace(rI0, rI1, n). The course
// uses rE ∈ [−0.01, 0.96] and rI ∈ [−0.01, 0.8] with n = 100 (my_plot_nullcline).
func Nullclines(p WCParams, rE0, rE1, rI0, rI1 float64, n int) (excRE, excRI, inhRE, inhRI []float64) {
	excRE = nma.Linspace(rE0, rE1, n)
	excRI = nma.Map(excRE, func(r float64) float64 { return ENullcline(r, p) })
	inhRI = nma.Linspace(rI0, rI1, n)
	inhRE = nma.Map(inhRI, func(r float64) float64 { return INullcline(r, p) })
	return excRE, excRI, inhRE, inhRI
}

// VectorField evaluates EIDerivs on the grid spanned by rE and rI (np.meshgrid(rE, rI)):
// dE[i][j] and dI[i][j] are the derivatives at (rE[j], rI[i]).
func VectorField(p WCParams, rE, rI []float64) (dE, dI [][]float64) {
	dE, dI = make([][]float64, len(rI)), make([][]float64, len(rI))
	for i, y := range rI {
		dE[i], dI[i] = make([]float64, len(rE)), make([]float64, len(rE))
		for j, x := range rE {
			dE[i][j], dI[i][j] = EIDerivs(x, y, p)
		}
	}
	return dE, dI
}

// JacobianWC returns the Jacobian of (dr_E/dt, dr_I/dt) at fp = (r_E*, r_I*), with
// x_E = w_EE·r_E* − w_EI·r_I* + I_E^ext and x_I = w_IE·r_E* − w_II·r_I* + I_I^ext:
//
//	J = [ (−1 + w_EE·F_E′(x_E))/τ_E    −w_EI·F_E′(x_E)/τ_E        ]
//	    [  w_IE·F_I′(x_I)/τ_I          (−1 − w_II·F_I′(x_I))/τ_I ]
func JacobianWC(p WCParams, fp [2]float64) [2][2]float64 {
	xE := p.WEE*fp[0] - p.WEI*fp[1] + p.IExtE
	xI := p.WIE*fp[0] - p.WII*fp[1] + p.IExtI
	dE, dI := DF(xE, p.AE, p.ThetaE), DF(xI, p.AI, p.ThetaI)
	return [2][2]float64{
		{(-1 + p.WEE*dE) / p.TauE, -p.WEI * dE / p.TauE},
		{p.WIE * dI / p.TauI, (-1 - p.WII*dI) / p.TauI},
	}
}

// DGdE is ∂G_E/∂r_E = J₀₀ = (−1 + w_EE·F_E′(x_E))/τ_E at fp (the course's get_dGdE). The
// network is inhibition-stabilized (ISN) at a stable fixed point where it is positive.
func DGdE(p WCParams, fp [2]float64) float64 { return JacobianWC(p, fp)[0][0] }

// Eig2 returns the two eigenvalues of a 2×2 real matrix, λ = tr/2 ± sqrt(tr²/4 − det), complex
// when the discriminant is negative. The one with the larger real part (then the larger
// imaginary part) comes first. The order of np.linalg.eig is LAPACK's and not specified;
// compare eigenvalues as a set.
func Eig2(J [2][2]float64) [2]complex128 {
	tr := J[0][0] + J[1][1]
	det := J[0][0]*J[1][1] - J[0][1]*J[1][0]
	half := tr / 2
	disc := half*half - det
	if disc >= 0 {
		s := math.Sqrt(disc)
		// Avoid cancellation: compute the larger-magnitude root first, the other from det.
		var big float64
		if half >= 0 {
			big = half + s
		} else {
			big = half - s
		}
		small := 0.0
		if big != 0 {
			small = det / big
		}
		l1, l2 := math.Max(big, small), math.Min(big, small)
		return [2]complex128{complex(l1, 0), complex(l2, 0)}
	}
	s := math.Sqrt(-disc)
	return [2]complex128{complex(half, s), complex(half, -s)}
}

// EigWC returns the eigenvalues of the Jacobian at fp.
func EigWC(p WCParams, fp [2]float64) [2]complex128 { return Eig2(JacobianWC(p, fp)) }

// Stability classifies a fixed point of a 2-D system by the eigenvalues of its Jacobian.
type Stability int

// The kinds of fixed points of a 2-D system.
const (
	StableNode    Stability = iota // both eigenvalues real and negative
	UnstableNode                   // both real and positive
	Saddle                         // real, of opposite signs
	StableFocus                    // complex pair with negative real part (damped oscillation)
	UnstableFocus                  // complex pair with positive real part (growing oscillation)
	Center                         // purely imaginary pair (undamped, to first order)
	Marginal                       // a zero eigenvalue: linearisation cannot decide
)

func (s Stability) String() string {
	switch s {
	case StableNode:
		return "stable node"
	case UnstableNode:
		return "unstable node"
	case Saddle:
		return "saddle (unstable)"
	case StableFocus:
		return "stable focus"
	case UnstableFocus:
		return "unstable focus"
	case Center:
		return "center"
	case Marginal:
		return "marginal"
	}
	return fmt.Sprintf("Stability(%d)", int(s))
}

// Stable reports whether every perturbation decays (both real parts negative).
func (s Stability) Stable() bool { return s == StableNode || s == StableFocus }

// Classify names the fixed point with eigenvalues eig. Real parts within 1e-12 of zero count as zero.
func Classify(eig [2]complex128) Stability {
	const eps = 1e-12
	r0, r1 := real(eig[0]), real(eig[1])
	if imag(eig[0]) != 0 || imag(eig[1]) != 0 {
		switch {
		case math.Abs(r0) <= eps:
			return Center
		case r0 < 0:
			return StableFocus
		default:
			return UnstableFocus
		}
	}
	switch {
	case math.Abs(r0) <= eps || math.Abs(r1) <= eps:
		return Marginal
	case r0 < 0 && r1 < 0:
		return StableNode
	case r0 > 0 && r1 > 0:
		return UnstableNode
	}
	return Saddle
}

// FormatEig formats eigenvalues like NumPy prints them: "[-0.627 -0.8]" becomes
// "[-0.627, -0.800]" here, and a complex pair "[-0.125+0.958i, -0.125-0.958i]".
func FormatEig(eig [2]complex128) string {
	f := func(z complex128) string {
		if imag(z) == 0 {
			return fmt.Sprintf("%.3f", real(z))
		}
		return fmt.Sprintf("%.3f%+.3fi", real(z), imag(z))
	}
	return "[" + f(eig[0]) + ", " + f(eig[1]) + "]"
}

// FormatPoint formats a point of the phase plane as "(0.337, 0.168)", writing a coordinate
// that rounds to zero as 0.000 (a root finder may land on −1e-17).
func FormatPoint(fp [2]float64) string { return "(" + f3(fp[0]) + ", " + f3(fp[1]) + ")" }

// f3 formats with three decimals, writing a value that rounds to zero as 0.000 (not -0.000).
func f3(x float64) string {
	s := fmt.Sprintf("%.3f", x)
	if s == "-0.000" {
		return "0.000"
	}
	return s
}

// Settings of the 2-D Newton iteration of FixedPointWC.
const (
	wcMaxIter = 100
	wcMaxStep = 0.25  // largest change of r_E or r_I in one step
	wcTolStep = 1e-12 // stop when the step is this small …
	wcTolG    = 1e-13 // … or |dr/dt| is this small
)

// FixedPointWC finds a fixed point of the model near the initial guess (rEGuess, rIGuess)
// (the course's my_fp, which calls scipy.optimize.root).
//
// It runs Newton's method on (dr_E/dt, dr_I/dt) = 0 with the analytic Jacobian (JacobianWC):
// each step solves J·δ = −G. A step is shortened, keeping its direction, so that neither rate
// moves by more than 0.25 (the sigmoid is flat far from its threshold and a full step could
// jump to a far-away root), and halved while it does not reduce |G|. The iteration stops
// when the step is below 1e-12 or |G| below 1e-13; from the course's guesses this takes
// 4–7 steps and finds the roots scipy's hybr method finds. It returns an error wrapping
// ErrNoConvergence when the Jacobian is singular, a value is not finite, or 100 steps are
// not enough.
func FixedPointWC(p WCParams, rEGuess, rIGuess float64) ([2]float64, error) {
	fp, _, err := newtonWC(p, rEGuess, rIGuess)
	return fp, err
}

// newtonWC is FixedPointWC that also reports how many Newton steps it took.
func newtonWC(p WCParams, rEGuess, rIGuess float64) ([2]float64, int, error) {
	x := [2]float64{rEGuess, rIGuess}
	g := func(x [2]float64) [2]float64 {
		a, b := EIDerivs(x[0], x[1], p)
		return [2]float64{a, b}
	}
	norm := func(v [2]float64) float64 { return math.Hypot(v[0], v[1]) }
	gx := g(x)
	for it := 0; it < wcMaxIter; it++ {
		if math.IsNaN(gx[0]) || math.IsNaN(gx[1]) || math.IsInf(gx[0], 0) || math.IsInf(gx[1], 0) {
			return x, it, fmt.Errorf("%w: dr/dt is not finite at (%g, %g) (guess (%g, %g))", ErrNoConvergence, x[0], x[1], rEGuess, rIGuess)
		}
		if norm(gx) < wcTolG {
			return x, it, nil
		}
		J := JacobianWC(p, x)
		det := J[0][0]*J[1][1] - J[0][1]*J[1][0]
		if det == 0 || math.IsNaN(det) {
			return x, it, fmt.Errorf("%w: singular Jacobian at (%g, %g) (guess (%g, %g))", ErrNoConvergence, x[0], x[1], rEGuess, rIGuess)
		}
		// δ = −J⁻¹·G
		d := [2]float64{
			-(J[1][1]*gx[0] - J[0][1]*gx[1]) / det,
			-(-J[1][0]*gx[0] + J[0][0]*gx[1]) / det,
		}
		if m := math.Max(math.Abs(d[0]), math.Abs(d[1])); m > wcMaxStep {
			d[0], d[1] = d[0]*wcMaxStep/m, d[1]*wcMaxStep/m
		}
		// Halve the step while it makes |G| larger (at most 30 times).
		n0 := norm(gx)
		var xn [2]float64
		var gn [2]float64
		for h := 0; h < 30; h++ {
			xn = [2]float64{x[0] + d[0], x[1] + d[1]}
			gn = g(xn)
			if norm(gn) <= n0 || math.Max(math.Abs(d[0]), math.Abs(d[1])) < wcTolStep {
				break
			}
			d[0], d[1] = d[0]/2, d[1]/2
		}
		x, gx = xn, gn
		if math.Max(math.Abs(d[0]), math.Abs(d[1])) < wcTolStep {
			if norm(gx) < 1e-9 {
				return x, it + 1, nil
			}
			return x, it + 1, fmt.Errorf("%w: stalled at (%g, %g) with |dr/dt| = %.3g (guess (%g, %g))", ErrNoConvergence, x[0], x[1], norm(gx), rEGuess, rIGuess)
		}
	}
	return x, wcMaxIter, fmt.Errorf("%w: %d Newton steps from guess (%g, %g)", ErrNoConvergence, wcMaxIter, rEGuess, rIGuess)
}

// IsFixedPointWC reports whether (dr_E/dt)² + (dr_I/dt)² < tol at fp (the course's check_fp,
// whose default tol is 1e-6).
func IsFixedPointWC(p WCParams, fp [2]float64, tol float64) bool {
	a, b := EIDerivs(fp[0], fp[1], p)
	return a*a+b*b < tol
}

// GuessesWC are the course's initial guesses for the three fixed points of the default model.
var GuessesWC = [][2]float64{{0.1, 0.1}, {0.3, 0.3}, {0.8, 0.6}}

// FixedPointsWC runs FixedPointWC from every guess and keeps the points that converge and pass
// IsFixedPointWC with tol 1e-6. Like the course it keeps duplicates.
func FixedPointsWC(p WCParams, guesses [][2]float64) [][2]float64 {
	var fps [][2]float64
	for _, g := range guesses {
		fp, err := FixedPointWC(p, g[0], g[1])
		if err == nil && IsFixedPointWC(p, fp, 1e-6) {
			fps = append(fps, fp)
		}
	}
	return fps
}

// Inject returns a unit pulse with one value per time step of n steps of dt ms: 1 from step
// int(tStart/dt) for int(tLag/dt) steps, 0 elsewhere (the course's my_inject). The pulse is
// cut at the end of the simulation.
func Inject(n int, dt, tStart, tLag float64) ([]float64, error) {
	switch {
	case n < 0:
		return nil, fmt.Errorf("ratemodel.Inject: n=%d must not be negative", n)
	case !(dt > 0):
		return nil, fmt.Errorf("ratemodel.Inject: dt=%g must be positive", dt)
	case !(tStart >= 0):
		return nil, fmt.Errorf("ratemodel.Inject: tStart=%g must not be negative", tStart)
	case !(tLag >= 0):
		return nil, fmt.Errorf("ratemodel.Inject: tLag=%g must not be negative", tLag)
	}
	out := make([]float64, n)
	start := int(tStart / dt)
	for k := start; k < start+int(tLag/dt) && k < n; k++ {
		out[k] = 1
	}
	return out, nil
}
