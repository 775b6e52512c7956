// Package exercise is the machinery behind the course's coding exercises: the panic that
// marks a stub as not done, the checks that compare a student's function with the
// reference solution, and the verdict a student (or a grader) can act on.
//
// A check is written with Run:
//
//	func CheckF(f func(x, a, theta float64) float64) exercise.Result {
//		return exercise.Run("W2D4.T1.E1", "F", func(c *exercise.C) {
//			for _, x := range xs {
//				c.Float(fmt.Sprintf("F(x=%g, a=1.2, theta=2.8)", x), sol.F(x, 1.2, 2.8), f(x, 1.2, 2.8), 1e-9)
//			}
//		})
//	}
//
// Run recovers the stub's TODO panic (verdict "not done yet"), any other panic (the
// student's code crashed), and a function that does not return within Timeout.
package exercise

import (
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
)

// NotDoneError is the panic value of an exercise stub.
type NotDoneError struct{ ID string }

func (e NotDoneError) Error() string {
	return fmt.Sprintf("nma: exercise %s is not done yet: replace the panic in its function with your code", e.ID)
}

// NotDonePattern matches the message of a NotDoneError; the notebook runner uses it to
// tell expected stub errors from real ones.
var NotDonePattern = regexp.MustCompile(`nma: exercise (W\dD\d\.T\d+\.E\d+) is not done yet`)

// IDPattern is the shape of an exercise ID: day, tutorial and exercise number, e.g. W2D4.T1.E1.
var IDPattern = regexp.MustCompile(`^W\dD\d\.T\d+\.E\d+$`)

// TODO is what a stub panics with: panic(exercise.TODO("W2D4.T1.E1")).
func TODO(id string) error { return NotDoneError{ID: id} }

// Status is a check's verdict.
type Status int

const (
	Passed  Status = iota // the function agrees with the solution on every input
	Failed                // an output differs; Message says where
	NotDone               // the stub's TODO panic is still there
	Crashed               // the function panicked or did not return in time
)

func (s Status) String() string {
	return [...]string{"passed", "failed", "not done", "crashed"}[s]
}

// Result is the outcome of one check.
type Result struct {
	ID       string // exercise ID, e.g. W2D4.T1.E1
	Function string // name of the student's function
	Status   Status
	Cases    int    // comparisons made before the verdict
	Message  string // for Failed and Crashed: what differs or what went wrong
}

// OK reports whether the check passed.
func (r Result) OK() bool { return r.Status == Passed }

func (r Result) String() string {
	switch r.Status {
	case Passed:
		return fmt.Sprintf("✓ %s %s: correct (%d comparisons with the solution)", r.ID, r.Function, r.Cases)
	case NotDone:
		return NotDoneError{ID: r.ID}.Error()
	default:
		return fmt.Sprintf("✗ %s %s %s: %s", r.ID, r.Function, r.Status, r.Message)
	}
}

// Report shows the verdict (a coloured box in a notebook, a line on stdout elsewhere) and,
// unless the check passed, ends the program with exit status 1 after printing the verdict
// to stderr, so the notebook cell is marked as failed and `nma run` can tell why.
func (r Result) Report() {
	r.Show()
	if r.OK() {
		return
	}
	fmt.Fprintln(os.Stderr, r.String())
	gonbui.Sync()
	os.Exit(1)
}

// Show displays the verdict without ending the program.
func (r Result) Show() {
	if !gonbui.IsNotebook {
		fmt.Println(r.String())
		return
	}
	colour := map[Status]string{Passed: "#2e7d32", Failed: "#c62828", NotDone: "#ef6c00", Crashed: "#c62828"}[r.Status]
	gonbui.DisplayHTML(fmt.Sprintf(
		`<div style="border-left:6px solid %s;padding:4px 10px;margin:4px 0;font-family:sans-serif"><pre style="margin:0;white-space:pre-wrap">%s</pre></div>`,
		colour, html.EscapeString(r.String())))
	gonbui.Sync()
}

// Timeout bounds how long Run waits for a student's function.
var Timeout = 30 * time.Second

// C collects the comparisons of one check. Only the goroutine running the check writes its
// status and message; the case count is atomic because Run reads it when the check times out
// while that goroutine is still running.
type C struct {
	status  Status
	message string
	cases   atomic.Int64
}

// stop is the panic value C uses to end a check at its first difference.
type stop struct{}

// Run runs a check body and turns its outcome, or the student's panic, into a Result.
//
// The body runs on its own goroutine so that a function that never returns can be abandoned
// after Timeout. That goroutine owns C; it hands its Result over on a channel, and on a timeout
// Run builds the Result from the atomic case count alone, so nothing is shared unsynchronised
// with the abandoned goroutine (which may go on writing to C).
func Run(id, function string, body func(c *C)) Result {
	c := &C{status: Passed}
	result := func() Result {
		return Result{ID: id, Function: function, Status: c.status, Cases: int(c.cases.Load()), Message: c.message}
	}
	done := make(chan Result, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				var nd NotDoneError
				switch {
				case isStop(v):
				case asNotDone(v, &nd):
					c.status, c.message = NotDone, NotDoneError{ID: nd.ID}.Error()
				default:
					c.status, c.message = Crashed, fmt.Sprintf("%s panicked: %v", function, v)
				}
				done <- result()
			}
		}()
		body(c)
		done <- result()
	}()
	timer := time.NewTimer(Timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r
	case <-timer.C:
		return Result{ID: id, Function: function, Status: Crashed, Cases: int(c.cases.Load()),
			Message: fmt.Sprintf("%s did not return within %v (an endless loop?)", function, Timeout)}
	}
}

func isStop(v any) bool { _, ok := v.(stop); return ok }

func asNotDone(v any, nd *NotDoneError) bool {
	if err, ok := v.(error); ok {
		return errors.As(err, nd)
	}
	if s, ok := v.(string); ok {
		if m := NotDonePattern.FindStringSubmatch(s); m != nil {
			*nd = NotDoneError{ID: m[1]}
			return true
		}
	}
	return false
}

// Fail records a failure with a message and ends the check.
func (c *C) Fail(format string, args ...any) {
	c.status = Failed
	c.message = fmt.Sprintf(format, args...)
	panic(stop{})
}

// Float compares one value. tol is absolute-or-relative: |got−want| ≤ tol·max(1, |want|).
// NaN equals NaN (F⁻¹ returns NaN outside its domain).
func (c *C) Float(input string, want, got, tol float64) {
	c.cases.Add(1)
	if !close(want, got, tol) {
		c.Fail("%s: expected %.10g, got %.10g (tolerance %g)", input, want, got, tol)
	}
}

// Floats compares slices element by element and names the first element that differs.
func (c *C) Floats(input string, want, got []float64, tol float64) {
	c.cases.Add(1)
	if len(got) != len(want) {
		c.Fail("%s: expected %d values, got %d", input, len(want), len(got))
	}
	for i := range want {
		if !close(want[i], got[i], tol) {
			c.Fail("%s: element %d: expected %.10g, got %.10g (tolerance %g)", input, i, want[i], got[i], tol)
		}
	}
}

// True records a condition that must hold.
func (c *C) True(cond bool, format string, args ...any) {
	c.cases.Add(1)
	if !cond {
		c.Fail(format, args...)
	}
}

func close(want, got, tol float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) {
		return want == got
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// Describe formats a call's inputs as name=value pairs for failure messages.
func Describe(fn string, kv ...any) string {
	var b strings.Builder
	b.WriteString(fn + "(")
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%v=%v", kv[i], kv[i+1])
	}
	b.WriteString(")")
	return b.String()
}

// Exercise describes one coding exercise for the tools (runner, grader, tests).
type Exercise struct {
	ID       string   // e.g. W2D4.T1.E1
	Title    string   // heading in the notebook
	Notebook string   // notebook name without extension, e.g. W2D4_Tutorial1
	Funcs    []string // top-level functions the student writes in the exercise cell
	Bonus    bool     // part of a bonus section
	// Check runs the exercise's check on an implementation of the function (same type as Stub).
	Check func(impl any) Result
	// Stub and Solution are the starting code and the reference implementation.
	Stub, Solution any
}

// Day is the lower-case day of the exercise ("w2d4"), also the package directory name
// under exercises/ and solutions/.
func (e Exercise) Day() string { return strings.ToLower(strings.SplitN(e.ID, ".", 2)[0]) }

// Define completes an exercise's description with its check and the two implementations of
// the exercise's function type T (the stub students start from and the reference solution).
// The type-erased Check it sets reports an implementation of another type as a crash of the
// check, instead of panicking.
func Define[T any](e Exercise, check func(T) Result, stub, solution T) Exercise {
	e.Check = func(impl any) Result {
		f, ok := impl.(T)
		if !ok {
			var want T
			return Result{ID: e.ID, Function: strings.Join(e.Funcs, ", "), Status: Crashed,
				Message: fmt.Sprintf("the implementation has type %T, the exercise needs %T", impl, want)}
		}
		return check(f)
	}
	e.Stub, e.Solution = stub, solution
	return e
}
