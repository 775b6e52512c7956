package figtest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nma-go/nma-go/nma/fig"
)

func figure(slope float64, label string) *fig.Figure {
	p := fig.NewPlot("a line", "x", label)
	fig.Line(p, []float64{0, 1, 2}, []float64{0, slope, 2 * slope})
	return fig.New(p).Size(4, 3)
}

func TestCompareSeesAChangedCurveAndLabel(t *testing.T) {
	a, err := Render(figure(1, "y"))
	if err != nil {
		t.Fatal(err)
	}
	same, _ := Render(figure(1, "y"))
	if frac, _, err := Compare(a, same); err != nil || frac != 0 {
		t.Errorf("the same figure twice: %.4f%% differ (%v), want 0", 100*frac, err)
	}
	for name, f := range map[string]*fig.Figure{"slope 1.1": figure(1.1, "y"), "label z": figure(1, "z")} {
		b, _ := Render(f)
		if frac, _, err := Compare(a, b); err != nil || frac <= MaxDiffFraction {
			t.Errorf("%s: %.4f%% of pixels differ (%v), want more than the %.2f%% budget", name, 100*frac, err, 100*MaxDiffFraction)
		}
	}
	small, _ := Render(figure(1, "y").Size(3, 3))
	if frac, _, _ := Compare(a, small); frac != 1 {
		t.Errorf("different sizes: fraction %v, want 1", frac)
	}
	if _, _, err := Compare([]byte("not a png"), a); err == nil {
		t.Error("a corrupt golden image gives no error")
	}
}

func TestGoldenWritesThenCompares(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	t.Setenv(UpdateEnv, "1")
	Golden(t, "line", figure(1, "y"))
	if _, err := os.Stat(filepath.Join(dir, "testdata", "golden", "line.png")); err != nil {
		t.Fatalf("update mode wrote no image: %v", err)
	}
	t.Setenv(UpdateEnv, "")
	Golden(t, "line", figure(1, "y")) // passes: same image
	ft := &fakeT{TB: t}
	Golden(ft, "line", figure(1.2, "y"))
	if !ft.failed {
		t.Error("a changed figure passed the golden comparison")
	}
}

type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }
func (f *fakeT) Helper()               {}
