package visionfig

import (
	"fmt"
	"math"
	"slices"

	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/plot"
)

// identityLine sets equal limits on both axes and draws y = x in light grey (identityLine).
func identityLine(p *plot.Plot, lo, hi float64) {
	fig.Limits(p, lo, hi, lo, hi)
	fig.Line(p, []float64{lo, hi}, []float64{lo, hi}, fig.Color(fig.Alpha(fig.Gray, 0.6)), fig.LineWidth(1.5))
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
	fig.SetTicks(&p.X, 0, 90, 180, 270, 360)
	fig.SetTicks(&p.Y, 0, 90, 180, 270, 360)
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
	fig.SetTicks(&p.X, 0, 90, 180, 270, 360)
	fig.SetTicks(&p.Y, -360, -270, -180, -90, 0, 90, 180, 270, 360)
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
