package nn

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Tensor is an n-dimensional array of float64 in row-major (C) order, like a torch.Tensor.
//
// A tensor made by an operation on tensors that need gradients remembers how to pass a
// gradient back to its inputs, so calling Backward on a scalar loss fills the Grad of every
// parameter it depends on (PyTorch's autograd, for the chains and sums this course builds).
// Parameters are tensors with RequiresGrad set (NewParameter).
type Tensor struct {
	// Shape holds the size of each dimension, e.g. [batch, channels, height, width].
	Shape []int
	// Data holds the elements in row-major order; len(Data) is the product of Shape.
	Data []float64
	// Grad is the gradient of the last Backward call with respect to this tensor, for
	// tensors that require gradients (parameters); it accumulates until ZeroGrad.
	Grad []float64

	requiresGrad bool
	backFn       func(g []float64) // passes the gradient of this tensor to its inputs
	sh           *shadow           // float32 copy of Data (fast path), shared with views
	spare        []float64         // the Grad buffer SGD.ZeroGrad set aside, for reuse
	// backSparse, when set, is backFn for a gradient whose non-zero values are all at
	// the positions nz, in a buffer the callee may change (see backwardSparse).
	backSparse func(g []float64, nz []int32)
	// pen describes a Penalty's output (its weights and factors); fusePen, on weights, is
	// a penalty gradient that Add asks the next float32 gradient delivery to add in the
	// same pass (see Add).
	pen     *penaltyOf
	fusePen *pendingPenalty
}

// numel is the number of elements of a shape.
func numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

func checkShape(fn string, shape []int) {
	for i, s := range shape {
		if s < 0 {
			panic(fmt.Sprintf("nn.%s: shape %v has a negative size in dimension %d", fn, shape, i))
		}
	}
}

// Zeros returns a tensor of the given shape filled with zeros (torch.zeros).
func Zeros(shape ...int) *Tensor {
	checkShape("Zeros", shape)
	return &Tensor{Shape: slices.Clone(shape), Data: make([]float64, numel(shape))}
}

// Full returns a tensor of the given shape filled with v (torch.full).
func Full(v float64, shape ...int) *Tensor {
	t := Zeros(shape...)
	for i := range t.Data {
		t.Data[i] = v
	}
	return t
}

// FromData wraps data (not copied) as a tensor of the given shape; with no shape it is a
// 1-D tensor of len(data) elements. It panics when the sizes disagree.
func FromData(data []float64, shape ...int) *Tensor {
	if len(shape) == 0 {
		shape = []int{len(data)}
	}
	checkShape("FromData", shape)
	if numel(shape) != len(data) {
		panic(fmt.Sprintf("nn.FromData: shape %v needs %d values, got %d", shape, numel(shape), len(data)))
	}
	return &Tensor{Shape: slices.Clone(shape), Data: data}
}

// Scalar returns a 0-dimensional tensor holding v.
func Scalar(v float64) *Tensor { return &Tensor{Shape: []int{}, Data: []float64{v}} }

// FromMat copies a gonum matrix into a 2-D tensor (rows × columns).
func FromMat(m mat.Matrix) *Tensor {
	r, c := m.Dims()
	t := Zeros(r, c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			t.Data[i*c+j] = m.At(i, j)
		}
	}
	return t
}

// Column copies v into an n×1 tensor (a column vector, like torch's unsqueeze(1)).
func Column(v []float64) *Tensor { return FromData(slices.Clone(v), len(v), 1) }

// NewParameter returns a copy of t that requires gradients: a trainable parameter
// (nn.Parameter).
func NewParameter(t *Tensor) *Tensor {
	p := t.Clone()
	p.requiresGrad = true
	return p
}

// RequiresGrad reports whether t is a parameter, or was computed from one, so that a
// gradient flows back through it.
func (t *Tensor) RequiresGrad() bool { return t.requiresGrad || t.backFn != nil }

// SetRequiresGrad makes t a leaf that collects a gradient in Grad (or stops it).
func (t *Tensor) SetRequiresGrad(on bool) *Tensor {
	t.requiresGrad = on
	return t
}

// Dims is the number of dimensions.
func (t *Tensor) Dims() int { return len(t.Shape) }

// Size returns the size of dimension d (negative d counts from the end, as in PyTorch).
func (t *Tensor) Size(d int) int {
	if d < 0 {
		d += len(t.Shape)
	}
	if d < 0 || d >= len(t.Shape) {
		panic(fmt.Sprintf("nn.Tensor.Size: dimension %d out of range for shape %v", d, t.Shape))
	}
	return t.Shape[d]
}

// Numel is the number of elements.
func (t *Tensor) Numel() int { return len(t.Data) }

// index returns the flat position of a multi-index.
func (t *Tensor) index(idx []int) int {
	if len(idx) != len(t.Shape) {
		panic(fmt.Sprintf("nn.Tensor.At: %d indices for a tensor of shape %v", len(idx), t.Shape))
	}
	k := 0
	for d, i := range idx {
		if i < 0 || i >= t.Shape[d] {
			// A copy in the message, so that idx does not escape: At(i, j) in a loop then
			// allocates nothing (its variadic slice stays on the caller's stack).
			panic(fmt.Sprintf("nn.Tensor.At: index %v out of range for shape %v", append([]int(nil), idx...), t.Shape))
		}
		k = k*t.Shape[d] + i
	}
	return k
}

// At returns the element at a multi-index, e.g. t.At(0, 3).
func (t *Tensor) At(idx ...int) float64 { return t.Data[t.index(idx)] }

// Set sets the element at a multi-index.
func (t *Tensor) Set(v float64, idx ...int) {
	t.Data[t.index(idx)] = v
	t.invalidate()
}

// Item returns the value of a one-element tensor (loss.item()).
func (t *Tensor) Item() float64 {
	if len(t.Data) != 1 {
		panic(fmt.Sprintf("nn.Tensor.Item: tensor of shape %v has %d elements, want 1", t.Shape, len(t.Data)))
	}
	return t.Data[0]
}

// Clone returns a copy of the values (without the gradient history).
func (t *Tensor) Clone() *Tensor {
	return &Tensor{Shape: slices.Clone(t.Shape), Data: slices.Clone(t.Data)}
}

// Detach returns a tensor sharing t's values but cut from the gradient history
// (tensor.detach()).
func (t *Tensor) Detach() *Tensor {
	return &Tensor{Shape: slices.Clone(t.Shape), Data: t.Data, sh: t.shared()}
}

// shared returns t's float32 copy for a tensor that shares t.Data, creating an empty one
// for a large tensor so that whichever of them converts first serves both.
func (t *Tensor) shared() *shadow {
	if len(t.Data) < shadowMin {
		return nil
	}
	shadowMu.Lock()
	defer shadowMu.Unlock()
	if t.sh == nil {
		t.sh = &shadow{}
	}
	return t.sh
}

// Row returns row i of a 2-D tensor (a copy), or the i-th slice along dimension 0 flattened.
func (t *Tensor) Row(i int) []float64 {
	if len(t.Shape) == 0 || i < 0 || i >= t.Shape[0] {
		panic(fmt.Sprintf("nn.Tensor.Row: row %d out of range for shape %v", i, t.Shape))
	}
	n := len(t.Data) / t.Shape[0]
	return slices.Clone(t.Data[i*n : (i+1)*n])
}

// Col returns column j of a 2-D tensor (a copy).
func (t *Tensor) Col(j int) []float64 {
	if len(t.Shape) != 2 || j < 0 || j >= t.Shape[1] {
		panic(fmt.Sprintf("nn.Tensor.Col: column %d out of range for shape %v", j, t.Shape))
	}
	out := make([]float64, t.Shape[0])
	for i := range out {
		out[i] = t.Data[i*t.Shape[1]+j]
	}
	return out
}

// Rows returns the slices of t along dimension 0 at the given indices, as a new tensor
// (tensor[idx] with an index array). The result is cut from the gradient history.
func (t *Tensor) Rows(idx []int) *Tensor {
	if len(t.Shape) == 0 {
		panic("nn.Tensor.Rows: a 0-dimensional tensor has no rows")
	}
	n := len(t.Data) / max(t.Shape[0], 1)
	shape := slices.Clone(t.Shape)
	shape[0] = len(idx)
	out := Zeros(shape...)
	for k, i := range idx {
		if i < 0 || i >= t.Shape[0] {
			panic(fmt.Sprintf("nn.Tensor.Rows: index %d out of range for shape %v", i, t.Shape))
		}
		copy(out.Data[k*n:(k+1)*n], t.Data[i*n:(i+1)*n])
	}
	return out
}

// Cols returns the given columns of a 2-D tensor, in that order, as a new tensor
// (tensor[:, idx]).
func (t *Tensor) Cols(idx []int) *Tensor {
	if len(t.Shape) != 2 {
		panic(fmt.Sprintf("nn.Tensor.Cols: need a 2-D tensor, got shape %v", t.Shape))
	}
	r, c := t.Shape[0], t.Shape[1]
	out := Zeros(r, len(idx))
	for k, j := range idx {
		if j < 0 || j >= c {
			panic(fmt.Sprintf("nn.Tensor.Cols: column %d out of range for shape %v", j, t.Shape))
		}
		for i := 0; i < r; i++ {
			out.Data[i*len(idx)+k] = t.Data[i*c+j]
		}
	}
	return out
}

// Transpose returns the transpose of a 2-D tensor (a copy, cut from the gradient history).
func Transpose(t *Tensor) *Tensor {
	if len(t.Shape) != 2 {
		panic(fmt.Sprintf("nn.Transpose: need a 2-D tensor, got shape %v", t.Shape))
	}
	r, c := t.Shape[0], t.Shape[1]
	out := Zeros(c, r)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			out.Data[j*r+i] = t.Data[i*c+j]
		}
	}
	return out
}

// Dense returns a 2-D tensor as a gonum matrix (a copy). A 1-D tensor becomes a column.
func (t *Tensor) Dense() *mat.Dense {
	switch len(t.Shape) {
	case 1:
		return mat.NewDense(t.Shape[0], 1, slices.Clone(t.Data))
	case 2:
		return mat.NewDense(t.Shape[0], t.Shape[1], slices.Clone(t.Data))
	}
	panic(fmt.Sprintf("nn.Tensor.Dense: need a 1-D or 2-D tensor, got shape %v", t.Shape))
}

// Matrix returns a 2-D tensor as rows of float64 (a copy), the form fig.Heatmap draws.
func (t *Tensor) Matrix() [][]float64 {
	if len(t.Shape) != 2 {
		panic(fmt.Sprintf("nn.Tensor.Matrix: need a 2-D tensor, got shape %v", t.Shape))
	}
	out := make([][]float64, t.Shape[0])
	for i := range out {
		out[i] = t.Row(i)
	}
	return out
}

// String prints the shape and the first values.
func (t *Tensor) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "tensor(shape=%v, [", t.Shape)
	for i, v := range t.Data {
		if i == 8 {
			b.WriteString(" …")
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%.4g", v)
	}
	b.WriteString("])")
	return b.String()
}

// ZeroGrad clears the accumulated gradient.
func (t *Tensor) ZeroGrad() {
	g := t.Grad
	chunks(len(g), func(lo, hi int) { clear(g[lo:hi]) })
}

// Backward computes the gradient of a one-element tensor (a loss) with respect to every
// parameter it was computed from, and adds it to their Grad (loss.backward()).
func (t *Tensor) Backward() {
	if len(t.Data) != 1 {
		panic(fmt.Sprintf("nn.Tensor.Backward: only a one-element tensor (a loss) can start backward, got shape %v", t.Shape))
	}
	t.BackwardWith([]float64{1})
}

// BackwardWith passes the gradient g (same size as t) back through the operations that
// made t. Backward is BackwardWith([1]) for a scalar.
func (t *Tensor) BackwardWith(g []float64) {
	if len(g) != len(t.Data) {
		panic(fmt.Sprintf("nn.Tensor.BackwardWith: gradient has %d values for a tensor of %d", len(g), len(t.Data)))
	}
	if t.requiresGrad {
		if gr, fresh := t.grad(); fresh {
			copy(gr, g)
		} else {
			for i, v := range g {
				gr[i] += v
			}
		}
	}
	if t.backFn != nil {
		t.backFn(g)
	}
}

// result makes the output tensor of an operation on inputs; back (may be nil) receives the
// output's gradient and must pass gradients on with BackwardWith. The history is kept only
// when an input needs a gradient.
func result(shape []int, data []float64, back func(g []float64), inputs ...*Tensor) *Tensor {
	out := &Tensor{Shape: shape, Data: data}
	for _, in := range inputs {
		if in != nil && in.RequiresGrad() {
			out.backFn = back
			break
		}
	}
	return out
}

// Reshape returns t with a new shape of the same size (tensor.view); one size may be -1 and
// is then inferred. Gradients flow through.
func Reshape(t *Tensor, shape ...int) *Tensor {
	shape = slices.Clone(shape)
	infer := -1
	known := 1
	for i, s := range shape {
		if s == -1 {
			if infer >= 0 {
				panic(fmt.Sprintf("nn.Reshape: only one size may be -1, got %v", shape))
			}
			infer = i
			continue
		}
		known *= s
	}
	if infer >= 0 && known > 0 {
		shape[infer] = len(t.Data) / known
	}
	if numel(shape) != len(t.Data) {
		panic(fmt.Sprintf("nn.Reshape: cannot view shape %v (%d elements) as %v", t.Shape, len(t.Data), shape))
	}
	out := result(shape, t.Data, func(g []float64) { t.BackwardWith(g) }, t)
	out.sh = t.shared()
	return out
}

// Unsqueeze inserts a dimension of size 1 at position dim (tensor.unsqueeze(dim)).
func Unsqueeze(t *Tensor, dim int) *Tensor {
	if dim < 0 {
		dim += len(t.Shape) + 1
	}
	if dim < 0 || dim > len(t.Shape) {
		panic(fmt.Sprintf("nn.Unsqueeze: dimension %d out of range for shape %v", dim, t.Shape))
	}
	shape := slices.Insert(slices.Clone(t.Shape), dim, 1)
	return Reshape(t, shape...)
}

// Stack stacks equally shaped tensors along a new first dimension (torch.stack). The result
// is cut from the gradient history.
func Stack(ts []*Tensor) *Tensor {
	if len(ts) == 0 {
		panic("nn.Stack: no tensors")
	}
	n := len(ts[0].Data)
	out := Zeros(append([]int{len(ts)}, ts[0].Shape...)...)
	for i, t := range ts {
		if !slices.Equal(t.Shape, ts[0].Shape) {
			panic(fmt.Sprintf("nn.Stack: tensor %d has shape %v, tensor 0 has %v", i, t.Shape, ts[0].Shape))
		}
		copy(out.Data[i*n:], t.Data)
	}
	return out
}

// Add returns the element-wise sum of equally shaped tensors (a + b + …).
func Add(ts ...*Tensor) *Tensor {
	if len(ts) == 0 {
		panic("nn.Add: no tensors")
	}
	out := make([]float64, len(ts[0].Data))
	for i, t := range ts {
		if !slices.Equal(t.Shape, ts[0].Shape) && !(len(t.Data) == 1 && len(ts[0].Data) == 1) {
			panic(fmt.Sprintf("nn.Add: tensor %d has shape %v, tensor 0 has %v", i, t.Shape, ts[0].Shape))
		}
		for k, v := range t.Data {
			out[k] += v
		}
	}
	return result(slices.Clone(ts[0].Shape), out, func(g []float64) {
		// A penalty on weights that another term reaches through a fast layer (the
		// regularised loss of a network) is added to their gradient in the pass that
		// delivers that layer's weight gradient, instead of a pass of its own: prime the
		// weights before the terms run, and skip the penalty's own backward pass if its
		// gradient was delivered.
		var primed []*pendingPenalty
		if !exact64 {
			for i, t := range ts {
				if p := t.pen; p != nil && p.weights.fusePen == nil && t.backFn != nil {
					if primed == nil {
						primed = make([]*pendingPenalty, len(ts))
					}
					primed[i] = &pendingPenalty{a2: g[0] * 2 * p.l2, a1: g[0] * p.l1}
					p.weights.fusePen = primed[i]
				}
			}
		}
		for i, t := range ts {
			if primed != nil && primed[i] != nil {
				t.pen.weights.fusePen = nil
				if primed[i].done {
					continue
				}
			}
			if t.RequiresGrad() {
				t.BackwardWith(g)
			}
		}
	}, ts...)
}

// Scale returns c·t.
func Scale(c float64, t *Tensor) *Tensor {
	out := make([]float64, len(t.Data))
	for i, v := range t.Data {
		out[i] = c * v
	}
	return result(slices.Clone(t.Shape), out, func(g []float64) {
		gi := make([]float64, len(g))
		for i, v := range g {
			gi[i] = c * v
		}
		t.BackwardWith(gi)
	}, t)
}

// Sum returns the sum of all elements as a scalar (torch.sum).
func Sum(t *Tensor) *Tensor {
	s := 0.0
	for _, v := range t.Data {
		s += v
	}
	return result([]int{}, []float64{s}, func(g []float64) {
		gi := make([]float64, len(t.Data))
		for i := range gi {
			gi[i] = g[0]
		}
		t.BackwardWith(gi)
	}, t)
}

// Mean returns the mean of all elements as a scalar (torch.mean).
func Mean(t *Tensor) *Tensor { return Scale(1/float64(max(len(t.Data), 1)), Sum(t)) }

// Square returns t² element-wise (torch.square).
func Square(t *Tensor) *Tensor {
	out := make([]float64, len(t.Data))
	for i, v := range t.Data {
		out[i] = v * v
	}
	return result(slices.Clone(t.Shape), out, func(g []float64) {
		gi := make([]float64, len(g))
		for i, v := range g {
			gi[i] = 2 * t.Data[i] * v
		}
		t.BackwardWith(gi)
	}, t)
}

// Abs returns |t| element-wise (torch.abs); its gradient at 0 is 0, as in PyTorch.
func Abs(t *Tensor) *Tensor {
	out := make([]float64, len(t.Data))
	for i, v := range t.Data {
		out[i] = math.Abs(v)
	}
	return result(slices.Clone(t.Shape), out, func(g []float64) {
		gi := make([]float64, len(g))
		for i, v := range g {
			switch {
			case t.Data[i] > 0:
				gi[i] = v
			case t.Data[i] < 0:
				gi[i] = -v
			}
		}
		t.BackwardWith(gi)
	}, t)
}

// Argmax returns, for each row of a 2-D tensor, the column of its largest value
// (torch.argmax(x, dim=1)); ties go to the first.
func Argmax(t *Tensor) []int {
	if len(t.Shape) != 2 {
		panic(fmt.Sprintf("nn.Argmax: need a 2-D tensor, got shape %v", t.Shape))
	}
	n, c := t.Shape[0], t.Shape[1]
	out := make([]int, n)
	for i := 0; i < n; i++ {
		row := t.Data[i*c : (i+1)*c]
		best := 0
		for j, v := range row {
			if v > row[best] {
				best = j
			}
		}
		out[i] = best
	}
	return out
}
