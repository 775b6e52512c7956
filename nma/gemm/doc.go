// Package gemm is a float32 general matrix multiply for the W2D1 deep-learning networks:
// Sgemm computes C = alpha·op(A)·op(B) + beta·C on row-major matrices, with the BLAS
// meaning of every argument (cblas_sgemm with CblasRowMajor), and MatMul is the common
// alpha=1, beta=0 case on dense matrices.
//
// # Layout and blocking
//
// Matrices are row-major with a leading dimension (stride between rows) that may exceed
// the number of columns. Internally every operand is a (data, row stride, column stride)
// view, so a transposed operand is the same view with its strides exchanged, and
// C = A·B can be computed as Cᵀ = Bᵀ·Aᵀ by exchanging the roles of the operands.
//
// Large products follow the BLIS/GotoBLAS scheme: the k dimension is cut into blocks of
// kc = 256, the columns of op(B) into blocks of nc, the rows of op(A) into blocks of mc.
// A kc×nc block of op(B) is packed into contiguous panels of 16 columns (each kc×16,
// row after row), an mc×kc block of op(A) into panels of 6 rows (each kc×6, column
// after column), zero-padded at the edges; the micro-kernel then multiplies one A panel
// by one B panel into a 6×16 tile of C. The B panel (16 KiB) stays in L1, the A block
// (mc·kc floats) in L2, the B block in L3.
//
// Skinny products, where one of m and n is small (at most 32, as in a layer of 10 hidden
// units) and the other large, do not pack the large operand, since each of its elements
// is used only a few times and packing would cost as much as the arithmetic (the
// problem is first transposed if needed so that m is the small dimension):
//
//   - when the large operand is contiguous along k (A·Bᵀ, the forward pass of a linear
//     layer x·Wᵀ), a dot-product kernel computes a 2×6 block of C from 2 rows of the
//     small operand and 6 of the large one, streaming them along k with 12 vector
//     accumulators; the large rows are read once, in k-blocks of 1024 that stay in L1,
//     and the dot products are accumulated in a small buffer before C is written;
//   - when the large operand is contiguous along the large dimension (Aᵀ·B, the weight
//     gradient gᵀ·x), the 6×16 micro-kernel reads full 16-column panels of op(B) in
//     place (stride ldb), prefetching two panels ahead along each row since every row
//     of a panel is on another page; k is cut into blocks of 256 rows so that the pages
//     of a panel stay within the TLB, and only the small operand and the edge panels
//     are packed.
//
// # Kernels
//
// On amd64 with AVX2 and FMA (detected at run time with golang.org/x/sys/cpu) the two
// kernels are Go assembly (gemm_amd64.s). The 6×16 kernel keeps the tile in 12 ymm
// registers, and per step of k loads two 8-float vectors of B, broadcasts six values
// of A and issues 12 fused multiply-adds (unrolled four times); its epilogue writes
// the first rows (1 to 6) of alpha·acc + beta·C, not reading C when beta is zero, so
// that NaNs in C are ignored as BLAS requires. Tiles cut by the right edge of C, or of
// a transposed C, go through a 6×16 buffer. The dot kernel keeps 12 accumulators of
// 8 lanes (6 rows × 2 rows), loads the last k mod 8 floats with masked loads (never
// reading past a row) and reduces the lanes with horizontal adds. Everywhere else
// (other architectures, CPUs without AVX2/FMA, or the purego build tag) pure-Go
// kernels with the same data layout are used; they give the same results up to the
// order of float32 rounding (the assembly fuses multiply and add).
//
// # Threads
//
// A product of enough work (about 2²⁰ multiply-adds per thread) is split into as many
// parts as Threads() (GOMAXPROCS by default, see SetThreads): disjoint column ranges
// of C (row ranges for a packed product with more rows than columns), aligned to the
// tile size, each computed by the single-threaded algorithm with its own packing
// buffers. The parts run on persistent worker goroutines and the calling goroutine,
// and packing buffers are kept between calls in a small free list (not a sync.Pool,
// which garbage collections empty), so a repeated call of the same shape does not
// allocate, even in a program that collects garbage between calls.
package gemm
