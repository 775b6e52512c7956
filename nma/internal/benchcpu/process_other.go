//go:build !unix

package benchcpu

import "time"

// Process is the CPU time the process has used; this platform does not say (0).
func Process() time.Duration { return 0 }
