package linsys

import (
	"image/color"
	"math"
)

// cividisStops samples matplotlib's cividis colour map (every 8th of its 256 entries plus the
// last; RGB in [0, 1]), the map of the course's stream plots. Linear interpolation between
// them reproduces the map within about 1/255.
var cividisStops = [33][3]float64{
	{0.0000, 0.1351, 0.3048}, {0.0000, 0.1579, 0.3575}, {0.0000, 0.1788, 0.4148},
	{0.0179, 0.1985, 0.4412}, {0.1034, 0.2204, 0.4358}, {0.1543, 0.2425, 0.4301},
	{0.1951, 0.2644, 0.4259}, {0.2309, 0.2861, 0.4235}, {0.2637, 0.3078, 0.4228},
	{0.2947, 0.3295, 0.4237}, {0.3242, 0.3513, 0.4263}, {0.3529, 0.3732, 0.4302},
	{0.3808, 0.3952, 0.4357}, {0.4082, 0.4174, 0.4426}, {0.4352, 0.4398, 0.4511},
	{0.4616, 0.4624, 0.4620}, {0.4887, 0.4853, 0.4710}, {0.5179, 0.5085, 0.4727},
	{0.5478, 0.5319, 0.4717}, {0.5782, 0.5557, 0.4687}, {0.6091, 0.5798, 0.4636},
	{0.6404, 0.6044, 0.4568}, {0.6720, 0.6293, 0.4480}, {0.7040, 0.6547, 0.4371},
	{0.7365, 0.6806, 0.4240}, {0.7694, 0.7070, 0.4085}, {0.8027, 0.7340, 0.3902},
	{0.8364, 0.7615, 0.3687}, {0.8707, 0.7896, 0.3433}, {0.9056, 0.8183, 0.3129},
	{0.9411, 0.8475, 0.2758}, {0.9778, 0.8773, 0.2280}, {0.9957, 0.9093, 0.2178},
}

// Cividis returns the colour of matplotlib's cividis map at v in [0, 1] (clamped): dark
// blue at 0, grey in the middle, yellow at 1.
func Cividis(v float64) color.Color {
	if math.IsNaN(v) {
		return color.Transparent
	}
	v = math.Max(0, math.Min(1, v))
	// stops are at 0, 8/255, 16/255, …, 248/255 and 1
	pos := func(i int) float64 {
		if i == len(cividisStops)-1 {
			return 1
		}
		return float64(8*i) / 255
	}
	i := min(int(v*255/8), len(cividisStops)-2)
	f := (v - pos(i)) / (pos(i+1) - pos(i))
	f = math.Max(0, math.Min(1, f))
	var c [3]uint8
	for k := range 3 {
		x := cividisStops[i][k]*(1-f) + cividisStops[i+1][k]*f
		c[k] = uint8(math.Round(x * 255))
	}
	return color.NRGBA{R: c[0], G: c[1], B: c[2], A: 255}
}
