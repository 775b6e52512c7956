package gemm

import (
	"syscall"
	"testing"
	"unsafe"
)

// guarded returns a float32 slice of length n whose last element is the last one
// before an inaccessible page, so that any read past its end faults. The memory is
// released when the test ends.
func guarded(t *testing.T, n int) []float32 {
	t.Helper()
	page := syscall.Getpagesize()
	size := (n*4+page-1)/page*page + page
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip("mmap:", err)
	}
	t.Cleanup(func() { syscall.Munmap(mem) })
	if err := syscall.Mprotect(mem[size-page:], syscall.PROT_NONE); err != nil {
		t.Skip("mprotect:", err)
	}
	end := size - page
	return unsafe.Slice((*float32)(unsafe.Pointer(&mem[end-n*4])), n)
}

// TestNoReadPastEnd runs every path with A, B and C ending right before a guard page:
// an out-of-bounds read or write by a kernel (which Go's bounds checks cannot see in
// assembly) crashes the test.
func TestNoReadPastEnd(t *testing.T) {
	ps := prepare(6)
	withKernels(t, func(t *testing.T) {
		for _, p := range ps {
			s, o := p.s, p.o
			if s.m == 0 || s.n == 0 || s.k == 0 || s.alpha == 0 {
				continue
			}
			ga, gb := guarded(t, len(o.a)), guarded(t, len(o.b))
			copy(ga, o.a)
			copy(gb, o.b)
			for _, tr := range []bool{false, true} {
				for _, pa := range []path{pathPacked, pathDirect, pathDot} {
					gc := guarded(t, len(o.c))
					copy(gc, o.c)
					q := newProblem(s.tA, s.tB, s.m, s.n, s.k, s.alpha, ga, o.lda, gb, o.ldb, s.beta, gc, o.ldc)
					if tr {
						q = q.transposed()
					}
					if pa == pathDirect && q.bcs != 1 || pa == pathDot && q.brs != 1 {
						continue
					}
					q.parallel(pa)
					if err := s.compare(o, gc, p.ref, p.tol); err != nil {
						t.Fatalf("path %d, transposed=%v: %v", pa, tr, err)
					}
				}
			}
		}
	})
}
