//go:build linux

package hugemem

import (
	"syscall"
	"unsafe"
)

// adviseHuge marks the n bytes from p MADV_HUGEPAGE. The error is dropped: the advice is a
// hint, and the kernel refuses it only where huge pages are unavailable (EINVAL).
func adviseHuge(p unsafe.Pointer, n uintptr) {
	_ = syscall.Madvise(unsafe.Slice((*byte)(p), n), syscall.MADV_HUGEPAGE)
}
