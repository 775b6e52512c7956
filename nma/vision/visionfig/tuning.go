package visionfig

import (
	"fmt"
	"image/color"
	"math"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/nn"
)

// Colours of Tutorial 4's tuning-curve figures.
var (
	TrainColor      = fig.C(8)                  // yellow-olive: train
	TestColor       = fig.C(6)                  // magenta-pink: test
	PredictionColor = fig.Alpha(fig.Green, 0.9) // green: model prediction
)

// PlotNeuronTuning draws one neuron's responses against the stimulus orientation.
func PlotNeuronTuning(ds *data.Stringer, idx int) *fig.Figure {
	p := fig.NewPlot(fmt.Sprintf("neuron %d", idx), "stimulus orientation (°)", "neural response")
	fig.Line(p, ds.Stimuli.Data, ds.Resp.Col(idx), fig.Color(fig.C(0)), fig.LineWidth(1.5))
	fig.SetTicks(&p.X, 0, 90, 180, 270, 360)
	return fig.New(p).Size(7, 4.5)
}

// PlotTuningGrid draws the train (yellow) and test (magenta) tuning curves of the given
// neurons in a rows × cols grid, y from −0.5 to 2.4 (plot_tuning).
func PlotTuningGrid(stimuli []float64, respTrain, respTest *nn.Tensor, neurons []int, rows, cols int) *fig.Figure {
	return tuningGrid(stimuli, nil, respTrain, respTest, neurons, rows, cols).Size(3.2*float64(cols), 2.6*float64(rows))
}

// PlotPredictionGrid draws, for each neuron, its train (yellow) and test (magenta) tuning
// curves and the model's prediction (green) (plot_prediction).
func PlotPredictionGrid(stimuli []float64, pred, respTrain, respTest *nn.Tensor, neurons []int, rows, cols int) *fig.Figure {
	return tuningGrid(stimuli, pred, respTrain, respTest, neurons, rows, cols).Size(3.2*float64(cols), 3*float64(rows))
}

// tuningGrid draws the train and test tuning curves of the neurons, and their prediction
// unless pred is nil, in a rows × cols grid: ticks at 0°, 180° and 360°, axis labels on the
// bottom row and the left column, and y from −0.5 to 2.4 without a prediction.
func tuningGrid(stimuli []float64, pred, respTrain, respTest *nn.Tensor, neurons []int, rows, cols int) *fig.Figure {
	type curve struct {
		label string
		resp  *nn.Tensor
		color color.Color
		width float64
	}
	curves := []curve{{"train", respTrain, TrainColor, 2}, {"test", respTest, TestColor, 2}}
	ymin, ymax := -0.5, 2.4
	if pred != nil {
		curves = append(curves, curve{"prediction", pred, PredictionColor, 2.5})
		ymin, ymax = math.NaN(), math.NaN()
	}
	f := fig.Grid(rows, cols)
	for k, idx := range neurons {
		if k >= rows*cols {
			break
		}
		p := f.At(k/cols, k%cols)
		for _, c := range curves {
			l := fig.Line(p, stimuli, c.resp.Col(idx), fig.Color(c.color), fig.LineWidth(c.width))
			if k == 0 {
				p.Legend.Add(c.label, l)
			}
		}
		p.Title.Text = fmt.Sprintf("neuron %d", idx)
		fig.Limits(p, 0, 360, ymin, ymax)
		fig.SetTicks(&p.X, 0, 180, 360)
		if k/cols == rows-1 {
			p.X.Label.Text = "stimulus (°)"
		}
		if k%cols == 0 {
			p.Y.Label.Text = "response"
		}
	}
	return f
}
