package gemm

import "fmt"

// Sgemm computes C = alpha·op(A)·op(B) + beta·C for row-major float32 matrices, where
// op(X) is X, or Xᵀ when the corresponding trans flag is set; op(A) is m×k, op(B) is
// k×n and C is m×n. lda, ldb and ldc are the strides between consecutive rows of the
// stored matrices a (m×k, or k×m when transA), b (k×n, or n×k when transB) and c.
//
// The semantics are those of BLAS sgemm: when beta is zero C is not read (NaNs or
// infinities in it are overwritten), when alpha is zero or k is zero A and B are not
// read and C is only scaled by beta. Sgemm panics on inconsistent sizes or strides.
// It may use several goroutines (see SetThreads) and is safe for concurrent use on
// distinct outputs.
func Sgemm(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	ar, ac := m, k
	if transA {
		ar, ac = k, m
	}
	br, bc := k, n
	if transB {
		br, bc = n, k
	}
	switch {
	case m < 0 || n < 0 || k < 0:
		panic(fmt.Sprintf("gemm: negative dimension m=%d n=%d k=%d", m, n, k))
	case lda < max(1, ac):
		panic(fmt.Sprintf("gemm: lda=%d < %d", lda, max(1, ac)))
	case ldb < max(1, bc):
		panic(fmt.Sprintf("gemm: ldb=%d < %d", ldb, max(1, bc)))
	case ldc < max(1, n):
		panic(fmt.Sprintf("gemm: ldc=%d < %d", ldc, max(1, n)))
	}
	if m == 0 || n == 0 {
		return
	}
	if len(c) < (m-1)*ldc+n {
		panic(fmt.Sprintf("gemm: len(c)=%d < %d", len(c), (m-1)*ldc+n))
	}
	if alpha == 0 || k == 0 {
		scale(m, n, beta, c, ldc)
		return
	}
	if len(a) < (ar-1)*lda+ac {
		panic(fmt.Sprintf("gemm: len(a)=%d < %d", len(a), (ar-1)*lda+ac))
	}
	if len(b) < (br-1)*ldb+bc {
		panic(fmt.Sprintf("gemm: len(b)=%d < %d", len(b), (br-1)*ldb+bc))
	}
	newProblem(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc).run()
}

// newProblem returns the strided views of Sgemm's arguments.
func newProblem(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) problem {
	p := problem{m: m, n: n, k: k, alpha: alpha, beta: beta, a: a, b: b, c: c, crs: ldc, ccs: 1}
	p.ars, p.acs = lda, 1
	if transA {
		p.ars, p.acs = 1, lda
	}
	p.brs, p.bcs = ldb, 1
	if transB {
		p.brs, p.bcs = 1, ldb
	}
	return p
}

// MatMul sets c = a·b for dense row-major matrices: a is m×k, b is k×n and c is m×n,
// each stored without padding between rows.
func MatMul(m, n, k int, a, b, c []float32) {
	Sgemm(false, false, m, n, k, 1, a, max(k, 1), b, max(n, 1), 0, c, max(n, 1))
}

// scale sets C = beta·C, writing zeros (not reading C) when beta is zero.
func scale(m, n int, beta float32, c []float32, ldc int) {
	if beta == 1 {
		return
	}
	for i := 0; i < m; i++ {
		row := c[i*ldc : i*ldc+n]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}

// problem is one product C = alpha·op(A)·op(B) + beta·C with strided views:
// op(A)[i][p] = a[i*ars+p*acs], op(B)[p][j] = b[p*brs+j*bcs], C[i][j] = c[i*crs+j*ccs].
// One stride of each operand is 1.
type problem struct {
	m, n, k     int
	alpha, beta float32
	a, b, c     []float32
	ars, acs    int
	brs, bcs    int
	crs, ccs    int
}

// work returns the number of multiply-adds, m·n·k.
func (p problem) work() int64 { return int64(p.m) * int64(p.n) * int64(p.k) }

// transposed returns the problem Cᵀ = op(B)ᵀ·op(A)ᵀ, which computes the same numbers.
func (p problem) transposed() problem {
	p.m, p.n = p.n, p.m
	p.a, p.b = p.b, p.a
	p.ars, p.acs, p.brs, p.bcs = p.bcs, p.brs, p.acs, p.ars
	p.crs, p.ccs = p.ccs, p.crs
	return p
}

// Tuning constants (in float32 elements).
const (
	mr = 6  // rows of the micro-tile
	nr = 16 // columns of the micro-tile

	skinny   = 32   // m or n at most this is a skinny product
	dotMinK  = 64   // shortest k for the dot-product path
	smallMNK = 2048 // m·n·k at most this runs the simple loops

	minWorkPerThread = 1 << 20 // multiply-adds that justify another thread
)

// path says which algorithm a problem uses.
type path int

const (
	pathSmall  path = iota // simple loops, for tiny products
	pathPacked             // packed panels and the 6×16 kernel
	pathDirect             // 6×16 kernel reading op(B) in place (m small, op(B) row-contiguous)
	pathDot                // dot-product kernel (large operand contiguous along k)
)

// plan picks the algorithm, possibly after transposing the problem.
func (p problem) plan() (problem, path) {
	if p.work() <= smallMNK {
		return p, pathSmall
	}
	// Make m the small dimension of a skinny product.
	q := p
	if q.n <= skinny && q.m > q.n {
		q = q.transposed()
	}
	if q.m <= skinny {
		if q.brs != 1 {
			return q, pathDirect // rows of op(B) contiguous along n
		}
		if q.k >= dotMinK {
			return q, pathDot // columns of op(B) contiguous along k
		}
	}
	return p, pathPacked
}

func (p problem) run() {
	q, pa := p.plan()
	if pa == pathSmall {
		q.small()
		return
	}
	q.parallel(pa)
}

// small computes the product with plain loops (used for tiny problems).
func (p *problem) small() {
	for i := 0; i < p.m; i++ {
		for j := 0; j < p.n; j++ {
			var s float32
			for l := 0; l < p.k; l++ {
				s += p.a[i*p.ars+l*p.acs] * p.b[l*p.brs+j*p.bcs]
			}
			ci := i*p.crs + j*p.ccs
			if p.beta == 0 {
				p.c[ci] = p.alpha * s
			} else {
				p.c[ci] = p.alpha*s + p.beta*p.c[ci]
			}
		}
	}
}

// Tuning variables (in float32 elements, or bytes for directPrefetch).
var (
	kcBlock        = 256  // k block of the packed path
	mcBlock        = 144  // rows of op(A) packed at once (mc·kc·4 bytes = 144 KiB, in L2)
	ncBlock        = 3072 // columns of op(B) packed at once (kc·nc·4 bytes = 3 MiB, in L3)
	kcDot          = 1024 // k block of the dot-product path
	dotGroup       = 4    // fours of columns of op(B) sharing a k-block of op(A) in the dot path
	kcDirect       = 256  // k block of the direct path (each row of it is another page of B)
	directPrefetch = 128  // prefetch distance along a row of B in the direct path
)
