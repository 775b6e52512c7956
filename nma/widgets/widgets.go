// Package widgets makes the course's interactive demos: sliders and dropdowns that redraw a
// figure. A demo's render function is plain Go (testable for any values); Show picks how to
// make it interactive:
//
//   - Precomputed, when the parameter grid has at most MaxFrames points: every frame is
//     rendered once in Go and a few lines of JavaScript in the output swap them. The kernel
//     is free at once, and the demo keeps working in exported HTML.
//   - Live, for larger grids: GoNB widgets re-render on every change while the cell runs,
//     with a Stop button and an idle timeout (the cell holds the kernel until then).
//
// Headless (NMA_HEADLESS=1, as `nma run` sets it, or outside a notebook) a live demo draws
// the default values once and returns: GoNB widgets wait for a browser that never comes.
// If the browser does not answer within StartTimeout (VS Code runs no widget JavaScript),
// the demo falls back the same way instead of hanging.
package widgets

import (
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/nma-go/nma-go/nma/fig"
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
	labels             []string
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
			inserted = true
		}
		if !inserted && math.Abs(p.Default-v) < 1e-9 {
			inserted = true
		}
		p.values = append(p.values, v)
	}
	if !inserted {
		p.values = append(p.values, clean(p.Default))
	}
	for i, v := range p.values {
		if math.Abs(v-p.Default) < 1e-9 {
			p.defaultIndex = i
		}
		p.labels = append(p.labels, strconv.FormatFloat(v, 'g', -1, 64))
	}
}

// clean rounds away floating-point noise such as 0.30000000000000004.
func clean(v float64) float64 {
	c, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 9, 64), 64)
	return c
}

// Values returns every value the control can take, in order.
func (p Param) Values() []float64 { return p.values }

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
	Render func(v Values) (*fig.Figure, error)
	// Parallel renders precomputed frames on all cores at once; set it only when Render is
	// safe for concurrent calls (no shared mutable state: a pure simulation and plot is).
	Parallel bool
}

// Configuration shared by all demos.
var (
	// MaxFrames is the largest grid a demo precomputes; larger grids are live.
	MaxFrames = 64
	// FrameDPI is the resolution of precomputed frames (smaller than figures, to keep the output light).
	FrameDPI = 100
	// StartTimeout is how long a live demo waits for the browser to show its widgets.
	StartTimeout = 5 * time.Second
	// IdleTimeout ends a live demo that nobody has touched for this long, freeing the kernel.
	IdleTimeout = 10 * time.Minute
)

// Headless reports whether no browser can answer: outside a notebook, or NMA_HEADLESS=1.
func Headless() bool {
	return !gonbui.IsNotebook || os.Getenv("NMA_HEADLESS") == "1"
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

// Show displays the demo, precomputed or live (see the package doc).
func (d Demo) Show() {
	if err := d.Validate(); err != nil {
		showError(err)
		return
	}
	if d.Frames() <= MaxFrames {
		h, err := d.PrecomputedHTML()
		if err != nil {
			showError(err)
			return
		}
		if !gonbui.IsNotebook {
			fmt.Printf("(interactive demo with %d precomputed frames; open it in a notebook)\n", d.Frames())
			return
		}
		gonbui.DisplayHTML(h)
		gonbui.Sync() // a large output must reach the kernel before the cell's program ends
		return
	}
	if Headless() {
		d.showDefaults("headless run: showing the default values")
		return
	}
	d.live()
}

func (d Demo) showDefaults(note string) {
	f, err := d.Render(d.Defaults())
	if err != nil {
		showError(err)
		return
	}
	f.Show()
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(`<small style="color:#666">` + html.EscapeString(note) + `</small>`)
	}
}

func showError(err error) {
	fmt.Fprintln(os.Stderr, err)
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(`<pre style="color:#c62828">` + html.EscapeString(err.Error()) + `</pre>`)
	}
}

// index returns the grid position of a combination of control indices (row-major).
func (d Demo) valuesAt(idx []int) Values {
	v := Values{}
	for i, p := range d.Params {
		v[p.Name] = p.values[idx[i]]
	}
	return v
}

// frame renders one precomputed frame as a PNG data URL.
func (d Demo) frame(v Values) (string, int, error) {
	f, err := d.Render(v)
	if err != nil {
		return "", 0, fmt.Errorf("widgets: rendering frame %v: %w", v, err)
	}
	f.DPI = FrameDPI
	png, err := f.PNG()
	if err != nil {
		return "", 0, err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png), f.DisplayWidth(), nil
}

// PrecomputedHTML renders every frame and returns the self-contained HTML (sliders, frames
// as PNG data URLs, and the JavaScript that swaps them).
func (d Demo) PrecomputedHTML() (string, error) {
	n := d.Frames()
	frames := make([]string, n)
	widths := make([]int, n)
	errs := make([]error, n)
	// Render the frames, on every core when the demo allows it.
	var wg sync.WaitGroup
	next := make(chan int)
	workers := 1
	if d.Parallel {
		workers = max(1, min(runtime.GOMAXPROCS(0), n))
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			idx := make([]int, len(d.Params))
			for k := range next {
				r := k // decode k into per-control indices, last control fastest
				for i := len(d.Params) - 1; i >= 0; i-- {
					idx[i] = r % len(d.Params[i].values)
					r /= len(d.Params[i].values)
				}
				frames[k], widths[k], errs[k] = d.frame(d.valuesAt(idx))
			}
		}()
	}
	for k := 0; k < n; k++ {
		next <- k
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return "", err
		}
	}
	width := widths[0]
	id := "nma_demo_" + gonbui.UniqueId()
	var b strings.Builder
	fmt.Fprintf(&b, `<div id="%s" class="nma-demo" style="font-family:sans-serif">`, id)
	def := 0
	for i, p := range d.Params {
		def = def*len(p.values) + p.defaultIndex
		fmt.Fprintf(&b, `<div style="margin:2px 0;white-space:nowrap"><span style="display:inline-block;min-width:6em;font-weight:bold">%s</span>`, html.EscapeString(p.Name))
		if p.Options != nil {
			fmt.Fprintf(&b, `<select data-i="%d">`, i)
			for j, o := range p.Options {
				sel := ""
				if j == p.defaultIndex {
					sel = " selected"
				}
				fmt.Fprintf(&b, `<option value="%d"%s>%s</option>`, j, sel, html.EscapeString(o))
			}
			b.WriteString(`</select></div>`)
			continue
		}
		fmt.Fprintf(&b, `<input type="range" data-i="%d" min="0" max="%d" step="1" value="%d" style="width:450px;vertical-align:middle"> <output>%s</output></div>`,
			i, len(p.values)-1, p.defaultIndex, p.labels[p.defaultIndex])
	}
	fmt.Fprintf(&b, `<img src="%s" width="%d" alt="demo figure"></div>`, frames[def], width)
	b.WriteString("<script>(function(){")
	fmt.Fprintf(&b, "const root=document.getElementById(%q);", id)
	b.WriteString("const frames=[")
	for k, f := range frames {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(f))
	}
	b.WriteString("];const labels=[")
	for i, p := range d.Params {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, l := range p.labels {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(l))
		}
		b.WriteByte(']')
	}
	b.WriteString(`];if(!root)return;const ctl=Array.from(root.querySelectorAll("[data-i]"));const img=root.querySelector("img");
function upd(){let k=0;ctl.forEach((c,i)=>{const v=+c.value;k=k*labels[i].length+v;const o=c.parentNode.querySelector("output");if(o)o.textContent=labels[i][v];});img.src=frames[k];}
ctl.forEach(c=>{c.addEventListener("input",upd);c.addEventListener("change",upd);});})();</script>`)
	return b.String(), nil
}
