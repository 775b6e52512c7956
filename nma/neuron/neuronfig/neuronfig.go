// Package neuronfig draws the course's figures of W2D3 (Biological neuron models) for the
// models of package neuron: membrane-potential traces and their inputs, ISI histograms, F-I
// and CV curves, spike rasters, correlation transfer, free membrane potentials, dynamic
// synapses and STDP. Every function returns a *fig.Figure, which a notebook shows and an
// interactive demo (nma/widgets) renders as a frame.
//
// The figures live apart from the models, as gonum's plot lives apart from its mat, so that
// a program that only simulates — a graded exercise, a check — links no plotting and no
// fonts. Files are named for what they draw. Long traces are drawn with fig.Trace (thinned
// and stroked in pieces), which keeps demo frames fast to render.
package neuronfig

import (
	"image/color"
	"slices"
)

// matplotlib's single-letter colours and named colours used by the course's figures.
var (
	magenta = color.RGBA{R: 191, B: 191, A: 255} // 'm'
	cyanC   = color.RGBA{G: 191, B: 191, A: 255} // 'c'
	yellowY = color.RGBA{R: 191, G: 191, A: 255} // 'y'
	orange  = color.RGBA{R: 255, G: 165, A: 255} // 'orange'
	cyan    = color.RGBA{G: 255, B: 255, A: 255} // 'cyan'
	// opaque equivalents of blue at alpha 0.5 and red at alpha 0.7 on white (solid colours keep
	// the PNG frames of the STDP demos small)
	lightBlue = color.RGBA{R: 128, G: 128, B: 255, A: 255}
	lightRed  = color.RGBA{R: 255, G: 77, B: 77, A: 255}
)

// withSpikes returns a copy of v with +bump mV at the step before each spike, the course's
// cosmetic spikes (v[int(sp/dt) − 1] += bump).
func withSpikes(v, sp []float64, dt, bump float64) []float64 {
	return markSpikes(v, sp, dt, bump, false)
}

// setSpikes is withSpikes setting the value (v[k] = value) instead of adding.
func setSpikes(v, sp []float64, dt, value float64) []float64 {
	return markSpikes(v, sp, dt, value, true)
}

// markSpikes returns a copy of v in which the step before each spike time of sp, int(sp/dt) − 1,
// is raised by x (or set to x).
func markSpikes(v, sp []float64, dt, x float64, set bool) []float64 {
	out := slices.Clone(v)
	for _, t := range sp {
		k := int(t/dt) - 1
		if k < 0 || k >= len(out) {
			continue
		}
		if set {
			out[k] = x
		} else {
			out[k] += x
		}
	}
	return out
}

// every returns every step-th value of x, x[::step] (all of x for a step below 1).
func every(x []float64, step int) []float64 {
	step = max(step, 1)
	out := make([]float64, 0, (len(x)+step-1)/step)
	for k := 0; k < len(x); k += step {
		out = append(out, x[k])
	}
	return out
}
