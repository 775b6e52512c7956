//go:build !linux

package hugemem

import "unsafe"

// adviseHuge does nothing: transparent huge pages are Linux's.
func adviseHuge(p unsafe.Pointer, n uintptr) {}
