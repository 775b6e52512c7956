// Package widgets makes the course's interactive demos: sliders and dropdowns that redraw a
// figure. A demo's render function is plain Go (testable for any values).
//
// Show never holds the kernel. It precomputes the demo: every frame is rendered once in Go
// (drawing and PNG encoding on all cores, Render too when the demo is Parallel), and a few
// lines of JavaScript in the output swap the frames when a control moves — instant, the
// kernel free as soon as the cell ends, and it keeps working in exported HTML. The default
// figure appears at once; the controls when every frame is ready.
//
// A grid larger than the budget — MaxFrames frames (or the demo's own MaxFrames) and
// MaxBytes bytes of frames, estimated from the default and the two corner frames — is
// thinned first (see Thin): each slider keeps every k-th value, k = 1, 2, 4, 5, 10, 20, 25,
// …, counted from its default, Min or Max (whichever gives rounder numbers), plus its two
// ends and its default; the slider with the most values is thinned first; dropdowns keep
// every option. A slider whose values the demo's questions need can be given its own step
// with PrecomputeEvery. A note under a thinned demo says which values it kept. Frames are
// drawn at FrameDPI (at most MaxFrameWidth pixels wide) and reduced to a 256-colour
// palette where that changes no more than a few antialiased edge pixels.
//
// The live demo is the explicit opt-in to the whole grid: package nma/widgets/live shows
// the same demo with GoNB widgets that re-render on every change while the cell runs, so
// the cell holds the kernel until its Stop button is pressed or IdleTimeout passes without
// a change. A student gets it by writing live.Demo{…} instead of widgets.Demo{…} in a
// demo's cell; no cell of the notebooks does, so "Run All" never waits. It lives in its own
// package because GoNB's gonbui, which it needs, links 71 packages more (crypto, net, klog,
// text/template) into every program that imports it: a demo cell's go build took 0.33 s
// with them and takes 0.23 s without. Headless (NMA_HEADLESS=1, as `nma run` sets it, or
// outside a notebook) a live demo draws the default values once and returns; if the browser
// does not show its widgets within StartTimeout (VS Code runs no widget JavaScript), it does
// the same instead of hanging.
package widgets

import (
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/internal/nbout"
)

// Param is one control of a demo: a float slider (Min, Max, Step, Default) or, when
// Options is set, a dropdown whose value is the index of the chosen option.
type Param struct {
	Name               string
	Min, Max, Step     float64
	Default            float64
	Options            []string
	values             []float64
	defaultIndex       int
	offGrid            bool // the default is not on the grid Min, Min+Step, …: it was inserted
	labels             []string
	of                 int     // before thinning, the number of values (0: not thinned)
	every              float64 // PrecomputeEvery's step (0: thinned automatically)
	validationProblems error
}

// Slider is a float slider from min to max in steps of step, starting at def. Like
// ipywidgets, a default that is not on the grid is shown first and the grid is used after.
func Slider(name string, min, max, step, def float64) Param {
	p := Param{Name: name, Min: min, Max: max, Step: step, Default: def}
	p.build()
	return p
}

// Dropdown chooses one of options, starting at index def.
func Dropdown(name string, options []string, def int) Param {
	p := Param{Name: name, Options: options, Default: float64(def)}
	p.build()
	return p
}

func (p *Param) build() {
	if p.Options != nil {
		if len(p.Options) == 0 || p.Default < 0 || int(p.Default) >= len(p.Options) {
			p.validationProblems = fmt.Errorf("widgets: dropdown %q: default index %v outside its %d options", p.Name, p.Default, len(p.Options))
			return
		}
		for i, o := range p.Options {
			p.values = append(p.values, float64(i))
			p.labels = append(p.labels, o)
		}
		p.defaultIndex = int(p.Default)
		return
	}
	switch {
	case !(p.Step > 0):
		p.validationProblems = fmt.Errorf("widgets: slider %q: step=%g must be positive", p.Name, p.Step)
		return
	case !(p.Max >= p.Min):
		p.validationProblems = fmt.Errorf("widgets: slider %q: max=%g is below min=%g", p.Name, p.Max, p.Min)
		return
	case p.Default < p.Min || p.Default > p.Max:
		p.validationProblems = fmt.Errorf("widgets: slider %q: default=%g outside [%g, %g]", p.Name, p.Default, p.Min, p.Max)
		return
	}
	n := int(math.Floor((p.Max-p.Min)/p.Step+1e-9)) + 1
	inserted := false
	for i := 0; i < n; i++ {
		v := clean(p.Min + float64(i)*p.Step)
		if !inserted && p.Default < v-1e-9 {
			p.values = append(p.values, clean(p.Default))
			inserted, p.offGrid = true, true
		}
		if !inserted && math.Abs(p.Default-v) < 1e-9 {
			inserted = true
		}
		p.values = append(p.values, v)
	}
	if !inserted {
		p.values = append(p.values, clean(p.Default))
		p.offGrid = true
	}
	for i, v := range p.values {
		if math.Abs(v-p.Default) < 1e-9 {
			p.defaultIndex = i
		}
		p.labels = append(p.labels, strconv.FormatFloat(v, 'g', -1, 64))
	}
}

// PrecomputeEvery returns the slider with its precomputed grid chosen by the demo's
// author: when Show must thin the demo's grid, this slider keeps the values step apart
// (a multiple of its Step; its ends and default too), and the other sliders are thinned
// first. Use it for the slider a demo's questions need fine, e.g. an imaginary part in
// steps of 1 so that the student can find 0.5 Hz. Live still has every value.
func (p Param) PrecomputeEvery(step float64) Param {
	switch {
	case p.validationProblems != nil:
	case p.Options != nil:
		p.validationProblems = fmt.Errorf("widgets: dropdown %q: PrecomputeEvery(%g) applies to sliders only", p.Name, step)
	case !(step >= p.Step) || math.Abs(step/p.Step-math.Round(step/p.Step)) > 1e-6:
		p.validationProblems = fmt.Errorf("widgets: slider %q: PrecomputeEvery(%g) is not a positive multiple of its step %g", p.Name, step, p.Step)
	default:
		p.every = step
	}
	return p
}

// clean rounds away floating-point noise such as 0.30000000000000004.
func clean(v float64) float64 {
	c, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 9, 64), 64)
	return c
}

// Values returns every value the control can take, in order.
func (p Param) Values() []float64 { return p.values }

// Labels are the control's values as it shows them (the options of a dropdown), one per
// value of Values.
func (p Param) Labels() []string { return p.labels }

// DefaultIndex is the position of the default value in Values.
func (p Param) DefaultIndex() int { return p.defaultIndex }

// Values holds the current value of each control, by name.
type Values map[string]float64

// Get returns a control's value; it panics with a clear message for an unknown name, which
// is a bug in the demo, not a user error.
func (v Values) Get(name string) float64 {
	x, ok := v[name]
	if !ok {
		panic(fmt.Sprintf("widgets: the demo has no control named %q", name))
	}
	return x
}

// Int returns a dropdown's chosen index.
func (v Values) Int(name string) int { return int(v.Get(name)) }

// Demo is an interactive figure.
type Demo struct {
	Params []Param
	// Render draws the figure for one combination of values. Each call must return a new
	// figure: Show draws the returned figures on all cores while Render runs for the next.
	// It may stop with nma.Must (a panic whose value is an error) like any notebook code:
	// the error becomes the frame's error, shown under the demo with the controls' values.
	Render func(v Values) (*fig.Figure, error)
	// Parallel also runs Render itself on all cores; set it only when Render is safe for
	// concurrent calls (no shared mutable state: a pure simulation and plot is).
	Parallel bool
	// MaxFrames, when positive, is this demo's frame budget instead of the package's
	// MaxFrames (a smaller one for a demo whose frames are slow to compute).
	MaxFrames int
}

// Configuration shared by all demos.
var (
	// MaxFrames is the frame budget of a precomputed demo: a larger grid is thinned to fit.
	MaxFrames = 64
	// MaxBytes is the byte budget of a precomputed demo's frames in the notebook (base64
	// PNGs), estimated from the default frame: a grid whose frames would not fit is thinned.
	MaxBytes = 2 << 20
	// FrameDPI is the resolution of precomputed frames (smaller than figures, to keep the
	// output light): an 8 in figure, shown 576 CSS pixels wide, is 800 pixels.
	FrameDPI = 100
	// MaxFrameWidth caps a frame's width in pixels: a wider figure is drawn at a lower DPI
	// (a 14 in figure, shown 1008 CSS pixels wide, at 71 DPI).
	MaxFrameWidth = 1000
	// StartTimeout is how long a live demo waits for the browser to show its widgets.
	StartTimeout = 5 * time.Second
	// IdleTimeout ends a live demo that nobody has touched for this long, freeing the kernel.
	IdleTimeout = 10 * time.Minute
)

// Headless reports whether no browser can answer: outside a notebook, or NMA_HEADLESS=1.
func Headless() bool {
	return !nbout.IsNotebook || os.Getenv("NMA_HEADLESS") == "1"
}

// Defaults returns the starting value of every control.
func (d Demo) Defaults() Values {
	v := Values{}
	for _, p := range d.Params {
		v[p.Name] = p.values[p.defaultIndex]
	}
	return v
}

// Frames is the size of the parameter grid (the number of distinct figures).
func (d Demo) Frames() int {
	n := 1
	for _, p := range d.Params {
		n *= len(p.values)
	}
	return n
}

// Validate reports a control with impossible settings.
func (d Demo) Validate() error {
	if d.Render == nil {
		return errors.New("widgets: Demo.Render is nil")
	}
	if d.MaxFrames < 0 {
		return fmt.Errorf("widgets: Demo.MaxFrames=%d must not be negative", d.MaxFrames)
	}
	seen := map[string]bool{}
	for _, p := range d.Params {
		if p.validationProblems != nil {
			return p.validationProblems
		}
		if len(p.values) == 0 {
			return fmt.Errorf("widgets: control %q was not made with Slider or Dropdown", p.Name)
		}
		if seen[p.Name] {
			return fmt.Errorf("widgets: two controls are named %q", p.Name)
		}
		seen[p.Name] = true
	}
	return nil
}

// budget is the demo's frame budget: its own MaxFrames, or the package's.
func (d Demo) budget() int {
	if d.MaxFrames > 0 {
		return d.MaxFrames
	}
	return max(1, MaxFrames)
}

// Thin returns the demo on a grid of at most budget frames: each slider keeps every k-th
// of its values (counted from its default, its Min or its Max, whichever gives the rounder
// numbers), plus its two ends and its default; the stride k runs through 1, 2, 4, 5, 10,
// 20, 25, 40, 50, 100, … and the slider with the most values is thinned first (the first
// such slider on a tie). A slider with PrecomputeEvery starts at that stride and is thinned
// further only when no other slider can be. Dropdowns keep every option. A grid
// already within budget is returned unchanged; when even the smallest grid (every slider at
// its ends and default) exceeds budget, Thin returns that smallest grid. The result depends
// on nothing but the controls and budget.
func (d Demo) Thin(budget int) Demo {
	out := d
	out.Params = append([]Param(nil), d.Params...)
	stride := make([]int, len(out.Params))
	count := make([]int, len(out.Params))
	total := 1
	for i, p := range out.Params {
		stride[i], count[i] = 1, len(p.values)
		total *= count[i]
	}
	if total > budget {
		total = 1
		for i, p := range out.Params {
			if p.every > 0 {
				stride[i] = int(math.Round(p.every / p.Step))
				count[i] = len(p.keep(stride[i]))
			}
			total *= count[i]
		}
	}
	for total > budget {
		best, bestStride, bestCount := -1, 0, 0
		for _, chosen := range []bool{false, true} { // sliders with PrecomputeEvery last
			for i, p := range d.Params {
				if p.Options != nil || (p.every > 0) != chosen || (best >= 0 && count[i] <= count[best]) {
					continue
				}
				if s, c := p.nextStride(stride[i]); s > 0 {
					best, bestStride, bestCount = i, s, c
				}
			}
			if best >= 0 {
				break
			}
		}
		if best < 0 {
			break // every slider is down to its ends and default
		}
		total = total / count[best] * bestCount
		stride[best], count[best] = bestStride, bestCount
	}
	for i, p := range d.Params {
		if stride[i] > 1 {
			out.Params[i] = p.strided(stride[i])
		}
	}
	return out
}

// niceStride returns the strides a slider is thinned with, in order: 1, 2, 4, 5, 10, 20,
// 25, 40, 50, 100, 200, 250, … (so a step of 0.1 becomes 0.2, 0.4, 0.5, 1, 2, 2.5, …).
func niceStride(k int) int {
	base := []int{10, 20, 25, 40, 50}
	if k < 4 {
		return []int{1, 2, 4, 5}[k]
	}
	k -= 4
	s := base[k%len(base)]
	for range k / len(base) {
		s *= 10
	}
	return s
}

// nextStride returns the first stride after s that keeps fewer values, and that count;
// (0, 0) when the slider is already down to its ends and default.
func (p Param) nextStride(s int) (int, int) {
	n := len(p.values)
	now := len(p.keep(s))
	for k := 0; ; k++ {
		t := niceStride(k)
		if t <= s {
			continue
		}
		if c := len(p.keep(t)); c < now {
			return t, c
		}
		if t >= n {
			return 0, 0
		}
	}
}

// keep returns the indices of p.values a stride s keeps: both ends, the default, and every
// s-th value of the grid Min, Min+Step, … counted from an anchor: the default (when it is on
// the grid), Min or Max, whichever puts the most kept values on multiples of s·Step (round
// numbers: 0, 2, 4 rather than 0.5, 2.5, 4.5 for a step of 2); on a tie the first of those.
func (p Param) keep(s int) []int {
	regular := func(i int) int { // position of p.values[i] on the regular grid
		if p.offGrid && i > p.defaultIndex {
			return i - 1
		}
		return i
	}
	last := regular(len(p.values) - 1)
	anchors := []int{0, last}
	if !p.offGrid {
		anchors = []int{p.defaultIndex, 0, last}
	}
	var best []int
	bestRound := -1
	for _, a := range anchors {
		var idx []int
		round := 0
		for i, v := range p.values {
			inserted := p.offGrid && i == p.defaultIndex
			if i == 0 || i == len(p.values)-1 || i == p.defaultIndex || (!inserted && (regular(i)-a)%s == 0) {
				idx = append(idx, i)
				if q := v / (float64(s) * p.Step); math.Abs(q-math.Round(q)) < 1e-6 {
					round++
				}
			}
		}
		if round > bestRound {
			best, bestRound = idx, round
		}
	}
	return best
}

// strided is p thinned to stride s (see keep).
func (p Param) strided(s int) Param {
	q := p
	q.values, q.labels = nil, nil
	q.of = len(p.values)
	if p.of > 0 {
		q.of = p.of
	}
	for _, i := range p.keep(s) {
		if i == p.defaultIndex {
			q.defaultIndex = len(q.values)
		}
		q.values = append(q.values, p.values[i])
		q.labels = append(q.labels, p.labels[i])
	}
	return q
}

// Show displays the demo precomputed (see the package doc) and returns once its frames
// are in the notebook: it never holds the kernel.
func (d Demo) Show() {
	if err := d.Validate(); err != nil {
		showError(err)
		return
	}
	if !nbout.IsNotebook {
		p, err := d.precompute(nil)
		if err != nil {
			showError(err)
			return
		}
		fmt.Printf("(interactive demo with %d precomputed frames%s; open it in a notebook)\n", len(p.frames), p.thinNote())
		return
	}
	id := "nma_demo_out_" + nbout.UniqueID()
	p, err := d.precompute(func(first string, width, frames int) {
		// The default figure at once; the controls follow when every frame is ready.
		nbout.UpdateHTML(id, fmt.Sprintf(`<img src="%s" width="%d" alt="demo figure"><br><small style="color:#666">preparing the demo's %d frames…</small>`, first, width, frames))
	})
	if err != nil {
		nbout.UpdateHTML(id, errorHTML(err))
		fmt.Fprintln(os.Stderr, err)
		return
	}
	nbout.UpdateHTML(id, p.html())
	nbout.Sync() // a large output must reach the kernel before the cell's program ends
}

// LiveNote is what Live shows: where the live demo is.
const LiveNote = "live demos are in package github.com/nma-go/nma-go/nma/widgets/live: write live.Demo{…} instead of widgets.Demo{…} and run the cell again (showing the default values)"

// Live points to the live demo: it draws the default values once and says to write
// live.Demo{…} instead of widgets.Demo{…} (package nma/widgets/live; see the package doc
// for why it is not here).
func (d Demo) Live() {
	if err := d.Validate(); err != nil {
		showError(err)
		return
	}
	d.ShowDefaults(LiveNote)
}

// FigureAt renders the demo at a combination of control indices (one per Param, each
// within its Values), returning Render's error — or the error a Render that stopped with
// nma.Must panicked with. For front ends such as nma/widgets/live.
func (d Demo) FigureAt(idx []int) (*fig.Figure, error) {
	if len(idx) != len(d.Params) {
		return nil, fmt.Errorf("widgets: %d control indices for %d controls", len(idx), len(d.Params))
	}
	for i, k := range idx {
		if k < 0 || k >= len(d.Params[i].values) {
			return nil, fmt.Errorf("widgets: control %q has no value number %d (it has %d)", d.Params[i].Name, k, len(d.Params[i].values))
		}
	}
	f, err := d.render(d.valuesAt(idx))
	if err == nil && f == nil {
		err = errors.New("the demo's Render returned a nil figure")
	}
	return f, err
}

// ShowDefaults draws the demo at its default values, with note under it in a notebook.
func (d Demo) ShowDefaults(note string) {
	f, err := d.render(d.Defaults())
	if err != nil {
		showError(err)
		return
	}
	f.Show()
	if nbout.IsNotebook {
		nbout.HTML(`<small style="color:#666">` + html.EscapeString(note) + `</small>`)
	}
}

// render calls d.Render. A panic whose value is an error that is not a runtime error — what
// nma.Must stops with when a library call in Render fails — is returned as Render's error;
// any other panic (an index out of range, a nil pointer: a bug in the demo) goes on, with
// its stack trace.
func (d Demo) render(v Values) (f *fig.Figure, err error) {
	defer func() {
		if r := recover(); r != nil {
			var rt runtime.Error
			if e, ok := r.(error); ok && !errors.As(e, &rt) {
				f, err = nil, e
				return
			}
			panic(r)
		}
	}()
	return d.Render(v)
}

func errorHTML(err error) string {
	return `<pre style="color:#c62828">` + html.EscapeString(err.Error()) + `</pre>`
}

func showError(err error) {
	fmt.Fprintln(os.Stderr, err)
	if nbout.IsNotebook {
		nbout.HTML(errorHTML(err))
	}
}

// valuesAt returns the values at a combination of control indices.
func (d Demo) valuesAt(idx []int) Values {
	v := Values{}
	for i, p := range d.Params {
		v[p.Name] = p.values[idx[i]]
	}
	return v
}

// indices decodes frame number k into per-control indices (row-major: last control fastest).
func (d Demo) indices(k int) []int {
	idx := make([]int, len(d.Params))
	for i := len(d.Params) - 1; i >= 0; i-- {
		idx[i] = k % len(d.Params[i].values)
		k /= len(d.Params[i].values)
	}
	return idx
}

// defaultFrame is the frame number of the default values.
func (d Demo) defaultFrame() int {
	k := 0
	for _, p := range d.Params {
		k = k*len(p.values) + p.defaultIndex
	}
	return k
}

// thinning describes how the sliders were thinned, e.g. "w: 10 of 46 values", or "".
func thinning(params []Param) string {
	var parts []string
	for _, p := range params {
		if p.of > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d of %d values", p.Name, len(p.values), p.of))
		}
	}
	return strings.Join(parts, ", ")
}
