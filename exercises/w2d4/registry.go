package w2d4

import "slices"

// Exercises lists the day's exercises, in course order: each with its check, stub and solution.
var Exercises = slices.Concat(tutorial1, tutorial2, tutorial3)
