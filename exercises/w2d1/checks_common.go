package w2d1

import (
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
)

// quietMu serialises the checks that silence standard output.
var quietMu sync.Mutex

// quiet runs f with standard output discarded, so that the progress lines the solution and
// the student's function print while a check runs them do not clutter the notebook.
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

// tensorEq compares two tensors' shapes and values, naming the first difference.
func tensorEq(c *exercise.C, in string, want, got *nn.Tensor, tol float64) {
	if got == nil {
		c.Fail("%s: got nil, expected a tensor of shape %v", in, want.Shape)
	}
	c.True(slices.Equal(want.Shape, got.Shape), "%s: expected shape %v, got %v", in, want.Shape, got.Shape)
	c.Floats(in, want.Data, got.Data, tol)
}

func shape(t *nn.Tensor) string {
	if t == nil {
		return "nil"
	}
	return fmt.Sprint(t.Shape)
}
