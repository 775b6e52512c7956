package ratemodel

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"
	"slices"
	"testing"

	"github.com/nma-go/nma-go/nma"
)

// Reference values: the course inventory (data/reference/nma-week2.md §4.2–4.3; "stated" are printed in the
// course, "computed" were worked out from the course's formulas) and, where marked
// [computed here], values this package computes and that are checked independently in the
// same test (trace/determinant, finite differences, direct simulation).

func TestDefaultWC(t *testing.T) {
	want := WCParams{TauE: 1, AE: 1.2, ThetaE: 2.8, TauI: 2, AI: 1, ThetaI: 4,
		WEE: 9, WEI: 4, WIE: 13, WII: 11, IExtE: 0, IExtI: 0, T: 50, Dt: 0.1, REInit: 0.2, RIInit: 0.2}
	if got := DefaultWC(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("DefaultWC() = %+v, want %+v", got, want)
	}
	if n := len(DefaultWC().RangeT()); n != 500 {
		t.Errorf("len(RangeT()) = %d, want 500 (np.arange(0, 50, 0.1))", n)
	}
	lc := LimitCycleWC()
	if lc.WEE != 6.4 || lc.WEI != 4.8 || lc.WIE != 6 || lc.WII != 1.2 || lc.IExtE != 0.8 || lc.T != 100 || lc.TauI != 2 {
		t.Errorf("LimitCycleWC() = %+v", lc)
	}
}

// F_E max = 0.96643, F_I max = 0.98201; F⁻¹(a=1, θ=3): F⁻¹(1e-6) ≈ 2.2e-5, F⁻¹(0.5) = 3.190,
// F⁻¹(0.9) = 5.892, NaN for the last 5 of x = linspace(1e-6, 1, 100) (x ≥ 0.9526).
func TestFIEIAndInverse(t *testing.T) {
	p := DefaultWC()
	for _, c := range []struct{ got, want, tol float64 }{
		{FMax(p.AE, p.ThetaE), 0.96643, 5e-6},
		{FMax(p.AI, p.ThetaI), 0.98201, 5e-6},
		{FInv(1e-6, 1, 3), 2.2e-5, 0.05e-5},
		{FInv(0.5, 1, 3), 3.190, 5e-4},
		{FInv(0.9, 1, 3), 5.892, 5e-4},
	} {
		if math.Abs(c.got-c.want) > c.tol {
			t.Errorf("got %.6g, want %.6g (±%g)", c.got, c.want, c.tol)
		}
	}
	x := nma.Linspace(1e-6, 1, 100)
	var nan []int
	for i, v := range x {
		if math.IsNaN(FInv(v, 1, 3)) {
			nan = append(nan, i)
		}
	}
	if !slices.Equal(nan, []int{95, 96, 97, 98, 99}) {
		t.Errorf("F⁻¹ is NaN at indices %v, want the last five", nan)
	}
}

// Two runs (data/reference/nma-week2.md §4.2): from (0.32, 0.15) the activity decays to (0, 0); from
// (0.33, 0.15) it reaches the high state (0.9384, 0.6725) by t = 49.9 ms. Demo 1.2: r_E(0)
// ≤ 0.32 decays, ≥ 0.33 goes up.
func TestSimulateWCTwoRuns(t *testing.T) {
	p := DefaultWC()
	for _, c := range []struct {
		rE0            float64
		wantE, wantI   float64
		tolE, tolIHigh float64
	}{
		{0.30, 0, 0, 1e-4, 1e-4}, {0.31, 0, 0, 1e-4, 1e-4}, {0.32, 0, 0, 1e-4, 1e-4},
		{0.33, 0.9384, 0.6725, 1e-4, 1e-4}, {0.34, 0.9384, 0.6725, 1e-4, 1e-4}, {0.35, 0.9384, 0.6725, 1e-4, 1e-4},
	} {
		p.REInit, p.RIInit = c.rE0, 0.15
		rE, rI, err := SimulateWC(p)
		if err != nil {
			t.Fatal(err)
		}
		if rE[0] != c.rE0 || rI[0] != 0.15 || len(rE) != 500 {
			t.Fatalf("start (%g, %g), %d steps", rE[0], rI[0], len(rE))
		}
		if e, i := rE[len(rE)-1], rI[len(rI)-1]; math.Abs(e-c.wantE) > c.tolE || math.Abs(i-c.wantI) > c.tolIHigh {
			t.Errorf("from (%.2f, 0.15): end (%.4f, %.4f), want (%.4f, %.4f)", c.rE0, e, i, c.wantE, c.wantI)
		}
	}
}

// One Euler step by hand, and a time-varying input that must replace the constant.
func TestSimulateWCStepAndSeries(t *testing.T) {
	p := DefaultWC()
	rE, rI, _ := SimulateWC(p)
	wantE := 0.2 + 0.1/1*(-0.2+F(9*0.2-4*0.2, 1.2, 2.8))
	wantI := 0.2 + 0.1/2*(-0.2+F(13*0.2-11*0.2, 1, 4))
	if rE[1] != wantE || rI[1] != wantI {
		t.Errorf("first step (%v, %v), want (%v, %v)", rE[1], rI[1], wantE, wantI)
	}
	q := p
	q.IExtE = 100 // ignored when the series is set
	q.IExtESeries = make([]float64, len(p.RangeT()))
	a, _, _ := SimulateWC(q)
	if !slices.Equal(a, rE) {
		t.Errorf("IExtESeries of zeros must give the run without input")
	}
	q.IExtESeries[0] = 1
	b, _, _ := SimulateWC(q)
	if want := 0.2 + 0.1*(-0.2+F(9*0.2-4*0.2+1, 1.2, 2.8)); b[1] != want {
		t.Errorf("with I_E[0] = 1: rE[1] = %v, want %v", b[1], want)
	}
}

func TestValidateWCNamesTheParameter(t *testing.T) {
	for _, c := range []struct {
		mod  func(*WCParams)
		want string
	}{
		{func(p *WCParams) { p.TauE = 0 }, "TauE=0"},
		{func(p *WCParams) { p.TauI = -2 }, "TauI=-2"},
		{func(p *WCParams) { p.Dt = math.NaN() }, "Dt=NaN"},
		{func(p *WCParams) { p.T = 0 }, "T=0"},
		{func(p *WCParams) { p.IExtESeries = []float64{1} }, "IExtESeries has 1 values"},
		{func(p *WCParams) { p.IExtISeries = make([]float64, 3) }, "IExtISeries has 3 values"},
	} {
		p := DefaultWC()
		c.mod(&p)
		if _, _, err := SimulateWC(p); err == nil || !contains(err.Error(), c.want) {
			t.Errorf("error %v, want it to mention %q", err, c.want)
		}
	}
}

// Default fixed points [stated image; computed]: (0, 0), (0.336852, 0.168420),
// (0.938430, 0.672481) from the course's guesses (0.1, 0.1), (0.3, 0.3), (0.8, 0.6).
func TestFixedPointsWC(t *testing.T) {
	p := DefaultWC()
	want := [][2]float64{{0, 0}, {0.336852, 0.168420}, {0.938430, 0.672481}}
	for i, g := range GuessesWC {
		fp, steps, err := newtonWC(p, g[0], g[1])
		if err != nil {
			t.Fatalf("guess %v: %v", g, err)
		}
		if math.Abs(fp[0]-want[i][0]) > 1e-6 || math.Abs(fp[1]-want[i][1]) > 1e-6 {
			t.Errorf("guess %v: fixed point %.7f, want %.6f (±1e-6)", g, fp, want[i])
		}
		if !IsFixedPointWC(p, fp, 1e-20) {
			t.Errorf("%v is not a fixed point to (dr/dt)² < 1e-20", fp)
		}
		if steps > 10 {
			t.Errorf("guess %v took %d Newton steps, want ≤ 10", g, steps)
		}
	}
	if got := FixedPointsWC(p, GuessesWC); len(got) != 3 {
		t.Errorf("FixedPointsWC found %d points, want 3", len(got))
	}
	// The fixed points lie on both nullclines.
	for _, fp := range want[1:] {
		if d := ENullcline(fp[0], p) - fp[1]; math.Abs(d) > 1e-5 {
			t.Errorf("E nullcline at r_E=%g misses the fixed point by %g", fp[0], d)
		}
		if d := INullcline(fp[1], p) - fp[0]; math.Abs(d) > 1e-5 {
			t.Errorf("I nullcline at r_I=%g misses the fixed point by %g", fp[1], d)
		}
	}
	if IsFixedPointWC(p, [2]float64{0.5, 0.5}, 1e-6) {
		t.Error("(0.5, 0.5) passed the fixed-point check")
	}
}

func TestFixedPointWCNoConvergenceIsAnError(t *testing.T) {
	p := DefaultWC()
	p.AE = math.NaN()
	_, err := FixedPointWC(p, 0.3, 0.3)
	if !errors.Is(err, ErrNoConvergence) || !contains(err.Error(), "guess (0.3, 0.3)") {
		t.Fatalf("err = %v, want ErrNoConvergence naming the guess", err)
	}
	// No coupling and a flat F far above threshold: J = −I/τ, one step lands on the root, so
	// this must converge; with w_EE so large that F′ vanishes at the guess, Newton still works.
	q := DefaultWC()
	q.WEE, q.WEI, q.WIE, q.WII = 0, 0, 0, 0
	if fp, err := FixedPointWC(q, 0.7, 0.2); err != nil || math.Abs(fp[0]) > 1e-12 || math.Abs(fp[1]) > 1e-12 {
		t.Errorf("uncoupled model: %v, %v; want (0, 0)", fp, err)
	}
	if got := FixedPointsWC(p, GuessesWC); len(got) != 0 {
		t.Errorf("FixedPointsWC with NaN gain kept %v", got)
	}
}

// The analytic Jacobian equals central differences of EIDerivs.
func TestJacobianMatchesFiniteDifferences(t *testing.T) {
	const h = 1e-6
	for _, p := range []WCParams{DefaultWC(), LimitCycleWC(), func() WCParams { q := DefaultWC(); q.IExtI, q.TauI = 0.3, 0.7; return q }()} {
		for _, x := range [][2]float64{{0, 0}, {0.3, 0.2}, {0.9, 0.6}, {0.57, 0.27}} {
			J := JacobianWC(p, x)
			for j := 0; j < 2; j++ {
				xp, xm := x, x
				xp[j] += h
				xm[j] -= h
				ep, ip := EIDerivs(xp[0], xp[1], p)
				em, im := EIDerivs(xm[0], xm[1], p)
				num := [2]float64{(ep - em) / (2 * h), (ip - im) / (2 * h)}
				for i := 0; i < 2; i++ {
					if math.Abs(J[i][j]-num[i]) > 1e-7 {
						t.Errorf("J[%d][%d] at %v = %g, finite difference %g", i, j, x, J[i][j], num[i])
					}
				}
			}
		}
	}
}

// Eigenvalues at the fixed points [computed here; checked against trace and determinant]:
// fp1 (0, 0): −0.623384 ± 0.131110i (stable focus), fp2: 1.057208 and −0.872669 (saddle),
// fp3: −0.959562 and −1.421974 (stable node); limit-cycle fixed point (0.570419, 0.270609):
// 0.106884 ± 0.561753i (unstable focus). The course prints "Stable point", "Unstable point",
// "Stable point" for fp1–fp3. ∂G_E/∂r_E [stated]: −0.650, 1.519, −0.706 and 0.837.
func TestEigenvaluesStabilityAndDGdE(t *testing.T) {
	lc := LimitCycleWC()
	lcFP, err := FixedPointWC(lc, 0.8, 0.8)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(lcFP[0]-0.570419) > 1e-6 || math.Abs(lcFP[1]-0.270609) > 1e-6 {
		t.Errorf("limit-cycle fixed point %.7f, want (0.570419, 0.270609)", lcFP)
	}
	p := DefaultWC()
	fps := FixedPointsWC(p, GuessesWC)
	cases := []struct {
		name   string
		p      WCParams
		fp     [2]float64
		eig    [2]complex128
		kind   Stability
		stable bool
		dGdE   float64
	}{
		{"fp1", p, fps[0], [2]complex128{complex(-0.623384, 0.131110), complex(-0.623384, -0.131110)}, StableFocus, true, -0.650},
		{"fp2", p, fps[1], [2]complex128{1.057208, -0.872669}, Saddle, false, 1.519},
		{"fp3", p, fps[2], [2]complex128{-0.959562, -1.421974}, StableNode, true, -0.706},
		{"fp_lc", lc, lcFP, [2]complex128{complex(0.106884, 0.561753), complex(0.106884, -0.561753)}, UnstableFocus, false, 0.837},
	}
	for _, c := range cases {
		eig := EigWC(c.p, c.fp)
		for i := range eig {
			if cmplx.Abs(eig[i]-c.eig[i]) > 1e-5 {
				t.Errorf("%s: eigenvalue %d = %.6f, want %.6f (±1e-5)", c.name, i, eig[i], c.eig[i])
			}
		}
		J := JacobianWC(c.p, c.fp)
		tr, det := J[0][0]+J[1][1], J[0][0]*J[1][1]-J[0][1]*J[1][0]
		if cmplx.Abs(eig[0]+eig[1]-complex(tr, 0)) > 1e-12 || cmplx.Abs(eig[0]*eig[1]-complex(det, 0)) > 1e-12 {
			t.Errorf("%s: eigenvalues %v do not sum to tr J = %g or multiply to det J = %g", c.name, eig, tr, det)
		}
		if k := Classify(eig); k != c.kind || k.Stable() != c.stable {
			t.Errorf("%s: %v (stable %v), want %v", c.name, k, k.Stable(), c.kind)
		}
		if d := DGdE(c.p, c.fp); math.Abs(d-c.dGdE) > 1e-3 {
			t.Errorf("%s: dG_E/dr_E = %.4f, want %.3f (±1e-3)", c.name, d, c.dGdE)
		}
	}
}

func TestEig2AndClassify(t *testing.T) {
	for _, c := range []struct {
		J    [2][2]float64
		want [2]complex128
		kind Stability
	}{
		{[2][2]float64{{-1, 0}, {0, -3}}, [2]complex128{-1, -3}, StableNode},
		{[2][2]float64{{2, 0}, {0, 1}}, [2]complex128{2, 1}, UnstableNode},
		{[2][2]float64{{1, 0}, {0, -1}}, [2]complex128{1, -1}, Saddle},
		{[2][2]float64{{-1, -2}, {2, -1}}, [2]complex128{complex(-1, 2), complex(-1, -2)}, StableFocus},
		{[2][2]float64{{0.5, -1}, {1, 0.5}}, [2]complex128{complex(0.5, 1), complex(0.5, -1)}, UnstableFocus},
		{[2][2]float64{{0, -1}, {1, 0}}, [2]complex128{complex(0, 1), complex(0, -1)}, Center},
		{[2][2]float64{{0, 0}, {0, -1}}, [2]complex128{0, -1}, Marginal},
		{[2][2]float64{{1e8, 1}, {0, 1e-8}}, [2]complex128{1e8, 1e-8}, UnstableNode}, // no cancellation
		{[2][2]float64{{-2, 1}, {0, -2}}, [2]complex128{-2, -2}, StableNode},         // repeated
	} {
		got := Eig2(c.J)
		for i := range got {
			if cmplx.Abs(got[i]-c.want[i]) > 1e-12*math.Max(1, cmplx.Abs(c.want[i])) {
				t.Errorf("Eig2(%v) = %v, want %v", c.J, got, c.want)
				break
			}
		}
		if k := Classify(got); k != c.kind {
			t.Errorf("Classify(%v) = %v, want %v", got, k, c.kind)
		}
	}
	if s := FormatEig([2]complex128{complex(-0.6234, 0.1311), complex(-0.6234, -0.1311)}); s != "[-0.623+0.131i, -0.623-0.131i]" {
		t.Errorf("FormatEig = %q", s)
	}
	if s := FormatEig([2]complex128{1.0572, -0.8727}); s != "[1.057, -0.873]" {
		t.Errorf("FormatEig = %q", s)
	}
}

func TestNullclinesAndVectorField(t *testing.T) {
	p := DefaultWC()
	excRE, excRI, inhRE, inhRI := Nullclines(p, -0.01, 0.96, -0.01, 0.8, 100)
	if len(excRE) != 100 || len(inhRI) != 100 || excRE[0] != -0.01 || inhRI[99] != 0.8 {
		t.Fatalf("grids %v … %v", excRE[:1], inhRI[99:])
	}
	// Along each nullcline its own derivative vanishes.
	for i := range excRE {
		if d, _ := EIDerivs(excRE[i], excRI[i], p); math.Abs(d) > 1e-12 {
			t.Errorf("dr_E/dt = %g on the E nullcline at r_E = %g", d, excRE[i])
		}
		if _, d := EIDerivs(inhRE[i], inhRI[i], p); math.Abs(d) > 1e-12 {
			t.Errorf("dr_I/dt = %g on the I nullcline at r_I = %g", d, inhRI[i])
		}
	}
	if !math.IsNaN(ENullcline(0.97, p)) || !math.IsNaN(INullcline(0.99, p)) {
		t.Error("nullclines outside the range of F must be NaN")
	}
	rE, rI := nma.Linspace(0, 1, 20), nma.Linspace(0, 0.6, 7)
	dE, dI := VectorField(p, rE, rI)
	if len(dE) != 7 || len(dE[0]) != 20 {
		t.Fatalf("field is %d×%d, want 7×20 (rows follow r_I)", len(dE), len(dE[0]))
	}
	e, i := EIDerivs(rE[3], rI[5], p)
	if dE[5][3] != e || dI[5][3] != i {
		t.Errorf("field[5][3] = (%g, %g), want EIDerivs(rE[3], rI[5]) = (%g, %g)", dE[5][3], dI[5][3], e, i)
	}
}

// The oscillation (limit-cycle set, T = 100 ms, start (0.25, 0.25)) [computed here]: r_E
// crosses 0.4 upwards at t = 14.5, 36.1, 57.6 and 79.2 ms (period ≈ 21.6 ms) and swings
// between 0.079 and 0.776. τ_I controls a Hopf bifurcation between 1.2 and 1.5 ms: the
// fixed point is a stable focus at τ_I = 1.2 (oscillations die out) and an unstable one at 1.5.
func TestLimitCycleAndTauI(t *testing.T) {
	p := LimitCycleWC()
	p.REInit, p.RIInit = 0.25, 0.25
	rE, _, _ := SimulateWC(p)
	tt := p.RangeT()
	var up []float64
	for k := 1; k < len(rE); k++ {
		if rE[k-1] < 0.4 && rE[k] >= 0.4 {
			up = append(up, tt[k])
		}
	}
	if want := []float64{14.5, 36.1, 57.6, 79.2}; len(up) != 4 || !closeAll(up, want, 0.051) {
		t.Errorf("upward crossings of r_E = 0.4 at %v ms, want %v", up, want)
	}
	if lo, hi := slices.Min(rE[500:]), slices.Max(rE[500:]); math.Abs(lo-0.0787) > 5e-4 || math.Abs(hi-0.7763) > 5e-4 {
		t.Errorf("late r_E range [%.4f, %.4f], want [0.0787, 0.7763]", lo, hi)
	}
	for _, c := range []struct {
		tauI float64
		kind Stability
		osc  bool
	}{{0.5, StableFocus, false}, {1.2, StableFocus, false}, {1.5, UnstableFocus, true}, {2, UnstableFocus, true}, {3, UnstableFocus, true}, {0.2, StableNode, false}} {
		q := p
		q.TauI = c.tauI
		fp, err := FixedPointWC(q, 0.5, 0.5)
		if err != nil || math.Abs(fp[0]-0.570419) > 1e-6 {
			t.Fatalf("τ_I = %g: fixed point %v, %v (τ_I must not move it)", c.tauI, fp, err)
		}
		if k := Classify(EigWC(q, fp)); k != c.kind {
			t.Errorf("τ_I = %g: %v, want %v", c.tauI, k, c.kind)
		}
		r, _, _ := SimulateWC(q)
		lo, hi := slices.Min(r[800:]), slices.Max(r[800:])
		if osc := hi-lo > 0.1; osc != c.osc {
			t.Errorf("τ_I = %g: late swing of r_E %.4f, oscillating %v, want %v", c.tauI, hi-lo, osc, c.osc)
		}
	}
}

// ISN (Demo 2.2) [computed here]: at the ISN fixed point ∂G_E/∂r_E = 0.837 > 0 and extra
// drive to I lowers both rates (paradoxical effect): dI = +0.1 takes (r_E, r_I) from
// (0.5704, 0.2706) to (0.5237, 0.2417); dI = −0.1 raises them to (0.6109, 0.2946).
func TestISNParadoxicalEffect(t *testing.T) {
	for _, c := range []struct{ dI, e, i float64 }{{0.1, 0.5237, 0.2417}, {-0.1, 0.6109, 0.2946}, {0, 0.5704, 0.2706}} {
		tt, in, rE, rI, err := ISNPerturb(c.dI)
		if err != nil {
			t.Fatal(err)
		}
		h := len(tt)/2 - 1
		if in[h] != 0 || in[h+1] != c.dI || len(tt) != 500 {
			t.Fatalf("step input %v around step %d", in[h:h+2], h)
		}
		if math.Abs(rE[h]-0.5704) > 1e-4 || math.Abs(rI[h]-0.2706) > 1e-4 {
			t.Errorf("before the step (%.4f, %.4f), want the fixed point (0.5704, 0.2706)", rE[h], rI[h])
		}
		if e, i := rE[len(rE)-1], rI[len(rI)-1]; math.Abs(e-c.e) > 1e-4 || math.Abs(i-c.i) > 1e-4 {
			t.Errorf("dI = %g: end (%.4f, %.4f), want (%.4f, %.4f)", c.dI, e, i, c.e, c.i)
		}
	}
	p := ISNParams()
	fp, _ := FixedPointWC(p, 0.5, 0.5)
	if d := DGdE(p, fp); d <= 0 || !Classify(EigWC(p, fp)).Stable() {
		t.Errorf("ISN fixed point: dG/drE = %g, %v; want > 0 and stable", d, Classify(EigWC(p, fp)))
	}
}

// Working memory (Demo 3) [computed here]: with the course's seeds (OU 2022 into E, 2021 into
// I) a 10-ms pulse of SE ≤ 0.40 leaves the network near rest, SE ≥ 0.45 switches it to the
// high state (r_E ≈ 0.937 at t = 99.9 ms).
func TestPulseToPersistentActivity(t *testing.T) {
	pulse, err := Inject(1000, 0.1, 20, 10)
	if err != nil {
		t.Fatal(err)
	}
	on := 0
	for k, v := range pulse {
		if v == 1 {
			on++
			if k < 200 || k >= 300 {
				t.Errorf("pulse on at step %d, want steps 200–299", k)
			}
		}
	}
	if on != 100 {
		t.Errorf("pulse lasts %d steps, want 100", on)
	}
	for _, c := range []struct {
		se   float64
		high bool
	}{{0, false}, {0.4, false}, {0.45, true}, {1, true}} {
		p, _, err := PulseWC(c.se)
		if err != nil {
			t.Fatal(err)
		}
		rE, _, _ := SimulateWC(p)
		end := rE[len(rE)-1]
		if high := end > 0.5; high != c.high || (high && math.Abs(end-0.937) > 2e-3) || (!high && end > 0.01) {
			t.Errorf("SE = %g: r_E(99.9) = %.4f, persistent %v, want %v", c.se, end, high, c.high)
		}
	}
	// The noise is the course's: OU(n, 0.1, 1, 0.1, seed) with NumPy's seeded generator.
	p, _ := NoisyWC(20201, 20202)
	ouE, _ := OU(1000, 0.1, 1, 0.1, 20201)
	ouI, _ := OU(1000, 0.1, 1, 0.1, 20202)
	if !slices.Equal(p.IExtESeries, ouE) || !slices.Equal(p.IExtISeries, ouI) {
		t.Error("NoisyWC inputs are not the seeded OU traces")
	}
	rE, _, _ := SimulateWC(p)
	if lo, hi := slices.Min(rE[100:]), slices.Max(rE[100:]); lo < -0.02 || hi > 0.05 {
		t.Errorf("noisy resting activity ranges over [%.3f, %.3f], want it near 0", lo, hi)
	}
	for _, bad := range []struct {
		n             int
		dt, t0, tl    float64
		wantInMessage string
	}{{-1, 0.1, 0, 1, "n=-1"}, {10, 0, 0, 1, "dt=0"}, {10, 0.1, -1, 1, "tStart=-1"}, {10, 0.1, 0, math.NaN(), "tLag=NaN"}} {
		if _, err := Inject(bad.n, bad.dt, bad.t0, bad.tl); err == nil || !contains(err.Error(), bad.wantInMessage) {
			t.Errorf("Inject error %v, want it to mention %q", err, bad.wantInMessage)
		}
	}
}

func closeAll(a, b []float64, tol float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > tol {
			return false
		}
	}
	return true
}

func BenchmarkSimulateWC(b *testing.B) {
	p := LimitCycleWC() // 1000 Euler steps of both populations
	for b.Loop() {
		if _, _, err := SimulateWC(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFixedPointsWC(b *testing.B) {
	p := DefaultWC()
	for b.Loop() {
		FixedPointsWC(p, GuessesWC)
	}
}

func ExampleFixedPointWC() {
	p := DefaultWC()
	for _, guess := range GuessesWC {
		fp, err := FixedPointWC(p, guess[0], guess[1])
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("(%.4f, %.4f) %v, dG_E/dr_E = %.3f\n", math.Abs(fp[0]), math.Abs(fp[1]), Classify(EigWC(p, fp)), DGdE(p, fp))
	}
	// Output:
	// (0.0000, 0.0000) stable focus, dG_E/dr_E = -0.650
	// (0.3369, 0.1684) saddle (unstable), dG_E/dr_E = 1.519
	// (0.9384, 0.6725) stable node, dG_E/dr_E = -0.706
}

func ExampleSimulateWC() {
	p := DefaultWC()
	p.REInit, p.RIInit = 0.33, 0.15
	rE, rI, err := SimulateWC(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("after %.1f ms: r_E = %.4f, r_I = %.4f\n", p.RangeT()[len(rE)-1], rE[len(rE)-1], rI[len(rI)-1])
	// Output: after 49.9 ms: r_E = 0.9384, r_I = 0.6725
}

// Demo 1.3 [computed here]: the nullclines cross once for w_EE ≤ 7.5 and three times from 8 on;
// the run from (0.4, 0.1) reaches the high state for w_EE ≥ 8.5, the one from (0.2, 0.2) never.
func TestWEECreatesFixedPoints(t *testing.T) {
	for _, c := range []struct {
		wEE       float64
		crossings int
		high      bool
	}{{6, 1, false}, {7.5, 1, false}, {8, 3, false}, {8.5, 3, true}, {10, 3, true}} {
		p := DefaultWC()
		p.WEE = c.wEE
		n, prev := 0, math.NaN()
		for _, r := range nma.Linspace(-0.005, 0.96, 20000) {
			h := INullcline(ENullcline(r, p), p) - r
			if !math.IsNaN(prev) && !math.IsNaN(h) && (h > 0) != (prev > 0) {
				n++
			}
			prev = h
		}
		if n != c.crossings {
			t.Errorf("w_EE = %g: nullclines cross %d times, want %d", c.wEE, n, c.crossings)
		}
		p.REInit, p.RIInit = 0.4, 0.1
		rE, _, _ := SimulateWC(p)
		p.REInit, p.RIInit = 0.2, 0.2
		low, _, _ := SimulateWC(p)
		if high := rE[len(rE)-1] > 0.5; high != c.high || low[len(low)-1] > 1e-3 {
			t.Errorf("w_EE = %g: runs end at %.3f (from (0.4, 0.1)) and %.3f (from (0.2, 0.2))", c.wEE, rE[len(rE)-1], low[len(low)-1])
		}
	}
}
