package all

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/exercises/w2d4"
	"github.com/nma-go/nma-go/nma/checkout"
	"github.com/nma-go/nma-go/nma/notebook"
)

// The Go primer teaches exercises and checks from the real thing: it quotes the stub of
// W2D4.T1.E1 as exercises/w2d4 has it, and the lines the check prints today for that stub
// (not done) and for the primer's wrong function `straight` (whose cell shows the same
// verdict when it runs).
func TestPrimerQuotesRealVerdicts(t *testing.T) {
	root, err := checkout.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, "notebooks", "src", notebook.PrimerName+".md"))
	if err != nil {
		t.Fatal(err)
	}
	e, ok := ByID("W2D4.T1.E1")
	if !ok {
		t.Fatal("W2D4.T1.E1 is not registered")
	}
	straight := w2d4.FFunc(func(x, a, theta float64) float64 { return x / 10 })
	for what, line := range map[string]string{
		"the stub's not-done line": "⏳ " + e.Check(e.Stub).String(),
		"the verdict on straight":  w2d4.CheckF(straight).String(),
	} {
		if !strings.Contains(string(src), line) {
			t.Errorf("notebooks/src/%s.md does not quote %s as the check prints it now; update the primer to:\n%s", notebook.PrimerName, what, line)
		}
	}
	stub, err := notebook.FuncDecls(filepath.Join(root, "exercises", e.Day()), e.Funcs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), stub["F"]) {
		t.Errorf("notebooks/src/%s.md does not quote the stub of W2D4.T1.E1 as exercises/w2d4 has it now:\n%s", notebook.PrimerName, stub["F"])
	}
	if !strings.Contains(string(src), "straight := func(x, a, theta float64) float64 { return x / 10 }") {
		t.Errorf("the primer's cell no longer defines straight as this test does")
	}
}
