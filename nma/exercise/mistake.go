package exercise

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nma-go/nma-go/nma/outcome"
)

// Mistake is a classic wrong answer to an exercise, written as a small variant of the
// solution that differs from it in one idea: a sign, a missing offset or normalisation, Δt
// where τ belongs, the update order, a variance where the standard deviation is meant, …
//
// When a student's function fails its check and its outputs on the check's inputs match a
// catalogued variant's (within the check's tolerance, on every case), the verdict names the
// mistake: "looks like: <Name> — <Hint>", followed by the first difference as always.
type Mistake struct {
	// Name says what the mistake is, in a few words a teaching assistant can count:
	// "r_I updated from the new r_E", "variance instead of standard deviation".
	Name string
	// Hint points at the idea without giving the code: "compute both derivatives from the
	// old state, then update both".
	Hint string
	// Impl is the wrong variant itself: a real function of the exercise's type (the stub's),
	// usually the solution with the one classic change.
	Impl any
}

// Longest Name and Hint WithSolutions accepts (in characters): a diagnosis must leave room
// for the first difference in a grader's message (cut at 500 characters).
const (
	MaxMistakeName = 80
	MaxMistakeHint = 240
)

// Mistakes is a catalogue of known mistakes, by exercise ID.
//
// How a day adds its catalogue: write the variants in exercises/<day>/mistakes_tutorialN.go
// (build tag !nmagrade, like solutions.go, so that graded programs never hold them), as
// ordinary functions next to a package variable
//
//	var mistakesTutorial1 = exercise.Mistakes{
//		"W2D4.T1.E1": {
//			{Name: "no offset", Hint: "F(0) must be 0: subtract the sigmoid's value at x = 0",
//				Impl: FFunc(fNoOffset)},
//			…
//		},
//	}
//
// and pass it to the day's WithSolutions call in exercises/<day>/solutions.go:
//
//	Exercises = exercise.WithSolutions(Exercises, solutions, mistakesTutorial1, mistakesTutorial2)
//
// The test suite (exercises/all) then proves that every variant, run through its exercise's
// check, fails with exactly its own diagnosis and no other one's (two variants the check's
// inputs cannot tell apart need a case that separates them, in the probe), and the README's
// coverage table must list the new counts. A variant runs on the check's inputs like the
// solution, once per process, the first time an answer fails: keep it deterministic and
// about as fast as the solution (call the day's solutions, not its stubs).
type Mistakes map[string][]Mistake

// KnownMistake is a catalogued mistake with its transcript on the check's inputs, as
// Diagnose compares it. The transcript is computed in a trusted process (the notebook's own,
// or the grader's — never a graded program).
type KnownMistake struct {
	Name, Hint string
	Transcript Transcript
}

// known caches an exercise's KnownMistakes (the probes are deterministic).
type known struct {
	once sync.Once
	ks   []KnownMistake
}

// KnownMistakes returns the exercise's catalogued mistakes with their transcripts, computed
// once, in catalogue order. A variant the check cannot run to its end is kept with that
// transcript; Diagnose never matches it (the test suite forbids it).
func (e Exercise) KnownMistakes() []KnownMistake {
	if e.known == nil || len(e.Mistakes) == 0 {
		return nil
	}
	e.known.once.Do(func() {
		ks := make([]KnownMistake, len(e.Mistakes))
		for i, m := range e.Mistakes {
			ks[i] = KnownMistake{Name: m.Name, Hint: m.Hint, Transcript: Record(e.Probe, m.Impl, nil, 0)}
		}
		e.known.ks = ks
	})
	return e.known.ks
}

// Judge gives the verdict on got, an implementation's transcript on the check's inputs: the
// comparison with the solution's transcript (Compare) and, when that failed, the diagnosis
// against the exercise's catalogued mistakes (Diagnose). It is the one place where a
// transcript becomes a verdict: a notebook's Check and the grader (in its own process, on
// the transcript a sandboxed program sent) both call it.
func (e Exercise) Judge(function string, got Transcript) Result {
	res := Compare(e.ID, function, e.Expected(), got)
	if res.Status != outcome.Failed || len(e.Mistakes) == 0 {
		return res
	}
	return Diagnose(res, e.KnownMistakes(), got)
}

// Diagnose names the catalogued mistake a failed verdict looks like. res is Compare's verdict
// on got; when it failed, got is compared with each known mistake's transcript in turn,
// exactly as Compare compares it with the solution's (labels, kinds, every value within the
// tolerance the transcript records), and the first match sets res.Mistake and res.Hint and
// turns the message into "looks like: <name> — <hint>" followed by the first difference.
// Any other verdict — passed above all, but also not done, crashed or timed out — is returned
// unchanged: the correct solution never gets a diagnosis.
//
// Only the known mistakes' names, hints, labels and tolerances are used: a forged transcript
// can claim a mistake's outputs (and get its diagnosis), never change what is said.
func Diagnose(res Result, known []KnownMistake, got Transcript) Result {
	if res.Status != outcome.Failed || res.Mistake != "" {
		return res
	}
	for _, k := range known {
		if k.Transcript.End != outcome.Passed || len(k.Transcript.Obs) == 0 {
			continue
		}
		if Compare(res.ID, res.Function, k.Transcript, got).OK() {
			res.Mistake, res.Hint = k.Name, k.Hint
			res.Message = "looks like: " + k.Name + " — " + k.Hint + "\n" + res.Message
			return res
		}
	}
	return res
}

// attachMistakes validates the catalogues and attaches each exercise's mistakes (exs are
// the exercises WithSolutions returns). A catalogue that names an unknown exercise, a
// variant of the wrong type, an empty or over-long name or hint, or a name given twice in an
// exercise is a fault of the course's registration: it panics, and any test finds it.
func attachMistakes(exs []Exercise, catalogues []Mistakes) {
	byID := map[string]int{}
	for i, e := range exs {
		byID[e.ID] = i
	}
	for _, cat := range catalogues {
		for id, ms := range cat {
			i, ok := byID[id]
			if !ok {
				panic(fmt.Sprintf("mistakes of exercise %s: no such exercise in this list", id))
			}
			e := &exs[i]
			for _, m := range ms {
				if err := checkMistake(*e, m); err != nil {
					panic(fmt.Sprintf("exercise %s: mistake %q: %v", id, m.Name, err))
				}
				e.Mistakes = append(e.Mistakes, m)
			}
		}
	}
}

func checkMistake(e Exercise, m Mistake) error {
	name, hint := strings.TrimSpace(m.Name), strings.TrimSpace(m.Hint)
	switch {
	case name == "" || hint == "":
		return fmt.Errorf("a mistake needs a name and a hint")
	case name != m.Name || hint != m.Hint || strings.ContainsAny(m.Name+m.Hint, "\n\r\t"):
		return fmt.Errorf("name and hint are one line each, without surrounding spaces")
	case utf8.RuneCountInString(m.Name) > MaxMistakeName || utf8.RuneCountInString(m.Hint) > MaxMistakeHint:
		return fmt.Errorf("name longer than %d or hint longer than %d characters", MaxMistakeName, MaxMistakeHint)
	case m.Impl == nil || reflect.ValueOf(m.Impl).Kind() == reflect.Func && reflect.ValueOf(m.Impl).IsNil():
		return fmt.Errorf("no variant (Impl is nil)")
	case fmt.Sprintf("%T", m.Impl) != fmt.Sprintf("%T", e.Stub):
		return fmt.Errorf("the variant has type %T, the stub %T", m.Impl, e.Stub)
	}
	for _, o := range e.Mistakes {
		if o.Name == m.Name {
			return fmt.Errorf("the name is given twice")
		}
	}
	return nil
}
