package widgets

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/fig"
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
	frames := regexp.MustCompile(`"data:image/png;base64,[^"]+"`).FindAllString(h, -1)
	// 6 in the JavaScript array, plus the default one in the <img>.
	if len(frames) != 7 {
		t.Errorf("%d data URLs, want 7", len(frames))
	}
	if !strings.Contains(h, `<option value="1" selected>sq</option>`) || !strings.Contains(h, `value="1"`) || !strings.Contains(h, "<output>0.5</output>") {
		t.Errorf("controls do not start at the defaults")
	}
	distinct := map[string]bool{}
	for _, f := range frames {
		distinct[f] = true
	}
	if len(distinct) != 6 {
		t.Errorf("%d distinct frames, want 6 different images", len(distinct))
	}
}

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
