package live_test

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/widgets"
	"github.com/nma-go/nma-go/nma/widgets/live"
)

// A live demo is a widgets.Demo with live. in front: the same fields. In a notebook it holds
// the kernel until Stop demo. Headless (outside a notebook, or under `nma run`, which sets
// NMA_HEADLESS=1) it draws the default values once and returns instead of waiting for a
// browser.
func ExampleDemo_Show_headless() {
	d := live.Demo{
		Params: []widgets.Param{widgets.Slider("tau", 1, 100, 1, 20)},
		Render: func(v widgets.Values) (*fig.Figure, error) {
			fmt.Printf("rendering tau=%g\n", v.Get("tau"))
			p := fig.NewPlot("", "t", "x")
			fig.Line(p, []float64{0, 1}, []float64{1, math.Exp(-1 / v.Get("tau"))})
			return fig.New(p).Size(2, 2), nil
		},
	}
	fmt.Println("headless:", widgets.Headless())
	d.Show()
	// Output:
	// headless: true
	// rendering tau=20
}

// A demo with impossible settings is reported, naming the control and the value, instead
// of shown.
func ExampleDemo_Show_invalid() {
	live.Demo{
		Params: []widgets.Param{widgets.Slider("theta", 2, 4, 0.2, 5)},
		Render: func(widgets.Values) (*fig.Figure, error) { return nil, nil },
	}.Show()
	fmt.Println("no figure")
	// Output:
	// no figure
}
