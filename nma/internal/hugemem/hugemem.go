// Package hugemem allocates the large results of the simulations (time series of 10⁵–10⁷
// steps, megabytes each) the way NumPy allocates its large arrays on Linux: it asks the
// kernel for transparent huge pages (madvise MADV_HUGEPAGE) before the slice is first
// written, so that the memory arrives 2 MiB at a time instead of one 4 KiB page fault at a
// time. NumPy does this for every array of at least 4 MiB (numpy/core/src/multiarray/
// alloc.c, "hugepage_threshold"); Go's runtime leaves it to the system's default, which is
// "madvise" (only when asked) on most distributions.
//
// It matters because every notebook cell is a fresh process, whose memory has never been
// touched: on the 2-core course machine (a virtual machine) a 4 KiB page fault costs 2–4 µs,
// so the 24 MB that integrate_exponential returns for 10⁶ steps cost 12 ms in page faults
// against 5 ms for the Euler loop itself, and 2.5 ms with huge pages (measured with a
// program that touches a fresh 24 MB mapping, three runs each).
//
// It is a hint: where huge pages are off ("never"), unsupported, or the slice is below the
// threshold, Make is make. The values are the zero values either way.
package hugemem

import "unsafe"

// Threshold is the size in bytes from which Make asks for huge pages (NumPy's: 4 MiB).
const Threshold = 4 << 20

// hugePage is the size of a transparent huge page on amd64 and arm64 Linux.
const hugePage = 2 << 20

// Make returns make([]T, n), asking for huge pages when the slice is at least Threshold
// bytes. The advice covers the whole 2 MiB pages inside the slice, so no other object's
// memory is affected.
func Make[T any](n int) []T {
	s := make([]T, n)
	var zero T
	size := uintptr(n) * unsafe.Sizeof(zero)
	if size < Threshold {
		return s
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	addr := uintptr(p)
	start := (addr + hugePage - 1) &^ (hugePage - 1)
	end := (addr + size) &^ (hugePage - 1)
	if end > start {
		adviseHuge(unsafe.Add(p, start-addr), end-start)
	}
	return s
}
