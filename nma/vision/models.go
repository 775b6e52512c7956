package vision

import (
	"fmt"
	"slices"

	"github.com/nma-go/nma-go/nma/nn"
)

// The networks of W2D1, with the attribute names of the course's classes.

// DeepNet is Tutorial 1's first decoder, purely linear: y = W_out(W_in·r + b_in) + b_out.
type DeepNet struct {
	InLayer, OutLayer *nn.Linear
}

// NewDeepNet returns a DeepNet from nInputs neurons through nHidden hidden units to one
// output, initialised from g.
func NewDeepNet(nInputs, nHidden int, g *nn.Generator) *DeepNet {
	return &DeepNet{InLayer: nn.NewLinear(nInputs, nHidden, g), OutLayer: nn.NewLinear(nHidden, 1, g)}
}

// Forward decodes responses r (stimuli × neurons) into one output per stimulus.
func (n *DeepNet) Forward(r *nn.Tensor) *nn.Tensor { return n.OutLayer.Forward(n.InLayer.Forward(r)) }

// Parameters returns the weights and biases of both layers.
func (n *DeepNet) Parameters() []*nn.Tensor {
	return slices.Concat(n.InLayer.Parameters(), n.OutLayer.Parameters())
}

// Children returns in_layer and out_layer.
func (n *DeepNet) Children() []nn.NamedModule {
	return []nn.NamedModule{{Name: "in_layer", Module: n.InLayer}, {Name: "out_layer", Module: n.OutLayer}}
}

// DeepNetReLU is DeepNet with a ReLU on the hidden layer: h = ReLU(W_in·r + b_in),
// y = W_out·h + b_out.
type DeepNetReLU struct {
	InLayer, OutLayer *nn.Linear
	// ForwardFn, when set, computes the forward pass instead of the built-in one (the
	// notebook plugs the student's forward function in here).
	ForwardFn func(net *DeepNetReLU, r *nn.Tensor) *nn.Tensor
}

// NewDeepNetReLU returns a DeepNetReLU with nHidden hidden units, initialised from g.
func NewDeepNetReLU(nInputs, nHidden int, g *nn.Generator) *DeepNetReLU {
	return &DeepNetReLU{InLayer: nn.NewLinear(nInputs, nHidden, g), OutLayer: nn.NewLinear(nHidden, 1, g)}
}

// Forward decodes responses r (stimuli × neurons).
func (n *DeepNetReLU) Forward(r *nn.Tensor) *nn.Tensor {
	if n.ForwardFn != nil {
		return n.ForwardFn(n, r)
	}
	h := nn.ReLU(n.InLayer.Forward(r))
	return n.OutLayer.Forward(h)
}

// Parameters returns the weights and biases of both layers.
func (n *DeepNetReLU) Parameters() []*nn.Tensor {
	return slices.Concat(n.InLayer.Parameters(), n.OutLayer.Parameters())
}

// Children returns in_layer and out_layer.
func (n *DeepNetReLU) Children() []nn.NamedModule {
	return []nn.NamedModule{{Name: "in_layer", Module: n.InLayer}, {Name: "out_layer", Module: n.OutLayer}}
}

// DeepNetSoftmax classifies responses into nClasses: h = ReLU(W_in·r + b_in),
// log p = LogSoftmax(W_out·h + b_out) (Tutorial 4).
type DeepNetSoftmax struct {
	InLayer, OutLayer *nn.Linear
	LogProb           *nn.Activation
}

// NewDeepNetSoftmax returns a classifier with nHidden hidden units, initialised from g.
func NewDeepNetSoftmax(nInputs, nHidden, nClasses int, g *nn.Generator) *DeepNetSoftmax {
	return &DeepNetSoftmax{InLayer: nn.NewLinear(nInputs, nHidden, g), OutLayer: nn.NewLinear(nHidden, nClasses, g), LogProb: nn.NewLogSoftmax()}
}

// Forward returns the log-probabilities of each class (stimuli × classes).
func (n *DeepNetSoftmax) Forward(r *nn.Tensor) *nn.Tensor {
	h := nn.ReLU(n.InLayer.Forward(r))
	return n.LogProb.Forward(n.OutLayer.Forward(h))
}

// Parameters returns the weights and biases of both layers.
func (n *DeepNetSoftmax) Parameters() []*nn.Tensor {
	return slices.Concat(n.InLayer.Parameters(), n.OutLayer.Parameters())
}

// Children returns in_layer, out_layer and logprob.
func (n *DeepNetSoftmax) Children() []nn.NamedModule {
	return []nn.NamedModule{{Name: "in_layer", Module: n.InLayer}, {Name: "out_layer", Module: n.OutLayer}, {Name: "logprob", Module: n.LogProb}}
}

// setFilters replaces a convolution's weights by filters and its biases by zeros (the
// course's nn.Parameter(filters) and zero bias).
func setFilters(c *nn.Conv2d, filters *nn.Tensor) {
	want := []int{c.OutChannels, c.InChannels, c.KernelSize, c.KernelSize}
	if !slices.Equal(filters.Shape, want) {
		panic(fmt.Sprintf("vision: filters of shape %v do not fit a convolution of weight shape %v", filters.Shape, want))
	}
	c.Weight = nn.NewParameter(filters)
	c.Bias = nn.NewParameter(nn.Zeros(c.OutChannels))
}

// ConvolutionalLayer is Tutorial 2's network of one convolution, padding K/2 and stride 1, so
// that the output has the input's height and width.
type ConvolutionalLayer struct {
	Conv *nn.Conv2d
}

// NewConvolutionalLayer returns a layer of cOut K×K filters over cIn input channels; with
// filters (cOut, cIn, K, K) the weights are those filters and the biases zero, otherwise they
// are drawn from g.
func NewConvolutionalLayer(cIn, cOut, K int, filters *nn.Tensor, g *nn.Generator) *ConvolutionalLayer {
	l := &ConvolutionalLayer{Conv: nn.NewConv2d(cIn, cOut, K, K/2, g)}
	if filters != nil {
		setFilters(l.Conv, filters)
	}
	return l
}

// Forward convolves stimuli (n, cIn, H, W) into activations (n, cOut, H, W).
func (l *ConvolutionalLayer) Forward(s *nn.Tensor) *nn.Tensor { return l.Conv.Forward(s) }

// Parameters returns the convolution's weight and bias.
func (l *ConvolutionalLayer) Parameters() []*nn.Tensor { return l.Conv.Parameters() }

// Children returns conv.
func (l *ConvolutionalLayer) Children() []nn.NamedModule {
	return []nn.NamedModule{{Name: "conv", Module: l.Conv}}
}

// CNN is Tutorial 3's orientation discriminator: a 6-channel 7×7 convolution (initialised
// with Filters(6, 7, false), zero bias, trainable), ReLU, 8×8 max pooling, a fully connected
// layer of 10 units with ReLU, and one sigmoid output, the probability that the grating is
// tilted to the right.
type CNN struct {
	Conv *nn.Conv2d
	Pool *nn.MaxPool2d
	FC   *nn.Linear
	Out  *nn.Linear
	Dims [3]int // shape of the pooled output: channels, height, width
}

// NewCNN returns the network for images of hIn × wIn pixels, initialised from g.
func NewCNN(hIn, wIn int, g *nn.Generator) *CNN {
	const cOut, K, kPool = 6, 7, 8
	n := &CNN{Conv: nn.NewConv2d(1, cOut, K, K/2, g), Pool: nn.NewMaxPool2d(kPool), Dims: [3]int{cOut, hIn / kPool, wIn / kPool}}
	setFilters(n.Conv, Filters(cOut, K, false))
	n.FC = nn.NewLinear(cOut*(hIn/kPool)*(wIn/kPool), 10, g)
	n.Out = nn.NewLinear(10, 1, g)
	return n
}

// Forward maps images (n, H, W) to P(tilted right) (n, 1).
func (n *CNN) Forward(s *nn.Tensor) *nn.Tensor {
	x := nn.Unsqueeze(s, 1)
	x = n.Pool.Forward(nn.ReLU(n.Conv.Forward(x)))
	x = nn.Flatten(x)
	x = nn.ReLU(n.FC.Forward(x))
	return nn.Sigmoid(n.Out.Forward(x))
}

// Parameters returns conv, fc and out weights and biases.
func (n *CNN) Parameters() []*nn.Tensor {
	return slices.Concat(n.Conv.Parameters(), n.FC.Parameters(), n.Out.Parameters())
}

// Children returns conv, pool, fc and out, in that order. As with PyTorch hooks, 'pool'
// gives the output after conv → ReLU → pooling, and 'fc' the fully connected layer before
// its ReLU.
func (n *CNN) Children() []nn.NamedModule {
	return []nn.NamedModule{{Name: "conv", Module: n.Conv}, {Name: "pool", Module: n.Pool}, {Name: "fc", Module: n.FC}, {Name: "out", Module: n.Out}}
}

// FC is Tutorial 3's bonus fully connected discriminator: flatten, 10 ReLU units, sigmoid.
type FC struct {
	FC, Out *nn.Linear
}

// NewFC returns the network for images of hIn × wIn pixels.
func NewFC(hIn, wIn int, g *nn.Generator) *FC {
	return &FC{FC: nn.NewLinear(hIn*wIn, 10, g), Out: nn.NewLinear(10, 1, g)}
}

// Forward maps images (n, H, W) to P(tilted right) (n, 1).
func (n *FC) Forward(s *nn.Tensor) *nn.Tensor {
	return nn.Sigmoid(n.Out.Forward(nn.ReLU(n.FC.Forward(nn.Flatten(s)))))
}

// Parameters returns the weights and biases.
func (n *FC) Parameters() []*nn.Tensor { return slices.Concat(n.FC.Parameters(), n.Out.Parameters()) }

// Children returns fc and out.
func (n *FC) Children() []nn.NamedModule {
	return []nn.NamedModule{{Name: "fc", Module: n.FC}, {Name: "out", Module: n.Out}}
}

// ConvPoolFC is Tutorial 3's bonus CNN without the filter initialisation: convolution
// (cOut K×K filters, padding K/2), ReLU, kPool max pooling, 10 ReLU units, sigmoid.
type ConvPoolFC struct {
	Conv *nn.Conv2d
	Pool *nn.MaxPool2d
	FC   *nn.Linear
	Out  *nn.Linear
}

// NewConvPoolFC returns the network for images of hIn × wIn pixels.
func NewConvPoolFC(hIn, wIn, cOut, K, kPool int, g *nn.Generator) *ConvPoolFC {
	return &ConvPoolFC{Conv: nn.NewConv2d(1, cOut, K, K/2, g), Pool: nn.NewMaxPool2d(kPool),
		FC: nn.NewLinear(cOut*(hIn/kPool)*(wIn/kPool), 10, g), Out: nn.NewLinear(10, 1, g)}
}

// Forward maps images (n, H, W) to P(tilted right) (n, 1).
func (n *ConvPoolFC) Forward(s *nn.Tensor) *nn.Tensor {
	x := nn.Flatten(n.Pool.Forward(nn.ReLU(n.Conv.Forward(nn.Unsqueeze(s, 1)))))
	return nn.Sigmoid(n.Out.Forward(nn.ReLU(n.FC.Forward(x))))
}

// Parameters returns the weights and biases.
func (n *ConvPoolFC) Parameters() []*nn.Tensor {
	return slices.Concat(n.Conv.Parameters(), n.FC.Parameters(), n.Out.Parameters())
}

// Children returns conv, pool, fc and out.
func (n *ConvPoolFC) Children() []nn.NamedModule {
	return []nn.NamedModule{{Name: "conv", Module: n.Conv}, {Name: "pool", Module: n.Pool}, {Name: "fc", Module: n.FC}, {Name: "out", Module: n.Out}}
}

// ConvFC is Tutorial 4's convolutional encoding model: a convolution (padding K/2) whose
// flattened output (Dims = channels × pixels units) feeds a fully connected layer with one
// output per neuron. There is no nonlinearity.
type ConvFC struct {
	Conv     *nn.Conv2d
	Dims     [2]int // channels, pixels per channel
	OutLayer *nn.Linear
}

// Forward predicts the responses (n, neurons) to stimuli (n, cIn, H, W).
func (n *ConvFC) Forward(s *nn.Tensor) *nn.Tensor {
	if n.OutLayer == nil {
		panic("vision.ConvFC.Forward: the network has no OutLayer yet")
	}
	a := n.Conv.Forward(s)
	a = nn.Reshape(a, -1, n.Dims[0]*n.Dims[1])
	return n.OutLayer.Forward(a)
}

// Parameters returns the weights and biases of conv and out_layer.
func (n *ConvFC) Parameters() []*nn.Tensor {
	ps := n.Conv.Parameters()
	if n.OutLayer != nil {
		ps = append(ps, n.OutLayer.Parameters()...)
	}
	return ps
}

// Children returns conv and out_layer.
func (n *ConvFC) Children() []nn.NamedModule {
	return []nn.NamedModule{{Name: "conv", Module: n.Conv}, {Name: "out_layer", Module: n.OutLayer}}
}

// NewConvFCConv returns a ConvFC with its convolution only (cOut K×K filters over cIn
// channels, for images of b pixels; weights from filters when given, zero bias): the part of
// the course's ConvFC.__init__ before the fully connected layer.
func NewConvFCConv(cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *ConvFC {
	n := &ConvFC{Conv: nn.NewConv2d(cIn, cOut, K, K/2, g), Dims: [2]int{cOut, b}}
	if filters != nil {
		setFilters(n.Conv, filters)
	}
	return n
}

// NewConvFC returns Tutorial 4's encoding model: NewConvFCConv's convolution and a fully
// connected layer from its cOut·b units to nNeurons outputs, whose weights start normal with
// standard deviation 0.01 (the course's ConvFC(n_neurons, c_in, c_out, K, b, filters)).
func NewConvFC(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *ConvFC {
	n := NewConvFCConv(cIn, cOut, K, b, filters, g)
	n.OutLayer = nn.NewLinear(cOut*b, nNeurons, g)
	nn.InitNormal(n.OutLayer.Weight, 0, 0.01, g)
	return n
}
