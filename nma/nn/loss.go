package nn

import (
	"fmt"
	"math"
)

// LossFunc compares a network's output with its target and returns a scalar loss whose
// Backward fills the parameters' gradients. Make one with MSELoss, BCELoss or NLLLoss:
//
//	lossFn := nn.MSELoss()
//	loss := lossFn(out, target)
//	loss.Backward()
type LossFunc func(output, target *Tensor) *Tensor

// PenalizedLossFunc is a loss with an L2 and an L1 penalty on some weights (the course's
// regularized_MSE_loss(output, target, weights, L2_penalty, L1_penalty)).
type PenalizedLossFunc func(output, target, weights *Tensor, l2Penalty, l1Penalty float64) *Tensor

func sameSize(fn string, out, target *Tensor) {
	if len(out.Data) != len(target.Data) {
		panic(fmt.Sprintf("nn.%s: output shape %v and target shape %v have different sizes", fn, out.Shape, target.Shape))
	}
}

// MSELoss returns the mean squared error (1/P) Σ (y − ỹ)² over all P elements (nn.MSELoss()).
// Output and target must have the same number of elements.
func MSELoss() LossFunc {
	return func(out, target *Tensor) *Tensor {
		sameSize("MSELoss", out, target)
		n := float64(len(out.Data))
		s := 0.0
		for i, v := range out.Data {
			d := v - target.Data[i]
			s += d * d
		}
		return result([]int{}, []float64{s / n}, func(g []float64) {
			gx := make([]float64, len(out.Data))
			for i, v := range out.Data {
				gx[i] = g[0] * 2 * (v - target.Data[i]) / n
			}
			out.BackwardWith(gx)
		}, out)
	}
}

// BCELoss returns the binary cross-entropy −(1/P) Σ [ỹ log p + (1−ỹ) log(1−p)] of
// probabilities p against targets ỹ in [0, 1] (nn.BCELoss()); like PyTorch it clamps each
// log at −100.
func BCELoss() LossFunc {
	return func(out, target *Tensor) *Tensor {
		sameSize("BCELoss", out, target)
		n := float64(len(out.Data))
		s := 0.0
		for i, p := range out.Data {
			t := target.Data[i]
			s -= t*math.Max(math.Log(p), -100) + (1-t)*math.Max(math.Log(1-p), -100)
		}
		return result([]int{}, []float64{s / n}, func(g []float64) {
			gx := make([]float64, len(out.Data))
			for i, p := range out.Data {
				gx[i] = g[0] * (p - target.Data[i]) / math.Max(p*(1-p), 1e-12) / n
			}
			out.BackwardWith(gx)
		}, out)
	}
}

// NLLLoss returns the negative log likelihood −(1/B) Σ_n log p_{ỹ_n} of log-probabilities
// (batch × classes, e.g. from LogSoftmax) for class labels ỹ (batch values 0…classes−1,
// stored as float64) (nn.NLLLoss()).
func NLLLoss() LossFunc {
	return func(out, target *Tensor) *Tensor {
		if len(out.Shape) != 2 || len(target.Data) != out.Shape[0] {
			panic(fmt.Sprintf("nn.NLLLoss: output shape %v must be (batch, classes) and the target hold batch labels, got %v", out.Shape, target.Shape))
		}
		b, c := out.Shape[0], out.Shape[1]
		labels := make([]int, b)
		s := 0.0
		for i, t := range target.Data {
			k := int(t)
			if float64(k) != t || k < 0 || k >= c {
				panic(fmt.Sprintf("nn.NLLLoss: target %d is %g, not a class label in 0…%d", i, t, c-1))
			}
			labels[i] = k
			s -= out.Data[i*c+k]
		}
		return result([]int{}, []float64{s / float64(b)}, func(g []float64) {
			gx := make([]float64, len(out.Data))
			for i, k := range labels {
				gx[i*c+k] = -g[0] / float64(b)
			}
			out.BackwardWith(gx)
		}, out)
	}
}

// Penalty returns l2·Σw² + l1·Σ|w|, the L2 (ridge) and L1 (lasso) penalties on weights
// (one fused operation; the gradient of |w| at 0 is 0).
func Penalty(weights *Tensor, l2Penalty, l1Penalty float64) *Tensor {
	s2, s1 := 0.0, 0.0
	for _, w := range weights.Data {
		s2 += w * w
		s1 += math.Abs(w)
	}
	return result([]int{}, []float64{l2Penalty*s2 + l1Penalty*s1}, func(g []float64) {
		gw := make([]float64, len(weights.Data))
		for i, w := range weights.Data {
			d := 2 * l2Penalty * w
			switch {
			case w > 0:
				d += l1Penalty
			case w < 0:
				d -= l1Penalty
			}
			gw[i] = g[0] * d
		}
		weights.BackwardWith(gw)
	}, weights)
}

// Regularized turns a loss into one with L2 and L1 penalties on the given weights:
// loss(output, target) + l2·Σw² + l1·Σ|w|.
func Regularized(loss LossFunc) PenalizedLossFunc {
	return func(out, target, w *Tensor, l2, l1 float64) *Tensor {
		return Add(loss(out, target), Penalty(w, l2, l1))
	}
}

// RegularizedMSELoss is the MSE with L2 and L1 penalties (the course's regularized_MSE_loss).
func RegularizedMSELoss(out, target, weights *Tensor, l2Penalty, l1Penalty float64) *Tensor {
	return Regularized(MSELoss())(out, target, weights, l2Penalty, l1Penalty)
}

// SGD is stochastic gradient descent with optional momentum (optim.SGD): each Step does
//
//	v ← μ·v + ∇,  p ← p − lr·v
//
// (v starts at the first gradient, as in PyTorch; μ = 0 is plain gradient descent).
type SGD struct {
	Params       []*Tensor
	LearningRate float64
	Momentum     float64
	velocity     [][]float64
}

// NewSGD returns an optimizer of params with learning rate lr and momentum μ ∈ [0, 1).
func NewSGD(params []*Tensor, lr, momentum float64) *SGD {
	return &SGD{Params: params, LearningRate: lr, Momentum: momentum}
}

// ZeroGrad clears the gradients of every parameter (optimizer.zero_grad()).
func (o *SGD) ZeroGrad() {
	for _, p := range o.Params {
		p.ZeroGrad()
	}
}

// Step updates every parameter from its gradient (optimizer.step()). Parameters without a
// gradient yet are left alone.
func (o *SGD) Step() {
	if o.velocity == nil {
		o.velocity = make([][]float64, len(o.Params))
	}
	for k, p := range o.Params {
		if p.Grad == nil {
			continue
		}
		if o.Momentum == 0 {
			for i, g := range p.Grad {
				p.Data[i] -= o.LearningRate * g
			}
			continue
		}
		v := o.velocity[k]
		if v == nil {
			v = make([]float64, len(p.Data))
			copy(v, p.Grad)
			o.velocity[k] = v
		} else {
			for i, g := range p.Grad {
				v[i] = o.Momentum*v[i] + g
			}
		}
		for i := range p.Data {
			p.Data[i] -= o.LearningRate * v[i]
		}
	}
}
