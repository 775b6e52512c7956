package hugemem

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// vmFlags returns the VmFlags of the mapping that holds addr, from /proc/self/smaps.
func vmFlags(t *testing.T, addr uintptr) []string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		// a mapping's first line starts with its range, "7f2a4c000000-7f2a4c400000 rw-p …"
		if first, _, _ := strings.Cut(line, " "); strings.Contains(first, "-") {
			lo, hi, _ := strings.Cut(first, "-")
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				in = uint64(addr) >= a && uint64(addr) < b
				continue
			}
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.Fields(strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	t.Fatalf("no mapping in /proc/self/smaps holds %#x", addr)
	return nil
}

// A slice of at least Threshold bytes is zero, has its length, and — where the kernel offers
// transparent huge pages — the whole 2 MiB pages inside it are marked for them ("hg" in the
// mapping's VmFlags), before anything was written.
func TestMakeAdvisesHugePages(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("transparent huge pages are Linux's")
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("transparent huge pages are off here (%q, %v)", mode, err)
	}
	for _, n := range []int{Threshold / 8, 3 << 20} { // 4 MiB and 24 MiB of float64
		s := Make[float64](n)
		if len(s) != n {
			t.Fatalf("Make(%d) has length %d", n, len(s))
		}
		for i, v := range s {
			if v != 0 {
				t.Fatalf("Make(%d)[%d] = %g, want 0", n, i, v)
			}
		}
		p := uintptr(unsafe.Pointer(&s[0]))
		inner := (p + hugePage - 1) &^ (hugePage - 1)
		if inner+hugePage > p+uintptr(n)*8 {
			t.Fatalf("Make(%d) at %#x holds no whole huge page", n, p)
		}
		if flags := vmFlags(t, inner); !contains(flags, "hg") {
			t.Errorf("Make(%d): the huge page at %#x is not marked MADV_HUGEPAGE (VmFlags %v)", n, inner, flags)
		}
		runtime.KeepAlive(s)
	}
}

// Below the threshold Make is make: the values and the length, nothing else to see.
func TestMakeSmall(t *testing.T) {
	s := Make[complex128](1000)
	if len(s) != 1000 || s[999] != 0 {
		t.Fatalf("Make[complex128](1000) = len %d, last %v", len(s), s[999])
	}
	if e := Make[float64](0); len(e) != 0 {
		t.Fatalf("Make(0) has length %d", len(e))
	}
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
