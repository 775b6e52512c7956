package vision

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/nn"
)

// Tuning curves: smoothing them and sorting neurons by their preferred stimulus (Tutorial 4).

// GaussianFilter1D smooths each column of x (rows × columns) with a Gaussian of standard
// deviation sigma rows, like scipy.ndimage.gaussian_filter1d(x, sigma, axis=0): the kernel
// is truncated at 4σ and the edges are extended by reflection ('reflect' mode).
func GaussianFilter1D(x *nn.Tensor, sigma float64) *nn.Tensor {
	if len(x.Shape) != 2 {
		panic(fmt.Sprintf("vision.GaussianFilter1D: need a 2-D tensor, got shape %v", x.Shape))
	}
	rows, cols := x.Shape[0], x.Shape[1]
	radius := int(4*sigma + 0.5)
	w := make([]float64, 2*radius+1)
	s := 0.0
	for i := range w {
		d := float64(i - radius)
		w[i] = math.Exp(-0.5 * d * d / (sigma * sigma))
		s += w[i]
	}
	for i := range w {
		w[i] /= s
	}
	reflect := func(i int) int {
		// scipy 'reflect' (d c b a | a b c d | d c b a), repeated for long kernels.
		period := 2 * rows
		i %= period
		if i < 0 {
			i += period
		}
		if i >= rows {
			i = period - 1 - i
		}
		return i
	}
	out := nn.Zeros(rows, cols)
	for r := 0; r < rows; r++ {
		o := out.Data[r*cols : (r+1)*cols]
		for k, wk := range w {
			src := reflect(r + k - radius)
			row := x.Data[src*cols : (src+1)*cols]
			for j, v := range row {
				o[j] += wk * v
			}
		}
	}
	return out
}

// PreferredStimulus returns, for each neuron (column of resp, stimuli × neurons), the
// stimulus where its tuning curve, smoothed with a Gaussian of sigma stimuli, is largest.
func PreferredStimulus(resp *nn.Tensor, sigma float64) []int {
	return nn.Argmax(nn.Transpose(GaussianFilter1D(resp, sigma)))
}

// SortByPreference returns the neurons of resp ordered by their preferred stimulus
// (smoothing σ = 5 stimuli), as Tutorial 4 sorts the decoder's input weights.
func SortByPreference(resp *nn.Tensor) []int {
	return nma.Argsort(PreferredStimulus(resp, 5))
}
