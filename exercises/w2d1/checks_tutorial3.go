package w2d1

import (
	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// The functions the exercises ask for, as types the checks accept.
type (
	RDMFunc       = func(resp *nn.Tensor) *nn.Tensor
	CorrelateFunc = func(rdm1, rdm2 *nn.Tensor) float64
)

// CheckRDM compares RDM with the solution on a small matrix, on random responses with more
// neurons than stimuli and fewer, and on the tutorial's V1 data (181 stimuli).
func CheckRDM(rdm RDMFunc) exercise.Result {
	return exercise.Run("W2D1.T3.E1", "RDM", func(c *exercise.C) {
		g := nn.ManualSeed(7)
		inputs := map[string]*nn.Tensor{
			"3×4 matrix":          nn.FromData([]float64{1, 2, 3, 4, 2, 2, 0, 1, -1, 5, 2, 0}, 3, 4),
			"10×30 random":        nn.FromData(g.Normal(0, 1, 300), 10, 30),
			"12×5 random":         nn.FromData(g.Normal(2, 3, 60), 12, 5),
			"V1 data (181 × all)": data.MustLoadDataTilt().Resp,
		}
		for _, name := range []string{"3×4 matrix", "10×30 random", "12×5 random", "V1 data (181 × all)"} {
			x := inputs[name]
			tensorEq(c, exercise.Describe("RDM", "resp", name), sol.RDM(x), rdm(x), 1e-9)
		}
	})
}

// CheckCorrelateRDMs compares CorrelateRDMs with the solution on pairs of random RDMs, an
// RDM with itself, and RDMs that differ only below the diagonal.
func CheckCorrelateRDMs(corr CorrelateFunc) exercise.Result {
	return exercise.Run("W2D1.T3.E2", "CorrelateRDMs", func(c *exercise.C) {
		g := nn.ManualSeed(11)
		a := sol.RDM(nn.FromData(g.Normal(0, 1, 20*40), 20, 40))
		b := sol.RDM(nn.FromData(g.Normal(0, 1, 20*40), 20, 40))
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
			c.Float(exercise.Describe("CorrelateRDMs", "rdms", p.name), sol.CorrelateRDMs(p.x, p.y), corr(p.x, p.y), 1e-9)
		}
	})
}
