// Package all lists every exercise of the course, for the runner, the grader and the tests.
package all

import (
	"github.com/nma-go/nma-go/exercises/w2d1"
	"github.com/nma-go/nma-go/exercises/w2d2"
	"github.com/nma-go/nma-go/exercises/w2d3"
	"github.com/nma-go/nma-go/exercises/w2d4"
	"github.com/nma-go/nma-go/nma/exercise"
)

// Exercises returns every exercise, in course order.
func Exercises() []exercise.Exercise {
	var out []exercise.Exercise
	for _, day := range [][]exercise.Exercise{w2d1.Exercises, w2d2.Exercises, w2d3.Exercises, w2d4.Exercises} {
		out = append(out, day...)
	}
	return out
}

// ByID returns the exercise with the given ID.
func ByID(id string) (exercise.Exercise, bool) {
	for _, e := range Exercises() {
		if e.ID == id {
			return e, true
		}
	}
	return exercise.Exercise{}, false
}
