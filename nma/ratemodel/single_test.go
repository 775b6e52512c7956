package ratemodel

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/rng"
)

// Reference values from the course inventory (data/reference/nma-week2.md §4.1), computed from the
// formulas; tolerances are stated per test.
func TestFValues(t *testing.T) {
	p := DefaultSingle()
	for _, c := range []struct{ x, want float64 }{
		{0, 0}, {1, 0.0698}, {2, 0.2433}, {2.8, 0.4664}, {4, 0.7749}, {6, 0.9454},
	} {
		if got := F(c.x, p.A, p.Theta); math.Abs(got-c.want) > 5e-5 {
			t.Errorf("F(%g) = %.6f, want %.4f (±5e-5)", c.x, got, c.want)
		}
	}
	if got := FMax(p.A, p.Theta); math.Abs(got-0.96643) > 5e-6 {
		t.Errorf("FMax = %.6f, want 0.96643", got)
	}
	if got := F(1e6, p.A, p.Theta); math.Abs(got-FMax(p.A, p.Theta)) > 1e-12 {
		t.Errorf("F(∞) = %v, want FMax", got)
	}
}

func TestDFMatchesFiniteDifference(t *testing.T) {
	const h = 1e-6
	for _, x := range []float64{-3, 0, 1.5, 2.8, 6} {
		num := (F(x+h, 1.2, 2.8) - F(x-h, 1.2, 2.8)) / (2 * h)
		if got := DF(x, 1.2, 2.8); math.Abs(got-num) > 1e-8 {
			t.Errorf("DF(%g) = %g, central difference %g", x, got, num)
		}
	}
}

func TestFInvInvertsFAndIsNaNOutside(t *testing.T) {
	a, th := 1.2, 2.8
	for _, x := range []float64{0.1, 1, 2.8, 5, 9} {
		if got := FInv(F(x, a, th), a, th); math.Abs(got-x) > 1e-9 {
			t.Errorf("FInv(F(%g)) = %g", x, got)
		}
	}
	for _, y := range []float64{FMax(a, th), 0.99, 2, -0.5} {
		if got := FInv(y, a, th); !math.IsNaN(got) {
			t.Errorf("FInv(%g) = %g, want NaN (outside F's range)", y, got)
		}
	}
}

// The course's sample output: w = 5, I_ext = 0.5 has fixed points 0.0415 (λ −0.583),
// 0.4471 (λ +0.498), 0.8997 (λ −0.626); higher precision 0.041537, 0.447119, 0.899717.
func TestFixedPointsAndEigenvalues(t *testing.T) {
	p := DefaultSingle()
	p.W, p.IExt = 5, 0.5
	fps := FixedPointsSingle(p, GuessesSingle)
	want := []float64{0.041537, 0.447119, 0.899717}
	eigs := []float64{-0.583, 0.498, -0.626}
	if len(fps) != 3 {
		t.Fatalf("fixed points %v, want 3", fps)
	}
	for i := range want {
		if math.Abs(fps[i]-want[i]) > 1e-6 {
			t.Errorf("fixed point %d = %.7f, want %.6f (±1e-6)", i, fps[i], want[i])
		}
		if e := EigSingle(p, fps[i]); math.Abs(e-eigs[i]) > 1e-3 {
			t.Errorf("eigenvalue at %.4f = %.4f, want %.3f (±1e-3)", fps[i], e, eigs[i])
		}
		if !IsFixedPointSingle(p, fps[i], 1e-10) {
			t.Errorf("%g does not satisfy r = F(wr+I) to 1e-10", fps[i])
		}
	}
}

func TestFixedPointNoConvergenceIsAnError(t *testing.T) {
	p := DefaultSingle()
	p.W, p.IExt = 5, 0.5
	p.A = math.NaN()
	if _, err := FixedPointSingle(p, 0.3); !errors.Is(err, ErrNoConvergence) {
		t.Fatalf("err = %v, want ErrNoConvergence", err)
	}
}

// Endpoints of the trajectories (data/reference/nma-week2.md §4.1, computed): r_init ≤ 0.4 → 0.0415, ≥ 0.5 → 0.8997 at t = 19.9 ms.
func TestTrajectoriesEndAtStableFixedPoints(t *testing.T) {
	p := DefaultSingle()
	p.W, p.IExt = 5, 0.5
	for ie := 0; ie < 10; ie++ {
		p.RInit = 0.1 * float64(ie)
		r, err := SimulateSingle(p)
		if err != nil {
			t.Fatal(err)
		}
		want := 0.0415
		if ie >= 5 {
			want = 0.8997
		}
		if got := r[len(r)-1]; math.Abs(got-want) > 5e-4 {
			t.Errorf("r_init=%.1f: r(19.9) = %.4f, want %.4f (±5e-4)", p.RInit, got, want)
		}
	}
}

// With w = 0 Euler converges to the closed form with error O(dt).
func TestEulerMatchesAnalyticSolution(t *testing.T) {
	p := DefaultSingle()
	p.IExt, p.Tau = 5, 3
	errAt := func(dt float64) float64 {
		p.Dt = dt
		r, _ := SimulateSingle(p)
		ana := AnalyticSingle(p)
		m := 0.0
		for i := range r {
			m = math.Max(m, math.Abs(r[i]-ana[i]))
		}
		return m
	}
	e1, e2 := errAt(0.1), errAt(0.01)
	if e1 > 0.01 || e2 > 0.001 {
		t.Errorf("max |Euler − analytic| = %g (dt 0.1), %g (dt 0.01)", e1, e2)
	}
	if ratio := e1 / e2; ratio < 8 || ratio > 12 {
		t.Errorf("error ratio for dt 0.1/0.01 = %.2f, want ≈10 (first order)", ratio)
	}
}

func TestValidateNamesTheParameter(t *testing.T) {
	for _, c := range []struct {
		mod  func(*SingleParams)
		want string
	}{
		{func(p *SingleParams) { p.Dt = 0 }, "Dt=0"},
		{func(p *SingleParams) { p.Tau = -1 }, "Tau=-1"},
		{func(p *SingleParams) { p.T = math.NaN() }, "T=NaN"},
		{func(p *SingleParams) { p.IExtSeries = []float64{1, 2} }, "IExtSeries has 2 values"},
	} {
		p := DefaultSingle()
		c.mod(&p)
		_, err := SimulateSingle(p)
		if err == nil || !contains(err.Error(), c.want) {
			t.Errorf("error %v, want it to mention %q", err, c.want)
		}
	}
}

func TestTimeVaryingInput(t *testing.T) {
	p := DefaultSingle()
	n := len(p.RangeT())
	p.IExtSeries = make([]float64, n)
	for i := n / 2; i < n; i++ {
		p.IExtSeries[i] = 6
	}
	p.RInit = 0
	r, _ := SimulateSingle(p)
	if r[n/2] != 0 {
		t.Errorf("before the step r = %g, want 0 (F(0) = 0)", r[n/2])
	}
	if r[n-1] < 0.9 {
		t.Errorf("after the step r = %g, want close to F(6) = 0.945", r[n-1])
	}
}

func TestOU(t *testing.T) {
	// η[0] = σ·ξ[0] and np.random.seed(2020); randn()[0] = −1.7688457055759508.
	eta, err := OU(1000, 0.1, 1, 0.1, 2020)
	if err != nil {
		t.Fatal(err)
	}
	xi0, sig := -1.7688457055759508, 0.1 // variables: float64 arithmetic, not exact constant folding
	if want := xi0 * sig; eta[0] != want {
		t.Errorf("eta[0] = %v, want %v", eta[0], want)
	}
	noise, _ := rng.New(2020).Randn(2)
	if want := eta[0] + 0.1*(0-eta[0]) + math.Sqrt(0.2)*0.1*noise[1]; eta[1] != want {
		t.Errorf("eta[1] = %v, want %v (one Euler step)", eta[1], want)
	}
	// Stationary standard deviation ≈ σ·sqrt(1/(1−dt/2τ)) for Euler; check within 5% on a long run.
	long, _ := OU(200000, 0.1, 1, 0.7, 7)
	var s, ss float64
	for _, v := range long {
		s += v
		ss += v * v
	}
	mean := s / float64(len(long))
	sd := math.Sqrt(ss/float64(len(long)) - mean*mean)
	want := 0.7 / math.Sqrt(1-0.05)
	if math.Abs(sd-want)/want > 0.05 || math.Abs(mean) > 0.05 {
		t.Errorf("OU mean %.3f sd %.3f, want 0 and %.3f (±5%%)", mean, sd, want)
	}
	if _, err := OU(0, 0.1, 1, 1, 1); err == nil || !contains(err.Error(), "n=0") {
		t.Errorf("OU(n=0) error %v", err)
	}
	if _, err := OU(10, 0.1, 0, 1, 1); err == nil || !contains(err.Error(), "tauOU=0") {
		t.Errorf("OU(tauOU=0) error %v", err)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func BenchmarkSimulateSingle(b *testing.B) {
	p := DefaultSingle()
	p.T, p.W, p.IExt = 1000, 5, 0.56 // the bonus run: 10,000 Euler steps
	for b.Loop() {
		if _, err := SimulateSingle(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFixedPointsSingle(b *testing.B) {
	p := DefaultSingle()
	p.W, p.IExt = 5, 0.5
	for b.Loop() {
		FixedPointsSingle(p, GuessesSingle)
	}
}
