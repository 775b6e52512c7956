package w2d1

import (
	"fmt"
	"os"
	"sync"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
)

// quietMu serialises the probes that silence standard output.
var quietMu sync.Mutex

// quiet runs f with standard output discarded, so that the progress lines the function
// prints while a probe runs it do not clutter the notebook. Probes record their observations
// after quiet returns, so that the order of the observations never depends on it.
func quiet(f func()) {
	quietMu.Lock()
	defer quietMu.Unlock()
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		f()
		return
	}
	old := os.Stdout
	os.Stdout = devnull
	defer func() {
		os.Stdout = old
		devnull.Close()
	}()
	f()
}

// recordTensor records a tensor the implementation returned for the inputs named by in:
// that it is one (not nil), its shape, and its values within tol. It reports whether got is
// a tensor, so that the probe can stop before it uses a nil one (the comparison has already
// failed there).
func recordTensor(r *exercise.Recorder, in string, got *nn.Tensor, tol float64) bool {
	r.Require(in+": expected a tensor, not nil", got != nil)
	if got == nil {
		return false
	}
	r.Floats(in+": shape", ints(got.Shape), 0)
	r.Floats(in, got.Data, tol)
	return true
}

// ints converts integers (a shape, indices) to the float64s a Recorder records.
func ints(v []int) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

func shape(t *nn.Tensor) string {
	if t == nil {
		return "nil"
	}
	return fmt.Sprint(t.Shape)
}
