package exercise

// Blank stands for an expression the student has to write, as `...` does in the Python
// course: the stub keeps the function's structure (loops, bookkeeping, returns) and leaves
// each formula blank, with a comment that names the quantities and points at the equation in
// the text:
//
//	dv := exercise.Blank[float64]("W2D3.T1.E1") // ← the Euler increment of V, the equation above
//	v[it+1] = v[it] + dv
//
// The student replaces the whole call with the expression. A stub with a blank compiles, and
// reaching the blank fails exactly like panic(TODO(id)): inside a check the verdict is "not
// done", in a notebook the calm not-done line, in tests and in the grader a NotDoneError.
//
// from lists the values the missing expression is computed from. Blank ignores them; naming
// them keeps a variable that only the missing expression would use from being "declared and
// not used", which Go does not compile:
//
//	h := exercise.Blank[*nn.Tensor]("W2D1.T1.E1")    // ← the hidden units
//	y := exercise.Blank[*nn.Tensor]("W2D1.T1.E1", h) // ← the output, from h
func Blank[T any](id string, from ...any) T {
	panic(TODO(id))
}

// BlankStep stands for one or more statements the student has to write (calls made for their
// effect, such as the optimizer's steps), where there is no value to leave blank. Like Blank,
// it fails as "not done" when reached, and from names the values the missing statements use.
//
//	exercise.BlankStep("W2D1.T1.E2", optimizer, loss) // ← clear the gradients, back-propagate, step
func BlankStep(id string, from ...any) {
	panic(TODO(id))
}
