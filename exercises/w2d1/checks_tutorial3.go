package w2d1

import (
	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rsa"
)

// The functions the exercises ask for, as types the checks accept.
type (
	RDMFunc       = func(resp *nn.Tensor) *nn.Tensor
	CorrelateFunc = func(rdm1, rdm2 *nn.Tensor) float64
)

// probeRDM runs RDM on a small matrix (3 × 4), on random responses with more neurons than
// stimuli (10 × 30) and fewer (12 × 5) (seed 7), and on the tutorial's V1 data (181
// stimuli × all neurons).
func probeRDM(r *exercise.Recorder, rdm RDMFunc) {
	g := nn.ManualSeed(7)
	inputs := map[string]*nn.Tensor{
		"3×4 matrix":          nn.FromData([]float64{1, 2, 3, 4, 2, 2, 0, 1, -1, 5, 2, 0}, 3, 4),
		"10×30 random":        nn.FromData(g.Normal(0, 1, 300), 10, 30),
		"12×5 random":         nn.FromData(g.Normal(2, 3, 60), 12, 5),
		"V1 data (181 × all)": data.MustLoadDataTilt().Resp,
	}
	for _, name := range []string{"3×4 matrix", "10×30 random", "12×5 random", "V1 data (181 × all)"} {
		if !recordTensor(r, exercise.Describe("RDM", "resp", name), rdm(inputs[name]), 1e-9) {
			return
		}
	}
}

// probeCorrelateRDMs runs CorrelateRDMs on two RDMs a and b of random responses (20 stimuli
// × 40 neurons, seed 11, made with nma/rsa), in both orders, on a with itself, and on a
// with a copy that differs only below the diagonal.
func probeCorrelateRDMs(r *exercise.Recorder, corr CorrelateFunc) {
	g := nn.ManualSeed(11)
	a := rsa.MustRDM(nn.FromData(g.Normal(0, 1, 20*40), 20, 40))
	b := rsa.MustRDM(nn.FromData(g.Normal(0, 1, 20*40), 20, 40))
	lower := a.Clone()
	for i := 0; i < 20; i++ {
		for j := 0; j < i; j++ {
			lower.Set(float64(i*j), i, j) // junk below the diagonal
		}
	}
	pairs := []struct {
		name string
		x, y *nn.Tensor
	}{{"random a, random b", a, b}, {"a with itself", a, a}, {"a, a with junk below the diagonal", a, lower}, {"b, a", b, a}}
	for _, p := range pairs {
		r.Float(exercise.Describe("CorrelateRDMs", "rdms", p.name), corr(p.x, p.y), 1e-9)
	}
}
