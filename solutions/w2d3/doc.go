// Package w2d3 holds the reference solutions of the W2D3 (Biological neuron models) coding exercises, one
// function per exercise, written the way a student would write them. `nma run --solutions`
// puts these functions into the notebooks' exercise cells.
package w2d3
