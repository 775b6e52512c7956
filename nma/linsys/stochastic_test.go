package linsys

import (
	"math"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// Inventory §2.2: the telegraph run with np.random.seed(0), c2o = 0.02, o2c = 0.1, T = 5000,
// dt = 0.1 switches 168 times, first at 75.7, 82.1, 107.0, 113.0 ms [stated]; it spends
// 41945 steps closed and 8055 open (fraction open 0.161), mean interval 29.2 [computed].
func TestIonChannelOpeningSeed0(t *testing.T) {
	tt, x, sw, err := IonChannelOpening(0.02, 0.1, 5000, 0.1, rng.New(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(tt) != 50000 || len(x) != 50000 {
		t.Fatalf("len(t)=%d, want 50000", len(tt))
	}
	if len(sw) != 168 {
		t.Errorf("%d switches, want 168", len(sw))
	}
	for i, want := range []float64{75.7, 82.1, 107.0, 113.0} {
		if math.Abs(sw[i]-want) > 1e-9 {
			t.Errorf("switch %d at %.10g ms, want %g", i, sw[i], want)
		}
	}
	closed, open := StateCounts(x)
	if closed != 41945 || open != 8055 {
		t.Errorf("closed %d, open %d steps; want 41945 and 8055", closed, open)
	}
	if m := nma.Mean(nma.Diff(sw)); math.Abs(m-29.2) > 0.05 {
		t.Errorf("mean inter-switch interval %.3f, want 29.2 (±0.05)", m)
	}
	if m := CumulativeMean(x)[len(x)-1]; math.Abs(m-0.1611) > 1e-12 {
		t.Errorf("fraction open %.6f, want 8055/50000", m)
	}
	// The state only changes one step after a recorded switch.
	k := int(math.Round(sw[0] / 0.1))
	if x[k] != 0 || x[k+1] != 1 {
		t.Errorf("around the first switch (step %d): x = %v, want 0 then 1", k, x[k:k+2])
	}
}

// Without a fixed seed the dwell times are geometric: the mean closed time is 1/c2o and the
// mean open time 1/o2c (up to the discretisation), and the channel is open c2o/(c2o+o2c) of
// the time.
func TestIonChannelOpeningStatistics(t *testing.T) {
	_, x, sw, err := IonChannelOpening(0.05, 0.2, 200000, 0.1, rng.New(12345))
	if err != nil {
		t.Fatal(err)
	}
	var closedDur, openDur []float64
	for i := 1; i < len(sw); i++ {
		if i%2 == 1 {
			openDur = append(openDur, sw[i]-sw[i-1])
		} else {
			closedDur = append(closedDur, sw[i]-sw[i-1])
		}
	}
	// Each mean is over thousands of exponential intervals: standard error ≈ mean/√n.
	for _, c := range []struct {
		name string
		d    []float64
		want float64
	}{{"closed", closedDur, 1 / 0.05}, {"open", openDur, 1 / 0.2}} {
		m := nma.Mean(c.d)
		se := c.want / math.Sqrt(float64(len(c.d)))
		if math.Abs(m-c.want) > 4*se+0.1 {
			t.Errorf("mean %s dwell time %.3f ms, want %.3f ± %.3f", c.name, m, c.want, 4*se+0.1)
		}
	}
	if f := nma.Mean(x); math.Abs(f-0.2) > 0.01 {
		t.Errorf("fraction open %.4f, want c2o/(c2o+o2c) = 0.2 (±0.01)", f)
	}
}

func TestIonChannelOpeningErrors(t *testing.T) {
	_, _, _, err := IonChannelOpening(-0.1, 0.1, 10, 0.1, rng.New(0))
	wantErr(t, "negative c2o", err, "c2o=-0.1")
	_, _, _, err = IonChannelOpening(0.1, math.NaN(), 10, 0.1, rng.New(0))
	wantErr(t, "NaN o2c", err, "o2c=NaN")
	_, _, _, err = IonChannelOpening(0.1, 0.1, 10, 0.1, nil)
	wantErr(t, "nil rng", err, "r is nil")
	_, _, _, err = IonChannelOpening(0.1, 0.1, 10, 0, rng.New(0))
	wantErr(t, "dt = 0", err, "dt=0")
}

// Inventory §2.2: propagating [1, 0] for T = 500, dt = 0.1 ends at [0.83333333, 0.16666667]
// [stated], the normalised eigenvector of eigenvalue 1, c2o/(c2o + o2c) = 0.167 open.
func TestProbabilityPropagationAndStationary(t *testing.T) {
	A, err := TransitionMatrix(0.02, 0.1, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	n := len(nma.Arange(0, 500, 0.1))
	x, err := PropagateProbabilities(A, []float64{1, 0}, n)
	if err != nil {
		t.Fatal(err)
	}
	if len(x) != 5000 {
		t.Fatalf("%d states, want 5000", len(x))
	}
	last := x[len(x)-1]
	if math.Abs(last[0]-0.83333333) > 1e-8 || math.Abs(last[1]-0.16666667) > 1e-8 {
		t.Errorf("x[-1] = %v, want [0.83333333 0.16666667]", last)
	}
	for k, s := range x {
		if math.Abs(s[0]+s[1]-1) > 1e-12 {
			t.Fatalf("probabilities at step %d sum to %v", k, s[0]+s[1])
		}
	}
	pi, err := StationaryDistribution(A)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(pi[0]-0.1/0.12) > 1e-12 || math.Abs(pi[1]-0.02/0.12) > 1e-12 {
		t.Errorf("stationary distribution %v, want [o2c, c2o]/(c2o+o2c) = [0.8333, 0.1667]", pi)
	}
	_, err = StationaryDistribution(AOptions()[1])
	wantErr(t, "no eigenvalue 1", err, "no eigenvalue equals 1")
	_, err = TransitionMatrix(20, 0.1, 0.1)
	wantErr(t, "probability above 1", err, "c2o=20")
	_, err = PropagateProbabilities(A, []float64{1, 0, 0}, 10)
	wantErr(t, "shape mismatch", err, "x0 has 3")
}

// Inventory §2.3 [computed with NumPy's legacy generator]: 1000 walks of 10000 Gaussian steps
// (seed 2020) have μ = 1.69, σ = 31.98 at t = 1000; 2.08, 49.97 at 2500; 1.61, 104.32 at
// 10000. The reference: σ = 31.98 at t = 1000.
func TestRandomWalksSeed2020(t *testing.T) {
	if testing.Short() {
		t.Skip("10 million steps")
	}
	sim, err := RandomWalks(1000, 10000, 0, 1, rng.New(2020))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		t         int
		mu, sigma float64
	}{{1000, 1.69, 31.98}, {2500, 2.08, 49.97}, {10000, 1.61, 104.32}} {
		col := ColumnAt(sim, c.t-1)
		if m, s := nma.Mean(col), nma.Std(col); math.Abs(m-c.mu) > 0.005 || math.Abs(s-c.sigma) > 0.005 {
			t.Errorf("t=%d: μ=%.4f σ=%.4f, want %.2f and %.2f (±0.005)", c.t, m, s, c.mu, c.sigma)
		}
	}
}

// Inventory §2.3, Exercise 1B: 5000 walks × 1000 steps (seed 2020): var(t=1) = 0.988,
// var(500) = 483.3, var(1000) = 993.6, mean(1000) = 0.57.
func TestMeanVarSeed2020(t *testing.T) {
	sim, err := RandomWalks(5000, 1000, 0, 1, rng.New(2020))
	if err != nil {
		t.Fatal(err)
	}
	mu, v, err := MeanVar(sim)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		k         int
		want, tol float64
		what      []float64
	}{{0, 0.988, 0.0005, v}, {499, 483.3, 0.05, v}, {999, 993.6, 0.05, v}, {999, 0.57, 0.005, mu}} {
		if math.Abs(c.what[c.k]-c.want) > c.tol {
			t.Errorf("value at t=%d: %.4f, want %g (±%g)", c.k+1, c.what[c.k], c.want, c.tol)
		}
	}
	// The first walk starts with np.random.normal's first draw for seed 2020.
	first, _ := rng.New(2020).Normal(0, 1, 1)
	if sim[0][0] != first[0] {
		t.Errorf("sim[0][0] = %v, want the first normal draw %v", sim[0][0], first[0])
	}
	// Drift and diffusion: mean = μt, variance = σ²t (statistical, 5000 walks).
	sim, err = RandomWalks(5000, 400, 0.3, 2, rng.New(7))
	if err != nil {
		t.Fatal(err)
	}
	mu, v, _ = MeanVar(sim)
	if math.Abs(mu[399]-0.3*400) > 4*2*20/math.Sqrt(5000) {
		t.Errorf("mean at t=400 = %.3f, want μt = 120", mu[399])
	}
	if math.Abs(v[399]/(4*400)-1) > 0.08 {
		t.Errorf("variance at t=400 = %.1f, want σ²t = 1600 (±8%%)", v[399])
	}
}

func TestRandomWalkErrors(t *testing.T) {
	_, err := RandomWalks(0, 10, 0, 1, rng.New(1))
	wantErr(t, "N = 0", err, "N=0")
	_, err = RandomWalks(1, 10, 0, -1, rng.New(1))
	wantErr(t, "negative sigma", err, "sigma=-1")
	_, _, err = MeanVar([][]float64{{1, 2}, {1}})
	wantErr(t, "ragged", err, "walk 1")
	_, err = CoinFlipWalk(0, rng.New(1))
	wantErr(t, "T = 0", err, "T=0")
}

// The ±1 walk (seed 2020) moves by exactly one each step.
func TestCoinFlipWalk(t *testing.T) {
	x, err := CoinFlipWalk(100, rng.New(2020))
	if err != nil {
		t.Fatal(err)
	}
	if x[0] != 0 {
		t.Errorf("x[0] = %v", x[0])
	}
	for k := 1; k < len(x); k++ {
		if math.Abs(x[k]-x[k-1]) != 1 {
			t.Fatalf("step %d is %v", k, x[k]-x[k-1])
		}
	}
	// np.random.choice([-1, 1]) is randint(0, 2): the first draws for seed 2020.
	idx, _ := rng.New(2020).Randint(0, 2, 3)
	for k := range 3 {
		if want := float64(2*idx[k] - 1); x[k+1]-x[k] != want {
			t.Errorf("step %d = %v, want %v", k+1, x[k+1]-x[k], want)
		}
	}
}

// Inventory §2.3, Exercise 2: λ = 0.9, σ = 0.1, x0 = 4, x∞ = 1, T = 500, seed 2020:
// x[−1] = 0.896; the second half has mean 1.006 and variance 0.041 (theory 0.0526).
// Exercise 3 (seed 2020, σ = 0.87, T = 5000, 90 λ from 0.05): empirical/analytic
// 0.763/0.759 at λ = 0.05, 1.055/1.009 at 0.50, 7.33/6.50 at 0.94.
func TestDDMSeed2020(t *testing.T) {
	tt, x, err := DDM(500, 4, 1, 0.9, 0.1, rng.New(2020))
	if err != nil {
		t.Fatal(err)
	}
	if tt[499] != 499 || x[0] != 4 {
		t.Errorf("t[-1]=%v x[0]=%v", tt[499], x[0])
	}
	if math.Abs(x[499]-0.896) > 0.0005 {
		t.Errorf("x[-1] = %.4f, want 0.896", x[499])
	}
	if m, v := nma.Mean(x[250:]), nma.Var(x[250:]); math.Abs(m-1.006) > 0.0005 || math.Abs(v-0.041) > 0.0005 {
		t.Errorf("second half: mean %.4f var %.4f, want 1.006 and 0.041", m, v)
	}
	lambdas := nma.Arange(0.05, 0.95, 0.01)
	if len(lambdas) != 90 {
		t.Fatalf("%d lambdas, want 90", len(lambdas))
	}
	r := rng.New(2020)
	emp := make([]float64, len(lambdas))
	for i, lam := range lambdas {
		if emp[i], err = DDMEqVar(5000, 4, 1, lam, 0.87, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		i        int
		emp, ana float64
		tol      float64
	}{{0, 0.763, 0.759, 0.0005}, {45, 1.055, 1.009, 0.0005}, {89, 7.33, 6.50, 0.005}} {
		if math.Abs(emp[c.i]-c.emp) > c.tol || math.Abs(EqVar(lambdas[c.i], 0.87)-c.ana) > c.tol {
			t.Errorf("λ=%.2f: empirical %.4f analytic %.4f, want %g and %g", lambdas[c.i], emp[c.i], EqVar(lambdas[c.i], 0.87), c.emp, c.ana)
		}
	}
}

// The equilibrium variance of a long simulation approaches σ²/(1 − λ²) (statistical: the
// samples are correlated, so the tolerance is generous).
func TestDDMEquilibriumVariance(t *testing.T) {
	for _, c := range []struct{ lam, sig float64 }{{0.5, 1}, {0.9, 0.3}, {-0.7, 2}} {
		v, err := DDMEqVar(400000, 0, 0, c.lam, c.sig, rng.New(99))
		if err != nil {
			t.Fatal(err)
		}
		if want := EqVar(c.lam, c.sig); math.Abs(v/want-1) > 0.03 {
			t.Errorf("λ=%g σ=%g: variance %.4f, want %.4f (±3%%)", c.lam, c.sig, v, want)
		}
	}
	if _, err := DDMEqVar(1, 0, 0, 0.5, 1, rng.New(1)); err == nil {
		t.Error("T=1 leaves no second half, want an error")
	}
	_, _, err := DDM(10, 0, 0, 0.5, -1, rng.New(1))
	wantErr(t, "negative sig", err, "sig=-1")
}

func TestDecay(t *testing.T) {
	x, err := Decay(0.9, 4, 1, 100)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range x {
		if want := 1 + 3*math.Pow(0.9, float64(k)); math.Abs(v-want) > 1e-12 {
			t.Fatalf("x[%d] = %v, want x∞ + (x0 − x∞)λ^k = %v", k, v, want)
		}
	}
}

// W2D2 Tutorial 3's demo draws every (μ, σ) from one simulation of standard walks: with the
// same seed the steps are μ + σz for the same z, so mean[k] = μ(k+1) + σ·mean₁[k] and
// var[k] = σ²·var₁[k]. Checked against fresh simulations, to rounding (relative 1e-9).
func TestRandomWalkStatsScale(t *testing.T) {
	base, err := RandomWalks(500, 300, 0, 1, rng.New(2020))
	if err != nil {
		t.Fatal(err)
	}
	mu1, var1, err := MeanVar(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]float64{{0.3, 2.5}, {-0.5, 10}, {0, 0.5}} {
		m, s := c[0], c[1]
		sim, err := RandomWalks(500, 300, m, s, rng.New(2020))
		if err != nil {
			t.Fatal(err)
		}
		mu, variance, err := MeanVar(sim)
		if err != nil {
			t.Fatal(err)
		}
		for k := range mu {
			wantMu, wantVar := m*float64(k+1)+s*mu1[k], s*s*var1[k]
			if math.Abs(mu[k]-wantMu) > 1e-9*(1+math.Abs(wantMu)) || math.Abs(variance[k]-wantVar) > 1e-9*wantVar {
				t.Fatalf("μ=%g σ=%g step %d: mean %v var %v, scaled %v %v", m, s, k, mu[k], variance[k], wantMu, wantVar)
			}
		}
	}
}
