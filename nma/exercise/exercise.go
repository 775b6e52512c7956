// Package exercise is the machinery behind the course's coding exercises: the panic that
// marks a stub as not done, the checks that compare a student's function with the
// reference solution, and the verdict a student (or a grader) can act on.
//
// A check is a probe: a function that runs an implementation on the check's inputs and
// records what it returns (see Recorder), registered with Define:
//
//	func probeF(r *exercise.Recorder, f FFunc) {
//		for _, x := range xs {
//			r.Float(exercise.Describe("F", "x", x, "a", 1.2, "theta", 2.8), f(x, 1.2, 2.8), 1e-9)
//		}
//	}
//
//	var Exercises = exercise.WithSolutions([]exercise.Exercise{
//		exercise.Define(exercise.Exercise{ID: "W2D4.T1.E1", Funcs: []string{"F"}}, probeF, F),
//	}, map[string]any{"W2D4.T1.E1": FFunc(sol.F)})
//
// Exercise.Check runs the probe on the solution and on the student's function and compares
// the two transcripts (Compare): the first difference, the stub's TODO panic (not done),
// any other panic (crashed), or a function that does not return within Timeout. A failure
// whose outputs match one of the exercise's catalogued mistakes (Mistake, Mistakes) is
// diagnosed: "looks like: <mistake> — <hint>", then the first difference (Diagnose). Judge is
// the one home of comparison and diagnosis. The grader runs only the probe in the student's
// sandboxed process and judges the transcript in its own.
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

	"github.com/nma-go/nma-go/nma/internal/nbout"
	"github.com/nma-go/nma-go/nma/outcome"
)

// NotDoneError is the panic value of an exercise stub.
type NotDoneError struct{ ID string }

func (e NotDoneError) Error() string {
	return fmt.Sprintf("nma: exercise %s is not done yet: fill in the blanks in its function with your code", e.ID)
}

// NotDonePattern matches the message of a NotDoneError and the calm not-done line a notebook
// shows; the notebook runner and the browser test use it to tell an exercise that is simply
// not done yet (expected in a student notebook) from a real error.
var NotDonePattern = regexp.MustCompile(`exercise (W\dD\d\.T\d+\.E\d+) is not done yet`)

// IDPattern is the shape of an exercise ID: day, tutorial and exercise number, e.g. W2D4.T1.E1.
var IDPattern = regexp.MustCompile(`^W\dD\d\.T\d+\.E\d+$`)

// TODO is what a stub panics with: panic(exercise.TODO("W2D4.T1.E1")), directly or through
// a blank (Blank, BlankStep).
//
// Inside a check the panic is caught and becomes the verdict "not done". Anywhere else in a
// notebook (a later cell that calls the unfinished function, say) TODO does not return: it
// shows the calm not-done line and ends the cell without an error, so the student sees one
// sentence instead of a stack trace and "Run All" goes on. Outside a notebook (tests, the
// grader) it returns the error for the panic.
func TODO(id string) error {
	if recording.Load() == 0 && nbout.IsNotebook {
		showNotDone(id, "", "a cell above calls its function; finish the exercise, run its cell, then run this cell again")
		nbout.Sync()
		os.Exit(0)
	}
	return NotDoneError{ID: id}
}

// recording counts the checks running now (Record); TODO panics inside them.
var recording atomic.Int32

// notDoneLine is the one calm line of an exercise that is not done yet. It matches
// NotDonePattern.
func notDoneLine(id, function, hint string) string {
	if function != "" {
		return fmt.Sprintf("The exercise %s is not done yet: fill in the blanks in %s with your code, run its cell, then run this cell again.", id, function)
	}
	return fmt.Sprintf("The exercise %s is not done yet: %s.", id, hint)
}

// showNotDone displays the not-done line: in a notebook a quiet grey line (no error box),
// elsewhere a line on stdout.
func showNotDone(id, function, hint string) {
	line := notDoneLine(id, function, hint)
	if !nbout.IsNotebook {
		fmt.Println(line)
		return
	}
	nbout.HTML(`<div style="color:#555;font-family:sans-serif;margin:4px 0">⏳ ` + html.EscapeString(line) + `</div>`)
}

// Result is the outcome of one check.
type Result struct {
	ID       string          // exercise ID, e.g. W2D4.T1.E1
	Function string          // name of the student's function
	Status   outcome.Outcome // Passed, Failed, NotDone, Crashed or Timeout
	Cases    int             // comparisons made before the verdict
	Message  string          // unless passed: what differs or what went wrong
	// Mistake and Hint name the catalogued mistake a failed function looks like (its outputs
	// on the check's inputs match the mistake's variant: see Diagnose); "" when none does.
	// The Message then starts with "looks like: <Mistake> — <Hint>".
	Mistake, Hint string
}

// OK reports whether the check passed.
func (r Result) OK() bool { return r.Status == outcome.Passed }

func (r Result) String() string {
	switch r.Status {
	case outcome.Passed:
		return fmt.Sprintf("✓ %s %s: correct (%d comparisons with the solution)", r.ID, r.Function, r.Cases)
	case outcome.NotDone:
		return notDoneLine(r.ID, r.Function, "fill in the blanks in its function with your code")
	default:
		return fmt.Sprintf("✗ %s %s %s: %s", r.ID, r.Function, r.Status, r.Message)
	}
}

// Report shows the verdict and ends the cell unless the check passed:
//
//   - passed: a green line; the cell goes on (to its figure);
//   - not done: one calm grey line, and the cell ends without an error, so "Run All" goes on
//     to the next cell;
//   - wrong, crashed or timed out: the difference, once, in a red box, and the cell ends with
//     exit status 1 so the notebook marks it as failed. Headless (`nma run`, which sets
//     NMA_HEADLESS=1) the verdict also goes to stderr, where the runner reads why.
//
// Outside a notebook the verdict is a line on stdout, and the program ends the same way.
func (r Result) Report() {
	r.Show()
	switch {
	case r.OK():
		return
	case r.Status == outcome.NotDone:
		nbout.Sync()
		os.Exit(0)
	}
	if !nbout.IsNotebook || os.Getenv("NMA_HEADLESS") != "" {
		fmt.Fprintln(os.Stderr, r.String())
	}
	nbout.Sync()
	os.Exit(1)
}

// Show displays the verdict without ending the program.
func (r Result) Show() {
	if r.Status == outcome.NotDone {
		showNotDone(r.ID, r.Function, "fill in the blanks in its function with your code")
		return
	}
	if !nbout.IsNotebook {
		fmt.Println(r.String())
		return
	}
	colour := "#c62828" // failed, crashed, timed out
	if r.Status == outcome.Passed {
		colour = "#2e7d32"
	}
	nbout.HTML(fmt.Sprintf(
		`<div style="border-left:6px solid %s;padding:4px 10px;margin:4px 0;font-family:sans-serif"><pre style="margin:0;white-space:pre-wrap">%s</pre></div>`,
		colour, html.EscapeString(r.String())))
	nbout.Sync()
}

// Timeout bounds how long Check waits for a student's function.
var Timeout = 30 * time.Second

// stop is the panic value a Recorder uses to end a probe at its first difference.
type stop struct{}

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

// close: |got−want| ≤ tol·max(1, |want|); NaN equals NaN (F⁻¹ returns NaN outside its
// domain), infinities equal themselves.
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
	// Probe runs an implementation (same type as Stub) on the check's inputs and records its
	// outputs; it never sees the solution (see Record and Compare).
	Probe func(r *Recorder, impl any)
	// Check runs the exercise's check on an implementation of the function (same type as
	// Stub): the probe on the solution and on impl, compared.
	Check func(impl any) Result
	// Stub and Solution are the starting code and the reference implementation (nil in a
	// build without the solutions, such as the grader's programs).
	Stub, Solution any
	// Mistakes is the exercise's catalogue of classic wrong answers, attached with the
	// solution (WithSolutions; empty in the grader's programs): a failed check names the one
	// the student's outputs match.
	Mistakes []Mistake

	expected *expected // the solution's transcript, computed once
	known    *known    // the mistakes' transcripts, computed once (KnownMistakes)
}

// Day is the lower-case day of the exercise ("w2d4"), also the package directory name
// under exercises/ and solutions/.
func (e Exercise) Day() string { return strings.ToLower(strings.SplitN(e.ID, ".", 2)[0]) }
