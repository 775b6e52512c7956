package nn

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/nma-go/nma-go/nma/gemm"
)

// Linear is a fully connected layer y = x·Wᵀ + b (nn.Linear): Weight is OutFeatures ×
// InFeatures, Bias has OutFeatures values, and x is batch × InFeatures.
type Linear struct {
	Hooks
	InFeatures, OutFeatures int
	Weight, Bias            *Tensor

	s *linearScratch // float32 working space of the fast path, reused across steps
}

// linearScratch is a Linear's float32 working space; mu serialises its use (a layer may
// be called from several goroutines).
type linearScratch struct {
	mu                       sync.Mutex
	x, w, y, g, gw, gx, bias []float32
}

func (l *Linear) scratch() *linearScratch {
	if l.s == nil {
		l.s = &linearScratch{}
	}
	return l.s
}

// NewLinear returns a layer initialised as PyTorch does: weights and biases uniform in
// ±1/√inFeatures, drawn from g.
func NewLinear(inFeatures, outFeatures int, g *Generator) *Linear {
	if inFeatures < 1 || outFeatures < 1 {
		panic(fmt.Sprintf("nn.NewLinear: inFeatures=%d and outFeatures=%d must be at least 1", inFeatures, outFeatures))
	}
	bound := 1 / math.Sqrt(float64(inFeatures))
	w := FromData(g.Uniform(-bound, bound, inFeatures*outFeatures), outFeatures, inFeatures)
	b := FromData(g.Uniform(-bound, bound, outFeatures), outFeatures)
	return &Linear{InFeatures: inFeatures, OutFeatures: outFeatures, Weight: NewParameter(w), Bias: NewParameter(b)}
}

// Parameters returns the weight and the bias.
func (l *Linear) Parameters() []*Tensor { return []*Tensor{l.Weight, l.Bias} }

// InitNormal fills t with Gaussian values of the given mean and standard deviation drawn
// from g (nn.init.normal_), e.g. to start a layer's weights small.
func InitNormal(t *Tensor, mean, std float64, g *Generator) {
	copy(t.Data, g.Normal(mean, std, len(t.Data)))
	t.invalidate()
}

func general(rows, cols int, data []float64) blas64.General {
	return blas64.General{Rows: rows, Cols: cols, Stride: cols, Data: data}
}

// Forward computes x·Wᵀ + b for a batch x of shape (batch, InFeatures).
func (l *Linear) Forward(x *Tensor) *Tensor {
	if len(x.Shape) != 2 || x.Shape[1] != l.InFeatures {
		panic(fmt.Sprintf("nn.Linear.Forward: input shape %v, want (batch, %d)", x.Shape, l.InFeatures))
	}
	var res *Tensor
	if exact64 {
		res = l.forward64(x)
	} else {
		res = l.forward32(x)
	}
	l.runHooks(l, x, res)
	return res
}

// forward32 is the fast path: float32 products on gemm.Sgemm (x·Wᵀ on the skinny dot
// kernel, gᵀ·x for the weight gradient, g·W for the input's), with the float32 copies of
// x and W kept between steps (see f32) and the working space reused.
func (l *Linear) forward32(x *Tensor) *Tensor {
	n, in, out := x.Shape[0], l.InFeatures, l.OutFeatures
	s := l.scratch()
	s.mu.Lock()
	y32 := grow(&s.y, n*out)
	x32 := x.f32(&s.x)
	w32 := l.Weight.f32(&s.w)
	b32 := grow(&s.bias, out)
	convert32(b32, l.Bias.Data)
	for i := 0; i < n; i++ {
		copy(y32[i*out:(i+1)*out], b32)
	}
	byRowBlocks(n, out, in, func(i0, m int) {
		gemm.Sgemm(false, true, m, out, in, 1, x32[i0*in:], in, w32, in, 1, y32[i0*out:], out)
	})
	y := make([]float64, n*out)
	convert64(y, y32)
	s.mu.Unlock()
	res := result([]int{n, out}, y, func(g []float64) {
		var then []func()
		s.mu.Lock()
		g32 := grow(&s.g, n*out)
		convert32(g32, g)
		if l.Weight.RequiresGrad() {
			x32 := x.f32(&s.x)
			gw := grow(&s.gw, out*in)
			gemm.Sgemm(true, false, out, in, n, 1, g32, out, x32, in, 0, gw, in)
			then = append(then, l.Weight.deliver32(gw))
		}
		if x.RequiresGrad() {
			w32 := l.Weight.f32(&s.w)
			gx := grow(&s.gx, n*in)
			byRowBlocks(n, in, out, func(i0, m int) {
				gemm.Sgemm(false, false, m, in, out, 1, g32[i0*out:], out, w32, in, 0, gx[i0*in:], in)
			})
			then = append(then, x.deliver32(gx))
		}
		s.mu.Unlock()
		if l.Bias.RequiresGrad() {
			l.Bias.BackwardWith(columnSums(g, n, out))
		}
		for _, f := range then {
			if f != nil {
				f()
			}
		}
	}, x, l.Weight, l.Bias)
	return res
}

// byRowBlocks runs f(i0, m) over blocks of rows of an n×c product with inner dimension k
// that cover 0…n−1. A product with more than 32 rows and columns is not skinny, and
// gemm packs its large operand, the weights, in a pass as long as the product itself
// when there are few rows (ConvFC: 60 × 23589 × 1152); cutting up to 128 rows into
// blocks of at most 32 makes each block skinny, streaming the weights without packing,
// and is 1.7–2.5× faster there.
func byRowBlocks(n, c, k int, f func(i0, m int)) {
	const skinny = 32
	if n <= skinny || c <= skinny || n > 4*skinny || c*k < 1<<16 {
		f(0, n)
		return
	}
	blocks := (n + skinny - 1) / skinny
	for b := 0; b < blocks; b++ {
		i0, i1 := b*n/blocks, (b+1)*n/blocks
		f(i0, i1-i0)
	}
}

// columnSums returns the sums of the columns of an n×c row-major matrix.
func columnSums(g []float64, n, c int) []float64 {
	gb := make([]float64, c)
	for i := 0; i < n; i++ {
		for j, v := range g[i*c : (i+1)*c] {
			gb[j] += v
		}
	}
	return gb
}

// forward64 is the float64 reference path (gonum BLAS).
func (l *Linear) forward64(x *Tensor) *Tensor {
	n, in, out := x.Shape[0], l.InFeatures, l.OutFeatures
	y := make([]float64, n*out)
	for i := 0; i < n; i++ {
		copy(y[i*out:(i+1)*out], l.Bias.Data)
	}
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, general(n, in, x.Data), general(out, in, l.Weight.Data), 1, general(n, out, y))
	return result([]int{n, out}, y, func(g []float64) {
		if l.Weight.RequiresGrad() {
			gw := make([]float64, out*in)
			blas64.Gemm(blas.Trans, blas.NoTrans, 1, general(n, out, g), general(n, in, x.Data), 0, general(out, in, gw))
			l.Weight.BackwardWith(gw)
		}
		if l.Bias.RequiresGrad() {
			l.Bias.BackwardWith(columnSums(g, n, out))
		}
		if x.RequiresGrad() {
			gx := make([]float64, n*in)
			blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, general(n, out, g), general(out, in, l.Weight.Data), 0, general(n, in, gx))
			x.BackwardWith(gx)
		}
	}, x, l.Weight, l.Bias)
}

// ReLU returns max(x, 0) element-wise (torch.relu; NaN stays NaN). Both passes are
// branch-free: the signs of activations are random, and a branch on them would be
// mispredicted every other value.
func ReLU(x *Tensor) *Tensor {
	y := make([]float64, len(x.Data))
	chunks(len(y), func(lo, hi int) {
		dst := y[lo:hi]
		for i, v := range x.Data[lo:hi] {
			dst[i] = max(v, 0)
		}
	})
	out := result(slices.Clone(x.Shape), y, func(g []float64) {
		gx := make([]float64, len(g))
		chunks(len(g), func(lo, hi int) {
			dst, xs := gx[lo:hi], x.Data[lo:hi]
			for i, v := range g[lo:hi] {
				dst[i] = math.Float64frombits(math.Float64bits(v) & positive(xs[i]))
			}
		})
		x.BackwardWith(gx)
	}, x)
	if out.backFn != nil {
		out.backSparse = func(g []float64, nz []int32) { // in place: g is ours
			k := 0
			for _, i := range nz {
				if x.Data[i] > 0 {
					nz[k] = i
					k++
				} else {
					g[i] = 0
				}
			}
			x.backwardSparse(g, nz[:k])
		}
	}
	return out
}

// positive returns all ones when v > 0 and zero otherwise (also for NaN), without a
// branch: v > 0 exactly when its bits b, less one, are in [0, bits(+Inf)).
func positive(v float64) uint64 {
	const inf = 0x7ff0000000000000
	t := int64(math.Float64bits(v)) - 1
	return uint64((t - inf) >> 63 & ^(t >> 63))
}

// chunks runs f over [0, n) in parallel pieces when n is large enough to be worth it.
func chunks(n int, f func(lo, hi int)) {
	const grain = 1 << 16
	if n < 2*grain {
		f(0, n)
		return
	}
	parallel(n/grain, func(_, lo, hi int) {
		end := hi * grain
		if hi == n/grain {
			end = n
		}
		f(lo*grain, end)
	})
}

// Sigmoid returns 1/(1+e^(−x)) element-wise (torch.sigmoid).
func Sigmoid(x *Tensor) *Tensor {
	y := make([]float64, len(x.Data))
	for i, v := range x.Data {
		y[i] = 1 / (1 + math.Exp(-v))
	}
	return result(slices.Clone(x.Shape), y, func(g []float64) {
		gx := make([]float64, len(g))
		for i, v := range g {
			gx[i] = v * y[i] * (1 - y[i])
		}
		x.BackwardWith(gx)
	}, x)
}

// LogSoftmax returns, for each row of a 2-D tensor (batch × classes), the log of its
// softmax: x − log Σ exp(x) (nn.LogSoftmax(dim=1)).
func LogSoftmax(x *Tensor) *Tensor {
	if len(x.Shape) != 2 {
		panic(fmt.Sprintf("nn.LogSoftmax: need a 2-D tensor (batch, classes), got shape %v", x.Shape))
	}
	n, c := x.Shape[0], x.Shape[1]
	y := make([]float64, len(x.Data))
	for i := 0; i < n; i++ {
		row := x.Data[i*c : (i+1)*c]
		m := slices.Max(row)
		s := 0.0
		for _, v := range row {
			s += math.Exp(v - m)
		}
		lse := m + math.Log(s)
		for j, v := range row {
			y[i*c+j] = v - lse
		}
	}
	return result(slices.Clone(x.Shape), y, func(g []float64) {
		gx := make([]float64, len(g))
		for i := 0; i < n; i++ {
			s := 0.0
			for j := 0; j < c; j++ {
				s += g[i*c+j]
			}
			for j := 0; j < c; j++ {
				gx[i*c+j] = g[i*c+j] - math.Exp(y[i*c+j])*s
			}
		}
		x.BackwardWith(gx)
	}, x)
}

// Flatten keeps the first (batch) dimension and joins all others (nn.Flatten).
func Flatten(x *Tensor) *Tensor {
	if len(x.Shape) == 0 {
		panic("nn.Flatten: a 0-dimensional tensor has no batch dimension")
	}
	return Reshape(x, x.Shape[0], -1)
}

// Activation is a parameter-free layer wrapping a function such as ReLU, so that it can go
// in a Sequential and take hooks (nn.ReLU(), nn.Sigmoid(), …).
type Activation struct {
	Hooks
	Name string
	Fn   func(*Tensor) *Tensor
}

// Forward applies the function.
func (a *Activation) Forward(x *Tensor) *Tensor {
	y := a.Fn(x)
	a.runHooks(a, x, y)
	return y
}

// Parameters returns none.
func (a *Activation) Parameters() []*Tensor { return nil }

// NewReLU returns a ReLU layer (nn.ReLU()).
func NewReLU() *Activation { return &Activation{Name: "ReLU", Fn: ReLU} }

// NewSigmoid returns a sigmoid layer (nn.Sigmoid()).
func NewSigmoid() *Activation { return &Activation{Name: "Sigmoid", Fn: Sigmoid} }

// NewLogSoftmax returns a log-softmax layer over dimension 1 (nn.LogSoftmax(dim=1)).
func NewLogSoftmax() *Activation { return &Activation{Name: "LogSoftmax", Fn: LogSoftmax} }

// NewFlatten returns a flatten layer (nn.Flatten()).
func NewFlatten() *Activation { return &Activation{Name: "Flatten", Fn: Flatten} }

// Sequential chains modules: the output of each is the input of the next (nn.Sequential).
type Sequential struct {
	Hooks
	children []NamedModule
}

// NewSequential returns a container of the given layers, named "0", "1", … as in PyTorch.
func NewSequential(layers ...Module) *Sequential {
	s := &Sequential{}
	for i, l := range layers {
		s.Add(fmt.Sprint(i), l)
	}
	return s
}

// Add appends a named layer (add_module) and returns the container.
func (s *Sequential) Add(name string, m Module) *Sequential {
	for _, c := range s.children {
		if c.Name == name {
			panic(fmt.Sprintf("nn.Sequential.Add: a layer is already named %q", name))
		}
	}
	s.children = append(s.children, NamedModule{name, m})
	return s
}

// Layer returns the child called name, or nil.
func (s *Sequential) Layer(name string) Module {
	for _, c := range s.children {
		if c.Name == name {
			return c.Module
		}
	}
	return nil
}

// Children returns the named layers in order.
func (s *Sequential) Children() []NamedModule { return slices.Clone(s.children) }

// Len is the number of layers.
func (s *Sequential) Len() int { return len(s.children) }

// Forward runs the layers in order.
func (s *Sequential) Forward(x *Tensor) *Tensor {
	in := x
	for _, c := range s.children {
		x = c.Module.Forward(x)
	}
	s.runHooks(s, in, x)
	return x
}

// Parameters returns every layer's parameters, in order.
func (s *Sequential) Parameters() []*Tensor {
	var ps []*Tensor
	for _, c := range s.children {
		ps = append(ps, c.Module.Parameters()...)
	}
	return ps
}
