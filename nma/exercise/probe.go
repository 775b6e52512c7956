package exercise

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/nma-go/nma-go/nma/outcome"
)

// A check has two halves, so that a verdict never depends on code that runs beside the
// student's:
//
//   - the probe (func(r *Recorder, f T)) calls an implementation on the check's inputs and
//     records what it returns — r.Float, r.Floats, r.Require — under labels that name the
//     inputs. It never sees the solution and decides nothing;
//   - Compare puts the transcript of the solution beside the student's and gives the
//     verdict: the first observation that differs, or passed.
//
// In a notebook both halves run in the student's process (Exercise.Check), which is fine: a
// student who cheats there only cheats himself. The grader runs only the probe in the
// sandboxed program, receives the transcript, and compares it in its own process with the
// solution's transcript, which it computes itself. Nothing in the student's process is
// secret: neither the solution (not linked into graded programs) nor the verdict.

// Kind says what an observation holds.
type Kind uint8

const (
	KindFloat  Kind = 1 + iota // one number, compared within Tol
	KindFloats                 // a slice, compared in length and element by element within Tol
	KindBool                   // a condition the output must meet (Values[0] is 1 when it holds)
)

// Obs is one recorded output of the implementation.
type Obs struct {
	Label  string    // the call and its inputs, e.g. "F(x=0, a=1.2, theta=2.8)"; never the output
	Kind   Kind      // what Values holds
	Values []float64 // the output (NaN and ±Inf survive the wire)
	Tol    float64   // |got−want| ≤ Tol·max(1, |want|); the solution's transcript decides it
}

// Transcript is what a probe recorded, and how it ended.
type Transcript struct {
	Obs     []Obs
	End     outcome.Outcome // Passed: the probe ran to its end; NotDone, Crashed or Timeout otherwise
	Message string          // for NotDone, Crashed and Timeout: the panic or the limit
}

// obsWire is Obs on the wire: the values as little-endian float64 bits in base64, so that
// they travel exactly, NaN included, and compactly.
type obsWire struct {
	Label  string  `json:"l"`
	Kind   Kind    `json:"k"`
	Tol    float64 `json:"t,omitempty"`
	Values string  `json:"v"`
}

// MarshalJSON encodes the values bit for bit.
func (o Obs) MarshalJSON() ([]byte, error) {
	b := make([]byte, 8*len(o.Values))
	for i, v := range o.Values {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return json.Marshal(obsWire{Label: o.Label, Kind: o.Kind, Tol: o.Tol, Values: base64.StdEncoding.EncodeToString(b)})
}

// UnmarshalJSON decodes MarshalJSON's encoding.
func (o *Obs) UnmarshalJSON(data []byte) error {
	var w obsWire
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	b, err := base64.StdEncoding.DecodeString(w.Values)
	if err != nil || len(b)%8 != 0 {
		return fmt.Errorf("observation %q: malformed values", w.Label)
	}
	o.Label, o.Kind, o.Tol = w.Label, w.Kind, w.Tol
	o.Values = make([]float64, len(b)/8)
	for i := range o.Values {
		o.Values[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return nil
}

// Recorder collects a probe's observations. It is safe to use from the probe's goroutine
// while Record waits on another; after a timeout it stops the abandoned probe at its next
// observation.
type Recorder struct {
	mu     sync.Mutex
	obs    []Obs
	closed bool
	want   *Transcript // when set, stop at the first observation that differs from it …
	match  *matcher    // … or, with a catalogue of mistakes, from it and from every mistake's
}

// matcher decides, in a notebook's check, how long the probe goes on: while the
// observations so far agree with the solution's transcript or with a catalogued mistake's, so
// that a function that makes a known mistake is recorded in full (Diagnose needs every case)
// and any other wrong function stops at its first difference, as before. The mistakes'
// transcripts are computed only once the solution's no longer agrees. Only the probe's
// goroutine uses it.
type matcher struct {
	want    *Transcript
	known   func() []KnownMistake
	off     bool // the solution's transcript no longer agrees
	loaded  bool
	alive   []int // the known mistakes that still agree
	mistake []KnownMistake
}

// keep reports whether the probe should go on after its observation i, o; earlier returns
// the observations before it.
func (m *matcher) keep(i int, o Obs, earlier func() []Obs) bool {
	if !m.off {
		if i < len(m.want.Obs) && differs(m.want.Obs[i], o) == "" {
			return true
		}
		m.off = true
	}
	if !m.loaded {
		m.loaded = true
		m.mistake = m.known()
		for k := range m.mistake {
			m.alive = append(m.alive, k)
		}
		for j, oj := range earlier() {
			m.filter(j, oj)
		}
	}
	m.filter(i, o)
	return len(m.alive) > 0
}

// filter drops the mistakes whose observation j differs from o.
func (m *matcher) filter(j int, o Obs) {
	alive := m.alive[:0]
	for _, k := range m.alive {
		tr := m.mistake[k].Transcript
		if tr.End == outcome.Passed && j < len(tr.Obs) && differs(tr.Obs[j], o) == "" {
			alive = append(alive, k)
		}
	}
	m.alive = alive
}

// Float records one number the implementation returned for the inputs named by label.
func (r *Recorder) Float(label string, got, tol float64) {
	r.add(Obs{Label: label, Kind: KindFloat, Values: []float64{got}, Tol: tol})
}

// Floats records a slice the implementation returned (copied: later changes to it do not
// count).
func (r *Recorder) Floats(label string, got []float64, tol float64) {
	r.add(Obs{Label: label, Kind: KindFloats, Values: append([]float64{}, got...), Tol: tol})
}

// Require records whether a condition on the implementation's output holds. label says
// what must hold, in words a student can act on ("Simulate must not change its input p");
// it is the message when the condition fails where the solution's held.
func (r *Recorder) Require(label string, ok bool) {
	v := 0.0
	if ok {
		v = 1
	}
	r.add(Obs{Label: label, Kind: KindBool, Values: []float64{v}})
}

func (r *Recorder) add(o Obs) {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		runtime.Goexit() // the probe was abandoned after a timeout: end its goroutine
	}
	r.obs = append(r.obs, o)
	i := len(r.obs) - 1
	r.mu.Unlock()
	switch {
	case r.match != nil:
		if !r.match.keep(i, o, func() []Obs { return r.snapshot(false)[:i] }) {
			panic(stop{})
		}
	case r.want != nil && (i >= len(r.want.Obs) || differs(r.want.Obs[i], o) != ""):
		panic(stop{})
	}
}

func (r *Recorder) snapshot(close bool) []Obs {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = r.closed || close
	return append([]Obs{}, r.obs...)
}

// wrongType is the panic of a type-erased probe given an implementation of another type.
type wrongType struct{ got, want string }

// Record runs a probe on an implementation and returns its transcript: the stub's TODO
// panic ends it as NotDone, any other panic as Crashed, and a probe still running after
// timeout (> 0) as Timeout. With want, the probe stops at the first observation that
// differs from want's (Compare then names it).
func Record(probe func(r *Recorder, impl any), impl any, want *Transcript, timeout time.Duration) Transcript {
	return record(probe, impl, &Recorder{want: want}, timeout)
}

// recordKnown is Record for a notebook's check: the probe goes on past the first difference
// from want while the outputs still agree with a known mistake's (see matcher).
func recordKnown(probe func(r *Recorder, impl any), impl any, want *Transcript, known func() []KnownMistake, timeout time.Duration) Transcript {
	return record(probe, impl, &Recorder{match: &matcher{want: want, known: known}}, timeout)
}

func record(probe func(r *Recorder, impl any), impl any, r *Recorder, timeout time.Duration) Transcript {
	recording.Add(1) // a stub's TODO panics while a check runs (see TODO)
	defer recording.Add(-1)
	done := make(chan Transcript, 1)
	go func() {
		end, msg := outcome.Passed, ""
		defer func() {
			if v := recover(); v != nil {
				var nd NotDoneError
				switch x := v.(type) {
				case stop:
				case wrongType:
					end, msg = outcome.Crashed, fmt.Sprintf("the implementation has type %s, the exercise needs %s", x.got, x.want)
				default:
					if asNotDone(v, &nd) {
						end, msg = outcome.NotDone, NotDoneError{ID: nd.ID}.Error()
					} else {
						end, msg = outcome.Crashed, fmt.Sprintf("panicked: %v", v)
					}
				}
			}
			done <- Transcript{Obs: r.snapshot(true), End: end, Message: msg}
		}()
		probe(r, impl)
	}()
	var expired <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		expired = t.C
	}
	select {
	case tr := <-done:
		return tr
	case <-expired:
		return Transcript{Obs: r.snapshot(true), End: outcome.Timeout, Message: fmt.Sprintf("did not return within %v (an endless loop?)", timeout)}
	}
}

// Compare gives the verdict on got (the implementation's transcript) against want (the
// solution's). Only want's labels and tolerances are used in messages and comparisons, and
// got's values are only formatted as numbers: a forged transcript can claim outputs, not
// change the rules.
func Compare(id, function string, want, got Transcript) Result {
	res := Result{ID: id, Function: function, Status: outcome.Passed}
	if want.End != outcome.Passed {
		res.Status, res.Message = outcome.Crashed, "the check does not run on the reference solution ("+want.End.String()+": "+want.Message+"); this is a fault of the course, not yours"
		return res
	}
	for i, w := range want.Obs {
		if i >= len(got.Obs) {
			switch got.End {
			case outcome.NotDone:
				res.Status, res.Message = outcome.NotDone, notDoneMessage(id, got.Message)
			case outcome.Crashed, outcome.Timeout:
				res.Status, res.Message = got.End, function+" "+got.Message
			default:
				res.Status, res.Message = outcome.Failed, fmt.Sprintf("%s: not compared (the check ended after %d of %d comparisons)", w.Label, len(got.Obs), len(want.Obs))
			}
			return res
		}
		res.Cases++
		g := got.Obs[i]
		if g.Label != w.Label || g.Kind != w.Kind {
			res.Status, res.Message = outcome.Failed, fmt.Sprintf("%s: not compared (with your function the check took another path)", w.Label)
			return res
		}
		if msg := differs(w, g); msg != "" {
			res.Status, res.Message = outcome.Failed, msg
			return res
		}
	}
	switch {
	case got.End == outcome.Crashed || got.End == outcome.Timeout:
		res.Status, res.Message = got.End, function+" "+got.Message
	case got.End == outcome.NotDone:
		res.Status, res.Message = outcome.NotDone, notDoneMessage(id, got.Message)
	case len(got.Obs) > len(want.Obs):
		res.Status, res.Message = outcome.Failed, fmt.Sprintf("the check made %d comparisons with your function and %d with the solution", len(got.Obs), len(want.Obs))
	}
	return res
}

// notDoneMessage names the exercise whose stub is still there: the function checked may call
// another exercise's function (ComputeDrdt calls F). Only an exercise ID is taken from the
// transcript's message, never its text.
func notDoneMessage(id, msg string) string {
	if m := NotDonePattern.FindStringSubmatch(msg); m != nil && IDPattern.MatchString(m[1]) {
		id = m[1]
	}
	return NotDoneError{ID: id}.Error()
}

// differs says how got differs from want (same label and kind), or "".
func differs(want, got Obs) string {
	if got.Kind != want.Kind || got.Label != want.Label {
		return want.Label + ": not compared"
	}
	switch want.Kind {
	case KindBool:
		if len(got.Values) != 1 || (got.Values[0] != 0) != (want.Values[0] != 0) {
			if want.Values[0] != 0 {
				return want.Label
			}
			return want.Label + ": holds with your function, but not with the solution"
		}
	case KindFloat:
		if len(got.Values) != 1 || !close(want.Values[0], got.Values[0], want.Tol) {
			g := math.NaN()
			if len(got.Values) == 1 {
				g = got.Values[0]
			}
			if want.Tol == 0 {
				return fmt.Sprintf("%s: expected %.10g, got %.10g", want.Label, want.Values[0], g)
			}
			return fmt.Sprintf("%s: expected %.10g, got %.10g (tolerance %g)", want.Label, want.Values[0], g, want.Tol)
		}
	case KindFloats:
		if len(got.Values) != len(want.Values) {
			return fmt.Sprintf("%s: expected %d values, got %d", want.Label, len(want.Values), len(got.Values))
		}
		for i := range want.Values {
			if !close(want.Values[i], got.Values[i], want.Tol) {
				return fmt.Sprintf("%s: element %d: expected %.10g, got %.10g (tolerance %g)", want.Label, i, want.Values[i], got.Values[i], want.Tol)
			}
		}
	default:
		return want.Label + ": unknown observation"
	}
	return ""
}

// Define describes an exercise whose check is probe: the exercise's metadata, the
// probe over implementations of the exercise's function type T, and the stub students start
// from. The solution is attached separately (WithSolutions), so that a program built without
// the solutions — the grader's — still has every probe.
func Define[T any](e Exercise, probe func(r *Recorder, f T), stub T) Exercise {
	e.Probe = func(r *Recorder, impl any) {
		f, ok := impl.(T)
		if !ok {
			var want T
			panic(wrongType{got: fmt.Sprintf("%T", impl), want: fmt.Sprintf("%T", want)})
		}
		probe(r, f)
	}
	e.Stub = stub
	fn := strings.Join(e.Funcs, ", ")
	e.Check = func(any) Result {
		return Result{ID: e.ID, Function: fn, Status: outcome.Crashed, Message: "this build has no reference solutions, so it cannot check"}
	}
	return e
}

// WithSolutions attaches the reference solutions (by exercise ID) to exercises defined with
// Define, and the catalogues of classic mistakes (see Mistakes) if any, and sets their
// Check: the probe on the solution and on the student's function, compared and, on a
// failure, diagnosed (Judge). It panics when a solution is missing, unknown or of the wrong
// type, or a catalogue is malformed: that is a fault of the course's registration, found by
// any test.
func WithSolutions(exs []Exercise, solutions map[string]any, catalogues ...Mistakes) []Exercise {
	out := make([]Exercise, len(exs))
	used := 0
	for i, e := range exs {
		sol, ok := solutions[e.ID]
		if !ok || e.Probe == nil {
			panic(fmt.Sprintf("exercise %s: no solution or no probe", e.ID))
		}
		if fmt.Sprintf("%T", sol) != fmt.Sprintf("%T", e.Stub) {
			panic(fmt.Sprintf("exercise %s: the solution has type %T, the stub %T", e.ID, sol, e.Stub))
		}
		used++
		e.Solution = sol
		e.expected = &expected{}
		e.known = &known{}
		e.Mistakes = nil
		out[i] = e
	}
	if used != len(solutions) {
		panic(fmt.Sprintf("WithSolutions: %d solutions for %d exercises", len(solutions), used))
	}
	attachMistakes(out, catalogues)
	for i := range out {
		ex := out[i]
		fn := strings.Join(ex.Funcs, ", ")
		out[i].Check = func(impl any) Result {
			want := ex.Expected()
			var got Transcript
			if len(ex.Mistakes) == 0 {
				got = Record(ex.Probe, impl, &want, Timeout)
			} else {
				got = recordKnown(ex.Probe, impl, &want, ex.KnownMistakes, Timeout)
			}
			return ex.Judge(fn, got)
		}
	}
	return out
}

// expected caches the solution's transcript (the probes are deterministic: seeded inputs).
type expected struct {
	once sync.Once
	tr   Transcript
}

// Expected returns the solution's transcript, computed once. Its End is Passed unless the
// check cannot run on the solution (a fault of the course).
func (e Exercise) Expected() Transcript {
	if e.expected == nil || e.Solution == nil {
		return Transcript{End: outcome.Crashed, Message: "no reference solution attached"}
	}
	e.expected.once.Do(func() { e.expected.tr = Record(e.Probe, e.Solution, nil, 0) })
	return e.expected.tr
}

// CheckID runs the check of the exercise id from exs on impl: the CheckX functions of the
// exercise packages are one line each with it.
func CheckID(exs []Exercise, id string, impl any) Result {
	for _, e := range exs {
		if e.ID == id {
			return e.Check(impl)
		}
	}
	return Result{ID: id, Status: outcome.Crashed, Message: "exercise " + id + " is not registered"}
}
