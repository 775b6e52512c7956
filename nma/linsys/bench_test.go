package linsys

import (
	"github.com/nma-go/nma-go/nma/internal/benchcpu"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/rng"
)

// The course's Euler run: 10000 complex steps.
func BenchmarkIntegrateExponential(b *testing.B) {
	for b.Loop() {
		if _, _, err := IntegrateExponential(-0.5, 1, 0.001, 10); err != nil {
			b.Fatal(err)
		}
	}
}

// Exercise 3's trajectory: RK45 with 60 dense-output points.
func BenchmarkSolveIVP(b *testing.B) {
	f := Linear(AOptions()[0])
	tEval := nma.Arange(0, 6, 0.1)
	for b.Loop() {
		if _, err := SolveIVP(f, 0, 6, []float64{-0.1, 0.2}, IVPOptions{TEval: tEval}); err != nil {
			b.Fatal(err)
		}
	}
}

// The telegraph process of Section 1: 50000 steps.
func BenchmarkIonChannelOpening(b *testing.B) {
	for b.Loop() {
		if _, _, _, err := IonChannelOpening(0.02, 0.1, 5000, 0.1, rng.New(0)); err != nil {
			b.Fatal(err)
		}
	}
}

// Exercise 1B and Interactive Demo 1 of Tutorial 3: 5000 walks × 1000 steps, then mean and
// variance by time step.
func BenchmarkRandomWalksMeanVar(b *testing.B) {
	for b.Loop() {
		sim, err := RandomWalks(5000, 1000, 0, 1, rng.New(2020))
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := MeanVar(sim); err != nil {
			b.Fatal(err)
		}
	}
}

// Exercise 3 of Tutorial 3: 90 OU runs of 5000 steps.
func BenchmarkDDMEqVarSweep(b *testing.B) {
	lambdas := nma.Arange(0.05, 0.95, 0.01)
	for b.Loop() {
		r := rng.New(2020)
		for _, lam := range lambdas {
			if _, err := DDMEqVar(5000, 4, 1, lam, 0.87, r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// The sweep of AR orders 1…20 of Tutorial 4.
func BenchmarkARSweep(b *testing.B) {
	train, _ := Char2Array(MonkeyAtTypewriter)
	test, _ := Char2Array(TestMonkey)
	orders := make([]int, 20)
	for i := range orders {
		orders[i] = i + 1
	}
	for b.Loop() {
		if _, err := ARSweep(train, test, orders); err != nil {
			b.Fatal(err)
		}
	}
}

// The Euler run at 10^6 steps (dt = 1e-5 over the course's T = 10).
func BenchmarkIntegrateExponential1M(b *testing.B) {
	benchcpu.Loop(b, func() error { _, _, err := IntegrateExponential(-0.5, 1, 1e-5, 10); return err })
}

// The AR sweep of Tutorial 4 (orders 1…20) with the CPU time reported.
func BenchmarkARSweepCourse(b *testing.B) {
	train, _ := Char2Array(MonkeyAtTypewriter)
	test, _ := Char2Array(TestMonkey)
	orders := make([]int, 20)
	for i := range orders {
		orders[i] = i + 1
	}
	benchcpu.Loop(b, func() error { _, err := ARSweep(train, test, orders); return err })
}
