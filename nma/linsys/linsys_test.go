package linsys

import (
	"math"
	"math/cmplx"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"gonum.org/v1/gonum/mat"
)

// wantErr checks that err is non-nil and names the offending parameter.
func wantErr(t *testing.T, what string, err error, mention string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), mention) {
		t.Errorf("%s: error %v, want one mentioning %q", what, err, mention)
	}
}

// Reference: the inventory (data/reference/nma-week2.md §2.1): Euler with a = −0.5, x0 = 1, dt = 0.001,
// T = 10 ends at x = 0.006733, against the exact e^{−4.9995} = 0.006741.
func TestIntegrateExponential(t *testing.T) {
	x, tt, err := IntegrateExponential(-0.5, 1, 0.001, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(x) != 10000 || len(tt) != 10000 {
		t.Fatalf("len(x)=%d, len(t)=%d, want 10000 (np.arange(0, 10, 0.001))", len(x), len(tt))
	}
	last := real(x[len(x)-1])
	if math.Abs(last-0.006733) > 5e-7 {
		t.Errorf("x[-1] = %.7f, want 0.006733 (±5e-7)", last)
	}
	// Forward Euler is exactly x[k] = (1 + a·dt)^k·x0.
	if want := math.Pow(1-0.0005, 9999); math.Abs(last-want) > 1e-12 {
		t.Errorf("x[-1] = %.12g, want (1 + a dt)^9999 = %.12g", last, want)
	}
	// and close to the exact solution e^{a t} (first-order error a²·dt·t/2·e^{a t}).
	if exact := math.Exp(-0.5 * tt[len(tt)-1]); math.Abs(last-exact) > 1e-5 {
		t.Errorf("x[-1] = %g, exact %g", last, exact)
	}
	if imag(x[len(x)-1]) != 0 {
		t.Errorf("a real a must give a real solution, got %v", x[len(x)-1])
	}
}

// A purely imaginary a = iπ oscillates at 0.5 Hz: x(t) = e^{iπt}, so Re x(1) = −1 and
// Re x(2) = 1; Euler lets the amplitude grow by |1 + iπ dt|^k = (1 + π²dt²)^{k/2}.
func TestIntegrateExponentialOscillates(t *testing.T) {
	x, tt, err := IntegrateExponential(complex(0, math.Pi), 1, 1e-4, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ k int }{{10000}, {20000}, {30000}} {
		exact := cmplx.Exp(complex(0, math.Pi*tt[c.k]))
		growth := math.Pow(1+math.Pi*math.Pi*1e-8, float64(c.k)/2)
		if math.Abs(cmplx.Abs(x[c.k])-growth) > 1e-9 {
			t.Errorf("|x(%g)| = %.12f, want Euler's growth %.12f", tt[c.k], cmplx.Abs(x[c.k]), growth)
		}
		if math.Abs(real(x[c.k])-real(exact)) > 2e-3 {
			t.Errorf("Re x(%g) = %.5f, exact %.5f (±2e-3)", tt[c.k], real(x[c.k]), real(exact))
		}
	}
}

func TestIntegrateExponentialErrors(t *testing.T) {
	_, _, err := IntegrateExponential(1, 1, 0, 10)
	wantErr(t, "dt = 0", err, "dt=0")
	_, _, err = IntegrateExponential(1, 1, 0.1, -1)
	wantErr(t, "T < 0", err, "T=-1")
	_, _, err = IntegrateExponential(complex(math.NaN(), 0), 1, 0.1, 1)
	wantErr(t, "NaN a", err, "a=")
}

// expmSolution is the exact solution e^{A t}·x0 of ẋ = A x.
func expmSolution(A *mat.Dense, x0 []float64, t float64) []float64 {
	var at, e mat.Dense
	at.Scale(t, A)
	e.Exp(&at)
	var y mat.VecDense
	y.MulVec(&e, mat.NewVecDense(len(x0), x0))
	return y.RawVector().Data
}

// RK45 (scipy's tolerances rtol 1e-3, atol 1e-6 by default) against closed-form solutions
// of linear systems: the error stays within a small multiple of the tolerance, and shrinks
// with it.
func TestSolveIVPAgainstClosedForm(t *testing.T) {
	A := AOptions()
	cases := []struct {
		name string
		A    *mat.Dense
		x0   []float64
		T    float64
	}{
		{"decay", mat.NewDense(1, 1, []float64{-1}), []float64{1}, 10},
		{"A1 centre", A[0], []float64{-0.1, 0.2}, 6},
		{"A1 large", A[0], []float64{10, 10}, 6},
		{"A2 unstable node", A[1], []float64{-0.1, 0.2}, 3},
		{"A3 stable node", A[2], []float64{-4, 3}, 6},
		{"A4 saddle", A[3], []float64{1, 2}, 4},
		{"oscillator", mat.NewDense(2, 2, []float64{0, 1, -4, 0}), []float64{1, 0}, 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tEval := nma.Arange(0, c.T, 0.1)
			for _, tol := range []struct{ rtol, atol, maxRel float64 }{
				{0, 0, 1e-2},       // scipy's defaults
				{1e-6, 1e-9, 1e-5}, // tighter
				{1e-10, 1e-12, 1e-8},
			} {
				sol, err := SolveIVP(Linear(c.A), 0, c.T, c.x0, IVPOptions{RTol: tol.rtol, ATol: tol.atol, TEval: tEval})
				if err != nil {
					t.Fatal(err)
				}
				if len(sol.T) != len(tEval) || len(sol.Y) != len(c.x0) || len(sol.Y[0]) != len(tEval) {
					t.Fatalf("shape: %d times, %d components of %d", len(sol.T), len(sol.Y), len(sol.Y[0]))
				}
				var worst float64
				for k, tk := range sol.T {
					exact := expmSolution(c.A, c.x0, tk)
					scale := 0.0
					for i := range exact {
						scale = math.Max(scale, math.Abs(exact[i]))
					}
					for i := range exact {
						worst = math.Max(worst, math.Abs(sol.Y[i][k]-exact[i])/math.Max(scale, 1e-3))
					}
				}
				if worst > tol.maxRel {
					t.Errorf("rtol=%g: largest relative error %.3g exceeds %g (%d steps)", tol.rtol, worst, tol.maxRel, sol.Steps)
				}
			}
		})
	}
}

// Without TEval every accepted step is reported, starting with t0 and ending at t1; with a
// tighter tolerance more steps are needed; the error per step behaves like a 5th-order method.
func TestSolveIVPSteps(t *testing.T) {
	f := Linear(mat.NewDense(1, 1, []float64{-1}))
	loose, err := SolveIVP(f, 0, 10, []float64{1}, IVPOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if loose.T[0] != 0 || loose.T[len(loose.T)-1] != 10 || len(loose.T) != loose.Steps+1 {
		t.Errorf("times %v…%v with %d steps", loose.T[0], loose.T[len(loose.T)-1], loose.Steps)
	}
	tight, err := SolveIVP(f, 0, 10, []float64{1}, IVPOptions{RTol: 1e-9, ATol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if tight.Steps <= loose.Steps {
		t.Errorf("tight tolerance took %d steps, loose %d", tight.Steps, loose.Steps)
	}
	// Each attempted step evaluates f 6 times; 2 more at the start (f(t0) and the probe of
	// the initial step size).
	if loose.NFev < 6*loose.Steps+2 || (loose.NFev-2)%6 != 0 {
		t.Errorf("NFev=%d for %d steps, want 6 per attempted step plus 2", loose.NFev, loose.Steps)
	}
	// Fixed steps: halving h divides the global error by about 2^5.
	errAt := func(h float64) float64 {
		sol, err := SolveIVP(f, 0, 1, []float64{1}, IVPOptions{FirstStep: h, MaxStep: h, RTol: 1, ATol: 1})
		if err != nil {
			t.Fatal(err)
		}
		return math.Abs(sol.Y[0][len(sol.Y[0])-1] - math.Exp(-1))
	}
	if ratio := errAt(0.2) / errAt(0.1); ratio < 20 || ratio > 45 {
		t.Errorf("error ratio for halved steps = %.1f, want about 32 (5th order)", ratio)
	}
}

func TestSolveIVPErrors(t *testing.T) {
	f := Linear(mat.NewDense(1, 1, []float64{-1}))
	_, err := SolveIVP(nil, 0, 1, []float64{1}, IVPOptions{})
	wantErr(t, "nil f", err, "f is nil")
	_, err = SolveIVP(f, 1, 1, []float64{1}, IVPOptions{})
	wantErr(t, "empty interval", err, "t1=1")
	_, err = SolveIVP(f, 0, 1, nil, IVPOptions{})
	wantErr(t, "no state", err, "y0")
	_, err = SolveIVP(f, 0, 1, []float64{1}, IVPOptions{RTol: -1})
	wantErr(t, "negative rtol", err, "RTol=-1")
	_, err = SolveIVP(f, 0, 1, []float64{1}, IVPOptions{TEval: []float64{0, 2}})
	wantErr(t, "TEval outside", err, "TEval value 2")
	_, err = SolveIVP(f, 0, 1, []float64{1}, IVPOptions{TEval: []float64{0.5, 0.1}})
	wantErr(t, "unsorted TEval", err, "sorted")
	_, err = SolveIVP(func(float64, []float64) []float64 { return []float64{1, 2} }, 0, 1, []float64{1}, IVPOptions{})
	wantErr(t, "wrong length", err, "returned 2 values")
	_, err = SolveIVP(f, 0, 1, []float64{math.Inf(1)}, IVPOptions{})
	wantErr(t, "infinite y0", err, "y0")
}

// Eigenvalues of the course's matrices (data/reference/nma-week2.md §2.1, Think! 4) and of the telegraph
// transition matrix (§2.2: [1, 0.988], eigenvectors [0.98058068, 0.19611614] and
// [−0.7071, 0.7071], as np.linalg.eig prints them).
func TestEig(t *testing.T) {
	T2, err := TransitionMatrix(0.02, 0.1, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	A := AOptions()
	cases := []struct {
		name string
		A    *mat.Dense
		lam  []complex128
		vecs [][]complex128 // nil: only check A v = λ v
	}{
		{"A1", A[0], []complex128{1i, -1i}, nil},
		{"A2", A[1], []complex128{complex((5+math.Sqrt(17))/2, 0), complex((5-math.Sqrt(17))/2, 0)}, nil}, // 4.56, 0.44
		{"A3", A[2], []complex128{-1, -0.25}, nil},
		{"A4", A[3], []complex128{2, -1}, nil},
		{"telegraph", T2, []complex128{1, 0.988}, [][]complex128{{0.98058068, 0.19611614}, {-0.70710678, 0.70710678}}},
	}
	for _, c := range cases {
		lam, v, err := Eig(c.A)
		if err != nil {
			t.Fatal(err)
		}
		for i := range c.lam {
			if cmplx.Abs(lam[i]-c.lam[i]) > 1e-12 {
				t.Errorf("%s: eigenvalue %d = %v, want %v", c.name, i, lam[i], c.lam[i])
			}
			e := Column(v, i)
			var norm float64
			for k := range e {
				norm += real(e[k])*real(e[k]) + imag(e[k])*imag(e[k])
				var av complex128
				for j := range e {
					av += complex(c.A.At(k, j), 0) * e[j]
				}
				if cmplx.Abs(av-lam[i]*e[k]) > 1e-12 {
					t.Errorf("%s: (A v)[%d] = %v, λ v = %v", c.name, k, av, lam[i]*e[k])
				}
			}
			if math.Abs(norm-1) > 1e-12 {
				t.Errorf("%s: eigenvector %d has norm² %g, want 1", c.name, i, norm)
			}
			if c.vecs != nil {
				for k := range e {
					if cmplx.Abs(e[k]-c.vecs[i][k]) > 1e-8 {
						t.Errorf("%s: eigenvector %d = %v, want %v", c.name, i, e, c.vecs[i])
						break
					}
				}
			}
		}
	}
	_, _, err = Eig(mat.NewDense(2, 3, nil))
	wantErr(t, "non-square", err, "2×3")
}

func TestFormatAndClassifyEigenvalues(t *testing.T) {
	want := []struct{ str, kind string }{
		{"0.00+1.00i,  0.00-1.00i", "centre (stable oscillation)"},
		{"4.56,  0.44", "unstable node"},
		{"-1.00,  -0.25", "stable node"},
		{"2.00,  -1.00", "saddle"},
	}
	for i, A := range AOptions() {
		lam, _, err := Eig(A)
		if err != nil {
			t.Fatal(err)
		}
		if got := FormatEigenvalues(lam, ",  "); got != want[i].str {
			t.Errorf("A%d: FormatEigenvalues = %q, want %q (the stream-plot title)", i+1, got, want[i].str)
		}
		if got := Classify(lam); got != want[i].kind {
			t.Errorf("A%d: Classify = %q, want %q", i+1, got, want[i].kind)
		}
	}
	if got := Classify([]complex128{complex(-0.5, 2), complex(-0.5, -2)}); got != "stable focus (damped oscillation)" {
		t.Errorf("Classify(stable focus) = %q", got)
	}
	if got := MatrixString(AOptions()[2]); got != "[[-1, -1], [0, -0.25]]" {
		t.Errorf("MatrixString(A3) = %q", got)
	}
	df, err := EigenTable(AOptions())
	if err != nil || df.Nrow() != 4 || df.Ncol() != 3 {
		t.Errorf("EigenTable: %v, %d×%d", err, df.Nrow(), df.Ncol())
	}
}

func TestLinear(t *testing.T) {
	f := Linear(AOptions()[0])
	got := f(0, []float64{-0.1, 0.2})
	if math.Abs(got[0]-(-1.2)) > 1e-15 || math.Abs(got[1]-(-0.5)) > 1e-15 {
		t.Errorf("A1·[-0.1, 0.2] = %v, want [-1.2, -0.5]", got)
	}
}
