package figfile

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/fig"
)

func sample() *fig.Figure {
	p := fig.NewPlot("title", "x", "$r_E$")
	fig.Line(p, []float64{0, 1, 2}, []float64{0, 1, 4})
	return fig.New(p)
}

func TestSaveFormats(t *testing.T) {
	dir := t.TempDir()
	for ext, magic := range map[string]string{".png": "\x89PNG", ".svg": "<?xml", ".pdf": "%PDF"} {
		p := filepath.Join(dir, "f"+ext)
		if err := Save(sample(), p); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(p)
		if len(data) < 500 || !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s: %d bytes starting %q, want a %s file", ext, len(data), data[:min(8, len(data))], magic)
		}
		if ext == ".svg" && !strings.Contains(string(data), "@font-face") {
			t.Error("SVG must embed its fonts")
		}
	}
	if err := Save(sample(), filepath.Join(dir, "f.bmp")); err == nil || !strings.Contains(err.Error(), `extension ".bmp"`) {
		t.Errorf("Save(.bmp) = %v", err)
	}
}

// TestFigLinksNoVectorBackEnd: the reason this package exists — a program that imports
// nma/fig (with gonum/plot's minimal build tag, as the notebooks' setup cell sets) links no
// PDF, SVG, EPS or TeX back end.
func TestFigLinksNoVectorBackEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("go list")
	}
	out, err := exec.Command("go", "list", "-tags", "minimal", "-deps", "github.com/nma-go/nma-go/nma/fig").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, be := range []string{"vgpdf", "vgsvg", "vgeps", "vgtex"} {
		if strings.Contains(string(out), "gonum.org/v1/plot/vg/"+be+"\n") {
			t.Errorf("nma/fig links gonum.org/v1/plot/vg/%s", be)
		}
	}
}
