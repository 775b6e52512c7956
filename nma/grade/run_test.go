package grade

import (
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma/grade/harness"
)

func TestFindVerdict(t *testing.T) {
	nonce := "nma-grade-abc"
	out := "nma-grade-000 {\"status\":\"passed\"}\n{\"status\":\"passed\"}\nnma-grade-abc started\nnma-grade-abcd {\"status\":\"passed\"}\nnma-grade-abc {\"exercise\":\"W2D4.T1.E1\",\"status\":\"failed\",\"cases\":3,\"message\":\"x\"}\nnma-grade-abc {\"status\":\"passed\"}\n"
	v, started := findVerdict([]byte(out), nonce)
	if !started || v == nil || v.Status != "failed" || v.Cases != 3 {
		t.Errorf("findVerdict = %+v, %v: want the first line with the nonce", v, started)
	}
	if v, started := findVerdict([]byte("nma-grade-xyz started\n"), nonce); v != nil || started {
		t.Errorf("a forged nonce was accepted: %+v %v", v, started)
	}
}

func TestVerdictOf(t *testing.T) {
	r := &runner{wall: 8 * time.Second, memory: 2 << 30}
	for _, c := range []struct {
		name string
		res  runResult
		want Verdict
		msg  string
	}{
		{"passed", runResult{verdict: &harness.Verdict{Status: "passed", Cases: 7}, started: true}, Passed, "F agrees with the solution (7 comparisons)"},
		{"failed", runResult{verdict: &harness.Verdict{Status: "failed", Message: "F(x=0): expected 0, got 1"}}, Failed, "expected 0, got 1"},
		{"not done", runResult{verdict: &harness.Verdict{Status: "not done", Message: "nma: exercise W2D4.T1.E1 is not done yet: replace"}}, NotDone, "exercise W2D4.T1.E1 is not done yet"},
		{"check timeout", runResult{verdict: &harness.Verdict{Status: "crashed", Message: "F did not return within 3s (an endless loop?)"}}, Timeout, "did not return within 3s"},
		{"signature", runResult{verdict: &harness.Verdict{Status: harness.StatusWrongSignature, Message: "F has type func()"}}, WrongSignature, "F has type func()"},
		{"signature, once", runResult{verdict: &harness.Verdict{Status: harness.StatusWrongSignature, Message: "F has type func()"}}, WrongSignature, "F has type func()"},
		{"grader", runResult{verdict: &harness.Verdict{Status: harness.StatusUnknownExercise, Message: "W9"}}, GraderError, "unknown exercise"},
		{"killed", runResult{killed: true, started: true, signal: "killed"}, Timeout, "did not finish within 8s"},
		{"hung at start", runResult{killed: true, signal: "killed"}, Timeout, "during start-up"},
		{"oom", runResult{started: true, exitCode: 2, stderr: "runtime: out of memory: cannot allocate 10737418240-byte block\nfatal error: out of memory\n\ngoroutine 1 [running]:\nmain.F(...)\n\tcell 10:2 +0x1d\n"}, OutOfMemory, "ran out of memory (limit 2048 MiB) (at cell 10, line 2)"},
		{"cpu", runResult{started: true, signal: "CPU time limit exceeded"}, Timeout, "too much CPU time"},
		{"stack", runResult{started: true, exitCode: 2, stderr: "runtime: goroutine stack exceeds 67108864-byte limit\nfatal error: stack overflow\n"}, Crashed, "stack overflow"},
		{"panic", runResult{started: true, exitCode: 2, stderr: "panic: boom\n\ngoroutine 7 [running]:\nmain.F.func1()\n\tcell 10:3 +0x25\n"}, Crashed, "panic: boom (at cell 10, line 3)"},
		{"exit", runResult{started: true}, NoVerdict, "exit status 0) before the check finished"},
		{"exit at start", runResult{exitCode: 0}, NoVerdict, "during start-up"},
		{"signal", runResult{started: true, signal: "segmentation fault"}, Crashed, "killed by signal: segmentation fault"},
	} {
		v, msg := r.verdictOf(c.res, "F")
		if v != c.want || !strings.Contains(msg, c.msg) {
			t.Errorf("%s: %q %q, want %q %q", c.name, v, msg, c.want, c.msg)
		}
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
