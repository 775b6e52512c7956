package nn

import (
	"fmt"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
)

// Figures of W2D1 (decoding and convolutional networks), drawn like the course's helpers.

// heatmap draws z on p (with a colour bar when f is given), widening a degenerate colour
// range so that constant data still draw.
func heatmap(f *fig.Figure, p *plot.Plot, z [][]float64, x0, x1, y0, y1 float64, cm palette.ColorMap, vmin, vmax float64) {
	if !(vmax > vmin) {
		vmin, vmax = vmin-0.5, vmin+0.5
	}
	if len(z) == 0 || len(z[0]) == 0 {
		p.Title.Text += " (no data)"
		return
	}
	if err := Heatmap(f, p, z, x0, x1, y0, y1, cm, vmin, vmax); err != nil {
		p.Title.Text += " (" + err.Error() + ")"
	}
}

// Heatmap is fig.Heatmap (imshow semantics: values outside [vmin, vmax] clipped, NaN blank,
// sharp cells), returning only the error.
func Heatmap(f *fig.Figure, p *plot.Plot, z [][]float64, x0, x1, y0, y1 float64, cm palette.ColorMap, vmin, vmax float64) error {
	_, err := fig.Heatmap(f, p, z, x0, x1, y0, y1, cm, vmin, vmax)
	return err
}

// ColorbarPanel turns panel p of figure f into a stand-alone colour bar for cm from vmin to
// vmax, titled title (an invisible heat map carries the bar; the panel's axes are hidden).
// Use it as an extra column, so that the image panels keep equal sizes.
func ColorbarPanel(f *fig.Figure, p *plot.Plot, cm palette.ColorMap, vmin, vmax float64, title string) {
	heatmap(f, p, [][]float64{{math.NaN()}}, 0, 1, 0, 1, cm, vmin, vmax)
	p.HideAxes()
	p.Title.Text = title
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

// rows2 turns a 2-D tensor into rows.
func rows2(t *Tensor) [][]float64 { return t.Matrix() }

// image draws a 2-D tensor as an image with no axes (imshow with ticks off).
func image(f *fig.Figure, p *plot.Plot, img *Tensor, cm palette.ColorMap, vmin, vmax float64) {
	h, w := img.Shape[0], img.Shape[1]
	heatmap(f, p, rows2(img), 0, float64(w), 0, float64(h), cm, vmin, vmax)
	p.HideAxes()
}

// maxAbs returns the largest |value|.
func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

// PlotTrainLoss draws the training loss against the iteration of gradient descent, axes
// from 0 (plot_train_loss).
func PlotTrainLoss(trainLoss []float64, ylabel string) *fig.Figure {
	if ylabel == "" {
		ylabel = "mean squared error"
	}
	p := fig.NewPlot("", "iterations of gradient descent", ylabel)
	fig.Line(p, iters(len(trainLoss)), trainLoss, fig.Color(fig.C(0)))
	fig.Limits(p, 0, math.NaN(), 0, math.NaN())
	return fig.New(p).Size(7, 5)
}

func iters(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	return x
}

// identityLine sets equal limits on both axes and draws y = x in light grey (identityLine).
func identityLine(p *plot.Plot, lo, hi float64) {
	fig.Limits(p, lo, hi, lo, hi)
	fig.Line(p, []float64{lo, hi}, []float64{lo, hi}, fig.Color(fig.Alpha(fig.Gray, 0.6)), fig.LineWidth(1.5))
}

// degreeTicks puts ticks at the given degrees.
func degreeTicks(ax *plot.Axis, vals []float64) {
	var ts plot.ConstantTicks
	for _, v := range vals {
		ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%g", v)})
	}
	ax.Tick.Marker = ts
}

// PlotDecodedVsTrue draws decoded against true orientation with the identity line, titled
// with the test MSE (Tutorial 4, Section 1.2).
func PlotDecodedVsTrue(trueOri, decoded []float64, testMSE float64) *fig.Figure {
	p := fig.NewPlot(fmt.Sprintf("MSE on testing set: %.2f", testMSE), "true stimulus orientation (°)", "decoded stimulus orientation (°)")
	lo := math.Min(slices.Min(trueOri), slices.Min(decoded))
	hi := math.Max(slices.Max(trueOri), slices.Max(decoded))
	lo, hi = math.Min(lo, 0)-10, math.Max(hi, 360)+10
	identityLine(p, lo, hi)
	fig.Scatter(p, trueOri, decoded, fig.Color(fig.C(0)), fig.MarkerSize(3))
	ticks := []float64{0, 90, 180, 270, 360}
	degreeTicks(&p.X, ticks)
	degreeTicks(&p.Y, ticks)
	return fig.New(p).Size(6, 6)
}

// PlotDecodingError draws decoded − true orientation against the true orientation
// (Tutorial 4, Section 2.1).
func PlotDecodingError(trueOri, decoded []float64) *fig.Figure {
	p := fig.NewPlot("", "true stimulus orientation (°)", "decoding error (°)")
	errs := make([]float64, len(trueOri))
	for i := range errs {
		errs[i] = decoded[i] - trueOri[i]
	}
	fig.HLine(p, 0, fig.Color(fig.Alpha(fig.Gray, 0.6)))
	fig.Scatter(p, trueOri, errs, fig.Color(fig.C(0)), fig.MarkerSize(3))
	degreeTicks(&p.X, []float64{0, 90, 180, 270, 360})
	degreeTicks(&p.Y, []float64{-360, -270, -180, -90, 0, 90, 180, 270, 360})
	fig.Limits(p, -10, 370, math.Min(-200, slices.Min(errs)-20), math.Max(200, slices.Max(errs)+20))
	return fig.New(p).Size(7, 5)
}

// PlotDecodedResults draws the train and test negative log likelihood over iterations, and
// the decoded class of each test stimulus against its true orientation with the class edges
// in grey (plot_decoded_results).
func PlotDecodedResults(trainLoss, testLoss []float64, stimuliTest []float64, predicted []int, nClasses int) *fig.Figure {
	p1 := fig.NewPlot("", "iterations of gradient descent", "negative log likelihood")
	fig.Line(p1, iters(len(trainLoss)), trainLoss, fig.Color(fig.C(0)), fig.Label("train loss"))
	if testLoss != nil {
		fig.Line(p1, iters(len(testLoss)), testLoss, fig.Color(fig.C(1)), fig.Label("test loss"))
	}
	fig.Limits(p1, 0, math.NaN(), 0, math.NaN())
	p2 := fig.NewPlot("", "true stimulus orientation (°)", "decoded orientation bin")
	width := 360 / float64(nClasses)
	for i := 0; i <= nClasses; i++ {
		x := float64(i) * width
		fig.VLine(p2, x, -0.5, float64(nClasses)-0.5, fig.Color(fig.Alpha(fig.Gray, 0.4)))
	}
	pred := make([]float64, len(predicted))
	for i, v := range predicted {
		pred[i] = float64(v)
	}
	fig.Scatter(p2, stimuliTest, pred, fig.Color(fig.C(0)), fig.MarkerSize(3))
	var yt plot.ConstantTicks
	for i := 0; i < nClasses; i++ {
		yt = append(yt, plot.Tick{Value: float64(i), Label: fmt.Sprintf("%.0f°–%.0f°", float64(i)*width, float64(i+1)*width)})
	}
	p2.Y.Tick.Marker = yt
	p2.Y.Tick.Label.Font.Size = fig.FontSize * 0.55
	var xt plot.ConstantTicks
	for i := 0; i <= nClasses; i += max(nClasses/5, 1) {
		xt = append(xt, plot.Tick{Value: float64(i) * width, Label: fmt.Sprintf("%.0f", float64(i)*width)})
	}
	p2.X.Tick.Marker = xt
	fig.Limits(p2, 0, 360, -0.5, float64(nClasses)-0.5)
	return fig.New(p1, p2).Size(16, 6)
}

// PlotGratings draws grating images side by side, titled with their orientation.
func PlotGratings(orientations []float64, images []*Tensor) *fig.Figure {
	f := fig.Grid(1, len(images))
	for i, img := range images {
		p := f.At(0, i)
		lo, hi := slices.Min(img.Data), slices.Max(img.Data)
		if hi-lo < 1 {
			hi = lo + 1
		}
		image(nil, p, img, Binary(), lo, hi)
		p.Title.Text = fmt.Sprintf("%.0f°", orientations[i])
	}
	return f.Size(3*float64(len(images)), 2.8)
}

// PlotFilterPair draws two filters next to each other in 'bwr' from −1 to 1 with their titles
// (Tutorial 2's centre-surround and Gabor example).
func PlotFilterPair(a, b *Tensor, titleA, titleB string) *fig.Figure {
	f := fig.Grid(1, 2)
	for i, c := range []struct {
		t     *Tensor
		title string
	}{{a, titleA}, {b, titleB}} {
		p := f.At(0, i)
		image(nil, p, squeeze2(c.t), BWR(), -1, 1)
		p.Title.Text = c.title
	}
	return f.Size(8, 4)
}

// squeeze2 views a tensor whose leading dimensions are 1 as its last two dimensions.
func squeeze2(t *Tensor) *Tensor {
	n := len(t.Shape)
	if n < 2 {
		panic(fmt.Sprintf("nn: need an image, got shape %v", t.Shape))
	}
	return FromData(t.Data, t.Shape[n-2], t.Shape[n-1])
}

// channel returns the 2-D image of channel c of item b of a (batch, channels, H, W) tensor.
func channel(t *Tensor, b, c int) *Tensor {
	C, H, W := t.Shape[1], t.Shape[2], t.Shape[3]
	off := (b*C + c) * H * W
	return FromData(t.Data[off:off+H*W], H, W)
}

// PlotWeights draws the given channels of convolution weights (cOut, cIn, K, K) — input
// channel 0 — in 'bwr' with a symmetric range ±max|w| and a colour bar (plot_weights).
func PlotWeights(weights *Tensor, channels []int) *fig.Figure {
	wmax := maxAbs(weights.Data)
	f := fig.Grid(1, len(channels)+1)
	for i, c := range channels {
		p := f.At(0, i)
		image(nil, p, channel(weights, c, 0), BWR(), -wmax, wmax)
		p.Title.Text = fmt.Sprintf("channel %d", c)
	}
	ColorbarPanel(f, f.At(0, len(channels)), BWR(), -wmax, wmax, "")
	return f.Size(2.3*float64(len(channels)+1), 2.6)
}

// PlotExampleActivations draws, for each stimulus (n, 1, H, W), the image and the
// activations (n, C, H, W) of the given channels in 'bwr' from −3 to 3, with a colour bar
// of the activation strength (plot_example_activations).
func PlotExampleActivations(stimuli, act *Tensor, channels []int) *fig.Figure {
	n := stimuli.Shape[0]
	f := fig.Grid(n, 2+len(channels))
	for i := 0; i < n; i++ {
		st := channel(stimuli, i, 0)
		image(nil, f.At(i, 0), st, Binary(), slices.Min(st.Data), slices.Min(st.Data)+1)
		f.At(i, 0).Title.Text = "stimulus"
		for k, c := range channels {
			p := f.At(i, 1+k)
			image(nil, p, channel(act, i, c), BWR(), -3, 3)
			p.Title.Text = fmt.Sprintf("channel %d", c)
		}
		last := f.At(i, 1+len(channels))
		if i == 0 {
			ColorbarPanel(f, last, BWR(), -3, 3, "activation\nstrength")
		} else {
			last.HideAxes()
		}
	}
	return f.Size(2.1*float64(2+len(channels)), 1.75*float64(n))
}

// VisualizeWeights draws W_in (hidden units × neurons sorted by preferred orientation, 'bwr'
// ±0.01) and W_out (hidden units × outputs, 'bwr' ±3) (visualize_weights).
func VisualizeWeights(wInSorted, wOut *Tensor) *fig.Figure {
	f := fig.Grid(1, 2)
	p1 := f.At(0, 0)
	m, n := wInSorted.Shape[0], wInSorted.Shape[1]
	heatmap(f, p1, rows2(wInSorted), 0, float64(n), 0, float64(m), BWR(), -1e-2, 1e-2)
	p1.Title.Text = "W_in"
	p1.X.Label.Text = "sorted neurons"
	p1.Y.Label.Text = "hidden units"
	rowTicks(&p1.Y, m)
	p2 := f.At(0, 1)
	wt := Transpose(wOut)
	heatmap(f, p2, rows2(wt), 0, float64(wt.Shape[1]), 0, float64(wt.Shape[0]), BWR(), -3, 3)
	p2.Title.Text = "W_out"
	p2.X.Label.Text = "output"
	p2.Y.Label.Text = "hidden units"
	rowTicks(&p2.Y, wt.Shape[0])
	p2.HideX()
	return f.Size(11, 4)
}

// VisualizeHiddenUnits draws W_in sorted by preferred orientation, the hidden-unit
// activity h (hidden units × stimuli) and its tuning curves (visualize_hidden_units).
func VisualizeHiddenUnits(wInSorted, h *Tensor) *fig.Figure {
	f := fig.Grid(1, 3)
	p1 := f.At(0, 0)
	m, n := wInSorted.Shape[0], wInSorted.Shape[1]
	heatmap(nil, p1, rows2(wInSorted), 0, float64(n), 0, float64(m), BWR(), -1e-2, 1e-2)
	p1.Title.Text, p1.X.Label.Text, p1.Y.Label.Text = "W_in", "sorted neurons", "hidden units"
	rowTicks(&p1.Y, m)
	p2 := f.At(0, 1)
	hm, hn := h.Shape[0], h.Shape[1]
	heatmap(nil, p2, rows2(h), 0, float64(hn), 0, float64(hm), Viridis(), slices.Min(h.Data), slices.Max(h.Data))
	p2.Title.Text, p2.X.Label.Text, p2.Y.Label.Text = "hidden layer activities", "stimuli", "hidden units"
	rowTicks(&p2.Y, hm)
	p3 := f.At(0, 2)
	for i := 0; i < hm; i++ {
		fig.Line(p3, iters(hn), h.Row(i), fig.Color(fig.C(i)), fig.LineWidth(1.5))
	}
	p3.Title.Text, p3.X.Label.Text, p3.Y.Label.Text = "hidden unit tuning curves", "stimulus orientation (°)", "hidden unit activity"
	degreeTicks(&p3.X, []float64{0, 90, 180, 270, 360})
	return f.Size(16, 4.5)
}

// Colours of Tutorial 4's tuning-curve figures.
var (
	TrainColor      = fig.C(8)                  // yellow-olive: train
	TestColor       = fig.C(6)                  // magenta-pink: test
	PredictionColor = fig.Alpha(fig.Green, 0.9) // green: model prediction
)

// PlotTuningGrid draws the train (yellow) and test (magenta) tuning curves of the given
// neurons in a rows × cols grid, y from −0.5 to 2.4 (plot_tuning).
func PlotTuningGrid(stimuli []float64, respTrain, respTest *Tensor, neurons []int, rows, cols int) *fig.Figure {
	f := fig.Grid(rows, cols)
	for k, idx := range neurons {
		if k >= rows*cols {
			break
		}
		p := f.At(k/cols, k%cols)
		l := fig.Line(p, stimuli, respTrain.Col(idx), fig.Color(TrainColor), fig.LineWidth(2))
		t := fig.Line(p, stimuli, respTest.Col(idx), fig.Color(TestColor), fig.LineWidth(2))
		if k == 0 {
			p.Legend.Add("train", l)
			p.Legend.Add("test", t)
		}
		p.Title.Text = fmt.Sprintf("neuron %d", idx)
		fig.Limits(p, 0, 360, -0.5, 2.4)
		degreeTicks(&p.X, []float64{0, 180, 360})
		if k/cols == rows-1 {
			p.X.Label.Text = "stimulus (°)"
		}
		if k%cols == 0 {
			p.Y.Label.Text = "response"
		}
	}
	return f.Size(3.2*float64(cols), 2.6*float64(rows))
}

// PlotPredictionGrid draws, for each neuron, its train (yellow) and test (magenta) tuning
// curves and the model's prediction (green) (plot_prediction).
func PlotPredictionGrid(stimuli []float64, pred, respTrain, respTest *Tensor, neurons []int, rows, cols int) *fig.Figure {
	f := fig.Grid(rows, cols)
	for k, idx := range neurons {
		if k >= rows*cols {
			break
		}
		p := f.At(k/cols, k%cols)
		l1 := fig.Line(p, stimuli, respTrain.Col(idx), fig.Color(TrainColor), fig.LineWidth(2))
		l2 := fig.Line(p, stimuli, respTest.Col(idx), fig.Color(TestColor), fig.LineWidth(2))
		l3 := fig.Line(p, stimuli, pred.Col(idx), fig.Color(PredictionColor), fig.LineWidth(2.5))
		if k == 0 {
			p.Legend.Add("train", l1)
			p.Legend.Add("test", l2)
			p.Legend.Add("prediction", l3)
		}
		p.Title.Text = fmt.Sprintf("neuron %d", idx)
		fig.Limits(p, 0, 360, math.NaN(), math.NaN())
		degreeTicks(&p.X, []float64{0, 180, 360})
		if k/cols == rows-1 {
			p.X.Label.Text = "stimulus (°)"
		}
		if k%cols == 0 {
			p.Y.Label.Text = "response"
		}
	}
	return f.Size(3.2*float64(cols), 3*float64(rows))
}

// PlotTrainingCurves draws the train and test losses over iterations; NaN entries (the
// iterations where a loss was not evaluated) are skipped, and the test points are drawn as
// dots (plot_training_curves).
func PlotTrainingCurves(trainLoss, testLoss []float64) *fig.Figure {
	p := fig.NewPlot("", "iterations of gradient descent", "mean squared error")
	fig.Line(p, iters(len(trainLoss)), trainLoss, fig.Color(fig.C(0)), fig.Label("train loss"))
	if testLoss != nil {
		fig.Scatter(p, iters(len(testLoss)), testLoss, fig.Color(fig.C(1)), fig.Label("test loss"), fig.MarkerSize(4))
	}
	fig.Limits(p, 0, math.NaN(), 0, math.NaN())
	return fig.New(p).Size(7, 5)
}
