package benchcpu

import (
	"runtime"
	"testing"
	"time"
)

func TestProcessGrowsWithWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no process CPU time here")
	}
	start := Process()
	x := 0.0
	for deadline := time.Now().Add(50 * time.Millisecond); time.Now().Before(deadline); {
		for i := range 10000 {
			x += float64(i)
		}
	}
	if d := Process() - start; d < 10*time.Millisecond || x == 0 {
		t.Errorf("50 ms of busy work used %v of CPU, want at least 10 ms", d)
	}
}
