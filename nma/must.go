package nma

// The notebooks' one way of handling an error.
//
// A library function that can fail returns an error as its last result, as Go code does
// (the library never panics on bad input). A notebook cell is not a place to recover from
// one: the student wants the value, or the reason there is none. So every call that returns
// an error is wrapped in a Must form, which passes the values through or stops the cell:
//
//	x := nma.Must(linsys.Decay(0.9, 4, 0, 100))
//	t, x := nma.Must2(linsys.DDM(200, 10, 0, 0.9, 0.2, rng.New(2020)))
//	nma.Must(linsysfig.PlotStreamplots(linsys.AOptions())).Show()
//
// A cell stops by panicking with the error itself: the notebook shows the error's message
// (the library's errors name the function, the parameter and its value) and GoNB marks the
// cell's line in the stack trace; `nma run` and CI see a failed cell. The error is the
// panic's value, so code that recovers it can still use errors.Is and errors.As.
//
// One generic family instead of a MustX per library function: it works for every function
// of every package (and of other modules), a reader learns it once, and a cell stays one
// line per call. Go has no variadic generics, so the number says how many values come
// before the error (Must0 for a call that returns only an error).

// Must returns v, or panics with err when err is not nil.
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Must0 panics with err when err is not nil: Must for a call that returns only an error.
func Must0(err error) {
	if err != nil {
		panic(err)
	}
}

// Must2 returns a and b, or panics with err when err is not nil.
func Must2[A, B any](a A, b B, err error) (A, B) {
	if err != nil {
		panic(err)
	}
	return a, b
}

// Must3 returns a, b and c, or panics with err when err is not nil.
func Must3[A, B, C any](a A, b B, c C, err error) (A, B, C) {
	if err != nil {
		panic(err)
	}
	return a, b, c
}
