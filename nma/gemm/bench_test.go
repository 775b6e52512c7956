package gemm

import (
	"bufio"
	"fmt"
	"github.com/nma-go/nma-go/nma/internal/benchcpu"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// benchShape is one product of the W2D1 networks (m×k times k×n).
type benchShape struct {
	name    string
	tA, tB  bool
	m, n, k int
}

// The W2D1 shapes. nn's Linear computes y = x·Wᵀ (W is out×in), its weight gradient
// gᵀ·x and its input gradient g·W.
var benchShapes = []benchShape{
	// Tutorial 1 decoder at the repository's size: 216 stimuli × 23589 neurons → 10.
	{"fwd_x.Wt_216x23589x10", false, true, 216, 10, 23589},
	{"gradW_gt.x_10x216x23589", true, false, 10, 23589, 216},
	// The same layer with 3600 stimuli, as in the issue.
	{"fwd_x.Wt_3600x23589x10", false, true, 3600, 10, 23589},
	{"fwd_X.W_3600x23589x10", false, false, 3600, 10, 23589},
	{"gradW_Xt.d_23589x3600x10", true, false, 23589, 10, 3600},
	// ConvFC decoder 1152 → 23589, batch 20.
	{"fc_x.Wt_20x1152x23589", false, true, 20, 23589, 1152},
	{"fc_x.W_20x1152x23589", false, false, 20, 23589, 1152},
	// Tutorial 4 encoder: 60 gratings, 1152 → 1000.
	{"enc_x.Wt_60x1152x1000", false, true, 60, 1000, 1152},
	{"square_1024", false, false, 1024, 1024, 1024},
}

// nominalGHz is the clock /proc/cpuinfo reports (0 if unknown).
func nominalGHz() float64 {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "cpu MHz" {
			mhz, _ := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return mhz / 1000
		}
	}
	return 0
}

//go:noinline
func addChain(n int, y float64) float64 {
	x := 1.0
	for i := 0; i < n; i++ {
		x += y // one dependent floating-point add per iteration
	}
	return x
}

// effectiveGHz estimates the clock the core really runs at (a virtual machine's
// /proc/cpuinfo shows the nominal one, and the core may boost above it): the best of
// many short timings of a chain of dependent float64 adds, at 3 cycles each (their
// latency on AMD Zen 2/3 and recent Intel cores).
var sink float64

func effectiveGHz() float64 {
	const n = 1_000_000
	best := time.Hour
	for range 200 {
		t0 := time.Now()
		sink += addChain(n, 1e-12) // kept, so the chain is not optimised away
		best = min(best, time.Since(t0))
	}
	return 3 * n / best.Seconds() / 1e9
}

// reportGFLOPS reports the speed and its fraction of the float32 peak of the cores in
// use, 2 FMA units × 8 lanes × 2 flops per cycle per core at the clock /proc/cpuinfo
// reports. (A virtual machine's core may run faster than that clock: BenchmarkClock
// measures it.)
func reportGFLOPS(b *testing.B, flops float64) {
	gf := flops / (b.Elapsed().Seconds() / float64(b.N)) / 1e9
	b.ReportMetric(gf, "GFLOP/s")
	cores := float64(min(runtime.GOMAXPROCS(0), runtime.NumCPU()))
	if g := nominalGHz(); g > 0 {
		b.ReportMetric(100*gf/(32*g*cores), "%peak")
	}
}

// BenchmarkClock reports the nominal and measured clocks behind the peaks.
func BenchmarkClock(b *testing.B) {
	for b.Loop() {
	}
	g := effectiveGHz()
	b.ReportMetric(nominalGHz(), "GHz_nominal")
	b.ReportMetric(g, "GHz_measured")
	b.ReportMetric(32*nominalGHz(), "peakGFLOP/s/core_nominal")
	b.ReportMetric(32*g, "peakGFLOP/s/core_measured")
}

// BenchmarkKernelsInL1 times the assembly kernels alone on data in L1.
func BenchmarkKernelsInL1(b *testing.B) {
	if !hasAsm {
		b.Skip("no assembly kernels")
	}
	b.Run("kernel6x16_k256", func(b *testing.B) {
		a, bb, c := make([]float32, 256*mr), make([]float32, 256*nr), make([]float32, mr*nr)
		for b.Loop() {
			sgemmKernel6x16(256, &a[0], &bb[0], nr, &c[0], nr, mr, 0, 1, 1)
		}
		reportGFLOPS(b, 2*mr*nr*256)
	})
	b.Run("dot6x2_k1024", func(b *testing.B) {
		x := make([]float32, 8*1024)
		var out [12]float32
		p := func(r int) *float32 { return &x[r*1024] }
		for b.Loop() {
			sdot6x2(1024, p(0), p(1), p(2), p(3), p(4), p(5), p(6), p(7), &out)
		}
		reportGFLOPS(b, 2*12*1024)
	})
}

func randSlice32(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.Float64() - 0.5)
	}
	return x
}

func trans(t bool) blas.Transpose {
	if t {
		return blas.Trans
	}
	return blas.NoTrans
}

// BenchmarkW2D1 times this package's Sgemm, gonum's float32 Sgemm and gonum's float64
// Dgemm on the same shapes; run with -cpu 1,2 for one and both cores (all three use
// GOMAXPROCS threads). Select implementations with -bench 'W2D1/.*/gemm$' etc.
func BenchmarkW2D1(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, s := range benchShapes {
		_, lda := storedShape(s.tA, s.m, s.k)
		_, ldb := storedShape(s.tB, s.k, s.n)
		flops := 2 * float64(s.m) * float64(s.n) * float64(s.k)
		var a32, b32, c32 []float32
		var a64, b64, c64 []float64
		setup32 := func() {
			if a32 == nil {
				a32, b32, c32 = randSlice32(rng, s.m*s.k), randSlice32(rng, s.k*s.n), make([]float32, s.m*s.n)
			}
		}
		// run times f, reporting the mean speed, that of the fastest call, and the speed
		// per second of CPU time used by the process (the machine is shared: the best
		// call is the one least disturbed by other processes, and with -cpu 1 the CPU
		// time excludes the time the thread waited for a core).
		run := func(b *testing.B, f func()) {
			best := time.Duration(math.MaxInt64)
			cpu0 := benchcpu.Process()
			for b.Loop() {
				t0 := time.Now()
				f()
				best = min(best, time.Since(t0))
			}
			cpu := benchcpu.Process() - cpu0
			reportGFLOPS(b, flops)
			b.ReportMetric(flops/best.Seconds()/1e9, "best_GFLOP/s")
			if cpu > 0 {
				b.ReportMetric(flops*float64(b.N)/cpu.Seconds()/1e9, "GFLOP/cpu-s")
			}
		}
		b.Run(s.name, func(b *testing.B) {
			b.Run("gemm", func(b *testing.B) {
				setup32()
				b.ReportAllocs()
				run(b, func() { Sgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a32, lda, b32, ldb, 0, c32, s.n) })
			})
			b.Run("gonumS", func(b *testing.B) {
				setup32()
				run(b, func() {
					gonum.Implementation{}.Sgemm(trans(s.tA), trans(s.tB), s.m, s.n, s.k, 1, a32, lda, b32, ldb, 0, c32, s.n)
				})
			})
			b.Run("gonumD", func(b *testing.B) {
				if a64 == nil {
					setup32()
					a64, b64, c64 = make([]float64, len(a32)), make([]float64, len(b32)), make([]float64, len(c32))
					for i, v := range a32 {
						a64[i] = float64(v)
					}
					for i, v := range b32 {
						b64[i] = float64(v)
					}
				}
				run(b, func() {
					gonum.Implementation{}.Dgemm(trans(s.tA), trans(s.tB), s.m, s.n, s.k, 1, a64, lda, b64, ldb, 0, c64, s.n)
				})
			})
		})
		a32, b32, c32, a64, b64, c64 = nil, nil, nil, nil, nil, nil
		runtime.GC()
	}
}

// BenchmarkSteadyState shows that repeated calls of one shape do not allocate.
func BenchmarkSteadyState(b *testing.B) {
	for _, sh := range [][3]int{{216, 10, 23589}, {1024, 1024, 1024}} {
		m, n, k := sh[0], sh[1], sh[2]
		a, bb, c := make([]float32, m*k), make([]float32, k*n), make([]float32, m*n)
		b.Run(fmt.Sprintf("%dx%dx%d", m, k, n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Sgemm(false, false, m, n, k, 1, a, k, bb, n, 0, c, n)
			}
		})
	}
}
