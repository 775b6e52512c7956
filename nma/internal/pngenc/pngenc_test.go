package pngenc

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"slices"
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

// mapPaletted is Paletted as it was before the colour table (Go maps, a byte at a time):
// the oracle the faster one must match exactly.
func mapPaletted(img *image.RGBA, maxOff float64) *image.Paletted {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	count := map[uint32]int{}
	last, run := uint32(1<<31), 0
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for i := 0; i < len(row); i += 4 {
			if row[i+3] != 255 {
				return nil
			}
			c := uint32(row[i])<<16 | uint32(row[i+1])<<8 | uint32(row[i+2])
			if c == last {
				run++
				continue
			}
			if run > 0 {
				count[last] += run
			}
			last, run = c, 1
		}
	}
	count[last] += run
	colours := make([]uint32, 0, len(count))
	for c := range count {
		colours = append(colours, c)
	}
	slices.SortFunc(colours, func(a, b uint32) int {
		if count[a] != count[b] {
			return count[b] - count[a] // most frequent first
		}
		return int(a) - int(b) // deterministic on ties
	})
	if len(colours) > 256 {
		off := 0
		for _, c := range colours[256:] {
			off += count[c]
		}
		if float64(off) > maxOff*float64(w*h) {
			return nil
		}
		colours = colours[:256]
	}
	pal := make(color.Palette, len(colours))
	index := make(map[uint32]uint8, 2*len(colours))
	for i, c := range colours {
		pal[i] = color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 255}
		index[c] = uint8(i)
	}
	nearest := func(c uint32) uint8 {
		if x, ok := index[c]; ok {
			return x
		}
		best, bestD := 0, 1<<30
		for i, q := range colours {
			dr := int(q>>16&255) - int(c>>16&255)
			dg := int(q>>8&255) - int(c>>8&255)
			db := int(q&255) - int(c&255)
			if d := dr*dr + dg*dg + db*db; d < bestD {
				best, bestD = i, d
			}
		}
		index[c] = uint8(best)
		return uint8(best)
	}
	out := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		dst := out.Pix[y*out.Stride : y*out.Stride+w]
		lastC, lastX := uint32(1<<31), uint8(0)
		for x := 0; x < w; x++ {
			i := 4 * x
			c := uint32(row[i])<<16 | uint32(row[i+1])<<8 | uint32(row[i+2])
			if c != lastC {
				lastC, lastX = c, nearest(c)
			}
			dst[x] = lastX
		}
	}
	return out
}

// The colour table and four-byte reads change nothing: the same palette, in the same order,
// and the same indices as the map-based version on images of 1–600 colours with runs, a
// non-opaque pixel now and then, and a figure-like image (white, antialiased lines).
func TestPalettedMatchesTheMapVersion(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var imgs []*image.RGBA
	for range 200 {
		m := image.NewRGBA(image.Rect(0, 0, 1+r.IntN(60), 1+r.IntN(40)))
		nc := 1 + r.IntN(600)
		for i := 0; i < len(m.Pix); i += 4 {
			c := uint32(r.IntN(nc)) * 2654435761
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = uint8(c), uint8(c>>8), uint8(c>>16), 255
			if r.IntN(3) == 0 && i >= 4 {
				copy(m.Pix[i:i+4], m.Pix[i-4:i])
			}
		}
		if r.IntN(10) == 0 {
			m.Pix[3+4*r.IntN(len(m.Pix)/4)] = 254
		}
		imgs = append(imgs, m)
	}
	fig := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for i := range fig.Pix {
		fig.Pix[i] = 255
	}
	for k := range 40 { // lines with antialiased edges: ~1,000 colours, most of them rare
		y0 := 5 + 7*k
		for x := range 400 {
			y := y0 + x*k/97%20
			if y+1 >= 300 {
				continue
			}
			a := uint8(x * 37 % 256)
			fig.SetRGBA(x, y, color.RGBA{uint8(k * 6), 80, 200, 255})
			fig.SetRGBA(x, y+1, color.RGBA{255 - a/2, 255 - a/3, 255, 255})
		}
	}
	imgs = append(imgs, fig, image.NewRGBA(image.Rect(0, 0, 3, 3)))
	for i, m := range imgs {
		for _, off := range []float64{0, 0.1, 1} {
			want, got := mapPaletted(m, off), Paletted(m, off)
			if (want == nil) != (got == nil) {
				t.Fatalf("image %d, maxOff %g: palette %v, want %v", i, off, got != nil, want != nil)
			}
			if want == nil {
				continue
			}
			if !bytes.Equal(want.Pix, got.Pix) || len(want.Palette) != len(got.Palette) {
				t.Fatalf("image %d, maxOff %g: indices or palette size differ", i, off)
			}
			for j := range want.Palette {
				if want.Palette[j] != got.Palette[j] {
					t.Fatalf("image %d, maxOff %g: palette entry %d is %v, want %v", i, off, j, got.Palette[j], want.Palette[j])
				}
			}
		}
	}
}

// BenchmarkPaletted reduces a figure-like 800×600 image (white, antialiased lines): the map
// version against the colour table.
func BenchmarkPaletted(b *testing.B) {
	m := image.NewRGBA(image.Rect(0, 0, 800, 600))
	for i := range m.Pix {
		m.Pix[i] = 255
	}
	for k := range 60 {
		for x := range 800 {
			y := 5 + 9*k + x*k/131%30
			if y+1 >= 600 {
				continue
			}
			a := uint8(x * 37 % 256)
			m.SetRGBA(x, y, color.RGBA{uint8(k * 4), 80, 200, 255})
			m.SetRGBA(x, y+1, color.RGBA{255 - a/2, 255 - a/3, 255, 255})
		}
	}
	for _, c := range []struct {
		name string
		f    func(*image.RGBA, float64) *image.Paletted
	}{{"map", mapPaletted}, {"table", Paletted}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if c.f(m, 0.1) == nil {
					b.Fatal("no palette")
				}
			}
		})
	}
}
