//go:build unix

package gemm

import (
	"syscall"
	"time"
)

// processCPUTime returns the user and system CPU time the process has used.
func processCPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
