// Package w2d3 holds the W2D3 (Biological neuron models) coding exercises: the stubs students start from (the same code
// as in the notebooks' exercise cells; a test keeps them equal) and the checks that compare a
// student's function with the reference solution.
package w2d3

import "slices"

// Exercises lists the day's exercises, in course order.
var Exercises = slices.Concat(tutorial1, tutorial2, tutorial3, tutorial4)
