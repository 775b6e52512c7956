package grade

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/grade/harness"
	"github.com/nma-go/nma-go/nma/outcome"
)

func TestFindOutput(t *testing.T) {
	out := "garbage\nstarted\n{\"status\":\"recorded\",\"exercise\":\"W2D4.T1.E1\",\"message\":\"first\"}\nnot json\n{\"status\":\"recorded\",\"message\":\"last\"}\n{}\n"
	o, started := findOutput([]byte(out))
	if !started || o == nil || o.Message != "last" {
		t.Errorf("findOutput = %+v, %v: want the last well-formed line", o, started)
	}
	if o, started := findOutput([]byte("{\"status\":\"\"}\n")); o != nil || started {
		t.Errorf("a line without status was taken: %+v %v", o, started)
	}
}

// transcript is a probe's transcript of F on two inputs.
func transcript(end outcome.Outcome, msg string, vals ...float64) *exercise.Transcript {
	tr := &exercise.Transcript{End: end, Message: msg}
	for i, v := range vals {
		tr.Obs = append(tr.Obs, exercise.Obs{Label: fmt.Sprintf("F(x=%d)", i), Kind: exercise.KindFloat, Values: []float64{v}, Tol: 1e-9})
	}
	return tr
}

// fExercise is an exercise whose check records f(0) and f(1) as transcript does, with the
// solution sol.
func fExercise(sol func(float64) float64) exercise.Exercise {
	probe := func(r *exercise.Recorder, f func(float64) float64) {
		for i := range 2 {
			r.Float(fmt.Sprintf("F(x=%d)", i), f(float64(i)), 1e-9)
		}
	}
	e := exercise.Define(exercise.Exercise{ID: "W2D4.T1.E1", Funcs: []string{"F"}}, probe, func(float64) float64 { panic(exercise.TODO("W2D4.T1.E1")) })
	return exercise.WithSolutions([]exercise.Exercise{e}, map[string]any{"W2D4.T1.E1": sol})[0]
}

func TestVerdictOf(t *testing.T) {
	r := &runner{wall: 8 * time.Second, memory: 2 << 30}
	ex := fExercise(func(x float64) float64 { return x }) // its transcript: transcript(outcome.Passed, "", 0, 1)
	rec := func(tr *exercise.Transcript) *harness.Output {
		return &harness.Output{Status: harness.StatusRecorded, Transcript: tr}
	}
	for _, c := range []struct {
		name string
		res  runResult
		want outcome.Outcome
		msg  string
	}{
		{"passed", runResult{output: rec(transcript(outcome.Passed, "", 0, 1)), started: true}, outcome.Passed, "F agrees with the solution (2 comparisons)"},
		{"failed", runResult{output: rec(transcript(outcome.Passed, "", 0, 2))}, outcome.Failed, "F(x=1): expected 1, got 2"},
		{"too few", runResult{output: rec(transcript(outcome.Passed, "", 0))}, outcome.Failed, "not compared"},
		{"not done", runResult{output: rec(transcript(outcome.NotDone, "nma: exercise W2D4.T1.E1 is not done yet"))}, outcome.NotDone, "exercise W2D4.T1.E1 is not done yet"},
		{"probe timeout", runResult{output: rec(transcript(outcome.Timeout, "did not return within 3s (an endless loop?)", 0))}, outcome.Timeout, "did not return within 3s"},
		{"panic in the probe", runResult{output: rec(transcript(outcome.Crashed, "panicked: boom"))}, outcome.Crashed, "F panicked: boom"},
		{"signature", runResult{output: &harness.Output{Status: harness.StatusWrongSignature, Message: "F has type func()"}}, outcome.WrongSignature, "F has type func()"},
		{"grader", runResult{output: &harness.Output{Status: harness.StatusUnknownExercise, Message: "W9"}}, outcome.Error, "unknown exercise"},
		{"forged status", runResult{output: &harness.Output{Status: "passed"}}, outcome.NoVerdict, "sent no transcript"},
		{"killed", runResult{killed: true, started: true, signal: "killed"}, outcome.Timeout, "did not finish within 8s"},
		{"hung at start", runResult{killed: true, signal: "killed"}, outcome.Timeout, "during start-up"},
		{"oom", runResult{started: true, exitCode: 2, stderr: "runtime: out of memory: cannot allocate 10737418240-byte block\nfatal error: out of memory\n\ngoroutine 1 [running]:\nmain.F(...)\n\tcell 10:2 +0x1d\n"}, outcome.OutOfMemory, "ran out of memory (limit 2048 MiB) (at cell 10, line 2)"},
		{"cpu", runResult{started: true, signal: "CPU time limit exceeded"}, outcome.Timeout, "too much CPU time"},
		{"stack", runResult{started: true, exitCode: 2, stderr: "runtime: goroutine stack exceeds 67108864-byte limit\nfatal error: stack overflow\n"}, outcome.Crashed, "stack overflow"},
		{"panic", runResult{started: true, exitCode: 2, stderr: "panic: boom\n\ngoroutine 7 [running]:\nmain.F.func1()\n\tcell 10:3 +0x25\n"}, outcome.Crashed, "panic: boom (at cell 10, line 3)"},
		{"exit", runResult{started: true}, outcome.NoVerdict, "exit status 0) before the check finished"},
		{"exit at start", runResult{exitCode: 0}, outcome.NoVerdict, "during start-up"},
		{"signal", runResult{started: true, signal: "segmentation fault"}, outcome.Crashed, "killed by signal: segmentation fault"},
	} {
		v, msg, mistake := r.verdictOf(c.res, ex, "F")
		if v != c.want || !strings.Contains(msg, c.msg) || mistake != "" {
			t.Errorf("%s: %q %q (mistake %q), want %q %q", c.name, v, msg, mistake, c.want, c.msg)
		}
	}
	// A solution the check cannot run on is the course's fault, whatever the student sent.
	broken := fExercise(func(float64) float64 { panic("boom") })
	if v, _, _ := r.verdictOf(runResult{output: rec(transcript(outcome.Passed, "", 0, 1))}, broken, "F"); v != outcome.Error {
		t.Errorf("broken solution: %q, want grader error", v)
	}
}

func TestLimitedBuffer(t *testing.T) {
	b := &limitedBuffer{max: 5}
	n, err := b.Write([]byte("hello world"))
	b.Write([]byte("more"))
	if n != 11 || err != nil || b.buf.String() != "hello" {
		t.Errorf("limitedBuffer: %d %v %q", n, err, b.buf.String())
	}
}

// Outside Linux there is no sandbox: grading refuses with the system's name, unless the TA
// trusts the notebooks (not on Windows, where the programs cannot get their pipes).
func TestCheckPlatform(t *testing.T) {
	for _, c := range []struct {
		goos    string
		trusted bool
		want    string // part of the error, "" for none
	}{
		{"linux", false, ""},
		{"linux", true, ""},
		{"darwin", false, "grading needs Linux (bubblewrap sandbox); this is darwin/arm64 (to grade notebooks you trust without a sandbox, pass --trusted-input)"},
		{"darwin", true, ""},
		{"windows", false, "grading needs Linux (bubblewrap sandbox); this is windows/arm64, where"},
		{"windows", true, "this is windows/arm64, where graded programs cannot even run"},
	} {
		err := checkPlatform(c.goos, "arm64", c.trusted)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s (trusted %v): %v, want %q", c.goos, c.trusted, err, c.want)
		}
	}
	if runtime.GOOS == "linux" && CheckPlatform(false) != nil {
		t.Error("Linux can grade")
	}
}
