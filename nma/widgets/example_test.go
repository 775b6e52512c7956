package widgets_test

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/widgets"
)

// A demo is its controls and a Render function of their values. With at most MaxFrames
// combinations it is precomputed: every frame is rendered once and swapped in the browser
// by a few lines of JavaScript. Outside a notebook Show renders the frames and says what a
// notebook would show.
func ExampleDemo() {
	d := widgets.Demo{
		Params: []widgets.Param{
			widgets.Slider("gain", 0.5, 2, 0.5, 1),
			widgets.Dropdown("input", []string{"step", "ramp"}, 1),
		},
		Render: func(v widgets.Values) (*fig.Figure, error) {
			t := []float64{0, 1, 2, 3, 4}
			r := make([]float64, len(t))
			for i, ti := range t {
				in := 1.0 // step
				if v.Int("input") == 1 {
					in = ti / 4 // ramp
				}
				r[i] = 1 - math.Exp(-v.Get("gain")*in*ti)
			}
			p := fig.NewPlot("response", "time (s)", "rate")
			fig.Line(p, t, r)
			return fig.New(p).Size(2, 2), nil
		},
	}
	fmt.Println("valid:", d.Validate() == nil)
	fmt.Println("gain takes", d.Params[0].Values())
	fmt.Println("frames:", d.Frames(), "defaults:", d.Defaults())
	d.Show()
	// Output:
	// valid: true
	// gain takes [0.5 1 1.5 2]
	// frames: 8 defaults: map[gain:1 input:1]
	// (interactive demo with 8 precomputed frames; open it in a notebook)
}

// A larger grid is a live demo, re-rendered on every slider move. Headless (outside a
// notebook, or under `nma run`, which sets NMA_HEADLESS=1) it draws the default values once
// and returns instead of waiting for a browser.
func ExampleDemo_Show_headless() {
	d := widgets.Demo{
		Params: []widgets.Param{widgets.Slider("tau", 1, 100, 1, 20)},
		Render: func(v widgets.Values) (*fig.Figure, error) {
			fmt.Printf("rendering tau=%g\n", v.Get("tau"))
			p := fig.NewPlot("", "t", "x")
			fig.Line(p, []float64{0, 1}, []float64{1, math.Exp(-1 / v.Get("tau"))})
			return fig.New(p).Size(2, 2), nil
		},
	}
	fmt.Println("live:", d.Frames() > widgets.MaxFrames, "headless:", widgets.Headless())
	d.Show()
	// Output:
	// live: true headless: true
	// rendering tau=20
}

// A control with impossible settings is reported by Validate (and shown by Show in place of
// the demo), naming the control and the value.
func ExampleDemo_Validate() {
	d := widgets.Demo{
		Params: []widgets.Param{widgets.Slider("theta", 2, 4, 0.2, 5)},
		Render: func(widgets.Values) (*fig.Figure, error) { return nil, nil },
	}
	fmt.Println(d.Validate())
	// Output:
	// widgets: slider "theta": default=5 outside [2, 4]
}

// A slider's values are its grid; a default off the grid (the course's a = 1.65) is shown
// first and kept among the values, as ipywidgets does.
func ExampleSlider() {
	fmt.Println(widgets.Slider("a", 0.3, 3, 0.3, 1.65).Values())
	// Output:
	// [0.3 0.6 0.9 1.2 1.5 1.65 1.8 2.1 2.4 2.7 3]
}
