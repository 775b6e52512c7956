// Package figtest compares the course's figures with committed golden images, so that a
// changed figure is a visible diff in review (as gonum/plot's cmpimg.CheckPlot does for its
// examples).
//
// A test renders a figure with Golden(t, "name", f); the image is compared with
// testdata/golden/name.png of the test's package. To accept a deliberate change, run the
// tests with NMA_UPDATE_GOLDEN=1 and commit the new PNGs: `make golden` does both for every
// package. On a mismatch the rendered image and a difference image are written to a new
// directory under the system's temporary directory and named in the failure.
package figtest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/nma-go/nma-go/nma/fig"
)

// DPI is the resolution of golden images: small enough to keep them a few tens of KiB, fine
// enough to show a moved line, a changed label or another colour.
const DPI = 72

// PixelDelta is the per-pixel colour distance (YIQ, as cmpimg.EqualApprox measures it, in
// [0, 1]) under which two pixels count as the same.
const PixelDelta = 0.1

// MaxDiffFraction is the share of pixels allowed to differ by more than PixelDelta. Rendering
// is pure Go (vgimg with embedded Liberation fonts), so the same code gives the same image on
// any machine; the budget absorbs anti-aliasing of glyph edges should a font rasteriser or a
// floating-point fused multiply-add differ, while a changed curve, label or colour bar moves
// more pixels than 0.02 % (a one-letter change of an axis label moves ~0.1 %).
const MaxDiffFraction = 0.0002

// UpdateEnv is the environment variable that makes Golden write the image instead of
// comparing.
const UpdateEnv = "NMA_UPDATE_GOLDEN"

// Render returns f as a PNG at DPI dots per inch (f itself is not changed), every pixel
// exact: Figure.PNG may approximate a few antialiased edge pixels by a palette colour, which
// is not a change of the figure.
func Render(f *fig.Figure) ([]byte, error) {
	g := *f
	g.DPI = DPI
	img, err := g.Image()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Golden renders f and compares it with testdata/golden/<name>.png (see the package comment).
func Golden(t testing.TB, name string, f *fig.Figure) {
	t.Helper()
	if f == nil {
		t.Fatalf("figtest.Golden(%q): nil figure", name)
	}
	got, err := Render(f)
	if err != nil {
		t.Fatalf("figtest.Golden(%q): rendering: %v", name, err)
	}
	path := filepath.Join("testdata", "golden", name+".png")
	if os.Getenv(UpdateEnv) != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("figtest.Golden(%q): no golden image (%v); run the test with %s=1 to create it, look at it, and commit it", name, err, UpdateEnv)
	}
	frac, diff, err := Compare(want, got)
	if err != nil {
		t.Fatalf("figtest.Golden(%q): %v", name, err)
	}
	if frac <= MaxDiffFraction {
		return
	}
	dir, err := os.MkdirTemp("", "nma-golden-")
	if err != nil {
		dir = os.TempDir()
	}
	gotPath, diffPath := filepath.Join(dir, name+".got.png"), filepath.Join(dir, name+".diff.png")
	_ = os.WriteFile(gotPath, got, 0o644)
	if diff != nil {
		var buf bytes.Buffer
		if png.Encode(&buf, diff) == nil {
			_ = os.WriteFile(diffPath, buf.Bytes(), 0o644)
		}
	}
	t.Errorf("figure %q differs from %s in %.2f%% of its pixels (allowed %.2f%%): rendered %s, difference %s; if the change is intended, rerun with %s=1 and commit the image",
		name, path, 100*frac, 100*MaxDiffFraction, gotPath, diffPath, UpdateEnv)
}

// Compare decodes two PNGs and returns the fraction of pixels whose colours differ by more
// than PixelDelta, and an image of the differences (differing pixels red on the faded
// golden image). Images of different sizes
// differ in every pixel (fraction 1).
func Compare(wantPNG, gotPNG []byte) (float64, image.Image, error) {
	a, err := png.Decode(bytes.NewReader(wantPNG))
	if err != nil {
		return 0, nil, fmt.Errorf("decoding the golden image: %w", err)
	}
	b, err := png.Decode(bytes.NewReader(gotPNG))
	if err != nil {
		return 0, nil, fmt.Errorf("decoding the rendered image: %w", err)
	}
	if a.Bounds().Size() != b.Bounds().Size() {
		return 1, nil, nil
	}
	diff := image.NewRGBA(image.Rect(0, 0, a.Bounds().Dx(), a.Bounds().Dy()))
	n, bad := 0, 0
	ab, bb := a.Bounds(), b.Bounds()
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			n++
			ca, cb := a.At(ab.Min.X+x, ab.Min.Y+y), b.At(bb.Min.X+x, bb.Min.Y+y)
			if !same(ca, cb) {
				bad++
				diff.Set(x, y, color.RGBA{R: 255, A: 255})
				continue
			}
			g := color.GrayModel.Convert(ca).(color.Gray)
			diff.Set(x, y, color.Gray{Y: 192 + g.Y/4}) // the figure, faded
		}
	}
	return float64(bad) / float64(n), diff, nil
}

// same compares two colours by their YIQ distance, as gonum/plot's cmpimg does.
func same(c1, c2 color.Color) bool {
	r1, g1, b1, _ := c1.RGBA()
	r2, g2, b2, _ := c2.RGBA()
	y := func(r, g, b uint32) (float64, float64, float64) {
		rf, gf, bf := float64(r)/0xffff, float64(g)/0xffff, float64(b)/0xffff
		return 0.299*rf + 0.587*gf + 0.114*bf, 0.596*rf - 0.274*gf - 0.322*bf, 0.211*rf - 0.523*gf + 0.312*bf
	}
	y1, i1, q1 := y(r1, g1, b1)
	y2, i2, q2 := y(r2, g2, b2)
	d := 0.5053*(y1-y2)*(y1-y2) + 0.299*(i1-i2)*(i1-i2) + 0.1957*(q1-q2)*(q1-q2)
	return d <= PixelDelta*PixelDelta
}
