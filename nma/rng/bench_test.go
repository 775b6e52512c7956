package rng

import (
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
