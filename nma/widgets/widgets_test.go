package widgets

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/internal/pngenc"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

func TestSliderValuesFollowIpywidgets(t *testing.T) {
	// a = (0.3, 3, 0.3) with the course's start 1.65: the off-grid default is shown first.
	a := Slider("a", 0.3, 3, 0.3, 1.65)
	want := []float64{0.3, 0.6, 0.9, 1.2, 1.5, 1.65, 1.8, 2.1, 2.4, 2.7, 3}
	if got := a.Values(); len(got) != len(want) {
		t.Fatalf("values %v", got)
	} else {
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("values %v, want %v", got, want)
			}
		}
	}
	th := Slider("theta", 2, 4, 0.2, 3)
	if len(th.Values()) != 11 || th.values[th.defaultIndex] != 3 {
		t.Errorf("theta values %v default index %d", th.Values(), th.defaultIndex)
	}
	d := Demo{Params: []Param{a, th}, Render: func(Values) (*fig.Figure, error) { return nil, nil }}
	if d.Frames() != 121 || d.Defaults()["a"] != 1.65 || d.Defaults()["theta"] != 3 {
		t.Errorf("frames %d defaults %v", d.Frames(), d.Defaults())
	}
}

func TestValidateNamesTheControl(t *testing.T) {
	render := func(Values) (*fig.Figure, error) { return nil, nil }
	for _, c := range []struct {
		d    Demo
		want string
	}{
		{Demo{Params: []Param{Slider("x", 0, 1, 0, 0)}, Render: render}, `slider "x": step=0`},
		{Demo{Params: []Param{Slider("x", 1, 0, 0.1, 0)}, Render: render}, `max=0 is below min=1`},
		{Demo{Params: []Param{Slider("x", 0, 1, 0.1, 2)}, Render: render}, `default=2 outside`},
		{Demo{Params: []Param{Dropdown("m", []string{"a"}, 3)}, Render: render}, `dropdown "m": default index 3`},
		{Demo{Params: []Param{Slider("x", 0, 1, 0.5, 0), Slider("x", 0, 1, 0.5, 0)}, Render: render}, `two controls are named "x"`},
		{Demo{Params: []Param{{Name: "raw"}}, Render: render}, `not made with Slider`},
		{Demo{}, "Render is nil"},
	} {
		if err := c.d.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate = %v, want %q", err, c.want)
		}
	}
}

func TestPrecomputedHTMLHasEveryFrame(t *testing.T) {
	calls := map[string]bool{}
	d := Demo{
		Params: []Param{Slider("r", 0, 1, 0.5, 0.5), Dropdown("mode", []string{"lin", "sq"}, 1)},
		Render: func(v Values) (*fig.Figure, error) {
			calls[fig.FormatKey(v.Get("r"), float64(v.Int("mode")))] = true
			p := fig.NewPlot("", "x", "y")
			k := v.Get("r") + 0.3*float64(v.Int("mode")) // six different lines
			fig.Line(p, []float64{0, 1}, []float64{0, k + 0.1})
			fig.Limits(p, 0, 1, 0, 2)
			return fig.New(p).Size(2, 2), nil
		},
	}
	h, err := d.PrecomputedHTML()
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 6 {
		t.Errorf("rendered %d distinct frames, want 6", len(calls))
	}
	frames := dataURLs.FindAllString(h, -1)
	// 5 in the JavaScript array, plus the default one in the <img> (the array holds null there).
	if len(frames) != 6 || !strings.Contains(h, "null") {
		t.Errorf("%d data URLs, want 6", len(frames))
	}
	if !strings.Contains(h, `<option value="1" selected>sq</option>`) || !strings.Contains(h, `value="1"`) || !strings.Contains(h, "<output>0.5</output>") {
		t.Errorf("controls do not start at the defaults")
	}
	if !strings.Contains(h, `data-frames="6"`) || strings.Contains(h, "nma-demo-note") {
		t.Errorf("a grid within budget is not thinned and needs no note")
	}
	distinct := map[string]bool{}
	for _, f := range frames {
		distinct[f] = true
	}
	if len(distinct) != 6 {
		t.Errorf("%d distinct frames, want 6 different images", len(distinct))
	}
}

var dataURLs = regexp.MustCompile(`"data:image/png;base64,[^"]+"`)

func TestParallelFramesEqualSequentialFrames(t *testing.T) {
	d := Demo{
		Params: []Param{Slider("k", 0, 2, 0.25, 1)},
		Render: func(v Values) (*fig.Figure, error) {
			p := fig.NewPlot("", "x", "y")
			fig.Line(p, []float64{0, 1}, []float64{0, v.Get("k")})
			fig.Limits(p, 0, 1, 0, 2)
			return fig.New(p).Size(2, 2), nil
		},
	}
	seq, err := d.PrecomputedHTML()
	if err != nil {
		t.Fatal(err)
	}
	d.Parallel = true
	par, err := d.PrecomputedHTML()
	if err != nil {
		t.Fatal(err)
	}
	strip := regexp.MustCompile(`nma_demo_[0-9a-f]+`)
	if strip.ReplaceAllString(seq, "ID") != strip.ReplaceAllString(par, "ID") {
		t.Error("parallel rendering changed the frames or their order")
	}
}

func TestRenderErrorIsReported(t *testing.T) {
	d := Demo{Params: []Param{Slider("x", 0, 1, 0.5, 0)}, Render: func(Values) (*fig.Figure, error) { return nil, errors.New("boom") }}
	if _, err := d.PrecomputedHTML(); err == nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "x:0") {
		t.Errorf("err = %v", err)
	}
}

func TestHeadlessOutsideNotebook(t *testing.T) {
	if !Headless() {
		t.Error("a test binary is not a notebook: Headless must be true")
	}
}

func TestValuesGetPanicsOnUnknownName(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), `no control named "b"`) {
			t.Errorf("recover = %v", r)
		}
	}()
	Values{"a": 1}.Get("b")
}

// The course's Euler demo (a: 17 values, dt: 100) thinned to 64 frames, by hand: dt (the
// larger) goes to strides 2, 4, 5, 10 (51, 26, 21, 11 values), then a to stride 2 (9), then
// dt to stride 20 (6): 9 × 6 = 54 frames.
func TestThinByHand(t *testing.T) {
	d := Demo{
		Params: []Param{Slider("a", -2.5, 1.5, 0.25, -0.5), Slider("dt", 0.001, 0.991, 0.01, 0.001)},
		Render: func(Values) (*fig.Figure, error) { return nil, nil },
	}
	th := d.Thin(64)
	wantA := []float64{-2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5}
	wantDt := []float64{0.001, 0.201, 0.401, 0.601, 0.801, 0.991}
	if !slices.Equal(th.Params[0].Values(), wantA) || !slices.Equal(th.Params[1].Values(), wantDt) {
		t.Errorf("thinned to %v × %v, want %v × %v", th.Params[0].Values(), th.Params[1].Values(), wantA, wantDt)
	}
	if got := thinning(th.Params); got != "a: 9 of 17 values, dt: 6 of 100 values" {
		t.Errorf("note %q", got)
	}
	if len(d.Params[1].Values()) != 100 {
		t.Error("Thin changed the demo it was called on")
	}
}

// Thin's promises, over many sliders and budgets: every value is one of the slider's own,
// the ends and the default are kept (the default still the default), the kept values are
// every k-th from the default, the budget holds unless even ends and defaults exceed it,
// dropdowns are untouched, a grid within budget is unchanged, and the result is the same
// every time.
func TestThinKeepsEndsDefaultAndBudget(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	render := func(Values) (*fig.Figure, error) { return nil, nil }
	for trial := 0; trial < 300; trial++ {
		var params []Param
		for i := range 1 + r.IntN(3) {
			if r.IntN(5) == 0 {
				params = append(params, Dropdown(fmt.Sprint("d", i), []string{"x", "y", "z"}, r.IntN(3)))
				continue
			}
			step := []float64{0.01, 0.1, 0.25, 1, 2.5}[r.IntN(5)]
			n := 1 + r.IntN(300)
			lo := float64(r.IntN(21)-10) * step
			hi := lo + float64(n-1)*step
			def := lo + float64(r.IntN(n))*step
			if r.IntN(4) == 0 {
				def = lo + r.Float64()*(hi-lo) // off the grid, as the course's a = 1.65
			}
			params = append(params, Slider(fmt.Sprint("s", i), lo, hi, step, def))
		}
		d := Demo{Params: params, Render: render}
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
		budget := 1 + r.IntN(100)
		th := d.Thin(budget)
		if again := d.Thin(budget); !reflect.DeepEqual(th.Params, again.Params) {
			t.Fatalf("Thin is not deterministic for %v", d.Params)
		}
		if !reflect.DeepEqual(th.Defaults(), d.Defaults()) {
			t.Fatalf("defaults %v became %v", d.Defaults(), th.Defaults())
		}
		smallest := 1
		for i, p := range params {
			q := th.Params[i]
			if p.Options != nil {
				if !reflect.DeepEqual(p, q) {
					t.Fatalf("dropdown %s was thinned", p.Name)
				}
				smallest *= len(p.values)
				continue
			}
			ends := map[float64]bool{p.values[0]: true, p.values[len(p.values)-1]: true, p.values[p.defaultIndex]: true}
			smallest *= len(ends)
			v := q.Values()
			if v[0] != p.values[0] || v[len(v)-1] != p.values[len(p.values)-1] || v[q.defaultIndex] != p.values[p.defaultIndex] {
				t.Fatalf("%s: ends or default lost: %v from %v", p.Name, v, p.values)
			}
			if !slices.IsSorted(v) || len(q.labels) != len(v) {
				t.Fatalf("%s: values %v labels %v", p.Name, v, q.labels)
			}
			// every kept value is one of the slider's own; with the default on the grid, the
			// kept positions are the ends and every k-th position counted from the default
			pos := map[float64]int{}
			for j, x := range p.values {
				pos[x] = j
			}
			kept := map[int]bool{}
			for _, x := range v {
				j, ok := pos[x]
				if !ok {
					t.Fatalf("%s: %g is not one of the slider's values", p.Name, x)
				}
				kept[j] = true
			}
			last, def := len(p.values)-1, p.defaultIndex
			if !p.offGrid && len(v) < len(p.values) {
				anchored := func(a, k int) bool { // kept = ends, default and every k-th from a
					for j := 0; j <= last; j++ {
						if want := j == 0 || j == last || j == def || (j-a)%k == 0; kept[j] != want {
							return false
						}
					}
					return true
				}
				ok := false
				for k := 2; k <= last+1 && !ok; k++ {
					ok = anchored(def, k) || anchored(0, k) || anchored(last, k)
				}
				if !ok {
					t.Fatalf("%s: kept %v, not every k-th position from the default, Min or Max", p.Name, v)
				}
			}
		}
		switch {
		case d.Frames() <= budget && !reflect.DeepEqual(th.Params, d.Params):
			t.Fatalf("a grid of %d frames within budget %d was thinned", d.Frames(), budget)
		case th.Frames() > budget && th.Frames() != smallest:
			t.Fatalf("budget %d: %d frames, and the smallest grid is %d", budget, th.Frames(), smallest)
		}
	}
}

// A slider keeps every k-th value counted from the anchor (default, Min or Max) that gives
// the roundest numbers, plus the ends and the default.
func TestThinStridesFromTheDefault(t *testing.T) {
	p := Slider("wEE", 6, 10, 0.01, 8) // 401 values, default at index 200
	d := Demo{Params: []Param{p}, Render: func(Values) (*fig.Figure, error) { return nil, nil }}
	th := d.Thin(64)
	want := []float64{}
	for i := 0; i <= 40; i++ {
		want = append(want, clean(6+0.1*float64(i)))
	}
	if got := th.Params[0].Values(); !slices.Equal(got, want) {
		t.Errorf("wEE thinned to %v, want 6, 6.1, …, 10", got)
	}
	// An off-grid default (T = 5500 on 1000, 2000, …) is kept besides the stride, here
	// counted from Max: 2000, 4000, … are multiples of the new step, 1000, 3000, … are not.
	q := Slider("T", 1000, 10000, 1000, 5500)
	if got := q.strided(2).Values(); !slices.Equal(got, []float64{1000, 2000, 4000, 5500, 6000, 8000, 10000}) {
		t.Errorf("T at stride 2: %v", got)
	}
	if q.strided(2).Values()[q.strided(2).defaultIndex] != 5500 {
		t.Error("T lost its default")
	}
	// From the default 2.5 a stride of 4 (a step of 2) would keep 0.5, 2.5, 4.5; from Min
	// it keeps 0, 2, 4.
	g := Slider("sig_gwn", 0, 5, 0.5, 2.5)
	if got := g.strided(4).Values(); !slices.Equal(got, []float64{0, 2, 2.5, 4, 5}) {
		t.Errorf("sig_gwn at stride 4: %v", got)
	}
}

func TestNiceStrides(t *testing.T) {
	var got []int
	for k := range 14 {
		got = append(got, niceStride(k))
	}
	want := []int{1, 2, 4, 5, 10, 20, 25, 40, 50, 100, 200, 250, 400, 500}
	if !slices.Equal(got, want) {
		t.Errorf("strides %v, want %v", got, want)
	}
}

// lineDemo draws a line whose slope depends on every control; calls counts Render calls.
func lineDemo(params []Param, calls *atomic.Int64) Demo {
	return Demo{
		Params: params,
		Render: func(v Values) (*fig.Figure, error) {
			calls.Add(1)
			k := 0.0
			for i, p := range params {
				k += float64(i+1) * v.Get(p.Name)
			}
			pl := fig.NewPlot("", "x", "y")
			fig.Line(pl, []float64{0, 1}, []float64{0, k})
			fig.Limits(pl, 0, 1, -50, 50)
			return fig.New(pl).Size(3, 2), nil
		},
	}
}

// Show's grid: thinned to MaxFrames, Render called once per frame of that grid and no
// other, the controls counting the thinned values, and a note saying so.
func TestPrecomputedThinsToTheFrameBudget(t *testing.T) {
	var calls atomic.Int64
	d := lineDemo([]Param{Slider("a", 0, 10, 0.1, 5), Slider("b", -5, 5, 0.5, 0)}, &calls)
	d.MaxFrames = 30
	p, err := d.precompute(nil)
	if err != nil {
		t.Fatal(err)
	}
	n := p.demo.Frames()
	if n > 30 || n < 15 || len(p.frames) != n || p.full != 101*21 {
		t.Fatalf("%d frames (full %d), want at most 30", n, p.full)
	}
	if int(calls.Load()) != n {
		t.Errorf("Render called %d times for %d frames", calls.Load(), n)
	}
	h := p.html()
	if got := len(dataURLs.FindAllString(h, -1)); got != n {
		t.Errorf("%d data URLs, want %d", got, n)
	}
	for i, q := range p.demo.Params {
		if !strings.Contains(h, fmt.Sprintf(`data-i="%d" min="0" max="%d"`, i, len(q.values)-1)) {
			t.Errorf("control %s does not range over its %d thinned values", q.Name, len(q.values))
		}
	}
	if !strings.Contains(h, "nma-demo-note") || !strings.Contains(h, fmt.Sprintf("of the grid's %d (a: ", 101*21)) || !strings.Contains(h, "<code>live.Demo</code> instead of <code>widgets.Demo</code>") {
		t.Errorf("the thinned demo does not say so: %s", h[strings.Index(h, "<img"):][:0])
	}
}

// The byte budget: frames of a known size are thinned so that they fit in MaxBytes.
func TestPrecomputedThinsToTheByteBudget(t *testing.T) {
	var calls atomic.Int64
	d := lineDemo([]Param{Slider("a", 0, 40, 1, 20)}, &calls)
	p, err := d.precompute(nil)
	if err != nil {
		t.Fatal(err)
	}
	largest := 0
	for _, f := range p.frames {
		largest = max(largest, len(f))
	}
	defer func(old int) { MaxBytes = old }(MaxBytes)
	MaxBytes = 10 * largest
	p, err = d.precompute(nil)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, f := range p.frames {
		total += len(f)
	}
	if len(p.frames) > 10 || len(p.frames) < 5 || total > MaxBytes {
		t.Errorf("%d frames, %d bytes: want at most 10 frames within %d bytes", len(p.frames), total, MaxBytes)
	}
}

// The default frame is ready first (Show displays it at once), and it is the <img> of the
// final demo.
func TestFirstFrameIsTheDefault(t *testing.T) {
	var calls atomic.Int64
	d := lineDemo([]Param{Slider("a", 0, 10, 1, 3), Slider("b", 0, 1, 0.5, 1)}, &calls)
	var first string
	var announced int
	p, err := d.precompute(func(url string, width, frames int) {
		first, announced = url, frames
		if calls.Load() != 3 { // the default and the two corners
			t.Errorf("%d frames rendered before the first figure is shown, want 3", calls.Load())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if first == "" || first != p.frames[p.demo.defaultFrame()] || announced != len(p.frames) {
		t.Error("the first figure shown is not the default frame")
	}
	if !strings.Contains(p.html(), `<img src="`+first+`"`) {
		t.Error("the demo's <img> does not start at the default frame")
	}
}

// Without Parallel, Render is called one at a time, in frame order (drawing still runs on
// every core); frames equal those of a Parallel demo.
func TestRenderIsSequentialUnlessParallel(t *testing.T) {
	var calls atomic.Int64
	var mu sync.Mutex
	var order []float64
	busy, most := 0, 0
	base := lineDemo([]Param{Slider("a", 0, 20, 1, 0)}, &calls)
	d := base
	d.Render = func(v Values) (*fig.Figure, error) {
		mu.Lock()
		busy++
		most = max(most, busy)
		order = append(order, v.Get("a"))
		mu.Unlock()
		time.Sleep(time.Millisecond)
		f, err := base.Render(v)
		mu.Lock()
		busy--
		mu.Unlock()
		return f, err
	}
	seq, err := d.precompute(nil)
	if err != nil {
		t.Fatal(err)
	}
	if most != 1 {
		t.Errorf("%d Render calls at once without Parallel", most)
	}
	// the default (0, also a corner) and the other corner (20) first, then the others in order
	if !slices.Equal(order[:2], []float64{0, 20}) || !slices.IsSorted(order[2:]) || len(order) != 21 {
		t.Errorf("Render order %v", order)
	}
	base.Parallel = true
	par, err := base.precompute(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(seq.frames, par.frames) {
		t.Error("parallel rendering changed the frames or their order")
	}
}

// Frames are reduced to a palette where that changes at most a few edge pixels, and keep
// looking like the full-colour rendering: at most maxOffPalette of the pixels change, and
// at most 0.1% by more than 32 of 255 in a channel (measured: 1.1% and 0.04%).
func TestPalettedFramesLookTheSame(t *testing.T) {
	f, err := lineFigure()
	if err != nil {
		t.Fatal(err)
	}
	url, _, err := encodeFrame(f)
	if err != nil {
		t.Fatal(err)
	}
	img := decodeDataURL(t, url)
	pal, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("a line figure's frame is %T, want *image.Paletted", img)
	}
	c := vgimg.NewWith(vgimg.UseWH(f.Width, f.Height), vgimg.UseDPI(FrameDPI), vgimg.UseBackgroundColor(color.White))
	f.Draw(draw.New(c))
	full := c.Image().(*image.RGBA)
	fr, err := pngenc.Changed(full, pal, 0, 16, 32)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%.2f%% of the pixels changed, %.3f%% by more than 16, %.3f%% by more than 32 (of 255)", 100*fr[0], 100*fr[1], 100*fr[2])
	if frac := fr[0]; frac > maxOffPalette {
		t.Errorf("%.1f%% of the pixels changed, at most %.0f%% allowed", 100*frac, 100*maxOffPalette)
	}
	// the few far-off pixels are isolated antialiased edges where two lines cross
	if frac := fr[2]; frac > 0.001 {
		t.Errorf("%.2f%% of the pixels changed by more than 32 of 255, at most 0.1%% allowed", 100*frac)
	}
}

// A wide figure's frames are capped at MaxFrameWidth pixels.
func TestWideFramesAreCapped(t *testing.T) {
	p := fig.NewPlot("", "x", "y")
	fig.Line(p, []float64{0, 1}, []float64{0, 1})
	f := fig.New(p).Size(14, 3)
	url, width, err := encodeFrame(f)
	if err != nil {
		t.Fatal(err)
	}
	img := decodeDataURL(t, url)
	if w := img.Bounds().Dx(); w > MaxFrameWidth || w < MaxFrameWidth-20 {
		t.Errorf("a 14 in frame is %d pixels wide, want at most (and about) %d", w, MaxFrameWidth)
	}
	if width != f.DisplayWidth() {
		t.Errorf("display width %d, want %d", width, f.DisplayWidth())
	}
	f = fig.New(p).Size(8, 3)
	url, _, _ = encodeFrame(f)
	if w := decodeDataURL(t, url).Bounds().Dx(); w != 8*FrameDPI {
		t.Errorf("an 8 in frame is %d pixels wide, want %d", w, 8*FrameDPI)
	}
}

// lineFigure is a figure with text, ticks and antialiased lines of several colours.
func lineFigure() (*fig.Figure, error) {
	p := fig.NewPlot("a figure", "time (ms)", "rate (Hz)")
	x := nmaLinspace(0, 10, 200)
	for k := 1; k <= 3; k++ {
		y := make([]float64, len(x))
		for i, xi := range x {
			y[i] = float64(k) * math.Sin(xi*float64(k)/2)
		}
		fig.Line(p, x, y)
	}
	return fig.New(p).Size(8, 6), nil
}

func nmaLinspace(a, b float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = a + (b-a)*float64(i)/float64(n-1)
	}
	return out
}

func decodeDataURL(t *testing.T, url string) image.Image {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(url, "data:image/png;base64,"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// PrecomputeEvery keeps the author's step for one slider and thins the others first: the
// oscillation demo's imaginary part in steps of 1 (12 values), so the real part goes from
// 21 values to 11, 7 and 5: 5 × 12 = 60 frames.
func TestPrecomputeEvery(t *testing.T) {
	render := func(Values) (*fig.Figure, error) { return nil, nil }
	d := Demo{
		Params: []Param{Slider("real", -2, 2, 0.2, 0), Slider("imaginary", -4, 7, 0.1, 1).PrecomputeEvery(1)},
		Render: render,
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	th := d.Thin(64)
	if got := th.Params[0].Values(); !slices.Equal(got, []float64{-2, -1, 0, 1, 2}) {
		t.Errorf("real thinned to %v", got)
	}
	if got := th.Params[1].Values(); !slices.Equal(got, []float64{-4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7}) {
		t.Errorf("imaginary thinned to %v", got)
	}
	// only when the other sliders are down to ends and default is the chosen one thinned
	th = d.Thin(20)
	if got := th.Params[0].Values(); !slices.Equal(got, []float64{-2, 0, 2}) || th.Frames() > 20 {
		t.Errorf("budget 20: real %v, imaginary %v", got, th.Params[1].Values())
	}
	// a grid within budget keeps every value
	small := Demo{Params: []Param{Slider("x", 0, 1, 0.1, 0).PrecomputeEvery(0.5)}, Render: render}
	if got := small.Thin(64).Params[0].Values(); len(got) != 11 {
		t.Errorf("a grid within budget was thinned to %v", got)
	}
	for _, c := range []struct {
		p    Param
		want string
	}{
		{Slider("x", 0, 1, 0.1, 0).PrecomputeEvery(0.25), `slider "x": PrecomputeEvery(0.25) is not a positive multiple of its step 0.1`},
		{Slider("x", 0, 1, 0.1, 0).PrecomputeEvery(-1), `PrecomputeEvery(-1)`},
		{Dropdown("m", []string{"a", "b"}, 0).PrecomputeEvery(1), `dropdown "m": PrecomputeEvery(1) applies to sliders only`},
	} {
		if err := (Demo{Params: []Param{c.p}, Render: render}).Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate = %v, want %q", err, c.want)
		}
	}
}

// A Render error on a later frame (not the default) is reported with that frame's values,
// and so is a nil figure.
func TestLaterRenderErrorIsReported(t *testing.T) {
	var calls atomic.Int64
	d := lineDemo([]Param{Slider("x", 0, 4, 1, 0)}, &calls)
	ok := d.Render
	d.Render = func(v Values) (*fig.Figure, error) {
		if v.Get("x") == 3 {
			return nil, errors.New("boom")
		}
		return ok(v)
	}
	if _, err := d.PrecomputedHTML(); err == nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "x:3") {
		t.Errorf("err = %v", err)
	}
	d.Render = func(v Values) (*fig.Figure, error) {
		if v.Get("x") == 2 {
			return nil, nil
		}
		return ok(v)
	}
	if _, err := d.PrecomputedHTML(); err == nil || !strings.Contains(err.Error(), "nil figure") || !strings.Contains(err.Error(), "x:2") {
		t.Errorf("err = %v", err)
	}
}

// A Render that stops with nma.Must (a panic with an error) reports that error like a
// returned one, in sequential and parallel demos; a runtime error (a bug in the demo) still
// panics.
func TestRenderStoppedByMustIsAnError(t *testing.T) {
	var calls atomic.Int64
	for _, parallel := range []bool{false, true} {
		d := lineDemo([]Param{Slider("x", 0, 4, 1, 0)}, &calls)
		ok := d.Render
		d.Parallel = parallel
		d.Render = func(v Values) (*fig.Figure, error) {
			if v.Get("x") == 3 {
				nma.Must(0, errors.New("linsys.Decay: lambda=3 must be in (0, 1)"))
			}
			return ok(v)
		}
		if _, err := d.PrecomputedHTML(); err == nil || !strings.Contains(err.Error(), "lambda=3") || !strings.Contains(err.Error(), "x:3") {
			t.Errorf("parallel=%v: err = %v", parallel, err)
		}
	}
	d := Demo{Params: []Param{Slider("x", 0, 1, 1, 0)}, Render: func(Values) (*fig.Figure, error) {
		var s []int
		return nil, fmt.Errorf("%d", s[1])
	}}
	defer func() {
		var rt interface{ RuntimeError() }
		if r := recover(); r == nil || !errors.As(r.(error), &rt) {
			t.Errorf("a runtime error in Render: recovered %v, want the runtime panic", r)
		}
	}()
	d.render(d.Defaults())
}

// BenchmarkPrecompute renders a thinned two-slider demo (49 frames of an 8×6 in line
// figure); compare -cpu 1,2 for the parallel drawing.
func BenchmarkPrecompute(b *testing.B) {
	var calls atomic.Int64
	d := lineDemo([]Param{Slider("a", 0, 10, 0.1, 5), Slider("b", -5, 5, 0.5, 0)}, &calls)
	render := d.Render
	d.Render = func(v Values) (*fig.Figure, error) {
		f, err := render(v)
		if f != nil {
			f.Size(8, 6)
		}
		return f, err
	}
	for b.Loop() {
		if _, err := d.precompute(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeFrame draws one 8×6 in frame and encodes it (palette included).
func BenchmarkEncodeFrame(b *testing.B) {
	f, err := lineFigure()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := encodeFrame(f); err != nil {
			b.Fatal(err)
		}
	}
}

// freshFrame draws f on a new vgimg canvas, as the figures were drawn before
// fig.Figure.ImageAt: the oracle.
func freshFrame(f *fig.Figure, dpi int) *image.RGBA {
	c := vgimg.NewWith(vgimg.UseWH(f.Width, f.Height), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	f.Draw(draw.New(c))
	return c.Image().(*image.RGBA)
}

// A frame drawn on a reused buffer is the frame a fresh vgimg canvas gives, pixel for
// pixel — after a different frame was drawn on that buffer, and for each size; a figure
// that is not a whole number of pixels takes the fresh canvas.
func TestFrameCanvasReuseIsExact(t *testing.T) {
	figs := func(w, h vg.Length) []*fig.Figure {
		var out []*fig.Figure
		for k := 1; k <= 3; k++ {
			p := fig.NewPlot(fmt.Sprintf("frame %d", k), "time (ms)", "rate (Hz)")
			x := nmaLinspace(0, 10, 300)
			y := make([]float64, len(x))
			for i, xi := range x {
				y[i] = float64(k) * math.Sin(xi*float64(k)/2)
			}
			fig.Line(p, x, y)
			f := fig.New(p)
			f.Width, f.Height = w, h
			out = append(out, f)
		}
		return out
	}
	for _, size := range []struct {
		w, h  vg.Length
		reuse bool
	}{{8 * vg.Inch, 6 * vg.Inch, true}, {10.5 * vg.Inch, 4.5 * vg.Inch, true}, {3 * vg.Inch, 2 * vg.Inch, true}, {7.777 * vg.Inch, 3.3333 * vg.Inch, false}} {
		for i, f := range figs(size.w, size.h) {
			want := freshFrame(f, FrameDPI)
			got, done, err := frameCanvas(f, FrameDPI)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Pix, want.Pix) || got.Rect != want.Rect {
				t.Errorf("%v × %v, frame %d: the reused canvas differs from a fresh one", size.w, size.h, i)
			}
			done()
			again, done, _ := frameCanvas(f, FrameDPI)
			if size.reuse && again != got {
				t.Errorf("%v × %v, frame %d: the buffer was not reused", size.w, size.h, i)
			}
			if !size.reuse && again == got {
				t.Errorf("%v × %v: a size that is not whole pixels took a reused buffer", size.w, size.h)
			}
			done()
		}
	}
}
