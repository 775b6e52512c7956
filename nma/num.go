// Package nma is the root of the nma-go course library and the one home of its NumPy-style
// helpers: ranges and element-wise maps (this file) and the statistics every tutorial uses,
// summed as NumPy sums so the course's numbers are reproduced to the last bit (stats.go). It
// imports only the standard library. The models live in sub-packages (linsys, neuron,
// ratemodel, nn, …), their figures in companion packages, the figure toolkit in fig.
package nma

import (
	"math"
	"strconv"
)

// Arange returns start, start+step, … up to but excluding stop, with NumPy's length rule
// ceil((stop-start)/step), so Arange(0, 20, 0.1) has 200 values like np.arange(0, 20, .1).
// It returns nil for a zero or wrongly signed step.
func Arange(start, stop, step float64) []float64 {
	if step == 0 || math.IsNaN(step) || (stop-start)/step <= 0 {
		return nil
	}
	n := int(math.Ceil((stop - start) / step))
	out := make([]float64, n)
	for i := range out {
		out[i] = start + float64(i)*step
	}
	return out
}

// Linspace returns n evenly spaced values from start to stop inclusive (np.linspace).
func Linspace(start, stop float64, n int) []float64 {
	if n <= 0 {
		return nil
	}
	out := make([]float64, n)
	if n == 1 {
		out[0] = start
		return out
	}
	step := (stop - start) / float64(n-1)
	for i := range out {
		out[i] = start + float64(i)*step
	}
	out[n-1] = stop
	return out
}

// Map applies f to every element of x (a vectorised call in NumPy).
func Map(x []float64, f func(float64) float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = f(v)
	}
	return out
}

// Full returns n copies of v (np.full).
func Full(n int, v float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// FormatFloat formats v with prec digits after the decimal point ("%.*f").
func FormatFloat(v float64, prec int) string { return strconv.FormatFloat(v, 'f', prec, 64) }
