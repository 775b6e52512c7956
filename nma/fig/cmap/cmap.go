// Package cmap holds the course's matplotlib colour maps as documented constructors, in the
// manner of gonum/plot/palette/moreland: each returns a *Colormap that implements gonum/plot's
// palette.ColorMap (for fig.Heatmap, colour bars and stream plots) and can be rescaled to
// [Min, Max].
package cmap

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/palette"
)

// Colormap is a matplotlib-style colour map for fig.Heatmap and colour bars: colours
// interpolated linearly between control points on [0, 1], rescaled to [Min, Max]. It
// implements gonum/plot's palette.ColorMap.
type Colormap struct {
	Name     string
	stops    []float64
	colors   []color.NRGBA
	min, max float64
	alpha    float64
}

func newColormap(name string, stops []float64, hex []uint32) *Colormap {
	c := &Colormap{Name: name, stops: stops, max: 1, alpha: 1}
	for _, h := range hex {
		c.colors = append(c.colors, color.NRGBA{R: uint8(h >> 16), G: uint8(h >> 8), B: uint8(h), A: 255})
	}
	return c
}

// At returns the colour of v; values outside [Min, Max] are clamped.
func (c *Colormap) At(v float64) (color.Color, error) {
	if math.IsNaN(v) {
		return color.Transparent, fmt.Errorf("cmap.Colormap %s: NaN value", c.Name)
	}
	x := 0.0
	if c.max > c.min {
		x = (v - c.min) / (c.max - c.min)
	}
	x = math.Max(0, math.Min(1, x))
	i := 1
	for i < len(c.stops)-1 && x > c.stops[i] {
		i++
	}
	f := (x - c.stops[i-1]) / (c.stops[i] - c.stops[i-1])
	a, b := c.colors[i-1], c.colors[i]
	mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + f*(float64(q)-float64(p)))) }
	return color.NRGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: uint8(math.Round(255 * c.alpha))}, nil
}

// Max returns the value mapped to the last colour.
func (c *Colormap) Max() float64 { return c.max }

// SetMax sets it.
func (c *Colormap) SetMax(v float64) { c.max = v }

// Min returns the value mapped to the first colour.
func (c *Colormap) Min() float64 { return c.min }

// SetMin sets it.
func (c *Colormap) SetMin(v float64) { c.min = v }

// Alpha returns the opacity.
func (c *Colormap) Alpha() float64 { return c.alpha }

// SetAlpha sets the opacity in [0, 1].
func (c *Colormap) SetAlpha(a float64) {
	if a < 0 || a > 1 {
		panic(fmt.Sprintf("cmap.Colormap.SetAlpha: alpha=%g must be in [0, 1]", a))
	}
	c.alpha = a
}

type colors []color.Color

func (p colors) Colors() []color.Color { return p }

// Palette returns n evenly spaced colours of the map.
func (c *Colormap) Palette(n int) palette.Palette {
	out := make(colors, n)
	for i := range out {
		v := c.min
		if n > 1 {
			v += (c.max - c.min) * float64(i) / float64(n-1)
		}
		out[i], _ = c.At(v)
	}
	return out
}

// BWR is matplotlib's 'bwr': blue, white, red (for weights and activations of either sign).
func BWR() *Colormap {
	return newColormap("bwr", []float64{0, 0.5, 1}, []uint32{0x0000ff, 0xffffff, 0xff0000})
}

// Binary is matplotlib's 'binary': white to black (for the grating images).
func Binary() *Colormap {
	return newColormap("binary", []float64{0, 1}, []uint32{0xffffff, 0x000000})
}

// Viridis is matplotlib's default 'viridis' (sampled every 0.1).
func Viridis() *Colormap {
	return newColormap("viridis", []float64{0, .1, .2, .3, .4, .5, .6, .7, .8, .9, 1},
		[]uint32{0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725})
}

// Pink is matplotlib's 'pink' (sepia to white): √((2·gray + hot)/3), sampled every 1/32.
func Pink() *Colormap {
	hot := func(x float64) (r, g, b float64) {
		ramp := func(x, lo, hi, v0 float64) float64 {
			switch {
			case x <= lo:
				return v0
			case x >= hi:
				return 1
			}
			return v0 + (1-v0)*(x-lo)/(hi-lo)
		}
		return ramp(x, 0, 0.365079, 0.0416), ramp(x, 0.365079, 0.746032, 0), ramp(x, 0.746032, 1, 0)
	}
	var stops []float64
	var hex []uint32
	for i := 0; i <= 32; i++ {
		x := float64(i) / 32
		r, g, b := hot(x)
		ch := func(h float64) uint32 { return uint32(math.Round(255 * math.Sqrt((2*x+h)/3))) }
		stops = append(stops, x)
		hex = append(hex, ch(r)<<16|ch(g)<<8|ch(b))
	}
	return newColormap("pink", stops, hex)
}

// Twilight is a cyclic map like matplotlib's 'twilight' (light grey → blue → dark purple →
// red → light grey), for circular variables such as orientation.
func Twilight() *Colormap {
	return newColormap("twilight", []float64{0, 0.15, 0.3, 0.42, 0.5, 0.58, 0.7, 0.85, 1},
		[]uint32{0xe2d9e2, 0xa2bad0, 0x6a7fc0, 0x5a3f9c, 0x2f1436, 0x6b2052, 0xa4403c, 0xcf8b72, 0xe2d9e2})
}

// Cividis is matplotlib's 'cividis' (dark blue → grey → yellow), the map of the course's
// stream plots, sampled at every 8th of its 256 entries plus the last: linear interpolation
// between them reproduces the map within about 1/255.
func Cividis() *Colormap {
	return newColormap("cividis", []float64{
		0, 8.0 / 255, 16.0 / 255, 24.0 / 255, 32.0 / 255, 40.0 / 255, 48.0 / 255, 56.0 / 255,
		64.0 / 255, 72.0 / 255, 80.0 / 255, 88.0 / 255, 96.0 / 255, 104.0 / 255, 112.0 / 255, 120.0 / 255,
		128.0 / 255, 136.0 / 255, 144.0 / 255, 152.0 / 255, 160.0 / 255, 168.0 / 255, 176.0 / 255, 184.0 / 255,
		192.0 / 255, 200.0 / 255, 208.0 / 255, 216.0 / 255, 224.0 / 255, 232.0 / 255, 240.0 / 255, 248.0 / 255,
		1,
	}, []uint32{
		0x00224e, 0x00285b, 0x002e6a, 0x053371, 0x1a386f, 0x273e6e,
		0x32436d, 0x3b496c, 0x434e6c, 0x4b546c, 0x535a6d, 0x5a5f6e,
		0x61656f, 0x686a71, 0x6f7073, 0x767676, 0x7d7c78, 0x848279,
		0x8c8878, 0x938e78, 0x9b9476, 0xa39a74, 0xaba072, 0xb4a76f,
		0xbcae6c, 0xc4b468, 0xcdbb64, 0xd5c25e, 0xdec958, 0xe7d150,
		0xf0d846, 0xf9e03a, 0xfee838,
	})
}
