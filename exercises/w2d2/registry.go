// Package w2d2 holds the W2D2 (Linear systems) coding exercises: the stubs students start from (the same code
// as in the notebooks' exercise cells; a test keeps them equal) and the checks that compare a
// student's function with the reference solution.
package w2d2

import "github.com/nma-go/nma-go/nma/exercise"

// Exercises lists the day's exercises, in course order.
var Exercises []exercise.Exercise
