package nn

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (for full-batch training, the
	// number of gradient steps).
	Epochs int
	// LearningRate and Momentum are SGD's.
	LearningRate, Momentum float64
	// BatchSize splits each epoch into minibatches in a new random order (0: full batch).
	BatchSize int
	// Shuffle draws the order of the minibatches; required when BatchSize > 0.
	Shuffle *Generator
	// TestData and TestLabels, when set, are evaluated with the same loss after the first
	// epoch, every TestEvery epochs (default 1), and after the last.
	TestData, TestLabels *Tensor
	TestEvery            int
	// LogEvery prints the progress every LogEvery epochs (0: five times in all; negative:
	// never). Log is where (default os.Stdout).
	LogEvery int
	Log      io.Writer
	// Progress, when set, is called with the number of gradient steps done and their total
	// (Epochs × minibatches per epoch): with 0 before the first step, then after every step,
	// the last call with done == total (unless the training fails). It is how a notebook or
	// a terminal shows a progress bar (package nma/progress); nn itself draws nothing.
	Progress func(done, total int)
}

// History holds the loss curves of a training run.
type History struct {
	// TrainLoss has one value per epoch: the full-batch loss before that epoch's step, or the
	// mean loss of that epoch's minibatches.
	TrainLoss []float64
	// StepLoss has the loss of every gradient step (every minibatch; for full-batch
	// training the same as TrainLoss).
	StepLoss []float64
	// TestLoss has one value per epoch (NaN where it was not evaluated); nil without test data.
	TestLoss []float64
}

// Train fits net to (x, y) by gradient descent on lossFn and returns the loss curves. It
// prints its progress like the course's train functions. For a loss with L1/L2 penalties
// pass a closure, e.g.
//
//	lossFn := func(out, y *nn.Tensor) *nn.Tensor {
//		return nn.RegularizedMSELoss(out, y, net.OutLayer.Weight, 5e-4, 1e-6)
//	}
func Train(net Module, lossFn LossFunc, x, y *Tensor, o TrainOptions) (History, error) {
	var h History
	switch {
	case o.Epochs < 1:
		return h, fmt.Errorf("nn.Train: Epochs=%d must be at least 1", o.Epochs)
	case !(o.LearningRate > 0):
		return h, fmt.Errorf("nn.Train: LearningRate=%g must be positive", o.LearningRate)
	case o.Momentum < 0 || o.Momentum >= 1:
		return h, fmt.Errorf("nn.Train: Momentum=%g must be in [0, 1)", o.Momentum)
	case o.BatchSize < 0:
		return h, fmt.Errorf("nn.Train: BatchSize=%d must not be negative", o.BatchSize)
	case o.BatchSize > 0 && o.Shuffle == nil:
		return h, errors.New("nn.Train: minibatches (BatchSize > 0) need a Shuffle generator, e.g. nn.ManualSeed(12)")
	case len(x.Shape) == 0 || len(y.Shape) == 0 || x.Shape[0] != y.Shape[0]:
		return h, fmt.Errorf("nn.Train: data shape %v and labels shape %v must have the same first dimension", x.Shape, y.Shape)
	case (o.TestData == nil) != (o.TestLabels == nil):
		return h, errors.New("nn.Train: give both TestData and TestLabels, or neither")
	case lossFn == nil:
		return h, errors.New("nn.Train: lossFn is nil")
	}
	logEvery := o.LogEvery
	if logEvery == 0 {
		logEvery = max(o.Epochs/5, 1)
	}
	testEvery := max(o.TestEvery, 1)
	w := o.Log
	if w == nil {
		w = os.Stdout
	}
	opt := NewSGD(net.Parameters(), o.LearningRate, o.Momentum)
	n := x.Shape[0]
	fullBatch := o.BatchSize == 0 || o.BatchSize >= n && o.Shuffle == nil
	steps := o.Epochs // gradient steps in all, for Progress
	if !fullBatch {
		steps *= (n + o.BatchSize - 1) / o.BatchSize
	}
	if o.Progress != nil {
		o.Progress(0, steps)
	}
	step := func(xb, yb *Tensor) float64 {
		loss := lossFn(net.Forward(xb), yb)
		opt.ZeroGrad()
		loss.Backward()
		opt.Step()
		h.StepLoss = append(h.StepLoss, loss.Item())
		if o.Progress != nil {
			o.Progress(len(h.StepLoss), steps)
		}
		return loss.Item()
	}
	if o.TestData != nil {
		h.TestLoss = make([]float64, o.Epochs)
	}
	var xb, yb batchRows
	for e := 0; e < o.Epochs; e++ {
		var l float64
		if fullBatch {
			l = step(x, y)
		} else {
			perm := o.Shuffle.Randperm(n)
			nb := 0
			for s := 0; s < n; s += o.BatchSize {
				idx := perm[s:min(s+o.BatchSize, n)]
				l += step(xb.take(x, idx), yb.take(y, idx))
				nb++
			}
			l /= float64(nb)
		}
		if math.IsNaN(l) || math.IsInf(l, 0) {
			return h, fmt.Errorf("nn.Train: the loss became %g at epoch %d: the learning rate %g is probably too large", l, e+1, o.LearningRate)
		}
		h.TrainLoss = append(h.TrainLoss, l)
		test := math.NaN()
		if o.TestData != nil {
			if e == 0 || (e+1)%testEvery == 0 || e == o.Epochs-1 {
				test = lossFn(net.Forward(o.TestData.Detach()), o.TestLabels).Item()
			}
			h.TestLoss[e] = test
		}
		if logEvery > 0 && (e+1)%logEvery == 0 {
			var line string
			if o.BatchSize > 0 {
				line = fmt.Sprintf("epoch %d/%d | loss on last mini-batch: %.2e", e+1, o.Epochs, h.StepLoss[len(h.StepLoss)-1])
			} else {
				line = fmt.Sprintf("iteration %d/%d | train loss: %.4g", e+1, o.Epochs, l)
			}
			if !math.IsNaN(test) {
				line += fmt.Sprintf(" | test loss: %.4g", test)
			}
			fmt.Fprintln(w, line) // one write per line, so that notebooks show whole lines
		}
	}
	if logEvery > 0 && o.BatchSize > 0 {
		fmt.Fprintln(w, "training done!")
	}
	return h, nil
}

// batchRows holds the minibatch tensors of a training run, reused from step to step (one
// for full batches, one for a shorter last batch) instead of new ones per step.
type batchRows struct{ full, last *Tensor }

// take copies the rows idx of t into the reused tensor of that size (t.Rows(idx)).
func (b *batchRows) take(t *Tensor, idx []int) *Tensor {
	slot := &b.full
	if b.full != nil && b.full.Shape[0] != len(idx) {
		slot = &b.last
	}
	d := *slot
	if d == nil || d.Shape[0] != len(idx) {
		*slot = t.Rows(idx)
		return *slot
	}
	n := len(t.Data) / max(t.Shape[0], 1)
	for k, i := range idx {
		copy(d.Data[k*n:(k+1)*n], t.Data[i*n:(i+1)*n])
	}
	d.invalidate() // new values: a float32 copy of the previous batch is stale
	return d
}
