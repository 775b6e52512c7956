package rng

import (
	"github.com/nma-go/nma-go/nma/internal/benchcpu"
	"math"
	"math/rand/v2"
	"testing"
)

// Single-draw benchmarks of this package against math/rand/v2 with a PCG
// source. Run with
//
//	go test -run x -bench . -benchtime 200000x ./nma/rng/

var sinkF float64

func BenchmarkRandn(b *testing.B) {
	b.Run("numpy-legacy", func(b *testing.B) {
		r := New(2020)
		for b.Loop() {
			sinkF = r.NormFloat64()
		}
	})
	b.Run("math-rand-v2-pcg", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 2))
		for b.Loop() {
			sinkF = r.NormFloat64()
		}
	})
}

func BenchmarkRand(b *testing.B) {
	b.Run("numpy-legacy", func(b *testing.B) {
		r := New(2020)
		for b.Loop() {
			sinkF = r.Float64()
		}
	})
	b.Run("math-rand-v2-pcg", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 2))
		for b.Loop() {
			sinkF = r.Float64()
		}
	})
}

// BenchmarkLog compares glibcLog, the port of glibc's log used for NumPy
// parity, with math.Log, on inputs like the polar method's r2.
func BenchmarkLog(b *testing.B) {
	xs := make([]float64, 1024)
	r := New(1)
	for i := range xs {
		xs[i] = r.Float64()
	}
	b.Run("glibcLog", func(b *testing.B) {
		i := 0
		for b.Loop() {
			sinkF = glibcLog(xs[i&1023])
			i++
		}
	})
	b.Run("math.Log", func(b *testing.B) {
		i := 0
		for b.Loop() {
			sinkF = math.Log(xs[i&1023])
			i++
		}
	})
}

// Bulk draws of a million numbers (np.random.rand(10**6), np.random.randn(10**6)).
func BenchmarkRandMillion(b *testing.B) {
	r := New(2020)
	benchcpu.Loop(b, func() error { _, err := r.Rand(1_000_000); return err })
}

func BenchmarkRandnMillion(b *testing.B) {
	r := New(2020)
	benchcpu.Loop(b, func() error { _, err := r.Randn(1_000_000); return err })
}

// The spike steps of a 10^6-step Poisson train at p = 0.015 (Tutorial 4's 15 Hz, 1 ms).
func BenchmarkAppendRandBelowMillion(b *testing.B) {
	r := New(2020)
	var dst []int
	benchcpu.Loop(b, func() (err error) { dst, err = r.AppendRandBelow(dst[:0], 1_000_000, 0.015); return err })
}

// One refill of the 624-word state (twist and tempering): AVX2 and plain Go.
func BenchmarkGen(b *testing.B) {
	r := New(1)
	b.Run("avx2", func(b *testing.B) {
		if !useAVX2 {
			b.Skip("no AVX2")
		}
		benchcpu.Loop(b, func() error { genState(&r.mt.key, &r.mt.out); return nil })
	})
	b.Run("go", func(b *testing.B) {
		benchcpu.Loop(b, func() error { genGo(&r.mt.key, &r.mt.out); return nil })
	})
}
