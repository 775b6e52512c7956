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
	var s2, s1 float64
	if w32 := weights.cached32(); w32 != nil && !exact64 {
		if sh := weights.sh; sh.sumsOK { // found by the SGD step that wrote the weights
			s2, s1 = sh.sums[0], sh.sums[1]
		} else {
			s2, s1 = penaltySums32(w32)
		}
	} else {
		s2, s1 = penaltySums(weights.Data)
	}
	out := result([]int{}, []float64{l2Penalty*s2 + l1Penalty*s1}, func(g []float64) {
		a2, a1 := g[0]*2*l2Penalty, g[0]*l1Penalty
		w32 := weights.cached32()
		if exact64 {
			w32 = nil
		}
		// d/dw = a2·w + a1·sign(w), without a branch on the sign (random signs would
		// mispredict): sign(w) is 1 with w's sign bit; at w = 0 the L1 term is 0, as in
		// PyTorch.
		const one = 0x3ff0000000000000 // the bits of 1.0
		grad := func(gw []float64) {
			chunks(len(gw), func(lo, hi int) {
				dst := gw[lo:hi]
				if w32 != nil {
					for i, w := range w32[lo:hi] {
						dst[i] += a2*float64(w) + a1*sign32(w)
					}
					return
				}
				for i, w := range weights.Data[lo:hi] {
					d := a2*w + a1*math.Float64frombits(one|math.Float64bits(w)&(1<<63))
					if w == 0 {
						d = 0
					}
					dst[i] += d
				}
			})
		}
		if weights.backFn == nil { // a leaf: add to its gradient in place
			if weights.requiresGrad {
				gr, fresh := weights.grad()
				if fresh {
					chunks(len(gr), func(lo, hi int) { clear(gr[lo:hi]) })
				}
				grad(gr)
			}
			return
		}
		gw := make([]float64, len(weights.Data))
		grad(gw)
		weights.BackwardWith(gw)
	}, weights)
	if out.backFn != nil && weights.backFn == nil {
		out.pen = &penaltyOf{weights: weights, l2: l2Penalty, l1: l1Penalty}
	}
	return out
}

// penaltyOf describes a Penalty's output: the weights and the two factors.
type penaltyOf struct {
	weights *Tensor
	l2, l1  float64
}

// pendingPenalty is a penalty gradient a2·w + a1·sign(w) waiting to be added to the
// weights' gradient by the next float32 delivery (deliver32), which then sets done.
type pendingPenalty struct {
	a2, a1 float64
	done   bool
}

// sign32 is sign(w) (0 at ±0) without a branch: ±1 from the sign bit, times 0 or 1 for
// w = ±0 or not (m | −m has its top bit set iff m ≠ 0).
func sign32(w float32) float64 {
	b := math.Float32bits(w)
	m := b << 1
	return float64((int32(b)>>31 | 1) * int32((m|-m)>>31))
}

// penaltySums returns Σw² and Σ|w|.
func penaltySums(w []float64) (s2, s1 float64) {
	for _, v := range w {
		s2 += v * v
		s1 += math.Abs(v)
	}
	return s2, s1
}

// penaltySums32 returns Σw² and Σ|w| of float32 values, accumulated in float64, over both
// cores for large tensors: per block of sumBlock values (the last block takes the rest),
// added in block order, so that the result does not depend on the number of threads and
// equals what SGD's step32 finds as it writes the weights.
func penaltySums32(w []float32) (s2, s1 float64) {
	p := make([][2]float64, sumBlocks(len(w)))
	parallel(len(p), func(_, lo, hi int) {
		for b := lo; b < hi; b++ {
			p[b][0], p[b][1] = sums32(w[b*sumBlock : blockEnd(b, len(p), len(w))])
		}
	})
	return addBlocks(p)
}

// sumBlock is the block size of penaltySums32 (that of chunks, so that a chunks worker
// holds whole blocks).
const sumBlock = 1 << 16

func sumBlocks(n int) int { return max(n/sumBlock, 1) }

func blockEnd(b, blocks, n int) int {
	if b == blocks-1 {
		return n
	}
	return (b + 1) * sumBlock
}

func addBlocks(p [][2]float64) (s2, s1 float64) {
	for _, v := range p {
		s2 += v[0]
		s1 += v[1]
	}
	return s2, s1
}

// sums32 is the serial part of penaltySums32, with four float32 partial sums per term
// folded into float64 every 256 values.
func sums32(w []float32) (s2, s1 float64) {
	for len(w) > 0 {
		n := min(len(w), 256)
		var a0, a1, a2, a3, b0, b1, b2, b3 float32
		blk := w[:n]
		i := 0
		for ; i+4 <= n; i += 4 {
			v0, v1, v2, v3 := blk[i], blk[i+1], blk[i+2], blk[i+3]
			a0 += v0 * v0
			a1 += v1 * v1
			a2 += v2 * v2
			a3 += v3 * v3
			b0 += abs32(v0)
			b1 += abs32(v1)
			b2 += abs32(v2)
			b3 += abs32(v3)
		}
		for ; i < n; i++ {
			a0 += blk[i] * blk[i]
			b0 += abs32(blk[i])
		}
		s2 += float64(a0) + float64(a1) + float64(a2) + float64(a3)
		s1 += float64(b0) + float64(b1) + float64(b2) + float64(b3)
		w = w[n:]
	}
	return s2, s1
}

func abs32(x float32) float32 { return math.Float32frombits(math.Float32bits(x) &^ (1 << 31)) }

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
	velocity     [][]float64 // momentum buffers (float64 path)
	velocity32   [][]float32 // momentum buffers of parameters updated in float32
}

// NewSGD returns an optimizer of params with learning rate lr and momentum μ ∈ [0, 1).
func NewSGD(params []*Tensor, lr, momentum float64) *SGD {
	return &SGD{Params: params, LearningRate: lr, Momentum: momentum}
}

// ZeroGrad resets the gradients of every parameter (optimizer.zero_grad()). As in
// PyTorch (set_to_none, its default since 2.0), each Grad becomes nil until the next
// Backward, which fills it afresh — in the same memory, set aside here, so that a large
// gradient is written once per step rather than cleared and then added to.
func (o *SGD) ZeroGrad() {
	for _, p := range o.Params {
		if p.Grad != nil {
			p.spare, p.Grad = p.Grad, nil
		}
	}
}

// Step updates every parameter from its gradient (optimizer.step()). Parameters without a
// gradient yet are left alone.
//
// A parameter that went through a fast layer and has a valid float32 copy (the large
// ones, see the package documentation) is updated as PyTorch updates a float32
// parameter: in one pass (over both cores) that reads the gradient and the float32
// weights and momentum, and writes the float32 weights and momentum and Data (which then
// holds the float32 values exactly). Other parameters are updated in float64.
func (o *SGD) Step() {
	if o.velocity == nil {
		o.velocity = make([][]float64, len(o.Params))
		o.velocity32 = make([][]float32, len(o.Params))
	}
	for k, p := range o.Params {
		if p.Grad == nil {
			continue
		}
		if s32 := p.cached32(); s32 != nil && !exact64 {
			o.step32(k, p, s32)
		} else {
			o.step64(k, p)
		}
	}
}

// step32 is Step's float32 update of parameter k, whose float32 copy is s32.
func (o *SGD) step32(k int, p *Tensor, s32 []float32) {
	lr, mu := o.LearningRate, o.Momentum
	d, gr := p.Data, p.Grad
	// the penalty sums of the new weights, per block as penaltySums32 adds them
	sums := make([][2]float64, sumBlocks(len(d)))
	blockSums := func(lo, hi int) {
		for b := lo / sumBlock; b < len(sums) && b*sumBlock < hi; b++ {
			sums[b][0], sums[b][1] = sums32(s32[b*sumBlock : blockEnd(b, len(sums), len(d))])
		}
	}
	defer func() {
		p.sh.sums[0], p.sh.sums[1] = addBlocks(sums)
		p.sh.sumsOK = true
	}()
	if mu == 0 {
		chunks(len(d), func(lo, hi int) {
			start := lo
			if useElemAsm {
				n4 := (hi - lo) &^ 3
				if n4 > 0 {
					sgdPlain4(&d[lo], &s32[lo], &gr[lo], n4, lr)
				}
				lo += n4
			}
			dd, ss := d[lo:hi], s32[lo:hi]
			for i, g := range gr[lo:hi] {
				w := float32(float64(ss[i]) - lr*g)
				ss[i] = w
				dd[i] = float64(w)
			}
			blockSums(start, hi)
		})
		return
	}
	v := o.velocity32[k]
	first := v == nil
	if first {
		v = make([]float32, len(d))
		if v64 := o.velocity[k]; v64 != nil { // momentum so far kept in float64
			convert32(v, v64)
			o.velocity[k], first = nil, false
		}
		o.velocity32[k] = v
	}
	chunks(len(d), func(lo, hi int) {
		start := lo
		if useElemAsm {
			n4 := (hi - lo) &^ 3
			if n4 > 0 {
				sgdMomentum4(&d[lo], &s32[lo], &v[lo], &gr[lo], n4, lr, mu, first)
			}
			lo += n4
		}
		dd, ss, vv := d[lo:hi], s32[lo:hi], v[lo:hi]
		for i, g := range gr[lo:hi] {
			x := g
			if !first {
				x = mu*float64(vv[i]) + g
			}
			vx := float32(x)
			vv[i] = vx
			w := float32(float64(ss[i]) - lr*float64(vx))
			ss[i] = w
			dd[i] = float64(w)
		}
		blockSums(start, hi)
	})
}

// step64 is Step's float64 update of parameter k.
func (o *SGD) step64(k int, p *Tensor) {
	lr, mu := o.LearningRate, o.Momentum
	d, gr := p.Data, p.Grad
	p.invalidate()
	if mu == 0 {
		for i, g := range gr {
			d[i] -= lr * g
		}
		return
	}
	v := o.velocity[k]
	if v32 := o.velocity32[k]; v == nil && v32 != nil { // momentum so far kept in float32
		v = make([]float64, len(d))
		convert64(v, v32)
		o.velocity[k], o.velocity32[k] = v, nil
	}
	if v == nil {
		v = make([]float64, len(d))
		copy(v, gr)
		o.velocity[k] = v
	} else {
		for i, g := range gr {
			v[i] = mu*v[i] + g
		}
	}
	for i := range d {
		d[i] -= lr * v[i]
	}
}
