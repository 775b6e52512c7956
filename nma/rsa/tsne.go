package rsa

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rng"
)

// TSNEParams configure TSNE; DefaultTSNE gives scikit-learn's defaults.
type TSNEParams struct {
	Perplexity         float64 // effective number of neighbours (30)
	EarlyExaggeration  float64 // factor on P during the first ExaggerationIters (12)
	ExaggerationIters  int     // iterations with exaggeration and momentum 0.5 (250)
	Iters              int     // total iterations (1000)
	LearningRate       float64 // (200)
	MinGain            float64 // smallest adaptive gain (0.01)
	Seed               uint32  // seed of the random initial layout (random_state)
	InitialScale       float64 // initial positions are InitialScale·N(0, 1) (1e-4)
	FinalMomentum      float64 // momentum after the exaggeration phase (0.8)
	ExaggerateMomentum float64 // momentum during it (0.5)
}

// DefaultTSNE returns scikit-learn's TSNE(n_components=2, random_state=0) settings (with
// the random initial layout of its 2021 versions).
func DefaultTSNE() TSNEParams {
	return TSNEParams{Perplexity: 30, EarlyExaggeration: 12, ExaggerationIters: 250, Iters: 1000,
		LearningRate: 200, MinGain: 0.01, Seed: 0, InitialScale: 1e-4, FinalMomentum: 0.8, ExaggerateMomentum: 0.5}
}

// TSNE embeds the rows of x in two dimensions with exact t-SNE (van der Maaten & Hinton
// 2008): Gaussian neighbourhoods of the given perplexity in the data, a Student-t kernel in
// the embedding, and gradient descent on their Kullback–Leibler divergence with early
// exaggeration, momentum and adaptive gains, as scikit-learn does (its default Barnes–Hut
// approximation is not needed for the few hundred points here).
func TSNE(x *nn.Tensor, p TSNEParams) (*nn.Tensor, error) {
	if err := check2D("TSNE", x); err != nil {
		return nil, err
	}
	n := x.Shape[0]
	switch {
	case n < 4:
		return nil, fmt.Errorf("rsa.TSNE: need at least 4 points, got %d", n)
	case !(p.Perplexity > 0) || p.Perplexity >= float64(n):
		return nil, fmt.Errorf("rsa.TSNE: Perplexity=%g must be positive and below the number of points %d", p.Perplexity, n)
	case p.Iters < 1 || p.ExaggerationIters < 0 || p.ExaggerationIters > p.Iters:
		return nil, fmt.Errorf("rsa.TSNE: Iters=%d must be at least 1 and ExaggerationIters=%d in [0, Iters]", p.Iters, p.ExaggerationIters)
	case !(p.LearningRate > 0):
		return nil, fmt.Errorf("rsa.TSNE: LearningRate=%g must be positive", p.LearningRate)
	}
	P := jointProbabilities(x, p.Perplexity)
	// Initial layout and optimisation.
	init, err := rng.New(p.Seed).Randn(n * 2)
	if err != nil {
		return nil, err
	}
	y := make([]float64, n*2)
	for i := range y {
		y[i] = p.InitialScale * init[i]
	}
	update := make([]float64, n*2)
	gains := make([]float64, n*2)
	for i := range gains {
		gains[i] = 1
	}
	grad := make([]float64, n*2)
	num := make([]float64, n*n)
	for it := 0; it < p.Iters; it++ {
		exag, mom := 1.0, p.FinalMomentum
		if it < p.ExaggerationIters {
			exag, mom = p.EarlyExaggeration, p.ExaggerateMomentum
		}
		qsum := 0.0
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dx, dy := y[2*i]-y[2*j], y[2*i+1]-y[2*j+1]
				v := 1 / (1 + dx*dx + dy*dy)
				num[i*n+j], num[j*n+i] = v, v
				qsum += 2 * v
			}
		}
		for i := 0; i < n; i++ {
			gx, gy := 0.0, 0.0
			for j := 0; j < n; j++ {
				if j == i {
					continue
				}
				q := math.Max(num[i*n+j]/qsum, 1e-12)
				f := (exag*P[i*n+j] - q) * num[i*n+j]
				gx += f * (y[2*i] - y[2*j])
				gy += f * (y[2*i+1] - y[2*j+1])
			}
			grad[2*i], grad[2*i+1] = 4*gx, 4*gy
		}
		for k := range y {
			if update[k]*grad[k] < 0 {
				gains[k] += 0.2
			} else {
				gains[k] *= 0.8
			}
			gains[k] = math.Max(gains[k], p.MinGain)
			update[k] = mom*update[k] - p.LearningRate*gains[k]*grad[k]
			y[k] += update[k]
		}
	}
	return nn.FromData(y, n, 2), nil
}

// jointProbabilities returns t-SNE's symmetric neighbourhood probabilities p_ij of the rows
// of x (n×n, row-major): Gaussian conditionals whose widths give the wanted perplexity,
// symmetrised and normalised to sum to 1.
func jointProbabilities(x *nn.Tensor, perplexity float64) []float64 {
	n, d := x.Shape[0], x.Shape[1]
	// Squared distances.
	dist := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := 0.0
			for k := 0; k < d; k++ {
				v := x.Data[i*d+k] - x.Data[j*d+k]
				s += v * v
			}
			dist[i*n+j], dist[j*n+i] = s, s
		}
	}
	// Conditional probabilities with a binary search on the precision of each row.
	P := make([]float64, n*n)
	target := math.Log(perplexity)
	for i := 0; i < n; i++ {
		beta, lo, hi := 1.0, math.Inf(-1), math.Inf(1)
		row := P[i*n : (i+1)*n]
		for it := 0; it < 100; it++ {
			sum := 0.0
			for j := 0; j < n; j++ {
				if j == i {
					row[j] = 0
					continue
				}
				row[j] = math.Exp(-dist[i*n+j] * beta)
				sum += row[j]
			}
			if sum == 0 {
				sum = 1e-8
			}
			h := 0.0
			for j := 0; j < n; j++ {
				row[j] /= sum
				h += beta * dist[i*n+j] * row[j]
			}
			h += math.Log(sum)
			diff := h - target
			if math.Abs(diff) < 1e-5 {
				break
			}
			if diff > 0 { // entropy too high: sharpen
				lo = beta
				if math.IsInf(hi, 1) {
					beta *= 2
				} else {
					beta = (beta + hi) / 2
				}
			} else {
				hi = beta
				if math.IsInf(lo, -1) {
					beta /= 2
				} else {
					beta = (beta + lo) / 2
				}
			}
		}
	}
	// Symmetrise and normalise.
	sum := 0.0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			v := P[i*n+j] + P[j*n+i]
			P[i*n+j], P[j*n+i] = v, v
			sum += 2 * v
		}
	}
	for i := range P {
		P[i] = math.Max(P[i]/sum, 1e-12)
	}
	return P
}

// KLDivergence returns the t-SNE cost KL(P‖Q) of an embedding y (n × 2) of the rows of x
// for the given perplexity: smaller is a more faithful layout.
func KLDivergence(x, y *nn.Tensor, perplexity float64) (float64, error) {
	if err := check2D("KLDivergence", x); err != nil {
		return 0, err
	}
	n := x.Shape[0]
	if len(y.Shape) != 2 || y.Shape[0] != n || y.Shape[1] != 2 {
		return 0, fmt.Errorf("rsa.KLDivergence: embedding shape %v, want (%d, 2)", y.Shape, n)
	}
	P := jointProbabilities(x, perplexity)
	num := make([]float64, n*n)
	qsum := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				dx, dy := y.Data[2*i]-y.Data[2*j], y.Data[2*i+1]-y.Data[2*j+1]
				num[i*n+j] = 1 / (1 + dx*dx + dy*dy)
				qsum += num[i*n+j]
			}
		}
	}
	kl := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				q := math.Max(num[i*n+j]/qsum, 1e-12)
				kl += P[i*n+j] * math.Log(P[i*n+j]/q)
			}
		}
	}
	return kl, nil
}
