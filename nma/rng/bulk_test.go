package rng

import (
	"fmt"
	"math"
	"testing"
)

// The bulk draws and the AVX2 code against the one-at-a-time draws (whose streams the
// NumPy fixtures pin): the same numbers, bit for bit, and the generator left in the same
// state, from every offset in the block of 624 words.

// withAsm runs f with the assembly on and, where the CPU has it, off again.
func withAsm(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	saveAVX2, saveFMA := useAVX2, useFMA
	defer func() { useAVX2, useFMA = saveAVX2, saveFMA }()
	t.Run(fmt.Sprintf("avx2=%v", useAVX2), f)
	if useAVX2 {
		useAVX2, useFMA = false, false
		t.Run("avx2=false", f)
	}
}

// startAt returns two generators seeded alike, each advanced by skip words.
func startAt(seed uint32, skip int) (*RandomState, *RandomState) {
	a, b := New(seed), New(seed)
	for range skip {
		a.Uint32()
		b.Uint32()
	}
	return a, b
}

func TestGenAVX2MatchesGo(t *testing.T) {
	if !useAVX2 {
		t.Skip("no AVX2 on this CPU")
	}
	for _, seed := range []uint32{0, 1, 2020, 0xffffffff} {
		a, b := New(seed), New(seed)
		for g := range 50 {
			genState(&a.mt.key, &a.mt.out)
			genGo(&b.mt.key, &b.mt.out)
			if a.mt.key != b.mt.key || a.mt.out != b.mt.out {
				t.Fatalf("seed %d, gen %d: the AVX2 state differs from the Go one", seed, g)
			}
		}
	}
}

func TestBulkDoublesAndGaussians(t *testing.T) {
	withAsm(t, func(t *testing.T) {
		for _, skip := range []int{0, 1, 2, 3, 621, 622, 623, 1000} {
			for _, n := range []int{0, 1, 2, 3, 7, 155, 156, 157, 311, 312, 313, 1000, 100001} {
				a, b := startAt(uint32(7*skip+n), skip)
				if skip == 1000 { // start with a Gaussian in the cache
					a.NormFloat64()
					b.NormFloat64()
				}
				got, _ := a.Rand(n)
				for i, x := range got {
					if w := b.Float64(); math.Float64bits(x) != math.Float64bits(w) {
						t.Fatalf("skip %d, Rand(%d)[%d] = %v, want %v", skip, n, i, x, w)
					}
				}
				got, _ = a.Randn(n)
				for i, x := range got {
					if w := b.NormFloat64(); math.Float64bits(x) != math.Float64bits(w) {
						t.Fatalf("skip %d, Randn(%d)[%d] = %v, want %v", skip, n, i, x, w)
					}
				}
				if x, w := a.NormFloat64(), b.NormFloat64(); math.Float64bits(x) != math.Float64bits(w) {
					t.Fatalf("skip %d, n %d: the Gaussian after Randn is %v, want %v", skip, n, x, w)
				}
				if x, w := a.Uint32(), b.Uint32(); x != w {
					t.Fatalf("skip %d, n %d: the word after the draws is %d, want %d", skip, n, x, w)
				}
			}
		}
		// StandardNormalTo in pieces equals one Randn
		a, b := New(11), New(11)
		want, _ := a.Randn(1001)
		got := make([]float64, 1001)
		b.StandardNormalTo(got[:333])
		b.StandardNormalTo(got[333:334])
		b.StandardNormalTo(got[334:])
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("StandardNormalTo in three pieces: [%d] = %v, want %v", i, got[i], want[i])
			}
		}
	})
}

// polar4's logarithm over r2 of every binade the polar method produces and around 1.
func TestPolarPairsMatchesGo(t *testing.T) {
	withAsm(t, func(t *testing.T) {
		r := New(3)
		var r2, x1, x2 []float64
		for e := -104; e <= 0; e++ {
			for range 40 {
				v := math.Ldexp(1+r.Float64(), e-1) // [2^(e−1), 2^e)
				if v >= 1 {
					v = math.Nextafter(1, 0)
				}
				r2 = append(r2, v)
				x1 = append(x1, r.Float64()-0.5)
				x2 = append(x2, r.Float64()-0.5)
			}
		}
		for _, v := range []float64{1 - 0x1p-4, math.Nextafter(1-0x1p-4, 0), math.Nextafter(1, 0), 0x1p-104, 0.6875, math.Nextafter(0.6875, 0)} {
			r2, x1, x2 = append(r2, v), append(x1, 0.3), append(x2, -0.7)
		}
		got, want := make([]float64, 2*len(r2)), make([]float64, 2*len(r2))
		polarPairs(got, x1, x2, r2)
		polarPairsGo(want, x1, x2, r2)
		for j := range want {
			if math.Float64bits(got[j]) != math.Float64bits(want[j]) {
				t.Fatalf("pair %d (r2 = %v): %v, want %v", j/2, r2[j/2], got[j], want[j])
			}
		}
	})
}

func TestAppendRandBelow(t *testing.T) {
	withAsm(t, func(t *testing.T) {
		// p equal to a draw: that draw is not below p, the next larger p takes it
		probe := New(5)
		probe.Uint32()
		var drawn []float64
		for range 50 {
			drawn = append(drawn, probe.Float64())
		}
		ps := []float64{0, -1, 1e-300, 0.001, 0.015, 0.5, 1 - 0x1p-53, 1, 2, math.Inf(1), drawn[17], math.Nextafter(drawn[17], 2), drawn[3], math.Nextafter(drawn[3], 0)}
		for _, skip := range []int{0, 1, 2, 622, 623} {
			for _, n := range []int{0, 1, 15, 16, 17, 311, 312, 313, 5000} {
				for _, p := range ps {
					a, b := startAt(5, skip)
					got, err := a.AppendRandBelow([]int{-7}, n, p)
					if err != nil {
						t.Fatal(err)
					}
					want := []int{-7}
					for i := range n {
						if b.Float64() < p {
							want = append(want, i)
						}
					}
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Fatalf("skip %d, n %d, p %v: %v, want %v", skip, n, p, got, want)
					}
					if x, w := a.Uint32(), b.Uint32(); x != w {
						t.Fatalf("skip %d, n %d, p %v: the next word is %d, want %d", skip, n, p, x, w)
					}
				}
			}
		}
		// the boundary cases decided by the second word
		a, _ := startAt(5, 1)
		if got, _ := a.AppendRandBelow(nil, 50, drawn[17]); len(got) == 0 || got[len(got)-1] == 17 {
			t.Errorf("p = draw 17: indices %v include 17 or none", got)
		}
	})
	r := New(1)
	if _, err := r.AppendRandBelow(nil, -1, 0.5); err == nil || err.Error() != "rng: AppendRandBelow: n = -1, negative dimensions are not allowed" {
		t.Errorf("n = -1: error %v", err)
	}
	if _, err := r.AppendRandBelow(nil, 3, math.NaN()); err == nil || err.Error() != "rng: AppendRandBelow: p = NaN, must be a number" {
		t.Errorf("p = NaN: error %v", err)
	}
}

// attempts4 against the Go attempts: random words and words that give r2 = 0 (x1 = x2 = 0)
// and r2 = 1 (x1 = −1, x2 = 0), which the polar method rejects.
func TestPolarAttemptsMatchesGo(t *testing.T) {
	withAsm(t, func(t *testing.T) {
		r := New(8)
		for trial := range 200 {
			n := trial % 160
			w := make([]uint32, 4*n)
			for i := range w {
				w[i] = r.Uint32()
			}
			for k := 0; k+1 < n; k += 7 {
				switch k % 3 {
				case 0: // d = 1/2 twice: x1 = x2 = 0
					w[4*k], w[4*k+1], w[4*k+2], w[4*k+3] = 0x80000000|uint32(k%32), uint32(k%64), 0x8000001f, 63
				case 1: // d = 0, then 1/2: x1 = −1, x2 = 0
					w[4*k], w[4*k+1], w[4*k+2], w[4*k+3] = 31, 5, 0x80000000, 0
				}
			}
			x1, x2, r2 := make([]float64, n+3), make([]float64, n+3), make([]float64, n+3)
			idx := make([]int32, n+3)
			gx1, gx2, gr2 := make([]float64, n+3), make([]float64, n+3), make([]float64, n+3)
			gidx := make([]int32, n+3)
			cnt := polarAttempts(w, x1, x2, r2, idx)
			want := polarAttemptsGo(w, 0, gx1, gx2, gr2, gidx, 0)
			if cnt != want {
				t.Fatalf("n %d: %d accepted, want %d", n, cnt, want)
			}
			for j := range want {
				if idx[j] != gidx[j] || math.Float64bits(x1[j]) != math.Float64bits(gx1[j]) ||
					math.Float64bits(x2[j]) != math.Float64bits(gx2[j]) || math.Float64bits(r2[j]) != math.Float64bits(gr2[j]) {
					t.Fatalf("n %d, accepted %d: attempt %d (%v, %v, %v), want %d (%v, %v, %v)", n, j, idx[j], x1[j], x2[j], r2[j], gidx[j], gx1[j], gx2[j], gr2[j])
				}
			}
		}
	})
}
