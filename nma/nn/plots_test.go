package nn

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/nma-go/nma-go/nma/fig"
)

// Every figure renders to a PNG of a sensible size without error.
func TestFiguresRender(t *testing.T) {
	g := ManualSeed(1)
	w := FromData(g.Normal(0, 0.01, 10*50), 10, 50)
	wo := FromData(g.Normal(0, 1, 10), 1, 10)
	h := FromData(g.Uniform(0, 1, 10*36), 10, 36)
	stim := Gratings([]float64{-45, 0, 45})
	act := NewConvolutionalLayer(1, 6, 7, Filters(6, 7, true), g).Forward(stim).Detach()
	ori := make([]float64, 60)
	for i := range ori {
		ori[i] = 6*float64(i) + 3
	}
	tr := FromData(g.Normal(0, 1, 60*5), 60, 5)
	cases := map[string]*fig.Figure{
		"train loss":        PlotTrainLoss([]float64{5, 3, 1}, ""),
		"decoded vs true":   PlotDecodedVsTrue([]float64{10, 200, 300}, []float64{20, 190, 330}, 12.5),
		"decoding error":    PlotDecodingError([]float64{10, 200, 300}, []float64{20, 190, 330}),
		"decoded results":   PlotDecodedResults([]float64{3, 2, 1}, []float64{3, 2.5, 2}, []float64{10, 100, 350}, []int{0, 5, 19}, 20),
		"gratings":          PlotGratings([]float64{0, 90}, []*Tensor{Grating(0), Grating(90)}),
		"filter pair":       PlotFilterPair(Filters(6, 7, true).Rows([]int{0}), Filters(6, 7, true).Rows([]int{4}), "a", "b"),
		"weights":           PlotWeights(Filters(6, 7, true), []int{0, 1, 2, 3, 4, 5}),
		"activations":       PlotExampleActivations(stim, act, []int{0, 1, 2, 3, 4, 5}),
		"visualize weights": VisualizeWeights(w, wo),
		"hidden units":      VisualizeHiddenUnits(w, h),
		"tuning grid":       PlotTuningGrid(ori, tr, tr, []int{0, 1, 2}, 1, 3),
		"prediction grid":   PlotPredictionGrid(ori, tr, tr, tr, []int{0, 4}, 1, 2),
		"training curves":   PlotTrainingCurves([]float64{1, 0.5, 0.2}, []float64{1.2, 0.9, 0.8}),
	}
	for name, f := range cases {
		b, err := f.PNG()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil || img.Bounds().Dx() < 300 || img.Bounds().Dy() < 150 {
			t.Errorf("%s: bad PNG (%v, %v)", name, err, img.Bounds())
		}
	}
}

func TestColormaps(t *testing.T) {
	for _, cm := range []*Colormap{BWR(), Binary(), Viridis(), Pink(), Twilight()} {
		cm.SetMin(-1)
		cm.SetMax(1)
		lo, _ := cm.At(-5) // clamped
		first, _ := cm.At(-1)
		if lo != first {
			t.Errorf("%s: values below Min are not clamped", cm.Name)
		}
		if n := len(cm.Palette(7).Colors()); n != 7 {
			t.Errorf("%s: palette of %d colours, want 7", cm.Name, n)
		}
	}
	// bwr is white in the middle; twilight is cyclic.
	c, _ := BWR().At(0.5)
	if r, g, b, _ := c.RGBA(); r>>8 != 255 || g>>8 != 255 || b>>8 != 255 {
		t.Errorf("bwr(0.5) = %v, want white", c)
	}
	a, _ := Twilight().At(0)
	z, _ := Twilight().At(1)
	if a != z {
		t.Errorf("twilight(0) = %v ≠ twilight(1) = %v", a, z)
	}
}
