package widgets

import (
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"image"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/internal/nbout"
	"github.com/nma-go/nma-go/nma/internal/pngenc"
	"gonum.org/v1/plot/vg"
)

// precomputed is a demo on its (possibly thinned) grid with every frame rendered.
type precomputed struct {
	demo   Demo     // the demo on the grid that was rendered
	full   int      // frames of the demo's whole grid
	frames []string // PNG data URLs, row-major (last control fastest)
	width  int      // display width of the frames, CSS pixels
}

// thinNote describes the thinning for a message, e.g. " of the grid's 1426 (w: 10 of 46
// values, I_ext: 7 of 31 values)", or "" when the whole grid was rendered.
func (p *precomputed) thinNote() string {
	t := thinning(p.demo.Params)
	if t == "" {
		return ""
	}
	return fmt.Sprintf(" of the grid's %d (%s)", p.full, t)
}

// precompute renders the frames Show needs: the default frame first (handed to first, if
// not nil, with the number of frames to come, so that the figure can be shown at once),
// then the grid thinned to the frame and byte budgets. The byte budget is estimated from
// the largest of three frames every thinned grid keeps: the default and the two corners
// (every control at its first value, every control at its last). Render runs one call at
// a time, in order, unless the demo is Parallel; drawing and PNG encoding, the expensive
// part, run on every core.
func (d Demo) precompute(first func(url string, width, frames int)) (*precomputed, error) {
	urls, width, err := d.renderFrames([]int{d.defaultFrame()})
	if err != nil {
		return nil, err
	}
	p := &precomputed{full: d.Frames(), width: width}
	n := d.Frames()
	if n == 1 {
		p.demo, p.frames = d, urls
		return p, nil
	}
	var corners []int // the corners that are not the default frame
	for _, k := range []int{0, n - 1} {
		if k != d.defaultFrame() {
			corners = append(corners, k)
		}
	}
	cornerURLs, _, err := d.renderFrames(corners)
	if err != nil {
		return nil, err
	}
	largest := len(urls[0])
	for _, u := range cornerURLs {
		largest = max(largest, len(u))
	}
	t := d.Thin(min(d.budget(), max(1, MaxBytes/largest)))
	p.demo, n = t, t.Frames()
	if first != nil {
		first(urls[0], width, n)
	}
	p.frames = make([]string, n)
	p.frames[t.defaultFrame()] = urls[0]
	for i, k := range corners {
		p.frames[min(k, n-1)] = cornerURLs[i] // the corners stay the corners of the thinned grid
	}
	var rest []int
	for k := range n {
		if p.frames[k] == "" {
			rest = append(rest, k)
		}
	}
	more, _, err := t.renderFrames(rest)
	if err != nil {
		return nil, err
	}
	for i, k := range rest {
		p.frames[k] = more[i]
	}
	return p, nil
}

// renderFrames renders frames ks of d's grid as PNG data URLs, in the order of ks, and
// returns their display width. Render runs one call at a time, in order, unless d is
// Parallel; drawing and encoding run on every core. The first error (in the order of ks)
// is returned.
func (d Demo) renderFrames(ks []int) ([]string, int, error) {
	n := len(ks)
	urls := make([]string, n)
	widths := make([]int, n)
	errs := make([]error, n)
	type job struct {
		i   int // position in ks
		f   *fig.Figure
		err error
	}
	var failed atomic.Bool
	render := func(i int) (*fig.Figure, error) {
		v := d.valuesAt(d.indices(ks[i]))
		f, err := d.render(v)
		if err == nil && f == nil {
			err = errors.New("the demo's Render returned a nil figure")
		}
		if err != nil {
			failed.Store(true)
			return nil, fmt.Errorf("widgets: rendering frame %v: %w", v, err)
		}
		return f, nil
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	jobs := make(chan job, workers)
	go func() {
		defer close(jobs)
		for i := 0; i < n && !failed.Load(); i++ {
			if d.Parallel {
				jobs <- job{i: i} // the worker renders it
				continue
			}
			f, err := render(i)
			jobs <- job{i, f, err}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.f == nil && j.err == nil {
					j.f, j.err = render(j.i)
				}
				if j.err != nil {
					errs[j.i] = j.err
					continue
				}
				if failed.Load() {
					continue
				}
				urls[j.i], widths[j.i], errs[j.i] = encodeFrame(j.f)
				if errs[j.i] != nil {
					errs[j.i] = fmt.Errorf("widgets: rendering frame %v: %w", d.valuesAt(d.indices(ks[j.i])), errs[j.i])
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, 0, err
		}
	}
	if n == 0 {
		return nil, 0, nil
	}
	return urls, widths[0], nil
}

// maxOffPalette is the largest fraction of a frame's pixels whose colour may be
// approximated when it is reduced to 256 colours (see nma/internal/pngenc).
const maxOffPalette = 0.10

// encodeFrame draws f at FrameDPI (lower for a figure that would be wider than
// MaxFrameWidth pixels) and returns it as a PNG data URL, with its display width.
func encodeFrame(f *fig.Figure) (string, int, error) {
	dpi := FrameDPI
	if in := float64(f.Width / vg.Inch); in > 0 && float64(dpi)*in > float64(MaxFrameWidth) {
		dpi = max(1, int(float64(MaxFrameWidth)/in))
	}
	img, done, err := frameCanvas(f, dpi)
	if err != nil {
		return "", 0, err
	}
	defer done()
	png, err := pngenc.Encode(img, maxOffPalette)
	if err != nil {
		return "", 0, err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png), f.DisplayWidth(), nil
}

// frameBuffers keeps the pixel buffers of drawn frames for the next frame of the same size
// (at most one per worker): a new canvas costs two allocations of the whole image (vgimg's
// and gg's copy of it) and a copy, ~12 % of a demo's CPU.
var frameBuffers struct {
	sync.Mutex
	free []*image.RGBA
}

// frameBuffer returns a w×h buffer, reused when one is free (its pixels are stale).
func frameBuffer(w, h int) *image.RGBA {
	frameBuffers.Lock()
	defer frameBuffers.Unlock()
	for i, b := range frameBuffers.free {
		if b.Rect.Dx() == w && b.Rect.Dy() == h {
			frameBuffers.free = append(frameBuffers.free[:i], frameBuffers.free[i+1:]...)
			return b
		}
	}
	return image.NewRGBA(image.Rect(0, 0, w, h))
}

// releaseFrameBuffer keeps b for the next frame; the oldest buffer goes beyond one per core.
func releaseFrameBuffer(b *image.RGBA) {
	frameBuffers.Lock()
	defer frameBuffers.Unlock()
	frameBuffers.free = append(frameBuffers.free, b)
	if n := len(frameBuffers.free) - runtime.GOMAXPROCS(0); n > 0 {
		frameBuffers.free = append(frameBuffers.free[:0], frameBuffers.free[n:]...)
	}
}

// frameCanvas draws f at dpi on a white canvas (fig.Figure.ImageAt, on a free buffer of
// its size) and returns its pixels, and the function that gives the buffer back once they
// are no longer used.
func frameCanvas(f *fig.Figure, dpi int) (*image.RGBA, func(), error) {
	img, err := f.ImageAt(dpi, frameBuffer(f.PixelSize(dpi)))
	if err != nil {
		return nil, nil, err
	}
	return img, func() { releaseFrameBuffer(img) }, nil
}

// html is the self-contained output of a precomputed demo: its controls, the default
// frame in an <img>, a note when the grid was thinned, and the JavaScript that swaps the
// frames (the default frame is sent once, in the <img>). Without JavaScript (an untrusted
// or exported notebook) the default figure still shows.
func (p *precomputed) html() string {
	t := p.demo
	def := t.defaultFrame()
	id := "nma_demo_" + nbout.UniqueID()
	var b strings.Builder
	fmt.Fprintf(&b, `<div id="%s" class="nma-demo" data-frames="%d" style="font-family:sans-serif">`, id, len(p.frames))
	for i, p := range t.Params {
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
	fmt.Fprintf(&b, `<img src="%s" width="%d" alt="demo figure">`, p.frames[def], p.width)
	if th := thinning(t.Params); th != "" {
		fmt.Fprintf(&b, `<div class="nma-demo-note" style="color:#666;font-size:smaller">%d precomputed frames of the grid's %d (%s). For every value, write <code>live.Demo</code> instead of <code>widgets.Demo</code> in this cell and run it again: the cell then holds the kernel until you press <i>Stop demo</i>.</div>`,
			len(p.frames), p.full, html.EscapeString(th))
	}
	b.WriteString("<script>(function(){")
	fmt.Fprintf(&b, "const s=document.currentScript,root=(s&&s.closest(\".nma-demo\"))||document.getElementById(%q);", id)
	b.WriteString("if(!root)return;const img=root.querySelector(\"img\");const frames=[")
	for k, f := range p.frames {
		if k > 0 {
			b.WriteByte(',')
		}
		if k == def {
			b.WriteString("null")
			continue
		}
		b.WriteString(strconv.Quote(f))
	}
	fmt.Fprintf(&b, "];frames[%d]=img.getAttribute(\"src\");const labels=[", def)
	for i, p := range t.Params {
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
	b.WriteString(`];const ctl=Array.from(root.querySelectorAll("[data-i]"));
function upd(){let k=0;ctl.forEach((c,i)=>{const v=+c.value;k=k*labels[i].length+v;const o=c.parentNode.querySelector("output");if(o)o.textContent=labels[i][v];});img.src=frames[k];}
ctl.forEach(c=>{c.addEventListener("input",upd);c.addEventListener("change",upd);});})();</script></div>`)
	return b.String()
}

// PrecomputedHTML renders the demo's frames on its grid thinned to the budgets and returns
// the self-contained HTML Show displays (controls, frames as PNG data URLs, the JavaScript
// that swaps them).
func (d Demo) PrecomputedHTML() (string, error) {
	if err := d.Validate(); err != nil {
		return "", err
	}
	p, err := d.precompute(nil)
	if err != nil {
		return "", err
	}
	return p.html(), nil
}
