package pngenc

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// A smooth colour ramp has too many colours for a palette: it stays full colour.
func TestPaletteFallsBackForSmoothColours(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 512, 64))
	for y := range 64 {
		for x := range 512 {
			img.SetRGBA(x, y, color.RGBA{uint8(x / 2), uint8(y * 4), uint8(255 - x/2), 255})
		}
	}
	if Paletted(img, 0.10) != nil {
		t.Error("a ramp of 16384 colours was reduced to 256")
	}
	small := image.NewRGBA(image.Rect(0, 0, 20, 20))
	for y := range 20 {
		for x := range 20 {
			small.SetRGBA(x, y, color.RGBA{uint8(10 * x), uint8(10 * y), 0, 255}) // 400 colours, each 0.25%
		}
	}
	if Paletted(small, 0.10) != nil {
		t.Error("400 equally frequent colours were reduced to 256 (36% of the pixels changed)")
	}
	two := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := range two.Pix {
		two.Pix[i] = 255
	}
	two.SetRGBA(1, 1, color.RGBA{255, 0, 0, 255})
	p := Paletted(two, 0.10)
	if p == nil || len(p.Palette) != 2 || p.ColorIndexAt(1, 1) != 1 || p.ColorIndexAt(0, 0) != 0 {
		t.Errorf("two colours: %v", p)
	}
}

// An image of at most 256 colours is encoded losslessly with a palette; one with more
// keeps every pixel when no approximation is allowed (maxOff 0).
func TestEncodeRoundTrip(t *testing.T) {
	few := image.NewRGBA(image.Rect(0, 0, 40, 30))
	many := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for y := range 30 {
		for x := range 40 {
			few.SetRGBA(x, y, color.RGBA{uint8(x * 6), uint8(y % 5 * 50), 7, 255})        // 200 colours
			many.SetRGBA(x, y, color.RGBA{uint8(x * 6), uint8(y * 8), uint8(x ^ y), 255}) // 1200
		}
	}
	for _, c := range []struct {
		name    string
		img     *image.RGBA
		maxOff  float64
		palette bool
	}{{"200 colours", few, 0, true}, {"1200 colours", many, 0, false}} {
		b, err := Encode(c.img, c.maxOff)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got.(*image.Paletted); ok != c.palette {
			t.Errorf("%s: decoded a %T, palette %v wanted", c.name, got, c.palette)
		}
		for y := range 30 {
			for x := range 40 {
				r, g, bl, _ := got.At(x, y).RGBA()
				w := c.img.RGBAAt(x, y)
				if uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(bl>>8) != w.B {
					t.Fatalf("%s: pixel (%d, %d) is %d %d %d, want %v", c.name, x, y, r>>8, g>>8, bl>>8, w)
				}
			}
		}
	}
}

func TestEncodeRejectsBadMaxOff(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	for _, m := range []float64{-0.1, 1.5} {
		if _, err := Encode(img, m); err == nil || !bytes.Contains([]byte(err.Error()), []byte("maxOff=")) {
			t.Errorf("maxOff %g: error %v, want one naming maxOff", m, err)
		}
	}
}

// Changed counts the pixels whose largest channel difference exceeds each threshold.
func TestChanged(t *testing.T) {
	a := image.NewRGBA(image.Rect(0, 0, 10, 10))
	b := image.NewRGBA(image.Rect(0, 0, 10, 10))
	b.SetRGBA(1, 1, color.RGBA{0, 20, 0, 0})  // differs by 20
	b.SetRGBA(2, 2, color.RGBA{0, 0, 200, 0}) // by 200
	fr, err := Changed(a, b, 0, 16, 32)
	if err != nil {
		t.Fatal(err)
	}
	if fr[0] != 0.02 || fr[1] != 0.02 || fr[2] != 0.01 {
		t.Errorf("fractions %v, want [0.02 0.02 0.01]", fr)
	}
	if _, err := Changed(a, image.NewRGBA(image.Rect(0, 0, 9, 10)), 0); err == nil {
		t.Error("different bounds, no error")
	}
}
