package linsys

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// ODEFunc is the right-hand side of ẏ = f(t, y): it returns the derivative of the state y
// at time t (a new slice of len(y)), like the functions passed to scipy's solve_ivp.
type ODEFunc func(t float64, y []float64) []float64

// IVPOptions configure SolveIVP. The zero value means scipy's defaults.
type IVPOptions struct {
	RTol, ATol float64   // relative and absolute tolerance (default 1e-3 and 1e-6)
	MaxStep    float64   // largest step (default +Inf)
	FirstStep  float64   // first step (default: chosen by the algorithm)
	TEval      []float64 // times at which to report the solution (default: every step)
}

// IVPSolution is the result of SolveIVP: the states Y[i] (one slice per component, as
// scipy's sol.y) at the times T.
type IVPSolution struct {
	T     []float64   // reporting times: TEval, or every accepted step
	Y     [][]float64 // Y[i][k] is component i at T[k]
	Steps int         // accepted steps
	NFev  int         // evaluations of f
}

// Dormand–Prince 5(4) coefficients, with the quartic dense-output polynomial of
// Shampine (1986) that scipy's RK45 uses.
var (
	dpC = [6]float64{0, 1. / 5, 3. / 10, 4. / 5, 8. / 9, 1}
	dpA = [6][5]float64{
		{},
		{1. / 5},
		{3. / 40, 9. / 40},
		{44. / 45, -56. / 15, 32. / 9},
		{19372. / 6561, -25360. / 2187, 64448. / 6561, -212. / 729},
		{9017. / 3168, -355. / 33, 46732. / 5247, 49. / 176, -5103. / 18656},
	}
	dpB = [6]float64{35. / 384, 0, 500. / 1113, 125. / 192, -2187. / 6784, 11. / 84}
	dpE = [7]float64{-71. / 57600, 0, 71. / 16695, -71. / 1920, 17253. / 339200, -22. / 525, 1. / 40}
	dpP = [7][4]float64{
		{1, -8048581381. / 2820520608, 8663915743. / 2820520608, -12715105075. / 11282082432},
		{0, 0, 0, 0},
		{0, 131558114200. / 32700410799, -68118460800. / 10900136933, 87487479700. / 32700410799},
		{0, -1754552775. / 470086768, 14199869525. / 1410260304, -10690763975. / 1880347072},
		{0, 127303824393. / 49829197408, -318862633887. / 49829197408, 701980252875. / 199316789632},
		{0, -282668133. / 205662961, 2019193451. / 616988883, -1453857185. / 822651844},
		{0, 40617522. / 29380423, -110615467. / 29380423, 69997945. / 29380423},
	}
)

const (
	rkSafety    = 0.9 // multiplies the asymptotically optimal step
	rkMinFactor = 0.2 // smallest decrease of the step after a rejection
	rkMaxFactor = 10  // largest increase of the step
)

// SolveIVP integrates ẏ = f(t, y) from t0 to t1 > t0 with y(t0) = y0 using the explicit
// Runge–Kutta method of order 5(4) of Dormand and Prince with the step-size control of
// scipy's solve_ivp(method='RK45'): the error of the embedded 4th-order solution, measured
// in the RMS norm relative to atol + rtol·|y|, must stay below 1; the step then grows or
// shrinks by 0.9·err^(−1/5), between ×0.2 and ×10 (no growth right after a rejection). The
// first step is chosen as scipy's select_initial_step does. Values at TEval come from
// scipy's quartic interpolant of each step, so the results equal scipy's up to rounding.
func SolveIVP(f ODEFunc, t0, t1 float64, y0 []float64, opt IVPOptions) (*IVPSolution, error) {
	if f == nil {
		return nil, errors.New("linsys.SolveIVP: f is nil")
	}
	if !(t1 > t0) || math.IsInf(t0, 0) || math.IsInf(t1, 0) {
		return nil, fmt.Errorf("linsys.SolveIVP: the interval [t0=%g, t1=%g] must be finite with t1 > t0", t0, t1)
	}
	n := len(y0)
	if n == 0 {
		return nil, errors.New("linsys.SolveIVP: y0 is empty")
	}
	rtol, atol := opt.RTol, opt.ATol
	if rtol == 0 {
		rtol = 1e-3
	}
	if atol == 0 {
		atol = 1e-6
	}
	if !(rtol > 0) || !(atol > 0) {
		return nil, fmt.Errorf("linsys.SolveIVP: RTol=%g and ATol=%g must be positive", rtol, atol)
	}
	rtol = math.Max(rtol, 100*epsilon) // scipy raises a too small rtol to 100·eps
	maxStep := opt.MaxStep
	if maxStep == 0 {
		maxStep = math.Inf(1)
	}
	if !(maxStep > 0) {
		return nil, fmt.Errorf("linsys.SolveIVP: MaxStep=%g must be positive", maxStep)
	}
	if !sort.Float64sAreSorted(opt.TEval) {
		return nil, errors.New("linsys.SolveIVP: TEval must be sorted in increasing order")
	}
	for _, te := range opt.TEval {
		if te < t0 || te > t1 {
			return nil, fmt.Errorf("linsys.SolveIVP: TEval value %g is outside [t0=%g, t1=%g]", te, t0, t1)
		}
	}

	sol := &IVPSolution{Y: make([][]float64, n)}
	s := &rk45{f: f, n: n, rtol: rtol, atol: atol, maxStep: maxStep, tBound: t1, sol: sol}
	s.t = t0
	s.y = append([]float64(nil), y0...)
	for _, v := range s.y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("linsys.SolveIVP: y0=%v must be finite", y0)
		}
	}
	s.fy = s.eval(t0, s.y)
	if len(s.fy) != n {
		return nil, fmt.Errorf("linsys.SolveIVP: f returned %d values for a state of %d", len(s.fy), n)
	}
	if opt.FirstStep > 0 {
		s.hAbs = math.Min(opt.FirstStep, t1-t0)
	} else {
		s.hAbs = s.initialStep(t0, t1)
	}

	if opt.TEval == nil {
		sol.T = append(sol.T, t0)
		for i := range n {
			sol.Y[i] = append(sol.Y[i], y0[i])
		}
	}
	next := 0 // first TEval value not reported yet
	for s.t < t1 {
		tOld, yOld := s.t, append([]float64(nil), s.y...)
		if err := s.step(); err != nil {
			return sol, err
		}
		sol.Steps++
		if opt.TEval == nil {
			sol.T = append(sol.T, s.t)
			for i := range n {
				sol.Y[i] = append(sol.Y[i], s.y[i])
			}
			continue
		}
		// Report every TEval value in (tOld, t] (and t0 itself in the first step) from the
		// step's dense output, as scipy does with searchsorted(t_eval, t, side='right').
		end := sort.Search(len(opt.TEval), func(i int) bool { return opt.TEval[i] > s.t })
		h := s.t - tOld
		for ; next < end; next++ {
			te := opt.TEval[next]
			x := (te - tOld) / h
			sol.T = append(sol.T, te)
			for i := range n {
				// y = y_old + h·Q·[x, x², x³, x⁴], Q = Kᵀ·P
				var q [4]float64
				for st := range 7 {
					for j := range 4 {
						q[j] += s.k[st][i] * dpP[st][j]
					}
				}
				p := x
				var v float64
				for j := range 4 {
					v += q[j] * p
					p *= x
				}
				sol.Y[i] = append(sol.Y[i], yOld[i]+h*v)
			}
		}
	}
	return sol, nil
}

const epsilon = 2.220446049250313e-16

// rk45 is the state of one integration.
type rk45 struct {
	f                   ODEFunc
	n                   int
	rtol, atol, maxStep float64
	tBound              float64
	t, hAbs             float64
	y, fy               []float64
	k                   [7][]float64 // stages of the last step; k[6] = f(t_new, y_new)
	sol                 *IVPSolution
}

func (s *rk45) eval(t float64, y []float64) []float64 {
	s.sol.NFev++
	return s.f(t, y)
}

// rmsNorm is scipy's norm: ‖x‖₂/√n.
func rmsNorm(x []float64) float64 {
	var ss float64
	for _, v := range x {
		ss += v * v
	}
	return math.Sqrt(ss / float64(len(x)))
}

// initialStep is scipy's select_initial_step (Hairer, Nørsett & Wanner, II.4) for an
// error estimator of order 4.
func (s *rk45) initialStep(t0, t1 float64) float64 {
	interval := t1 - t0
	scale := make([]float64, s.n)
	d0v := make([]float64, s.n)
	d1v := make([]float64, s.n)
	for i := range s.n {
		scale[i] = s.atol + math.Abs(s.y[i])*s.rtol
		d0v[i] = s.y[i] / scale[i]
		d1v[i] = s.fy[i] / scale[i]
	}
	d0, d1 := rmsNorm(d0v), rmsNorm(d1v)
	var h0 float64
	if d0 < 1e-5 || d1 < 1e-5 {
		h0 = 1e-6
	} else {
		h0 = 0.01 * d0 / d1
	}
	h0 = math.Min(h0, interval)
	y1 := make([]float64, s.n)
	for i := range s.n {
		y1[i] = s.y[i] + h0*s.fy[i]
	}
	f1 := s.eval(t0+h0, y1)
	d2v := make([]float64, s.n)
	for i := range s.n {
		d2v[i] = (f1[i] - s.fy[i]) / scale[i]
	}
	d2 := rmsNorm(d2v) / h0
	var h1 float64
	if d1 <= 1e-15 && d2 <= 1e-15 {
		h1 = math.Max(1e-6, h0*1e-3)
	} else {
		h1 = math.Pow(0.01/math.Max(d1, d2), 1./5)
	}
	return math.Min(math.Min(100*h0, h1), math.Min(interval, s.maxStep))
}

// step makes one accepted step (rejecting and retrying as needed), as scipy's
// RungeKutta._step_impl.
func (s *rk45) step() error {
	t := s.t
	minStep := 10 * math.Abs(math.Nextafter(t, math.Inf(1))-t)
	hAbs := s.hAbs
	if hAbs > s.maxStep {
		hAbs = s.maxStep
	} else if hAbs < minStep {
		hAbs = minStep
	}
	rejected := false
	errVec := make([]float64, s.n)
	yNew := make([]float64, s.n)
	tmp := make([]float64, s.n)
	for {
		if hAbs < minStep {
			return fmt.Errorf("linsys.SolveIVP: required step size %g at t=%g is below the spacing of floating-point numbers", hAbs, t)
		}
		tNew := t + hAbs
		if tNew > s.tBound {
			tNew = s.tBound
		}
		h := tNew - t
		hAbs = math.Abs(h)

		s.k[0] = s.fy
		for st := 1; st < 6; st++ {
			for i := range s.n {
				var dy float64
				for j := 0; j < st; j++ {
					dy += s.k[j][i] * dpA[st][j]
				}
				tmp[i] = s.y[i] + dy*h
			}
			s.k[st] = s.eval(t+dpC[st]*h, tmp)
		}
		for i := range s.n {
			var acc float64
			for j := range 6 {
				acc += s.k[j][i] * dpB[j]
			}
			yNew[i] = s.y[i] + h*acc
		}
		fNew := s.eval(tNew, yNew)
		s.k[6] = fNew
		for i := range s.n {
			var e float64
			for j := range 7 {
				e += s.k[j][i] * dpE[j]
			}
			scale := s.atol + math.Max(math.Abs(s.y[i]), math.Abs(yNew[i]))*s.rtol
			errVec[i] = e * h / scale
		}
		errNorm := rmsNorm(errVec)
		if math.IsNaN(errNorm) {
			return fmt.Errorf("linsys.SolveIVP: the solution is not finite at t=%g", tNew)
		}
		if errNorm < 1 {
			factor := float64(rkMaxFactor)
			if errNorm > 0 {
				factor = math.Min(rkMaxFactor, rkSafety*math.Pow(errNorm, -1./5))
			}
			if rejected {
				factor = math.Min(1, factor)
			}
			hAbs *= factor
			s.t = tNew
			s.y = append(s.y[:0:0], yNew...)
			s.fy = fNew
			s.hAbs = hAbs
			return nil
		}
		hAbs *= math.Max(rkMinFactor, rkSafety*math.Pow(errNorm, -1./5))
		rejected = true
	}
}
