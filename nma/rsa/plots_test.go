package rsa

import (
	"testing"

	"github.com/nma-go/nma-go/nma/nn"
)

func TestPlotsRender(t *testing.T) {
	g := nn.ManualSeed(1)
	resp := nn.FromData(g.Normal(0, 1, 40*8), 40, 8)
	m := MustRDM(resp)
	ori := make([]float64, 40)
	for i := range ori {
		ori[i] = -90 + 4.5*float64(i)
	}
	emb, err := Embed(resp)
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]interface{ PNG() ([]byte, error) }{
		"rdms":       PlotMultipleRDM([]string{"a", "b"}, []*nn.Tensor{m, m}),
		"bars":       PlotRDMRDMCorrelations([]string{"pool", "fc"}, []float64{0.7, 0.5}),
		"rows":       PlotRDMRows([]float64{-75, 25}, []string{"a"}, []*nn.Tensor{m}, ori),
		"tuning":     PlotTuningCurves([]string{"a"}, []*nn.Tensor{resp}, [][]int{{0, 1, 2}}, ori),
		"embeddings": PlotEmbeddings([]string{"a"}, []*nn.Tensor{emb}, ori),
	} {
		if b, err := f.PNG(); err != nil || len(b) < 1000 {
			t.Errorf("%s: %v", name, err)
		}
	}
}
