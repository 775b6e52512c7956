package nn

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"gonum.org/v1/gonum/floats"

	"github.com/nma-go/nma-go/nma/gemm"
)

// Conv2d is a 2-D convolution with stride 1 and zero padding (nn.Conv2d(cIn, cOut,
// kernel_size=K, padding=P)): for input (batch, InChannels, H, W) the output is
// (batch, OutChannels, H+2P−K+1, W+2P−K+1), with
//
//	out[b,o,y,x] = Bias[o] + Σ_{c,i,j} Weight[o,c,i,j] · in[b,c,y+i−P,x+j−P]
//
// (a cross-correlation, as in PyTorch). Weight is (OutChannels, InChannels, K, K).
type Conv2d struct {
	Hooks
	InChannels, OutChannels, KernelSize, Padding int
	Weight, Bias                                 *Tensor

	s *convScratch // float32 working space of the fast path, reused across steps
}

// convScratch is a Conv2d's working space: per worker an im2col matrix, a column
// gradient and partial weight/bias gradients; mu serialises its use.
type convScratch struct {
	mu      sync.Mutex
	w, b    []float32
	workers []convWorker
}

type convWorker struct {
	pad, col, grid, gwb, colg, gpad []float32
	gw, gb, pad64, gpad64           []float64
	nz                              []int32
}

func (c *Conv2d) scratch(workers int) *convScratch {
	if c.s == nil {
		c.s = &convScratch{}
	}
	for len(c.s.workers) < workers {
		c.s.workers = append(c.s.workers, convWorker{})
	}
	return c.s
}

// NewConv2d returns a convolution initialised as PyTorch does: weights and biases uniform
// in ±1/√(inChannels·K²), drawn from g.
func NewConv2d(inChannels, outChannels, kernelSize, padding int, g *Generator) *Conv2d {
	if inChannels < 1 || outChannels < 1 || kernelSize < 1 || padding < 0 {
		panic(fmt.Sprintf("nn.NewConv2d: inChannels=%d, outChannels=%d, kernelSize=%d must be at least 1 and padding=%d at least 0",
			inChannels, outChannels, kernelSize, padding))
	}
	fanIn := inChannels * kernelSize * kernelSize
	bound := 1 / math.Sqrt(float64(fanIn))
	w := FromData(g.Uniform(-bound, bound, outChannels*fanIn), outChannels, inChannels, kernelSize, kernelSize)
	b := FromData(g.Uniform(-bound, bound, outChannels), outChannels)
	return &Conv2d{InChannels: inChannels, OutChannels: outChannels, KernelSize: kernelSize, Padding: padding,
		Weight: NewParameter(w), Bias: NewParameter(b)}
}

// Parameters returns the weight and the bias.
func (c *Conv2d) Parameters() []*Tensor { return []*Tensor{c.Weight, c.Bias} }

// parallel runs f(lo, hi) over [0, n) split into contiguous chunks, one per core.
func parallel(n int, f func(worker, lo, hi int)) int {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		f(0, 0, n)
		return 1
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(w, lo, hi)
		}()
	}
	wg.Wait()
	return workers
}

// pad copies an H×W plane into the middle of a zeroed (H+2P)×(W+2P) buffer.
func pad(dst, src []float64, H, W, P int) {
	Wp := W + 2*P
	clear(dst)
	for y := 0; y < H; y++ {
		copy(dst[(y+P)*Wp+P:(y+P)*Wp+P+W], src[y*W:(y+1)*W])
	}
}

// Forward convolves a batch (batch, InChannels, H, W).
func (c *Conv2d) Forward(x *Tensor) *Tensor {
	if len(x.Shape) != 4 || x.Shape[1] != c.InChannels {
		panic(fmt.Sprintf("nn.Conv2d.Forward: input shape %v, want (batch, %d, height, width)", x.Shape, c.InChannels))
	}
	B, Cin, H, W := x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]
	K, P := c.KernelSize, c.Padding
	Ho, Wo := H+2*P-K+1, W+2*P-K+1
	if Ho < 1 || Wo < 1 {
		panic(fmt.Sprintf("nn.Conv2d.Forward: input %d×%d is smaller than the kernel %d with padding %d", H, W, K, P))
	}
	var res *Tensor
	if exact64 {
		res = c.forward64(x, B, Cin, H, W, Ho, Wo)
	} else {
		res = c.forward32(x, B, Cin, H, W, Ho, Wo)
	}
	c.runHooks(c, x, res)
	return res
}

// forward64 is the float64 reference path: each input plane is zero-padded to
// (H+2P)×(W+2P) = Hp×Wp; the output is then computed on an Ho×Wp grid (the last Wp−Wo
// columns are discarded), so that every filter tap is one long contiguous multiply-add
// (gonum's assembly axpy) over the padded plane.
func (c *Conv2d) forward64(x *Tensor, B, Cin, H, W, Ho, Wo int) *Tensor {
	K, P, Cout := c.KernelSize, c.Padding, c.OutChannels
	Hp, Wp := H+2*P, W+2*P
	n := (Ho-1)*Wp + Wo // span of the output grid in the padded layout
	w := c.Weight.Data
	y := make([]float64, B*Cout*Ho*Wo)
	parallel(B, func(_, lo, hi int) {
		padded := make([]float64, Hp*Wp)
		full := make([]float64, Cout*n)
		for b := lo; b < hi; b++ {
			clear(full)
			for ci := 0; ci < Cin; ci++ {
				pad(padded, x.Data[(b*Cin+ci)*H*W:(b*Cin+ci+1)*H*W], H, W, P)
				for o := 0; o < Cout; o++ {
					acc := full[o*n : (o+1)*n]
					wk := w[(o*Cin+ci)*K*K : (o*Cin+ci+1)*K*K]
					for ky := 0; ky < K; ky++ {
						for kx := 0; kx < K; kx++ {
							if wv := wk[ky*K+kx]; wv != 0 {
								off := ky*Wp + kx
								floats.AddScaled(acc, wv, padded[off:off+n])
							}
						}
					}
				}
			}
			for o := 0; o < Cout; o++ {
				out := y[(b*Cout+o)*Ho*Wo : (b*Cout+o+1)*Ho*Wo]
				acc := full[o*n : (o+1)*n]
				bias := c.Bias.Data[o]
				for oy := 0; oy < Ho; oy++ {
					row := out[oy*Wo : (oy+1)*Wo]
					src := acc[oy*Wp : oy*Wp+Wo]
					for i, v := range src {
						row[i] = v + bias
					}
				}
			}
		}
	})
	return result([]int{B, Cout, Ho, Wo}, y, func(g []float64) { c.backward(x, g, B, Cin, H, W, Ho, Wo) }, x, c.Weight, c.Bias)
}

// The fast path lays each image out as zero-padded float32 planes of Hp×Wp = (H+2P)×(W+2P)
// and computes the output on an Ho×Wp grid (the last Wp−Wo columns of each row are
// discarded): on that grid the patch matrix ("im2col") of filter tap (c, ky, kx) is the
// contiguous run of n = (Ho−1)·Wp + Wo values of plane c from ky·Wp + kx, so building it
// is one copy per tap, and the convolution is one product Weight (Cout × Cin·K²) ·
// col (Cin·K² × n).

// padPlanes converts one image (Cin×H×W) into zero-padded float32 planes.
func padPlanes(pad []float32, in []float64, Cin, H, W, P int) {
	Hp, Wp := H+2*P, W+2*P
	clear(pad)
	for ci := 0; ci < Cin; ci++ {
		for y := 0; y < H; y++ {
			dst := pad[ci*Hp*Wp+(y+P)*Wp+P : ci*Hp*Wp+(y+P)*Wp+P+W]
			for i, v := range in[(ci*H+y)*W : (ci*H+y+1)*W] {
				dst[i] = float32(v)
			}
		}
	}
}

// im2col copies the patch rows of padded planes into col (Cin·K² rows of n values).
func im2col(col, pad []float32, Cin, Hp, Wp, K, n int) {
	for ci := 0; ci < Cin; ci++ {
		for ky := 0; ky < K; ky++ {
			for kx := 0; kx < K; kx++ {
				r := (ci*K+ky)*K + kx
				off := ci*Hp*Wp + ky*Wp + kx
				copy(col[r*n:(r+1)*n], pad[off:off+n])
			}
		}
	}
}

// col2im adds the rows of colg (the gradient of im2col's matrix) into padded gradient
// planes gpad (cleared first).
func col2im(gpad, colg []float32, Cin, Hp, Wp, K, n int) {
	clear(gpad)
	for ci := 0; ci < Cin; ci++ {
		for ky := 0; ky < K; ky++ {
			for kx := 0; kx < K; kx++ {
				r := (ci*K+ky)*K + kx
				off := ci*Hp*Wp + ky*Wp + kx
				dst := gpad[off : off+n]
				for i, v := range colg[r*n : (r+1)*n] {
					dst[i] += v
				}
			}
		}
	}
}

// forward32 is the fast path: per image, padded planes, one copy per filter tap and one
// float32 product Weight · col on gemm.Sgemm (the 6×16 kernel over the columns in place),
// the images split over the cores.
func (c *Conv2d) forward32(x *Tensor, B, Cin, H, W, Ho, Wo int) *Tensor {
	K, P, Cout := c.KernelSize, c.Padding, c.OutChannels
	Hp, Wp := H+2*P, W+2*P
	kk, hw, n := Cin*K*K, Ho*Wo, (Ho-1)*(W+2*P)+Wo
	s := c.scratch(min(runtime.GOMAXPROCS(0), B))
	y := make([]float64, B*Cout*hw)
	s.mu.Lock()
	w32 := c.Weight.f32(&s.w)
	b32 := grow(&s.b, Cout)
	convert32(b32, c.Bias.Data)
	parallel(B, func(wk, lo, hi int) {
		ws := &s.workers[wk]
		pad := grow(&ws.pad, Cin*Hp*Wp)
		col := grow(&ws.col, kk*n)
		grid := grow(&ws.grid, Cout*n)
		for b := lo; b < hi; b++ {
			padPlanes(pad, x.Data[b*Cin*H*W:(b+1)*Cin*H*W], Cin, H, W, P)
			im2col(col, pad, Cin, Hp, Wp, K, n)
			gemm.Sgemm(false, false, Cout, n, kk, 1, w32, kk, col, n, 0, grid, n)
			for o := 0; o < Cout; o++ {
				bias := b32[o]
				for oy := 0; oy < Ho; oy++ {
					dst := y[((b*Cout+o)*Ho+oy)*Wo : ((b*Cout+o)*Ho+oy+1)*Wo]
					for i, v := range grid[o*n+oy*Wp : o*n+oy*Wp+Wo] {
						dst[i] = float64(v + bias)
					}
				}
			}
		}
	})
	s.mu.Unlock()
	res := result([]int{B, Cout, Ho, Wo}, y, func(g []float64) { c.backward32(x, g, nil, B, Cin, H, W, Ho, Wo) }, x, c.Weight, c.Bias)
	if res.backFn != nil {
		res.backSparse = func(g []float64, nz []int32) { c.backward32(x, g, nz, B, Cin, H, W, Ho, Wo) }
	}
	return res
}

// backward32 is the fast path's backward pass. An image whose output gradient is mostly
// zero (after max pooling: at most one in K_pool² values) visits only the non-zero values,
// in float64; a dense one takes two float32 products on the padded grid, g·colᵀ for the
// weights and Weightᵀ·g for the patches (then col2im).
//
// known, when not nil, lists the positions of all the non-zero values of g (max pooling
// hands them on), grouped by image in order; the scan for them is then skipped.
func (c *Conv2d) backward32(x *Tensor, g []float64, known []int32, B, Cin, H, W, Ho, Wo int) {
	K, P, Cout := c.KernelSize, c.Padding, c.OutChannels
	Hp, Wp := H+2*P, W+2*P
	kk, hw, n := Cin*K*K, Ho*Wo, (Ho-1)*(W+2*P)+Wo
	var starts []int // known[starts[b]:starts[b+1]] are image b's
	if known != nil {
		starts = make([]int, B+1)
		b := 0
		for i, p := range known {
			ib := int(p) / (Cout * hw)
			if ib < b { // not grouped by image: scan instead
				known = nil
				break
			}
			for b < ib {
				b++
				starts[b] = i
			}
		}
		for b < B {
			b++
			starts[b] = len(known)
		}
	}
	needW, needB, needX := c.Weight.RequiresGrad(), c.Bias.RequiresGrad(), x.RequiresGrad()
	var gx []float64
	if needX {
		gx = make([]float64, len(x.Data))
	}
	s := c.scratch(min(runtime.GOMAXPROCS(0), B))
	s.mu.Lock()
	w32 := c.Weight.f32(&s.w)
	w := c.Weight.Data
	workers := parallel(B, func(wk, lo, hi int) {
		ws := &s.workers[wk]
		gw := grow64(&ws.gw, Cout*kk)
		gb := grow64(&ws.gb, Cout)
		clear(gw)
		clear(gb)
		for b := lo; b < hi; b++ {
			gbat := g[b*Cout*hw : (b+1)*Cout*hw]
			in := x.Data[b*Cin*H*W : (b+1)*Cin*H*W]
			// one pass: bias gradient, and the positions of the non-zero values while
			// they are few (pooling leaves at most one in K_pool²)
			nz := ws.nz[:0]
			limit := len(gbat) / 8
			if known != nil {
				base := int32(b * Cout * hw)
				for _, p := range known[starts[b]:starts[b+1]] {
					q := p - base
					nz = append(nz, q)
					gb[int(q)/hw] += gbat[q]
				}
			} else {
				for o := 0; o < Cout; o++ {
					s := 0.0
					for pos, v := range gbat[o*hw : (o+1)*hw] {
						s += v
						if v != 0 && len(nz) <= limit {
							nz = append(nz, int32(o*hw+pos))
						}
					}
					gb[o] += s
				}
			}
			ws.nz = nz
			if len(nz) == 0 || !needW && !needX {
				continue
			}
			var gin []float64
			if needX {
				gin = gx[b*Cin*H*W : (b+1)*Cin*H*W]
			}
			if len(nz) <= limit {
				pad := grow64(&ws.pad64, Cin*Hp*Wp)
				padPlanes64(pad, in, Cin, H, W, P)
				var gpad []float64
				if needX {
					gpad = grow64(&ws.gpad64, Cin*Hp*Wp)
					clear(gpad)
				}
				convSparse(nz, gbat, pad, w, gw, gpad, Cin, Hp, Wp, K, Ho, Wo)
				if needX {
					for ci := 0; ci < Cin; ci++ {
						for yy := 0; yy < H; yy++ {
							dst := gin[(ci*H+yy)*W : (ci*H+yy+1)*W]
							for i, v := range gpad[ci*Hp*Wp+(yy+P)*Wp+P : ci*Hp*Wp+(yy+P)*Wp+P+W] {
								dst[i] += v
							}
						}
					}
				}
				continue
			}
			grid := grow(&ws.grid, Cout*n)
			clear(grid)
			for o := 0; o < Cout; o++ {
				for oy := 0; oy < Ho; oy++ {
					dst := grid[o*n+oy*Wp : o*n+oy*Wp+Wo]
					for i, v := range gbat[(o*Ho+oy)*Wo : (o*Ho+oy+1)*Wo] {
						dst[i] = float32(v)
					}
				}
			}
			if needW {
				pad := grow(&ws.pad, Cin*Hp*Wp)
				col := grow(&ws.col, kk*n)
				padPlanes(pad, in, Cin, H, W, P)
				im2col(col, pad, Cin, Hp, Wp, K, n)
				gwb := grow(&ws.gwb, Cout*kk)
				gemm.Sgemm(false, true, Cout, kk, n, 1, grid, n, col, n, 0, gwb, kk)
				for i, v := range gwb {
					gw[i] += float64(v)
				}
			}
			if needX {
				colg := grow(&ws.colg, kk*n)
				gemm.Sgemm(true, false, kk, n, Cout, 1, w32, kk, grid, n, 0, colg, n)
				gpad := grow(&ws.gpad, Cin*Hp*Wp)
				col2im(gpad, colg, Cin, Hp, Wp, K, n)
				for ci := 0; ci < Cin; ci++ {
					for yy := 0; yy < H; yy++ {
						dst := gin[(ci*H+yy)*W : (ci*H+yy+1)*W]
						for i, v := range gpad[ci*Hp*Wp+(yy+P)*Wp+P : ci*Hp*Wp+(yy+P)*Wp+P+W] {
							dst[i] += float64(v)
						}
					}
				}
			}
		}
	})
	gwSum := make([]float64, Cout*kk)
	gbSum := make([]float64, Cout)
	for wk := 0; wk < workers; wk++ {
		for i, v := range s.workers[wk].gw[:Cout*kk] {
			gwSum[i] += v
		}
		for i, v := range s.workers[wk].gb[:Cout] {
			gbSum[i] += v
		}
	}
	s.mu.Unlock()
	if needW {
		c.Weight.BackwardWith(gwSum)
	}
	if needB {
		c.Bias.BackwardWith(gbSum)
	}
	if needX {
		x.BackwardWith(gx)
	}
}

// padPlanes64 copies one image (Cin×H×W) into zero-padded float64 planes.
func padPlanes64(pad []float64, in []float64, Cin, H, W, P int) {
	Hp, Wp := H+2*P, W+2*P
	clear(pad)
	for ci := 0; ci < Cin; ci++ {
		for y := 0; y < H; y++ {
			copy(pad[ci*Hp*Wp+(y+P)*Wp+P:ci*Hp*Wp+(y+P)*Wp+P+W], in[(ci*H+y)*W:(ci*H+y+1)*W])
		}
	}
}

// convSparse adds the gradients of one image's non-zero output gradients g[nz] (g is
// Cout×Ho×Wo, nz their positions) to the weight gradient gw and, when gpad is not nil, to
// the padded input gradient; pad holds the image's padded planes (float64: these few
// products are exact).
func convSparse(nz []int32, g, pad, w, gw, gpad []float64, Cin, Hp, Wp, K, Ho, Wo int) {
	hw := Ho * Wo
	for _, p := range nz {
		v := g[p]
		o, pos := int(p)/hw, int(p)%hw
		oy, ox := pos/Wo, pos%Wo
		for ci := 0; ci < Cin; ci++ {
			base := (o*Cin + ci) * K * K
			gwk, wk := gw[base:base+K*K], w[base:base+K*K]
			for ky := 0; ky < K; ky++ {
				off := ci*Hp*Wp + (oy+ky)*Wp + ox
				prow := pad[off : off+K]
				grow := gwk[ky*K : ky*K+K]
				for kx, pv := range prow {
					grow[kx] += v * pv
				}
				if gpad != nil {
					dst := gpad[off : off+K]
					for kx, wv := range wk[ky*K : ky*K+K] {
						dst[kx] += v * wv
					}
				}
			}
		}
	}
}

// backward passes the output gradient g to the weights, the bias and (when it needs one)
// the input. Output gradients that are mostly zero (after max pooling) take a sparse path.
func (c *Conv2d) backward(x *Tensor, g []float64, B, Cin, H, W, Ho, Wo int) {
	K, P, Cout := c.KernelSize, c.Padding, c.OutChannels
	Hp, Wp := H+2*P, W+2*P
	n := (Ho-1)*Wp + Wo
	needW, needB, needX := c.Weight.RequiresGrad(), c.Bias.RequiresGrad(), x.RequiresGrad()
	workers := min(runtime.GOMAXPROCS(0), B)
	gws := make([][]float64, workers)
	gbs := make([][]float64, workers)
	for i := range gws {
		gws[i] = make([]float64, len(c.Weight.Data))
		gbs[i] = make([]float64, Cout)
	}
	var gx []float64
	if needX {
		gx = make([]float64, len(x.Data))
	}
	w := c.Weight.Data
	parallel(B, func(wk, lo, hi int) {
		gw, gb := gws[wk], gbs[wk]
		padded := make([]float64, Hp*Wp)
		gpad := make([]float64, Hp*Wp)
		gfull := make([]float64, n)
		for b := lo; b < hi; b++ {
			for ci := 0; ci < Cin; ci++ {
				in := x.Data[(b*Cin+ci)*H*W : (b*Cin+ci+1)*H*W]
				pad(padded, in, H, W, P)
				if needX {
					clear(gpad)
				}
				for o := 0; o < Cout; o++ {
					gout := g[(b*Cout+o)*Ho*Wo : (b*Cout+o+1)*Ho*Wo]
					nnz := 0
					for _, v := range gout {
						if v != 0 {
							nnz++
						}
					}
					if ci == 0 {
						for _, v := range gout {
							gb[o] += v
						}
					}
					if nnz == 0 {
						continue
					}
					gwk := gw[(o*Cin+ci)*K*K : (o*Cin+ci+1)*K*K]
					wk := w[(o*Cin+ci)*K*K : (o*Cin+ci+1)*K*K]
					if nnz*8 < len(gout) { // sparse: visit only the non-zero output gradients
						for pos, v := range gout {
							if v == 0 {
								continue
							}
							oy, ox := pos/Wo, pos%Wo
							for ky := 0; ky < K; ky++ {
								prow := padded[(oy+ky)*Wp+ox : (oy+ky)*Wp+ox+K]
								for kx, pv := range prow {
									gwk[ky*K+kx] += v * pv
								}
								if needX {
									grow := gpad[(oy+ky)*Wp+ox : (oy+ky)*Wp+ox+K]
									for kx := range grow {
										grow[kx] += v * wk[ky*K+kx]
									}
								}
							}
						}
						continue
					}
					clear(gfull)
					for oy := 0; oy < Ho; oy++ {
						copy(gfull[oy*Wp:oy*Wp+Wo], gout[oy*Wo:(oy+1)*Wo])
					}
					for ky := 0; ky < K; ky++ {
						for kx := 0; kx < K; kx++ {
							off := ky*Wp + kx
							if needW {
								gwk[ky*K+kx] += floats.Dot(gfull, padded[off:off+n])
							}
							if needX {
								floats.AddScaled(gpad[off:off+n], wk[ky*K+kx], gfull)
							}
						}
					}
				}
				if needX {
					gin := gx[(b*Cin+ci)*H*W : (b*Cin+ci+1)*H*W]
					for yy := 0; yy < H; yy++ {
						copy(gin[yy*W:(yy+1)*W], gpad[(yy+P)*Wp+P:(yy+P)*Wp+P+W])
					}
				}
			}
		}
	})
	if needW {
		sum := make([]float64, len(w))
		for _, gw := range gws {
			for i, v := range gw {
				sum[i] += v
			}
		}
		c.Weight.BackwardWith(sum)
	}
	if needB {
		sum := make([]float64, Cout)
		for _, gb := range gbs {
			for i, v := range gb {
				sum[i] += v
			}
		}
		c.Bias.BackwardWith(sum)
	}
	if needX {
		x.BackwardWith(gx)
	}
}

// MaxPool2d takes the maximum over non-overlapping KernelSize×KernelSize windows
// (nn.MaxPool2d(K), stride K): (batch, C, H, W) → (batch, C, ⌊H/K⌋, ⌊W/K⌋).
type MaxPool2d struct {
	Hooks
	KernelSize int
}

// NewMaxPool2d returns a max-pooling layer with window and stride kernelSize.
func NewMaxPool2d(kernelSize int) *MaxPool2d {
	if kernelSize < 1 {
		panic(fmt.Sprintf("nn.NewMaxPool2d: kernelSize=%d must be at least 1", kernelSize))
	}
	return &MaxPool2d{KernelSize: kernelSize}
}

// Parameters returns none.
func (m *MaxPool2d) Parameters() []*Tensor { return nil }

// Forward pools a batch (batch, C, H, W).
func (m *MaxPool2d) Forward(x *Tensor) *Tensor {
	if len(x.Shape) != 4 {
		panic(fmt.Sprintf("nn.MaxPool2d.Forward: input shape %v, want (batch, channels, height, width)", x.Shape))
	}
	B, C, H, W := x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]
	k := m.KernelSize
	Ho, Wo := H/k, W/k
	if Ho < 1 || Wo < 1 {
		panic(fmt.Sprintf("nn.MaxPool2d.Forward: input %d×%d is smaller than the window %d", H, W, k))
	}
	y := make([]float64, B*C*Ho*Wo)
	arg := make([]int, len(y))
	parallel(B*C, func(_, lo, hi int) {
		for p := lo; p < hi; p++ {
			in := x.Data[p*H*W : (p+1)*H*W]
			for oy := 0; oy < Ho; oy++ {
				for ox := 0; ox < Wo; ox++ {
					base := oy*k*W + ox*k
					best, bi := in[base], base // a NaN wins (the first one), as in PyTorch
					for dy := 0; dy < k; dy++ {
						row := base + dy*W
						for dx, v := range in[row : row+k] {
							if v > best || v != v && best == best {
								best, bi = v, row+dx
							}
						}
					}
					o := (p*Ho+oy)*Wo + ox
					y[o], arg[o] = best, p*H*W+bi
				}
			}
		}
	})
	res := result([]int{B, C, Ho, Wo}, y, func(g []float64) {
		gx := make([]float64, len(x.Data))
		nz := make([]int32, 0, len(g))
		for o, v := range g {
			if v != 0 { // windows do not overlap: each position once, in plane order
				gx[arg[o]] = v
				nz = append(nz, int32(arg[o]))
			}
		}
		if len(gx) > math.MaxInt32 {
			x.BackwardWith(gx)
			return
		}
		x.backwardSparse(gx, nz)
	}, x)
	m.runHooks(m, x, res)
	return res
}
