package widgets_test

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/widgets"
)

// A demo is its controls and a Render function of their values. Show precomputes it: every
// frame is rendered once and swapped in the browser by a few lines of JavaScript, so the
// kernel is free at once. Outside a notebook Show renders the frames and says what a
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

// A grid larger than the budget is thinned before it is precomputed: each slider keeps
// every k-th value (k = 1, 2, 4, 5, 10, 20, 25, …; counted from the default, Min or Max,
// whichever gives rounder numbers), both ends and the default, and the slider with the
// most values is thinned first. Here 46 × 31 = 1426 combinations become 6 × 10 = 60 frames.
func ExampleDemo_Thin() {
	d := widgets.Demo{
		Params: []widgets.Param{
			widgets.Slider("w", -2, 7, 0.2, 4),
			widgets.Slider("I_ext", 0, 3, 0.1, 1),
		},
		Render: func(widgets.Values) (*fig.Figure, error) { return nil, nil },
	}
	t := d.Thin(widgets.MaxFrames)
	fmt.Println("frames:", d.Frames(), "→", t.Frames())
	for _, p := range t.Params {
		fmt.Println(p.Name, p.Values())
	}
	fmt.Println("defaults:", t.Defaults())
	// Output:
	// frames: 1426 → 60
	// w [-2 0 2 4 6 7]
	// I_ext [0 0.4 0.8 1 1.2 1.6 2 2.4 2.8 3]
	// defaults: map[I_ext:1 w:4]
}

// Show never holds the kernel: a large grid is thinned and precomputed (outside a notebook
// Show renders the frames and says what a notebook would show).
func ExampleDemo_Show_thinned() {
	calls := 0
	d := widgets.Demo{
		Params: []widgets.Param{widgets.Slider("tau", 1, 100, 1, 20)},
		Render: func(v widgets.Values) (*fig.Figure, error) {
			calls++
			p := fig.NewPlot("", "t", "x")
			fig.Line(p, []float64{0, 1}, []float64{1, math.Exp(-1 / v.Get("tau"))})
			return fig.New(p).Size(2, 2), nil
		},
	}
	d.Show()
	fmt.Println("Render calls:", calls)
	// Output:
	// (interactive demo with 51 precomputed frames of the grid's 100 (tau: 51 of 100 values); open it in a notebook)
	// Render calls: 51
}

// Live points to the live demo (package nma/widgets/live, which links GoNB's widgets): it
// draws the default values once and says where the live demo is.
func ExampleDemo_Live() {
	d := widgets.Demo{
		Params: []widgets.Param{widgets.Slider("tau", 1, 100, 1, 20)},
		Render: func(v widgets.Values) (*fig.Figure, error) {
			fmt.Printf("rendering tau=%g\n", v.Get("tau"))
			p := fig.NewPlot("", "t", "x")
			fig.Line(p, []float64{0, 1}, []float64{1, math.Exp(-1 / v.Get("tau"))})
			return fig.New(p).Size(2, 2), nil
		},
	}
	d.Live()
	// Output:
	// rendering tau=20
}

// FigureAt renders the demo at control indices, as a front end does; it names a control
// whose index is off its values.
func ExampleDemo_FigureAt() {
	d := widgets.Demo{
		Params: []widgets.Param{widgets.Slider("tau", 1, 100, 1, 20)},
		Render: func(v widgets.Values) (*fig.Figure, error) {
			fmt.Printf("rendering tau=%g\n", v.Get("tau"))
			return fig.New(fig.NewPlot("", "t", "x")).Size(2, 2), nil
		},
	}
	_, err := d.FigureAt([]int{d.Params[0].DefaultIndex()})
	fmt.Println(err, d.Params[0].Labels()[d.Params[0].DefaultIndex()])
	_, err = d.FigureAt([]int{100})
	fmt.Println(err)
	// Output:
	// rendering tau=20
	// <nil> 20
	// widgets: control "tau" has no value number 100 (it has 100)
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
