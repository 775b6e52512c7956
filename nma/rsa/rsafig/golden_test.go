package rsafig

import (
	"math"
	"testing"

	"github.com/nma-go/nma-go/nma/fig/figtest"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rsa"
)

// Small deterministic inputs: 37 stimuli from −90° to 90° and a population of units tuned to
// orientation (a V1-like one, and a left/right one like the 'fc' layer).
func population(units int, sharp bool) (*nn.Tensor, []float64) {
	ori := make([]float64, 37)
	resp := nn.Zeros(len(ori), units)
	for i := range ori {
		ori[i] = -90 + 5*float64(i)
		for j := 0; j < units; j++ {
			pref := -90 + 180*float64(j)/float64(units)
			v := math.Cos((ori[i] - pref) * math.Pi / 90)
			if sharp {
				v = math.Tanh(ori[i]/10) * float64(1-2*(j%2))
			}
			resp.Set(v+0.1*math.Sin(float64(3*i+7*j)), i, j)
		}
	}
	return resp, ori
}

func TestGoldenRDMs(t *testing.T) {
	v1, ori := population(12, false)
	fc, _ := population(6, true)
	rdms := []*nn.Tensor{rsa.MustRDM(v1), rsa.MustRDM(fc)}
	labels := []string{"V1 data", "model 'fc' layer"}
	figtest.Golden(t, "rdms", PlotMultipleRDM(labels, rdms))
	figtest.Golden(t, "rdm_correlations", PlotRDMRDMCorrelations([]string{"pool", "fc"}, []float64{0.67, 0.6}))
	figtest.Golden(t, "rdm_rows", PlotRDMRows([]float64{-75, -25, 25, 75}, labels, rdms, ori))
}

func TestGoldenTuningCurves(t *testing.T) {
	v1, ori := population(12, false)
	fc, _ := population(6, true)
	figtest.Golden(t, "tuning_curves", PlotTuningCurves([]string{"V1 data", "model 'fc' layer"}, []*nn.Tensor{v1, fc}, [][]int{{0, 4, 8}, {0, 1, 2}}, ori))
}

func TestGoldenEmbeddings(t *testing.T) {
	_, ori := population(1, false)
	ring, split := nn.Zeros(len(ori), 2), nn.Zeros(len(ori), 2)
	for i, o := range ori {
		a := o * math.Pi / 90
		ring.Set(math.Cos(a), i, 0)
		ring.Set(math.Sin(a), i, 1)
		side := math.Copysign(3, o)
		split.Set(side+0.3*math.Cos(float64(5*i)), i, 0)
		split.Set(0.3*math.Sin(float64(5*i)), i, 1)
	}
	figtest.Golden(t, "embeddings", PlotEmbeddings([]string{"V1 data", "model 'fc' layer"}, []*nn.Tensor{ring, split}, ori))
}
