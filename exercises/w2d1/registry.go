// Package w2d1 holds the W2D1 (Deep learning) coding exercises: the stubs students start from (the same code
// as in the notebooks' exercise cells; a test keeps them equal) and the checks that compare a
// student's function with the reference solution.
package w2d1

import "slices"

// Exercises lists the day's exercises, in course order: each with its check, stub and solution.
var Exercises = slices.Concat(tutorial1, tutorial2, tutorial3, tutorial4)
