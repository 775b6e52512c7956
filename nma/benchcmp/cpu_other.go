//go:build !unix

package benchcmp

import "math"

// cpuSeconds is not measured here (NaN): the table shows "–" for the CPU-time ratio.
func cpuSeconds() float64 { return math.NaN() }
