package visionfig

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/nn"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
)

// Images of matrices: weights, filters, activations and gratings drawn as imshow does.

// heatmap draws z on p (with a colour bar when f is given), widening a degenerate colour
// range so that constant data still draw, and saying in the title what it could not draw.
func heatmap(f *fig.Figure, p *plot.Plot, z [][]float64, x0, x1, y0, y1 float64, cm palette.ColorMap, vmin, vmax float64) {
	if !(vmax > vmin) {
		vmin, vmax = vmin-0.5, vmin+0.5
	}
	if len(z) == 0 || len(z[0]) == 0 {
		p.Title.Text += " (no data)"
		return
	}
	if _, err := fig.Heatmap(f, p, z, x0, x1, y0, y1, cm, vmin, vmax); err != nil {
		p.Title.Text += " (" + err.Error() + ")"
	}
}

// colorbarPanel turns panel p of figure f into a stand-alone colour bar for cm from vmin to
// vmax, titled title (an invisible heat map carries the bar; the panel's axes are hidden),
// an extra column that keeps the image panels of equal sizes.
func colorbarPanel(f *fig.Figure, p *plot.Plot, cm palette.ColorMap, vmin, vmax float64, title string) {
	heatmap(f, p, [][]float64{{math.NaN()}}, 0, 1, 0, 1, cm, vmin, vmax)
	p.HideAxes()
	p.Title.Text = title
	f.ColorbarOnly(p)
}

// rowTicks labels the rows of a heat map drawn with row 0 at the top (as imshow does): the
// tick of row i sits at y = n − i − 0.5. Only every step-th row is labelled.
func rowTicks(ax *plot.Axis, n int) {
	step := max(1, n/5)
	var ts plot.ConstantTicks
	for i := 0; i < n; i += step {
		ts = append(ts, plot.Tick{Value: float64(n-i) - 0.5, Label: fmt.Sprint(i)})
	}
	ax.Tick.Marker = ts
}

// image draws a 2-D tensor as an image with no axes (imshow with ticks off).
func image(p *plot.Plot, img *nn.Tensor, cm palette.ColorMap, vmin, vmax float64) {
	h, w := img.Shape[0], img.Shape[1]
	heatmap(nil, p, img.Matrix(), 0, float64(w), 0, float64(h), cm, vmin, vmax)
	p.HideAxes()
}

// squeeze2 views a tensor whose leading dimensions are 1 as its last two dimensions.
func squeeze2(t *nn.Tensor) *nn.Tensor {
	n := len(t.Shape)
	if n < 2 {
		panic(fmt.Sprintf("visionfig: need an image, got shape %v", t.Shape))
	}
	return nn.FromData(t.Data, t.Shape[n-2], t.Shape[n-1])
}

// channel returns the 2-D image of channel c of item b of a (batch, channels, H, W) tensor.
func channel(t *nn.Tensor, b, c int) *nn.Tensor {
	C, H, W := t.Shape[1], t.Shape[2], t.Shape[3]
	off := (b*C + c) * H * W
	return nn.FromData(t.Data[off:off+H*W], H, W)
}

// maxAbs returns the largest |value|.
func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}
