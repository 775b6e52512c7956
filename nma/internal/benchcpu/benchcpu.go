// Package benchcpu measures benchmarks in CPU time as well as wall time: on a shared machine
// the CPU time a process uses per operation varies much less than its wall time. It is the one
// home of this helper for the library's benchmarks (neuron, linsys, rng, gemm).
package benchcpu

import (
	"testing"
)

// Loop runs f in b.Loop and reports the process's CPU time per call as cpu-ns/op next to
// the wall time (run with -cpu 1 for the time of one thread). Where the platform cannot
// tell the process's CPU time (Process returns 0), no metric is reported.
func Loop(b *testing.B, f func() error) {
	b.Helper()
	start := Process()
	for b.Loop() {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	if end := Process(); end > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}
