package fig_test

import (
	"bytes"
	"fmt"
	"image/png"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot/vg"
)

// A course figure: two panels side by side, lines with labels, a dashed reference line,
// fixed ticks, rendered as PNG. In a notebook, f.Show() displays it instead.
func Example() {
	t := nma.Linspace(0, 2*math.Pi, 50)
	left := fig.NewPlot("sine", "t (s)", "x")
	fig.Line(left, t, nma.Map(t, math.Sin), fig.Label("sin"))
	fig.Line(left, t, nma.Map(t, math.Cos), fig.Label("cos"), fig.Dashed())
	fig.HLine(left, 0, fig.Color(fig.Gray))
	fig.SetTicks(&left.X, 0, math.Pi, 2*math.Pi)

	right := fig.NewPlot("steps", "k", "count")
	fig.Line(right, []float64{0, 1, 2, 3}, []float64{1, 3, 2, 4}, fig.StepPre())

	f := fig.New(left, right).Size(8, 3)
	b, err := f.PNG()
	if err != nil {
		fmt.Println(err)
		return
	}
	img, _ := png.Decode(bytes.NewReader(b))
	fmt.Println("PNG", img.Bounds().Dx(), "×", img.Bounds().Dy(), "pixels at", f.DPI, "DPI")
	fmt.Println("x ticks:", len(left.X.Tick.Marker.Ticks(0, 2*math.Pi)))
	// Output:
	// PNG 1200 × 450 pixels at 150 DPI
	// x ticks: 3
}

// A grid of panels filled through At.
func ExampleGrid() {
	f := fig.Grid(2, 2)
	for r := range 2 {
		for c := range 2 {
			p := f.At(r, c)
			p.Title.Text = fmt.Sprintf("panel %d,%d", r, c)
			fig.Scatter(p, []float64{0, 1}, []float64{float64(r), float64(c)})
		}
	}
	fmt.Println(f.Width/vg.Inch, "×", f.Height/vg.Inch, "inches")
	// Output:
	// 10 × 8 inches
}

// Thin keeps a long trace's extremes: a 100 000-step trace drawn with at most ~1000 points.
func ExampleThin() {
	x := nma.Arange(0, 100000, 1)
	y := nma.Map(x, func(v float64) float64 { return math.Sin(v / 1000) })
	xs, ys := fig.Thin(x, y)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range ys {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	fmt.Printf("%d points → %d, range kept: %.3f … %.3f\n", len(x), len(xs), lo, hi)
	// Output:
	// 100000 points → 1000, range kept: -1.000 … 1.000
}
