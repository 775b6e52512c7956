package vision

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rng"
)

// GratingOpt changes how Grating draws an image.
type GratingOpt func(*gratingConf)

type gratingConf struct {
	sf, res  float64
	patch    bool
	centered bool
}

// SF sets the spatial frequency (default 1/28 per pixel at res = 1).
func SF(sf float64) GratingOpt { return func(c *gratingConf) { c.sf = sf } }

// Res sets the resolution: res = 1 is 640×480 pixels, the default 0.1 is 64×48.
func Res(res float64) GratingOpt { return func(c *gratingConf) { c.res = res } }

// Patch draws the grating in a circular patch (radius 1/6 of the width, centred at 3/4 of
// the width) on a grey background, with the angle offset by 0.1 rad, as the course's
// patch=True.
func Patch() GratingOpt { return func(c *gratingConf) { c.patch = true } }

// ZeroOne keeps the pixel values at 0 and 1 (Tutorial 3's grating); by default they are
// shifted to −0.5 and +0.5 (Tutorials 2 and 4).
func ZeroOne() GratingOpt { return func(c *gratingConf) { c.centered = false } }

// Grating returns a square-wave grating image oriented at angle degrees from vertical, of
// (480·res) × (640·res) pixels: cos(x·cos θ + y·sin θ) with x, y = sf·pixel/res, thresholded
// at 0 (the course's grating(angle, sf=1/28, res=0.1)). Values are ±0.5 unless ZeroOne is
// given.
func Grating(angle float64, opts ...GratingOpt) *nn.Tensor {
	c := gratingConf{sf: 1.0 / 28, res: 0.1, centered: true}
	for _, o := range opts {
		o(&c)
	}
	if !(c.res > 0) || !(c.sf > 0) {
		panic(fmt.Sprintf("vision.Grating: res=%g and sf=%g must be positive", c.res, c.sf))
	}
	a := angle * math.Pi / 180
	w := int(math.Ceil(640*c.res - 1e-9))
	h := int(math.Ceil(480*c.res - 1e-9))
	img := nn.Zeros(h, w)
	if c.patch {
		a += 0.1
	}
	ca, sa := math.Cos(a), math.Sin(a)
	xc, yc := float64(w)*0.75, float64(h)/2
	for i := 0; i < h; i++ {
		y := c.sf * float64(i) / c.res
		for j := 0; j < w; j++ {
			x := c.sf * float64(j) / c.res
			v := math.Cos(x*ca + y*sa)
			switch {
			case v < 0:
				v = 0
			case v > 0:
				v = 1
			}
			if c.patch && math.Hypot(float64(j)-xc, float64(i)-yc) >= 640/3.0/2*c.res {
				v = 0.5
			}
			if c.centered {
				v -= 0.5
			}
			img.Data[i*w+j] = v
		}
	}
	return img
}

// Gratings stacks the gratings of several orientations into a (n, 1, H, W) batch, the input
// shape of a convolutional layer.
func Gratings(angles []float64, opts ...GratingOpt) *nn.Tensor {
	imgs := make([]*nn.Tensor, len(angles))
	for i, a := range angles {
		imgs[i] = Grating(a, opts...)
	}
	return nn.Unsqueeze(nn.Stack(imgs), 1)
}

// Filters returns the course's example convolutional filters, shape (outChannels, 1, K, K):
// a centre-surround filter and its negative, then outChannels−2 Gabor filters at
// orientations 0, 180/(outChannels−2), … degrees (filters(out_channels, K)). Each filter is
// scaled to a maximum |value| of 1; with subtractMean (Tutorials 2 and 4) its mean is then
// subtracted, without (Tutorial 3) it is not.
//
// On the grid x, y ∈ linspace(−K/2, K/2, K) with σ = 1.1 (note the radius, not its square,
// in the exponents, as in the course):
//
//	centre-surround = exp(−r/(2σ²)) − ½·exp(−r/(2(2σ)²)),  r = √(x²+y²)
//	Gabor(θ) = exp(−r/(2(0.4σ)²)) · cos(2π(x cos θ + y sin θ)/10 + π/2)
func Filters(outChannels, K int, subtractMean bool) *nn.Tensor {
	if outChannels < 3 || K < 1 {
		panic(fmt.Sprintf("vision.Filters: outChannels=%d must be at least 3 and K=%d at least 1", outChannels, K))
	}
	grid := make([]float64, K)
	for i := range grid {
		if K == 1 {
			grid[i] = -float64(K) / 2
			continue
		}
		grid[i] = -float64(K)/2 + float64(i)*float64(K)/float64(K-1)
	}
	const sigma = 1.1
	out := nn.Zeros(outChannels, 1, K, K)
	nG := outChannels - 2
	for i := 0; i < K; i++ { // xx varies along rows (indexing='ij')
		for j := 0; j < K; j++ {
			x, y := grid[i], grid[j]
			r := math.Sqrt(x*x + y*y)
			cs := math.Exp(-r/(2*sigma*sigma)) - 0.5*math.Exp(-r/(2*(2*sigma)*(2*sigma)))
			out.Data[0*K*K+i*K+j] = cs
			out.Data[1*K*K+i*K+j] = -cs
			env := math.Exp(-r / (2 * (0.4 * sigma) * (0.4 * sigma)))
			for g := 0; g < nG; g++ {
				th := 180 * float64(g) / float64(nG) * math.Pi / 180
				xr := x*math.Cos(th) + y*math.Sin(th)
				out.Data[(2+g)*K*K+i*K+j] = env * math.Cos(2*math.Pi*xr/10+math.Pi/2)
			}
		}
	}
	for c := 0; c < outChannels; c++ {
		f := out.Data[c*K*K : (c+1)*K*K]
		m := 0.0
		for _, v := range f {
			m = math.Max(m, math.Abs(v))
		}
		mean := 0.0
		for i := range f {
			f[i] /= m
			mean += f[i]
		}
		if subtractMean {
			mean /= float64(len(f))
			for i := range f {
				f[i] -= mean
			}
		}
	}
	return out
}

// GratingStack stacks the gratings of several orientations into an (n, H, W) batch, the
// input of Tutorial 3's networks (torch.stack([grating(o) for o in ori])).
func GratingStack(angles []float64, opts ...GratingOpt) *nn.Tensor {
	imgs := make([]*nn.Tensor, len(angles))
	for i, a := range angles {
		imgs[i] = Grating(a, opts...)
	}
	return nn.Stack(imgs)
}

// TiltTrainingSet is Tutorial 3's training set: n orientations drawn uniformly in
// (−90°, 90°) as (np.random.rand(n) − 0.5)·180 after np.random.seed(seed) (nma/rng, so the
// orientations are the course's), their 0/1 gratings (n, 48, 64), and the labels
// tilt = 1 for ori > 0 (tilted right), 0 otherwise (n, 1).
func TiltTrainingSet(n int, seed uint32) (stimuli, tilt *nn.Tensor, ori []float64) {
	r := rng.New(seed)
	u, err := r.Rand(n)
	if err != nil {
		panic(fmt.Sprintf("vision.TiltTrainingSet: %v", err))
	}
	ori = make([]float64, n)
	lab := make([]float64, n)
	for i, v := range u {
		ori[i] = (v - 0.5) * 180
		if ori[i] > 0 {
			lab[i] = 1
		}
	}
	return GratingStack(ori, ZeroOne()), nn.Column(lab), ori
}
