package w2d1

import (
	"github.com/nma-go/nma-go/nma/outcome"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
	sol "github.com/nma-go/nma-go/solutions/w2d1"
)

// Every check fails on its stub ("not done") and passes on its solution.
func TestChecksOnStubsAndSolutions(t *testing.T) {
	for _, e := range Exercises {
		if r := e.Check(e.Stub); r.Status != outcome.NotDone {
			t.Errorf("%s on the stub: %v", e.ID, r)
		}
		if r := e.Check(e.Solution); !r.OK() {
			t.Errorf("%s on the solution: %v", e.ID, r)
		}
	}
}

// Typical student mistakes must fail, with a message that names the input and the values.
func TestChecksCatchCommonMistakes(t *testing.T) {
	cases := []struct {
		name   string
		result exercise.Result
		want   string
	}{
		{"forward without the ReLU", CheckDeepNetReLUForward(func(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
			return net.OutLayer.Forward(net.InLayer.Forward(r))
		}), "hidden=200"},
		{"forward detached", CheckDeepNetReLUForward(func(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
			return sol.DeepNetReLUForward(net, r).Detach()
		}), "must carry its gradient history"},
		{"train without ZeroGrad", CheckTrain(func(net nn.Module, lossFn nn.LossFunc, x, y *nn.Tensor, n int, lr float64) []float64 {
			opt := nn.NewSGD(net.Parameters(), lr, 0)
			var out []float64
			for i := 0; i < n; i++ {
				l := lossFn(net.Forward(x), y)
				l.Backward()
				opt.Step()
				out = append(out, l.Item())
			}
			return out
		}), "losses"},
		{"train ignoring the learning rate", CheckTrain(func(net nn.Module, lossFn nn.LossFunc, x, y *nn.Tensor, n int, lr float64) []float64 {
			return sol.Train(net, lossFn, x, y, n, 1e-4) // the course's rate, hard-coded: right for the first probe only
		}), "learningRate=5e-05"},
		{"train returning one loss too few", CheckTrain(func(net nn.Module, lossFn nn.LossFunc, x, y *nn.Tensor, n int, lr float64) []float64 {
			l := sol.Train(net, lossFn, x, y, n, lr)
			return l[1:]
		}), "number of losses (one per iteration): expected 50, got 49"},
		{"convolution with random weights", CheckConvolveStimuli(func(s, f *nn.Tensor, cin, cout, k int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
			l := vision.NewConvolutionalLayer(cin, cout, k, nil, g)
			return l, l.Forward(s).Detach()
		}), "weights of the layer"},
		{"convolution output not detached", CheckConvolveStimuli(func(s, f *nn.Tensor, cin, cout, k int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
			l := vision.NewConvolutionalLayer(cin, cout, k, f, g)
			return l, l.Forward(s)
		}), "Detach"},
		{"weights with gradient history", CheckConvWeights(func(l *vision.ConvolutionalLayer) *nn.Tensor { return l.Conv.Weight }), "detach"},
		{"RDM divided by the number of stimuli", CheckRDM(func(resp *nn.Tensor) *nn.Tensor {
			m := sol.RDM(resp)
			s, n := float64(resp.Shape[0]), float64(resp.Shape[1])
			for i := range m.Data {
				m.Data[i] = 1 - (1-m.Data[i])*n/s
			}
			return m
		}), "RDM(resp=3×4 matrix)"},
		{"RDM without z-scoring", CheckRDM(func(resp *nn.Tensor) *nn.Tensor {
			n := float64(resp.Shape[1])
			s := resp.Shape[0]
			m := nn.Zeros(s, s)
			for i := 0; i < s; i++ {
				for j := 0; j < s; j++ {
					d := 0.0
					for k := 0; k < resp.Shape[1]; k++ {
						d += resp.At(i, k) * resp.At(j, k)
					}
					m.Set(1-d/n, i, j)
				}
			}
			return m
		}), "expected"},
		{"correlating the full matrices", CheckCorrelateRDMs(func(a, b *nn.Tensor) float64 { r, _ := nma.Pearson(a.Data, b.Data); return r }), "rdms="},
		{"argmax over stimuli instead of neurons", CheckPreferredOrientation(func(x *nn.Tensor) []int { return nn.Argmax(x) }), "one value per neuron"},
		{"decoder with 10 hidden units", CheckNewDecoder(func(n, c int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc) {
			return vision.NewDeepNetSoftmax(n, 10, c, g), nn.NLLLoss()
		}), "number of hidden units (net.InLayer.OutFeatures): expected 20, got 10"},
		{"decoder with the MSE", CheckNewDecoder(func(n, c int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc) {
			return vision.NewDeepNetSoftmax(n, 20, c, g), func(o, y *nn.Tensor) *nn.Tensor { return nn.MSELoss()(nn.Sum(o), nn.Sum(y)) }
		}), "loss on the training set"},
		{"L1 penalty squared", CheckRegularizedLoss(func(o, y, w *nn.Tensor, l2, l1 float64) *nn.Tensor {
			return nn.Add(nn.NLLLoss()(o, y), nn.Scale(l2, nn.Sum(nn.Square(w))), nn.Scale(l1, nn.Sum(nn.Square(w))))
		}), "L1_penalty=0.0005"},
		{"penalty computed from numbers", CheckRegularizedLoss(func(o, y, w *nn.Tensor, l2, l1 float64) *nn.Tensor {
			s := 0.0
			for _, v := range w.Data {
				s += l2*v*v + l1*max(v, -v)
			}
			return nn.Add(nn.NLLLoss()(o, y), nn.Scale(s, nn.Full(1)))
		}), "the gradients must reach the output and the weights"},
		{"out layer to one neuron", CheckNewConvFC(func(n, cin, cout, k, b int, f *nn.Tensor, g *nn.Generator) *vision.ConvFC {
			net := vision.NewConvFCConv(cin, cout, k, b, f, g)
			net.OutLayer = nn.NewLinear(cout*b, 1, g)
			return net
		}), "OutLayer.OutFeatures (one per neuron): expected 1000, got 1"},
		{"a crash", CheckRDM(func(resp *nn.Tensor) *nn.Tensor { var m *nn.Tensor; return nn.Scale(1, m) }), "panicked"},
	}
	for _, c := range cases {
		if c.result.OK() || !strings.Contains(c.result.Message, c.want) {
			t.Errorf("%s: %v; want a failure mentioning %q", c.name, c.result, c.want)
		}
	}
}

// The grader runs only the probe on the student's function (nothing stops it at the first
// difference) and compares the transcript with the solution's in its own process: its
// verdict must be the notebook's, also for functions after which a probe stops early.
func TestGraderVerdictEqualsCheck(t *testing.T) {
	byID := map[string]exercise.Exercise{}
	for _, e := range Exercises {
		byID[e.ID] = e
	}
	cases := []struct {
		id   string
		impl any
	}{
		{"W2D1.T1.E1", ForwardFunc(func(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor { return nil })},
		{"W2D1.T1.E1", ForwardFunc(func(net *vision.DeepNetReLU, r *nn.Tensor) *nn.Tensor {
			return sol.DeepNetReLUForward(net, r).Detach()
		})},
		{"W2D1.T1.E2", TrainFunc(func(net nn.Module, lossFn nn.LossFunc, x, y *nn.Tensor, n int, lr float64) []float64 {
			return sol.Train(net, lossFn, x, y, n, lr)[1:]
		})},
		{"W2D1.T2.E1", ConvolveFunc(func(s, f *nn.Tensor, cin, cout, k int, g *nn.Generator) (*vision.ConvolutionalLayer, *nn.Tensor) {
			return nil, nil
		})},
		{"W2D1.T2.E2", ConvWeightsFunc(func(l *vision.ConvolutionalLayer) *nn.Tensor { return l.Conv.Weight })},
		{"W2D1.T3.E1", RDMFunc(func(resp *nn.Tensor) *nn.Tensor { return nil })},
		{"W2D1.T4.E1", PreferredFunc(func(x *nn.Tensor) []int { return nn.Argmax(x) })},
		{"W2D1.T4.E2", NewDecoderFunc(func(n, c int, g *nn.Generator) (*vision.DeepNetSoftmax, nn.LossFunc) { return nil, nil })},
		{"W2D1.T4.E3", RegLossFunc(func(o, y, w *nn.Tensor, l2, l1 float64) *nn.Tensor {
			s := 0.0
			for _, v := range w.Data {
				s += l2*v*v + l1*max(v, -v)
			}
			return nn.Add(nn.NLLLoss()(o, y), nn.Scale(s, nn.Full(1)))
		})},
		{"W2D1.T4.E4", NewConvFCFunc(func(n, cin, cout, k, b int, f *nn.Tensor, g *nn.Generator) *vision.ConvFC {
			return vision.NewConvFCConv(cin, cout, k, b, f, g)
		})},
	}
	for _, c := range cases {
		e := byID[c.id]
		check := e.Check(c.impl)
		got := exercise.Record(e.Probe, c.impl, nil, exercise.Timeout)
		grade := e.Judge(strings.Join(e.Funcs, ", "), got) // what the grader does: compare, then diagnose
		if check.OK() || grade.Status != check.Status || grade.Message != check.Message {
			t.Errorf("%s: the check says %v, the grader %v; want the same failure", c.id, check, grade)
		}
	}
}
