//go:build unix

package benchcmp

import (
	"math"
	"syscall"
)

// cpuSeconds is the CPU time (user + system) the process has used, all threads together.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return math.NaN()
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
