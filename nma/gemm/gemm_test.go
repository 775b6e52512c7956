package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// spec is one Sgemm call to test.
type spec struct {
	tA, tB      bool
	m, n, k     int
	alpha, beta float32
	pad         int // extra stride of every operand beyond its column count
}

func (s spec) String() string {
	return fmt.Sprintf("tA=%v,tB=%v,m=%d,n=%d,k=%d,alpha=%g,beta=%g,pad=%d", s.tA, s.tB, s.m, s.n, s.k, s.alpha, s.beta, s.pad)
}

// operands holds the inputs of a call: slices of exactly the minimal BLAS length,
// with the padding of every row (and C itself when beta is 0) filled with NaNs.
type operands struct {
	a, b, c       []float32
	lda, ldb, ldc int
}

func storedShape(trans bool, rows, cols int) (int, int) {
	if trans {
		return cols, rows
	}
	return rows, cols
}

func fill(rng *rand.Rand, rows, cols, ld int, nanAll bool) []float32 {
	if rows == 0 {
		return nil
	}
	x := make([]float32, (rows-1)*ld+cols)
	for i := range x {
		x[i] = float32(math.NaN())
	}
	if nanAll {
		return x
	}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			x[i*ld+j] = float32(rng.NormFloat64())
		}
	}
	return x
}

func (s spec) inputs(rng *rand.Rand) operands {
	var o operands
	ar, ac := storedShape(s.tA, s.m, s.k)
	br, bc := storedShape(s.tB, s.k, s.n)
	o.lda, o.ldb, o.ldc = max(ac, 1)+s.pad, max(bc, 1)+s.pad, max(s.n, 1)+s.pad
	o.a = fill(rng, ar, ac, o.lda, false)
	o.b = fill(rng, br, bc, o.ldb, false)
	o.c = fill(rng, s.m, s.n, o.ldc, s.beta == 0) // beta = 0: C is all NaN and must be ignored
	return o
}

const eps32 = 1.0 / (1 << 24) // unit roundoff of float32

// reference returns C computed in float64 from the float32 inputs, and for each
// element the error bound of a float32 computation: γ·(|alpha|·Σ|a||b| + |beta·c|) with
// γ = (k + k/64 + 8)·2⁻²⁴, the classical bound for a float32 dot product of length k in
// any summation order, plus a few roundings for alpha, beta and the blocks of k.
func (s spec) reference(o operands) (ref, tol []float64) {
	ref = make([]float64, s.m*s.n)
	tol = make([]float64, s.m*s.n)
	gamma := float64(s.k+s.k/64+8) * eps32
	for i := 0; i < s.m; i++ {
		for j := 0; j < s.n; j++ {
			var sum, abs float64
			for p := 0; p < s.k; p++ {
				var av, bv float32
				if s.tA {
					av = o.a[p*o.lda+i]
				} else {
					av = o.a[i*o.lda+p]
				}
				if s.tB {
					bv = o.b[j*o.ldb+p]
				} else {
					bv = o.b[p*o.ldb+j]
				}
				sum += float64(av) * float64(bv)
				abs += math.Abs(float64(av) * float64(bv))
			}
			r := float64(s.alpha) * sum
			t := math.Abs(float64(s.alpha)) * abs
			if s.beta != 0 {
				cv := float64(o.c[i*o.ldc+j])
				r += float64(s.beta) * cv
				t += math.Abs(float64(s.beta) * cv)
			}
			ref[i*s.n+j] = r
			tol[i*s.n+j] = gamma*t + 1e-30
		}
	}
	return ref, tol
}

// compare checks got (a C with the layout of o.c) against the reference, and that the
// padding of C was left alone. It returns the first problem found.
func (s spec) compare(o operands, got []float32, ref, tol []float64) error {
	for i := 0; i < s.m; i++ {
		for j := 0; j < s.n; j++ {
			g := float64(got[i*o.ldc+j])
			r, t := ref[i*s.n+j], tol[i*s.n+j]
			if !(math.Abs(g-r) <= t) { // also catches NaN
				return fmt.Errorf("%v: C[%d][%d] = %g, want %g ± %.3g", s, i, j, g, r, t)
			}
		}
		for j := s.n; j < o.ldc && i*o.ldc+j < len(got); j++ {
			if g := got[i*o.ldc+j]; g == g {
				return fmt.Errorf("%v: padding C[%d][%d] overwritten with %g", s, i, j, g)
			}
		}
	}
	return nil
}

// shapes exercise every path: tiny products (simple loops), tiles that do not fill a
// 6×16 micro-tile, several blocks of k (256, and 1024 for the dot path), of m (144) and
// of n (3072), skinny products in both orientations, and k = 0.
var shapes = [][3]int{
	{1, 1, 1}, {1, 1, 0}, {2, 3, 0}, {0, 3, 4}, {3, 0, 2}, {1, 17, 1}, {7, 1, 300},
	{6, 16, 1}, {6, 16, 4}, {6, 16, 5}, {5, 15, 7}, {7, 17, 9}, {12, 32, 256},
	{13, 33, 257}, {33, 33, 33}, {37, 45, 70}, {32, 33, 64}, {64, 70, 600},
	{150, 50, 300}, {40, 3100, 20}, {20, 10, 3000}, {10, 300, 2100}, {10, 300, 217},
	{300, 7, 513}, {3, 1000, 5}, {31, 200, 30}, {1000, 3, 9}, {2, 2, 4100},
}

var alphaBetas = [][2]float32{{1, 0}, {-0.5, 1}, {2, -0.75}, {0, 0.5}, {0, 0}}

func allSpecs() []spec {
	var specs []spec
	for si, sh := range shapes {
		for t := range 4 {
			for ai, ab := range alphaBetas {
				if ab[0] == 0 && (ai+si+t)%3 != 0 { // alpha = 0 is cheap; sample it
					continue
				}
				specs = append(specs, spec{tA: t&1 != 0, tB: t&2 != 0, m: sh[0], n: sh[1], k: sh[2],
					alpha: ab[0], beta: ab[1], pad: (si + t + ai) % 2 * 3})
			}
		}
	}
	return specs
}

// withKernels runs f with the assembly kernels (where the CPU has them) and with the
// pure-Go kernels.
func withKernels(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	for _, asm := range []bool{true, false} {
		if asm && !hasAsm {
			continue
		}
		t.Run(fmt.Sprintf("asm=%v", asm), func(t *testing.T) {
			saved := useAsm
			useAsm = asm
			defer func() { useAsm = saved }()
			f(t)
		})
	}
}

func withThreads(n int, f func()) {
	saved := SetThreads(n)
	defer SetThreads(saved)
	f()
}

// prepared is a spec with its inputs and reference result.
type prepared struct {
	s        spec
	o        operands
	ref, tol []float64
}

func prepare(seed uint64) []prepared {
	rng := rand.New(rand.NewPCG(seed, seed))
	var ps []prepared
	for _, s := range allSpecs() {
		o := s.inputs(rng)
		ref, tol := s.reference(o)
		ps = append(ps, prepared{s, o, ref, tol})
	}
	return ps
}

func TestSgemmAgainstFloat64(t *testing.T) {
	ps := prepare(1)
	withKernels(t, func(t *testing.T) {
		for _, th := range []int{1, 2, 3} {
			withThreads(th, func() {
				for _, p := range ps {
					s, o := p.s, p.o
					got := append([]float32(nil), o.c...)
					Sgemm(s.tA, s.tB, s.m, s.n, s.k, s.alpha, o.a, o.lda, o.b, o.ldb, s.beta, got, o.ldc)
					if err := s.compare(o, got, p.ref, p.tol); err != nil {
						t.Fatalf("threads=%d: %v", th, err)
					}
				}
			})
		}
	})
}

// TestPaths runs every algorithm that can compute a shape (whatever plan would pick),
// on the problem and on its transpose, and checks each against the reference.
func TestPaths(t *testing.T) {
	ps := prepare(2)
	withKernels(t, func(t *testing.T) {
		for _, p := range ps {
			s, o := p.s, p.o
			if s.m == 0 || s.n == 0 || s.k == 0 || s.alpha == 0 {
				continue
			}
			for _, tr := range []bool{false, true} {
				for _, pa := range []path{pathSmall, pathPacked, pathDirect, pathDot} {
					got := append([]float32(nil), o.c...)
					q := newProblem(s.tA, s.tB, s.m, s.n, s.k, s.alpha, o.a, o.lda, o.b, o.ldb, s.beta, got, o.ldc)
					if tr {
						q = q.transposed()
					}
					switch {
					case pa == pathDirect && q.bcs != 1, pa == pathDot && q.brs != 1:
						continue // not applicable to this layout
					case pa == pathSmall:
						if s.m*s.n*s.k > 1e6 {
							continue
						}
						q.small()
					default:
						q.parallel(pa)
					}
					if err := s.compare(o, got, p.ref, p.tol); err != nil {
						t.Fatalf("path %d, transposed=%v: %v", pa, tr, err)
					}
				}
			}
		}
	})
}

// TestPlan checks that the shapes of the course take the intended path.
func TestPlan(t *testing.T) {
	for _, c := range []struct {
		tA, tB  bool
		m, n, k int
		want    path
	}{
		{false, true, 216, 10, 23589, pathDot},    // x·Wᵀ, forward of Linear(23589, 10)
		{true, false, 10, 23589, 216, pathDirect}, // gᵀ·x, its weight gradient
		{false, false, 216, 23589, 10, pathPacked},
		{false, false, 3600, 10, 23589, pathDot},
		{true, false, 23589, 10, 3600, pathDirect},
		{false, true, 20, 23589, 1152, pathDot},
		{false, false, 1024, 1024, 1024, pathPacked},
		{false, false, 4, 4, 4, pathSmall},
		{false, true, 216, 10, 10, pathPacked}, // too short for the dot kernel
	} {
		_, lda := storedShape(c.tA, c.m, c.k)
		_, ldb := storedShape(c.tB, c.k, c.n)
		q := newProblem(c.tA, c.tB, c.m, c.n, c.k, 1, nil, lda, nil, ldb, 0, nil, c.n)
		if _, got := q.plan(); got != c.want {
			t.Errorf("plan(tA=%v tB=%v %d×%d×%d) = %d, want %d", c.tA, c.tB, c.m, c.n, c.k, got, c.want)
		}
	}
}

// TestKernelsAgree compares the assembly kernels with the pure-Go ones on the same
// panels, including k remainders, a strided B, and beta = 0 with NaN in C.
func TestKernelsAgree(t *testing.T) {
	if !hasAsm {
		t.Skip("no assembly kernels on this CPU or build")
	}
	rng := rand.New(rand.NewPCG(3, 3))
	randv := func(n int) []float32 {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(rng.NormFloat64())
		}
		return x
	}
	for _, k := range []int{1, 2, 3, 4, 5, 7, 8, 9, 31, 255, 256, 257} {
		for _, bs := range []int{16, 37} {
			for _, ab := range [][2]float32{{1, 0}, {-1.5, 1}, {0.25, -2}} {
				a, b := randv(k*mr), randv((k-1)*bs+nr)
				ldc := 19
				c0 := randv(5*ldc + nr)
				if ab[1] == 0 {
					for i := range c0 {
						c0[i] = float32(math.NaN())
					}
				}
				c1, c2 := append([]float32(nil), c0...), append([]float32(nil), c0...)
				rows, pf := mr-k%3, k%2*64 // also fewer rows, and prefetching
				sgemmKernel6x16(k, &a[0], &b[0], bs, &c1[0], ldc, rows, pf, ab[0], ab[1])
				kernelGo(k, &a[0], &b[0], bs, &c2[0], ldc, rows, ab[0], ab[1])
				for i := range mr {
					for j := range ldc {
						idx := i*ldc + j
						if idx >= len(c0) {
							break
						}
						if j >= nr || i >= rows { // outside the tile: untouched
							if math.Float32bits(c1[idx]) != math.Float32bits(c0[idx]) {
								t.Fatalf("k=%d bs=%d: asm wrote outside the tile at %d,%d", k, bs, i, j)
							}
							continue
						}
						var sum, abs float64
						for p := range k {
							v := float64(a[p*mr+i]) * float64(b[p*bs+j])
							sum += v
							abs += math.Abs(v)
						}
						want := float64(ab[0]) * sum
						tol := float64(k+4) * eps32 * math.Abs(float64(ab[0])) * abs
						if ab[1] != 0 {
							want += float64(ab[1]) * float64(c0[idx])
							tol += 4 * eps32 * math.Abs(float64(ab[1])*float64(c0[idx]))
						}
						tol += 1e-30
						for name, got := range map[string]float32{"asm": c1[idx], "go": c2[idx]} {
							if !(math.Abs(float64(got)-want) <= tol) {
								t.Fatalf("k=%d bs=%d alpha,beta=%v: %s C[%d][%d] = %g, want %g ± %.3g", k, bs, ab, name, i, j, got, want, tol)
							}
						}
						if d := math.Abs(float64(c1[idx]) - float64(c2[idx])); d > 2*tol {
							t.Fatalf("k=%d: asm and go differ by %g at %d,%d", k, d, i, j)
						}
					}
				}
			}
		}
	}
	for k := 0; k <= 70; k++ {
		kk := k
		if k == 70 {
			kk = 1027
		}
		rows := [8][]float32{}
		for r := range rows {
			rows[r] = randv(kk + 1)
		}
		var o1 [12]float32
		for i := range o1 {
			o1[i] = float32(i + 1) // the kernels add to out
		}
		o2 := o1
		p := func(r int) *float32 { return &rows[r][0] }
		sdot6x2(kk, p(0), p(1), p(2), p(3), p(4), p(5), p(6), p(7), &o1)
		dotGo(kk, p(0), p(1), p(2), p(3), p(4), p(5), p(6), p(7), &o2)
		for r := range 6 {
			for c := range 2 {
				sum, abs := float64(2*r+c+1), float64(2*r+c+1)
				for p := range kk {
					v := float64(rows[r][p]) * float64(rows[6+c][p])
					sum += v
					abs += math.Abs(v)
				}
				tol := float64(kk+3)*eps32*abs + 1e-30
				for name, got := range map[string]float32{"asm": o1[2*r+c], "go": o2[2*r+c]} {
					if !(math.Abs(float64(got)-sum) <= tol) {
						t.Fatalf("dot k=%d: %s out[%d] = %g, want %g ± %.3g", kk, name, 2*r+c, got, sum, tol)
					}
				}
			}
		}
	}
}

// TestCheckerFails makes sure the comparison rejects a result off by more than the
// float32 bound (so the tests above can fail).
func TestCheckerFails(t *testing.T) {
	s := spec{m: 7, n: 9, k: 300, alpha: 1, beta: 0}
	o := s.inputs(rand.New(rand.NewPCG(4, 4)))
	ref, tol := s.reference(o)
	got := append([]float32(nil), o.c...)
	Sgemm(false, false, s.m, s.n, s.k, 1, o.a, o.lda, o.b, o.ldb, 0, got, o.ldc)
	if err := s.compare(o, got, ref, tol); err != nil {
		t.Fatal(err)
	}
	// Drop one term of one dot product: a typical indexing bug.
	got[3*o.ldc+4] -= o.a[3*o.lda+17] * o.b[17*o.ldb+4]
	if s.compare(o, got, ref, tol) == nil {
		t.Fatal("a missing term went unnoticed")
	}
}

// TestSteadyStateNoAllocs checks that repeated calls of one shape do not allocate, on
// every path, even when garbage collections happen between them.
func TestSteadyStateNoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	for _, sh := range [][3]int{{64, 64, 64}, {216, 10, 2000}, {10, 2000, 216}, {300, 300, 300}, {3, 3, 3}} {
		for _, th := range []int{1, 2} {
			m, n, k := sh[0], sh[1], sh[2]
			a, b, c := make([]float32, m*k), make([]float32, k*n), make([]float32, m*n)
			withThreads(th, func() {
				f := func() { Sgemm(false, true, m, n, k, 1, a, k, b, k, 0, c, n) }
				g := func() { Sgemm(true, false, m, n, k, 1, a, m, b, n, 0, c, n) }
				f()
				g()
				if allocs := testing.AllocsPerRun(20, func() { f(); g() }); allocs != 0 {
					t.Errorf("%v threads=%d: %v allocs per call", sh, th, allocs)
				}
				if allocs := testing.AllocsPerRun(5, func() { runtime.GC(); f(); g() }); allocs != 0 {
					t.Errorf("%v threads=%d, with GC between calls: %v allocs per call", sh, th, allocs)
				}
			})
		}
	}
}

func TestPanics(t *testing.T) {
	a := make([]float32, 12)
	for _, f := range []func(){
		func() { Sgemm(false, false, -1, 2, 2, 1, a, 2, a, 2, 0, a, 2) },
		func() { Sgemm(false, false, 2, 2, 3, 1, a, 2, a, 2, 0, a, 2) },     // lda < k
		func() { Sgemm(false, true, 2, 4, 3, 1, a, 3, a, 2, 0, a, 4) },      // ldb < k
		func() { Sgemm(false, false, 2, 4, 3, 1, a, 3, a, 4, 0, a, 3) },     // ldc < n
		func() { Sgemm(false, false, 4, 4, 4, 1, a, 4, a, 4, 0, a, 4) },     // short slices
		func() { Sgemm(true, false, 3, 2, 4, 1, a[:10], 3, a, 2, 0, a, 2) }, // short a
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			f()
		}()
	}
}

func TestMatMul(t *testing.T) {
	a := []float32{1, 2, 3, 4, 5, 6}    // 2×3
	b := []float32{7, 8, 9, 10, 11, 12} // 3×2
	c := []float32{99, 99, 99, float32(math.NaN())}
	MatMul(2, 2, 3, a, b, c)
	want := []float32{58, 64, 139, 154}
	for i := range want {
		if c[i] != want[i] {
			t.Fatalf("MatMul = %v, want %v", c, want)
		}
	}
}

func FuzzSgemm(f *testing.F) {
	f.Add(uint8(7), uint8(17), uint16(300), uint8(0), uint64(1))
	f.Add(uint8(40), uint8(3), uint16(1030), uint8(3), uint64(2))
	f.Fuzz(func(t *testing.T, m, n uint8, k uint16, flags uint8, seed uint64) {
		s := spec{tA: flags&1 != 0, tB: flags&2 != 0, m: int(m % 80), n: int(n % 80), k: int(k % 1500),
			alpha: 1, beta: float32(flags>>2&3) / 2, pad: int(flags >> 4 & 3)}
		o := s.inputs(rand.New(rand.NewPCG(seed, 5)))
		ref, tol := s.reference(o)
		got := append([]float32(nil), o.c...)
		Sgemm(s.tA, s.tB, s.m, s.n, s.k, s.alpha, o.a, o.lda, o.b, o.ldb, s.beta, got, o.ldc)
		if err := s.compare(o, got, ref, tol); err != nil {
			t.Fatal(err)
		}
	})
}
