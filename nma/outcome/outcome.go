// Package outcome is the course's one vocabulary for how a piece of work ended: an exercise
// check in a notebook (exercise.Result), an exercise graded by `nma grade` (grade.Grade), a
// notebook run headless by `nma run` (notebook.Result) and a notebook run in a browser by
// `nma e2e` (e2e.Result). It imports only the standard library.
//
// Each tool uses the values that can happen to it and keeps the details (which input
// differed, which cell failed, the compiler's message) in a separate message field:
//
//	check in a notebook   Passed Failed NotDone Crashed Timeout
//	nma grade             every value but Unknown
//	nma run               Passed Failed Crashed Timeout Invalid Error
//	nma e2e               Passed Failed Timeout Error
//
// An Outcome is written as its String ("passed", "not done", …) in text, CSV and JSON
// (MarshalText), and as its Short code ("ok", "todo", …) in terminal tables.
package outcome

import "fmt"

// Outcome is how a check, a graded exercise or a notebook run ended. The zero value is
// Unknown: nothing has decided yet, and it never counts as passed.
type Outcome uint8

// The outcomes, in the order of the grader's legend. Only Passed is a success.
const (
	Unknown        Outcome = iota // not decided (the zero value)
	Passed                        // the function agrees with the solution; the notebook ran as expected
	Failed                        // an output differs from the solution's; a notebook cell failed unexpectedly
	NotDone                       // the exercise's stub (its TODO panic) is still there
	Crashed                       // a panic, a fatal runtime error, a kernel that died
	Timeout                       // did not finish within its time limit (an endless loop?)
	OutOfMemory                   // exceeded the memory limit
	NoVerdict                     // the program ended before the check did (os.Exit)
	CompileError                  // the code does not build (or a cell does not parse)
	WrongSignature                // the function's type differs from the stub's
	Missing                       // no exercise cell and no function of that name
	Rejected                      // forbidden code (unsafe, the solutions, a library twin, …)
	Invalid                       // not a notebook (bad JSON, an empty file, not a regular file)
	NotSubmitted                  // no submitted notebook holds the exercise
	Error                         // the tool failed (grader, runner, browser): not the student's fault
)

// last is the largest defined Outcome.
const last = Error

var names = [...]struct{ long, short string }{
	Unknown:        {"unknown", "?"},
	Passed:         {"passed", "ok"},
	Failed:         {"failed", "fail"},
	NotDone:        {"not done", "todo"},
	Crashed:        {"crashed", "crash"},
	Timeout:        {"timed out", "time"},
	OutOfMemory:    {"out of memory", "mem"},
	NoVerdict:      {"no verdict", "exit"},
	CompileError:   {"compile error", "build"},
	WrongSignature: {"wrong signature", "sig"},
	Missing:        {"missing", "miss"},
	Rejected:       {"rejected", "rej"},
	Invalid:        {"invalid notebook", "bad"},
	NotSubmitted:   {"not submitted", "-"},
	Error:          {"error", "ERR"},
}

// All lists every outcome but Unknown, in the order of the grader's legend.
func All() []Outcome {
	out := make([]Outcome, 0, last)
	for o := Passed; o <= last; o++ {
		out = append(out, o)
	}
	return out
}

// String is the outcome in words, as written to CSV, JSON and messages: "passed",
// "not done", "timed out", …; an undefined value is "outcome(N)".
func (o Outcome) String() string {
	if o > last {
		return fmt.Sprintf("outcome(%d)", uint8(o))
	}
	return names[o].long
}

// Short is the outcome's code in terminal tables: "ok", "fail", "todo", "crash", "time", ….
func (o Outcome) Short() string {
	if o > last {
		return o.String()
	}
	return names[o].short
}

// OK reports whether the outcome is Passed.
func (o Outcome) OK() bool { return o == Passed }

// Parse returns the outcome whose String is s. The error names s.
func Parse(s string) (Outcome, error) {
	for o := Unknown; o <= last; o++ {
		if names[o].long == s {
			return o, nil
		}
	}
	return Unknown, fmt.Errorf("outcome: unknown outcome %q (want one of %q)", s, allNames())
}

func allNames() []string {
	out := make([]string, 0, last+1)
	for o := Unknown; o <= last; o++ {
		out = append(out, names[o].long)
	}
	return out
}

// MarshalText writes the outcome as its String, so JSON holds "passed", not a number. An
// undefined value is an error.
func (o Outcome) MarshalText() ([]byte, error) {
	if o > last {
		return nil, fmt.Errorf("outcome: cannot marshal undefined outcome %d", uint8(o))
	}
	return []byte(o.String()), nil
}

// UnmarshalText reads what MarshalText wrote.
func (o *Outcome) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}
