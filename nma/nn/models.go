package nn

import (
	"fmt"
	"slices"
)

// The networks of W2D1, with the attribute names of the course's classes.

// DeepNet is Tutorial 1's first decoder, purely linear: y = W_out(W_in·r + b_in) + b_out.
type DeepNet struct {
	InLayer, OutLayer *Linear
}

// NewDeepNet returns a DeepNet from nInputs neurons through nHidden hidden units to one
// output, initialised from g.
func NewDeepNet(nInputs, nHidden int, g *Generator) *DeepNet {
	return &DeepNet{InLayer: NewLinear(nInputs, nHidden, g), OutLayer: NewLinear(nHidden, 1, g)}
}

// Forward decodes responses r (stimuli × neurons) into one output per stimulus.
func (n *DeepNet) Forward(r *Tensor) *Tensor { return n.OutLayer.Forward(n.InLayer.Forward(r)) }

// Parameters returns the weights and biases of both layers.
func (n *DeepNet) Parameters() []*Tensor {
	return slices.Concat(n.InLayer.Parameters(), n.OutLayer.Parameters())
}

// Children returns in_layer and out_layer.
func (n *DeepNet) Children() []NamedModule {
	return []NamedModule{{"in_layer", n.InLayer}, {"out_layer", n.OutLayer}}
}

// DeepNetReLU is DeepNet with a ReLU on the hidden layer: h = ReLU(W_in·r + b_in),
// y = W_out·h + b_out.
type DeepNetReLU struct {
	InLayer, OutLayer *Linear
	// ForwardFn, when set, computes the forward pass instead of the built-in one (the
	// notebook plugs the student's forward function in here).
	ForwardFn func(net *DeepNetReLU, r *Tensor) *Tensor
}

// NewDeepNetReLU returns a DeepNetReLU with nHidden hidden units, initialised from g.
func NewDeepNetReLU(nInputs, nHidden int, g *Generator) *DeepNetReLU {
	return &DeepNetReLU{InLayer: NewLinear(nInputs, nHidden, g), OutLayer: NewLinear(nHidden, 1, g)}
}

// Forward decodes responses r (stimuli × neurons).
func (n *DeepNetReLU) Forward(r *Tensor) *Tensor {
	if n.ForwardFn != nil {
		return n.ForwardFn(n, r)
	}
	h := ReLU(n.InLayer.Forward(r))
	return n.OutLayer.Forward(h)
}

// Parameters returns the weights and biases of both layers.
func (n *DeepNetReLU) Parameters() []*Tensor {
	return slices.Concat(n.InLayer.Parameters(), n.OutLayer.Parameters())
}

// Children returns in_layer and out_layer.
func (n *DeepNetReLU) Children() []NamedModule {
	return []NamedModule{{"in_layer", n.InLayer}, {"out_layer", n.OutLayer}}
}

// DeepNetSoftmax classifies responses into nClasses: h = ReLU(W_in·r + b_in),
// log p = LogSoftmax(W_out·h + b_out) (Tutorial 4).
type DeepNetSoftmax struct {
	InLayer, OutLayer *Linear
	LogProb           *Activation
}

// NewDeepNetSoftmax returns a classifier with nHidden hidden units, initialised from g.
func NewDeepNetSoftmax(nInputs, nHidden, nClasses int, g *Generator) *DeepNetSoftmax {
	return &DeepNetSoftmax{InLayer: NewLinear(nInputs, nHidden, g), OutLayer: NewLinear(nHidden, nClasses, g), LogProb: NewLogSoftmax()}
}

// Forward returns the log-probabilities of each class (stimuli × classes).
func (n *DeepNetSoftmax) Forward(r *Tensor) *Tensor {
	h := ReLU(n.InLayer.Forward(r))
	return n.LogProb.Forward(n.OutLayer.Forward(h))
}

// Parameters returns the weights and biases of both layers.
func (n *DeepNetSoftmax) Parameters() []*Tensor {
	return slices.Concat(n.InLayer.Parameters(), n.OutLayer.Parameters())
}

// Children returns in_layer, out_layer and logprob.
func (n *DeepNetSoftmax) Children() []NamedModule {
	return []NamedModule{{"in_layer", n.InLayer}, {"out_layer", n.OutLayer}, {"logprob", n.LogProb}}
}

// setFilters replaces a convolution's weights by filters and its biases by zeros (the
// course's nn.Parameter(filters) and zero bias).
func setFilters(c *Conv2d, filters *Tensor) {
	want := []int{c.OutChannels, c.InChannels, c.KernelSize, c.KernelSize}
	if !slices.Equal(filters.Shape, want) {
		panic(fmt.Sprintf("nn: filters of shape %v do not fit a convolution of weight shape %v", filters.Shape, want))
	}
	c.Weight = NewParameter(filters)
	c.Bias = NewParameter(Zeros(c.OutChannels))
}

// ConvolutionalLayer is Tutorial 2's network of one convolution, padding K/2 and stride 1, so
// that the output has the input's height and width.
type ConvolutionalLayer struct {
	Conv *Conv2d
}

// NewConvolutionalLayer returns a layer of cOut K×K filters over cIn input channels; with
// filters (cOut, cIn, K, K) the weights are those filters and the biases zero, otherwise they
// are drawn from g.
func NewConvolutionalLayer(cIn, cOut, K int, filters *Tensor, g *Generator) *ConvolutionalLayer {
	l := &ConvolutionalLayer{Conv: NewConv2d(cIn, cOut, K, K/2, g)}
	if filters != nil {
		setFilters(l.Conv, filters)
	}
	return l
}

// Forward convolves stimuli (n, cIn, H, W) into activations (n, cOut, H, W).
func (l *ConvolutionalLayer) Forward(s *Tensor) *Tensor { return l.Conv.Forward(s) }

// Parameters returns the convolution's weight and bias.
func (l *ConvolutionalLayer) Parameters() []*Tensor { return l.Conv.Parameters() }

// Children returns conv.
func (l *ConvolutionalLayer) Children() []NamedModule { return []NamedModule{{"conv", l.Conv}} }

// CNN is Tutorial 3's orientation discriminator: a 6-channel 7×7 convolution (initialised
// with Filters(6, 7, false), zero bias, trainable), ReLU, 8×8 max pooling, a fully connected
// layer of 10 units with ReLU, and one sigmoid output, the probability that the grating is
// tilted to the right.
type CNN struct {
	Conv *Conv2d
	Pool *MaxPool2d
	FC   *Linear
	Out  *Linear
	Dims [3]int // shape of the pooled output: channels, height, width
}

// NewCNN returns the network for images of hIn × wIn pixels, initialised from g.
func NewCNN(hIn, wIn int, g *Generator) *CNN {
	const cOut, K, kPool = 6, 7, 8
	n := &CNN{Conv: NewConv2d(1, cOut, K, K/2, g), Pool: NewMaxPool2d(kPool), Dims: [3]int{cOut, hIn / kPool, wIn / kPool}}
	setFilters(n.Conv, Filters(cOut, K, false))
	n.FC = NewLinear(cOut*(hIn/kPool)*(wIn/kPool), 10, g)
	n.Out = NewLinear(10, 1, g)
	return n
}

// Forward maps images (n, H, W) to P(tilted right) (n, 1).
func (n *CNN) Forward(s *Tensor) *Tensor {
	x := Unsqueeze(s, 1)
	x = n.Pool.Forward(ReLU(n.Conv.Forward(x)))
	x = Flatten(x)
	x = ReLU(n.FC.Forward(x))
	return Sigmoid(n.Out.Forward(x))
}

// Parameters returns conv, fc and out weights and biases.
func (n *CNN) Parameters() []*Tensor {
	return slices.Concat(n.Conv.Parameters(), n.FC.Parameters(), n.Out.Parameters())
}

// Children returns conv, pool, fc and out, in that order. As with PyTorch hooks, 'pool'
// gives the output after conv → ReLU → pooling, and 'fc' the fully connected layer before
// its ReLU.
func (n *CNN) Children() []NamedModule {
	return []NamedModule{{"conv", n.Conv}, {"pool", n.Pool}, {"fc", n.FC}, {"out", n.Out}}
}

// FC is Tutorial 3's bonus fully connected discriminator: flatten, 10 ReLU units, sigmoid.
type FC struct {
	FC, Out *Linear
}

// NewFC returns the network for images of hIn × wIn pixels.
func NewFC(hIn, wIn int, g *Generator) *FC {
	return &FC{FC: NewLinear(hIn*wIn, 10, g), Out: NewLinear(10, 1, g)}
}

// Forward maps images (n, H, W) to P(tilted right) (n, 1).
func (n *FC) Forward(s *Tensor) *Tensor {
	return Sigmoid(n.Out.Forward(ReLU(n.FC.Forward(Flatten(s)))))
}

// Parameters returns the weights and biases.
func (n *FC) Parameters() []*Tensor { return slices.Concat(n.FC.Parameters(), n.Out.Parameters()) }

// Children returns fc and out.
func (n *FC) Children() []NamedModule { return []NamedModule{{"fc", n.FC}, {"out", n.Out}} }

// ConvPoolFC is Tutorial 3's bonus CNN without the filter initialisation: convolution
// (cOut K×K filters, padding K/2), ReLU, kPool max pooling, 10 ReLU units, sigmoid.
type ConvPoolFC struct {
	Conv *Conv2d
	Pool *MaxPool2d
	FC   *Linear
	Out  *Linear
}

// NewConvPoolFC returns the network for images of hIn × wIn pixels.
func NewConvPoolFC(hIn, wIn, cOut, K, kPool int, g *Generator) *ConvPoolFC {
	return &ConvPoolFC{Conv: NewConv2d(1, cOut, K, K/2, g), Pool: NewMaxPool2d(kPool),
		FC: NewLinear(cOut*(hIn/kPool)*(wIn/kPool), 10, g), Out: NewLinear(10, 1, g)}
}

// Forward maps images (n, H, W) to P(tilted right) (n, 1).
func (n *ConvPoolFC) Forward(s *Tensor) *Tensor {
	x := Flatten(n.Pool.Forward(ReLU(n.Conv.Forward(Unsqueeze(s, 1)))))
	return Sigmoid(n.Out.Forward(ReLU(n.FC.Forward(x))))
}

// Parameters returns the weights and biases.
func (n *ConvPoolFC) Parameters() []*Tensor {
	return slices.Concat(n.Conv.Parameters(), n.FC.Parameters(), n.Out.Parameters())
}

// Children returns conv, pool, fc and out.
func (n *ConvPoolFC) Children() []NamedModule {
	return []NamedModule{{"conv", n.Conv}, {"pool", n.Pool}, {"fc", n.FC}, {"out", n.Out}}
}

// ConvFC is Tutorial 4's convolutional encoding model: a convolution (padding K/2) whose
// flattened output (Dims = channels × pixels units) feeds a fully connected layer with one
// output per neuron. There is no nonlinearity.
type ConvFC struct {
	Conv     *Conv2d
	Dims     [2]int // channels, pixels per channel
	OutLayer *Linear
}

// Forward predicts the responses (n, neurons) to stimuli (n, cIn, H, W).
func (n *ConvFC) Forward(s *Tensor) *Tensor {
	if n.OutLayer == nil {
		panic("nn.ConvFC.Forward: the network has no OutLayer yet")
	}
	a := n.Conv.Forward(s)
	a = Reshape(a, -1, n.Dims[0]*n.Dims[1])
	return n.OutLayer.Forward(a)
}

// Parameters returns the weights and biases of conv and out_layer.
func (n *ConvFC) Parameters() []*Tensor {
	ps := n.Conv.Parameters()
	if n.OutLayer != nil {
		ps = append(ps, n.OutLayer.Parameters()...)
	}
	return ps
}

// Children returns conv and out_layer.
func (n *ConvFC) Children() []NamedModule {
	return []NamedModule{{"conv", n.Conv}, {"out_layer", n.OutLayer}}
}

// NewConvFCConv returns a ConvFC with its convolution only (cOut K×K filters over cIn
// channels, for images of b pixels; weights from filters when given, zero bias): the part of
// the course's ConvFC.__init__ before the fully connected layer.
func NewConvFCConv(cIn, cOut, K, b int, filters *Tensor, g *Generator) *ConvFC {
	n := &ConvFC{Conv: NewConv2d(cIn, cOut, K, K/2, g), Dims: [2]int{cOut, b}}
	if filters != nil {
		setFilters(n.Conv, filters)
	}
	return n
}

// NewConvFC returns Tutorial 4's encoding model: NewConvFCConv's convolution and a fully
// connected layer from its cOut·b units to nNeurons outputs, whose weights start normal with
// standard deviation 0.01 (the course's ConvFC(n_neurons, c_in, c_out, K, b, filters)).
func NewConvFC(nNeurons, cIn, cOut, K, b int, filters *Tensor, g *Generator) *ConvFC {
	n := NewConvFCConv(cIn, cOut, K, b, filters, g)
	n.OutLayer = NewLinear(cOut*b, nNeurons, g)
	InitNormal(n.OutLayer.Weight, 0, 0.01, g)
	return n
}

// InitNormal fills t with Gaussian values of the given mean and standard deviation
// (nn.init.normal_).
func InitNormal(t *Tensor, mean, std float64, g *Generator) {
	copy(t.Data, g.Normal(mean, std, len(t.Data)))
}
