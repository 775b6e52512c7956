// Package progress shows how far long work has got — a network's training, a download, a
// grading run — where the person waiting can see it:
//
//   - in a GoNB notebook, an HTML bar under the cell, updated in place (nma/internal/nbout: GoNB's protocol without gonbui's dependencies);
//   - in a terminal, a bar on stderr (github.com/schollz/progressbar/v3);
//   - nowhere when stderr is neither (a pipe, a log file, CI): the work stays silent.
//
// The work itself only calls a plain callback — func(done, total int) for counts (nn's
// TrainOptions.Progress, vision's trained networks, grade.Options.Progress), func(done,
// total int64) for bytes (data.DownloadOptions.Progress) — so the models never import this
// package, GoNB or a terminal library. A cell passes one, e.g.
//
//	net := nma.Must(vision.TrainedCNN(os.Stdout, progress.Show("training the CNN")))
//
// A bar appears at its first update: work that reports nothing (a network loaded from the
// cache) shows no bar. It is redrawn at most every Interval (about 10 times a second); the
// first and the last update are always drawn, and the last one (done == total) stays, with
// the time the work took.
package progress

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"sync"
	"time"

	"github.com/nma-go/nma-go/nma/internal/nbout"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Interval is the least time between two redraws of a bar.
const Interval = 100 * time.Millisecond

// Bar shows the progress of one piece of work. Its methods are safe for concurrent use.
type Bar struct {
	mu       sync.Mutex
	label    string
	bytes    bool // done and total are bytes
	sink     sink // where it is drawn; nil: nowhere
	now      func() time.Time
	start    time.Time
	last     time.Time // last draw
	drawn    bool
	finished bool
	done     int64
	total    int64
}

// New returns a bar for work counted in steps (gradient steps, graded exercises), labelled
// label, drawn where the person waiting sees it (see the package documentation).
func New(label string) *Bar { return newBar(label, false, detect()) }

// NewBytes returns a bar for a transfer counted in bytes (shown as kB, MB).
func NewBytes(label string) *Bar { return newBar(label, true, detect()) }

// Show returns the Update method of a new bar labelled label: the callback to hand to long
// work, e.g. vision.TrainedCNN(os.Stdout, progress.Show("training the CNN")).
func Show(label string) func(done, total int) { return New(label).Update }

// ShowBytes returns the Update64 method of a new byte bar labelled name. Its signature fits
// data.DownloadAll, which makes one bar per file: data.DownloadAll(os.Stdout, progress.ShowBytes).
func ShowBytes(name string) func(done, total int64) { return NewBytes(name).Update64 }

func newBar(label string, bytes bool, s sink) *Bar {
	return &Bar{label: label, bytes: bytes, sink: s, now: time.Now}
}

// detect chooses where bars are drawn: a notebook (GoNB runs the program), else stderr when
// it is a terminal, else nowhere.
func detect() sink {
	if nbout.IsNotebook {
		return &notebookSink{id: "nma-progress-" + nbout.UniqueID(), update: nbout.UpdateHTML}
	}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		return &terminalSink{w: os.Stderr}
	}
	return nil
}

// Update reports that done of total steps are done. The last update (done ≥ total) finishes
// the bar; later updates are ignored, so a Bar shows one piece of work.
func (b *Bar) Update(done, total int) { b.Update64(int64(done), int64(total)) }

// Update64 is Update with 64-bit counts (bytes); a negative total means unknown.
func (b *Bar) Update64(done, total int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return
	}
	now := b.now()
	if !b.drawn {
		b.start = now
	}
	b.done, b.total = done, total
	final := total >= 0 && done >= total
	if b.drawn && !final && now.Sub(b.last) < Interval {
		return
	}
	b.draw(now, final)
}

// Close ends a bar that did not finish (the work failed or was interrupted): a terminal bar
// keeps its last state and ends its line, so that what is printed next starts on a line of
// its own. Closing a finished bar, or one never drawn, does nothing.
func (b *Bar) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished || !b.drawn {
		return
	}
	b.finished = true
	if b.sink != nil {
		b.sink.close()
	}
}

// draw draws the current state; b.mu is held.
func (b *Bar) draw(now time.Time, final bool) {
	b.last, b.drawn = now, true
	if final {
		b.finished = true
	}
	if b.sink != nil {
		b.sink.draw(State{Label: b.label, Bytes: b.bytes, Done: b.done, Total: b.total, Elapsed: now.Sub(b.start), Final: final})
	}
}

// Writer returns a writer for log lines printed while the bar runs (e.g. `nma grade`'s
// "[3/40] alice …" lines): in a terminal each complete line is printed above the bar, which
// is redrawn under it; elsewhere the lines go straight to w.
func (b *Bar) Writer(w io.Writer) io.Writer {
	if _, ok := b.sink.(*terminalSink); !ok {
		return w
	}
	return &lineWriter{b: b, w: w}
}

// lineWriter passes complete lines to the bar's sink, which prints them above the bar.
type lineWriter struct {
	b   *Bar
	w   io.Writer
	buf []byte
}

func (l *lineWriter) Write(p []byte) (int, error) {
	l.b.mu.Lock()
	defer l.b.mu.Unlock()
	l.buf = append(l.buf, p...)
	i := bytes.LastIndexByte(l.buf, '\n')
	if i < 0 {
		return len(p), nil
	}
	lines := l.buf[:i+1]
	var err error
	if ts, ok := l.b.sink.(*terminalSink); ok && l.b.drawn && !l.b.finished {
		err = ts.above(l.w, lines)
	} else {
		_, err = l.w.Write(lines)
	}
	l.buf = append(l.buf[:0], l.buf[i+1:]...)
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// State is what a bar shows.
type State struct {
	Label       string
	Bytes       bool
	Done, Total int64 // Total < 0: unknown
	Elapsed     time.Duration
	Final       bool // the work is done
}

// Text is the state in words: "training the CNN: 37% (93 of 250) · 7.1 s, about 12 s left",
// and at the end "training the CNN: done, 250 of 250 in 19.4 s".
func (s State) Text() string {
	amount := func(n int64) string {
		if s.Bytes {
			return human(n)
		}
		return fmt.Sprint(n)
	}
	switch {
	case s.Final:
		return fmt.Sprintf("%s: done, %s in %s", s.Label, amount(s.Done), seconds(s.Elapsed))
	case s.Total < 0:
		return fmt.Sprintf("%s: %s · %s", s.Label, amount(s.Done), seconds(s.Elapsed))
	}
	t := fmt.Sprintf("%s: %.0f%% (%s of %s) · %s", s.Label, 100*s.fraction(), amount(s.Done), amount(s.Total), seconds(s.Elapsed))
	if s.Done > 0 && s.Elapsed >= time.Second {
		left := time.Duration(float64(s.Elapsed) * float64(s.Total-s.Done) / float64(s.Done))
		t += ", about " + seconds(left) + " left"
	}
	return t
}

// fraction is done/total in [0, 1] (0 when the total is unknown or zero).
func (s State) fraction() float64 {
	if s.Total <= 0 {
		return 0
	}
	return min(float64(s.Done)/float64(s.Total), 1)
}

// HTML is the state as a notebook shows it: a <progress> element and Text.
func (s State) HTML() string {
	bar := `<progress style="width:14em;vertical-align:middle"></progress>` // indeterminate
	if s.Total >= 0 || s.Final {
		f := s.fraction()
		if s.Final {
			f = 1
		}
		bar = fmt.Sprintf(`<progress value="%.3f" max="1" style="width:14em;vertical-align:middle"></progress>`, f)
	}
	return `<div class="nma-progress" style="font-family:monospace;font-size:90%;margin:2px 0">` + bar + " " + html.EscapeString(s.Text()) + `</div>`
}

func seconds(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	d = d.Round(time.Second)
	return fmt.Sprintf("%d min %02d s", int(d.Minutes()), int(d.Seconds())%60)
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// sink draws bars somewhere.
type sink interface {
	draw(State)
	close()
}

// notebookSink draws a bar as an HTML block of the cell's output, created at the first draw
// and updated in place (GoNB's transient display data; the last state is what a saved
// notebook keeps).
type notebookSink struct {
	id     string
	update func(id, html string)
}

func (n *notebookSink) draw(s State) { n.update(n.id, s.HTML()) }
func (n *notebookSink) close()       {}

// terminalSink draws a bar on a terminal with progressbar/v3 (Bar throttles the updates,
// so the library redraws at every one it gets).
type terminalSink struct {
	w  io.Writer
	pb *progressbar.ProgressBar
}

func (t *terminalSink) draw(s State) {
	if t.pb == nil {
		opts := []progressbar.Option{
			progressbar.OptionSetWriter(t.w),
			progressbar.OptionSetDescription(s.Label),
			progressbar.OptionSetWidth(30),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(t.w) }),
		}
		opts = append(opts, progressbar.OptionShowCount(), progressbar.OptionShowBytes(s.Bytes))
		total := s.Total
		if total == 0 {
			total = 1 // progressbar: a bar of 0 is finished before it starts
		}
		t.pb = progressbar.NewOptions64(total, opts...)
		t.pb.RenderBlank()
	}
	switch {
	case s.Final && s.Total < 0: // the size is known now
		t.pb.ChangeMax64(max(s.Done, 1))
	case s.Total > 0 && s.Total != t.pb.GetMax64():
		t.pb.ChangeMax64(s.Total)
	}
	if s.Final {
		t.pb.Finish()
		return
	}
	t.pb.Set64(s.Done)
}

func (t *terminalSink) close() {
	if t.pb != nil && !t.pb.IsFinished() {
		t.pb.Exit() // keeps the bar, ends its line (OnCompletion)
	}
}

// above prints lines above the running bar: erase the bar, print, redraw it.
func (t *terminalSink) above(w io.Writer, lines []byte) error {
	if t.pb == nil {
		_, err := w.Write(lines)
		return err
	}
	t.pb.Clear()
	_, err := w.Write(lines)
	t.pb.RenderBlank()
	return err
}
