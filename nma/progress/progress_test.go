package progress

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma/internal/nbout"
	"golang.org/x/term"
)

// fakeClock is a clock the test moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// notebookBar is a bar drawn into a recorded notebook: every UpdateHtml call.
func notebookBar(label string, bytes bool) (*Bar, *fakeClock, *[][2]string) {
	var calls [][2]string
	b := newBar(label, bytes, &notebookSink{id: "nma-progress-1", update: func(id, html string) {
		calls = append(calls, [2]string{id, html})
	}})
	c := &fakeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.now = c.now
	return b, c, &calls
}

// In a notebook a bar is one HTML block, updated in place at most every Interval: the
// first and the last update are always drawn, the last one says how long the work took, and
// later updates change nothing.
func TestNotebookBarThrottles(t *testing.T) {
	b, clock, calls := notebookBar("training <the> CNN", false)
	const total = 1000
	for done := 0; done <= total; done++ { // 1000 steps, 2 ms apart: 2 s
		b.Update(done, total)
		clock.t = clock.t.Add(2 * time.Millisecond)
	}
	b.Update(total, total) // after the end: ignored
	b.Update(3, total)
	n := len(*calls)
	// 2 s at one draw per 100 ms: the first, ~19 more, the last.
	if n < 18 || n > 23 {
		t.Fatalf("%d draws for 1001 updates over 2 s, want about 21 (throttled to %v)", n, Interval)
	}
	for _, c := range *calls {
		if c[0] != "nma-progress-1" {
			t.Fatalf("drawn into %q: every update must replace the same block", c[0])
		}
	}
	first, last := (*calls)[0][1], (*calls)[n-1][1]
	if !strings.Contains(first, `value="0.000"`) || !strings.Contains(first, "0% (0 of 1000)") {
		t.Errorf("first draw: %s", first)
	}
	if !strings.Contains(last, `value="1.000"`) || !strings.Contains(last, "done, 1000 in 2.0 s") {
		t.Errorf("last draw: %s", last)
	}
	if strings.Contains(first, "<the>") || !strings.Contains(first, "training &lt;the&gt; CNN") {
		t.Errorf("the label must be escaped: %s", first)
	}
	mid := (*calls)[n/2][1]
	if !strings.Contains(mid, "about") || !strings.Contains(mid, "s left") {
		t.Errorf("a draw after a second should estimate the time left: %s", mid)
	}
}

// A bar never updated draws nothing (a network loaded from the cache shows no bar), and a
// bar of zero steps finishes at its first update.
func TestBarWithoutWork(t *testing.T) {
	b, _, calls := notebookBar("cached", false)
	b.Close()
	if len(*calls) != 0 {
		t.Errorf("a bar without updates drew %d times", len(*calls))
	}
	b, _, calls = notebookBar("nothing to grade", false)
	b.Update(0, 0)
	b.Update(0, 0)
	if len(*calls) != 1 || !strings.Contains((*calls)[0][1], "done, 0 in") {
		t.Errorf("zero steps: %v", *calls)
	}
}

// Byte counts are shown as sizes; an unknown total shows the bytes so far and finishes
// with the size.
func TestBytesText(t *testing.T) {
	s := State{Label: "f.npz", Bytes: true, Done: 15 << 20, Total: 34 << 20, Elapsed: 3 * time.Second}
	if got, want := s.Text(), "f.npz: 44% (15.0 MB of 34.0 MB) · 3.0 s, about 3.8 s left"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	s = State{Label: "f.npz", Bytes: true, Done: 1536, Total: -1, Elapsed: 90 * time.Second}
	if got, want := s.Text(), "f.npz: 1.5 kB · 1 min 30 s"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	if h := s.HTML(); strings.Contains(h, "value=") {
		t.Errorf("an unknown total should draw an indeterminate bar: %s", h)
	}
	b, clock, calls := notebookBar("f.npz", true)
	b.Update64(0, -1)
	clock.t = clock.t.Add(time.Second)
	b.Update64(700, -1)
	b.Update64(1000, 1000) // the transfer's end: the size is known
	if n := len(*calls); n != 3 || !strings.Contains((*calls)[2][1], "done, 1000 B in 1.0 s") {
		t.Errorf("draws: %q", *calls)
	}
}

// In a terminal the library's bar is drawn on the writer, counts and all, ends its line when
// done, and log lines printed meanwhile land above it.
func TestTerminalBar(t *testing.T) {
	var out bytes.Buffer
	b := newBar("nma grade: grading", false, &terminalSink{w: &out})
	log := b.Writer(&out)
	b.Update(0, 8)
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(log, "[%d/8] student%d\n", i, i)
		time.Sleep(Interval / 8)
		b.Update(i, 8)
	}
	fmt.Fprintln(log, "graded")
	s := out.String()
	if !strings.Contains(s, "nma grade: grading") || !strings.Contains(s, "100%") || !strings.Contains(s, "(8/8") {
		t.Errorf("terminal output lacks the label, 100%% or the count:\n%q", s)
	}
	for i := 1; i <= 8; i++ {
		if !strings.Contains(s, fmt.Sprintf("\r[%d/8] student%d\n", i, i)) {
			t.Errorf("log line %d is not on a line of its own (the bar must be erased first):\n%q", i, s)
		}
	}
	if !strings.HasSuffix(s, "\ngraded\n") {
		t.Errorf("after the bar finished, lines go straight out, after the bar's own line:\n%q", s)
	}

	// A bar that stops early ends its line on Close.
	out.Reset()
	b = newBar("download", true, &terminalSink{w: &out})
	b.Update64(10, 100)
	b.Close()
	if s := out.String(); !strings.HasSuffix(s, "\n") || strings.Contains(s, "100%") {
		t.Errorf("closed bar: %q", s)
	}
}

// Outside a notebook, with stderr not a terminal (as under go test), bars draw nowhere and
// log lines pass through unchanged.
func TestNowhere(t *testing.T) {
	if nbout.IsNotebook || term.IsTerminal(int(os.Stderr.Fd())) {
		t.Skip("stderr is a terminal or GoNB runs the test")
	}
	b := New("silent")
	if b.sink != nil {
		t.Fatalf("sink %T, want none", b.sink)
	}
	var out bytes.Buffer
	if w := b.Writer(&out); w != &out {
		t.Errorf("Writer wraps the log without a terminal bar")
	}
	b.Update(1, 2)
	b.Update(2, 2)
	Show("x")(1, 1)
	ShowBytes("y")(1, 1)
}
