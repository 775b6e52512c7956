//go:build unix

package benchcpu

import (
	"syscall"
	"time"
)

// Process is the CPU time (user + system) the process has used, or 0 if unknown.
func Process() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
