package data

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/nma-go/nma-go/nma/rng"
)

// SynthParams describe the synthetic population that stands in for the Stringer et al.
// (2019) recordings when the real files are absent.
//
// Each model neuron i responds on trial t (a grating at direction θ_t, 0…360°) with
//
//	r_it = b_i + g_t·A_i·f_i(θ_t) + σ_i·ε_it,
//	f_i(θ) = exp(κ_i·(cos 2(θ−φ_i) − 1)) · (1 + d_i·cos(θ−ψ_i)) / (1 + d_i),
//
// an orientation tuning curve (von Mises in 2θ, preferred orientation φ_i, width set by κ_i)
// with a direction bias d_i towards ψ_i = φ_i or φ_i+180°, amplitude A_i, baseline b_i, a
// gain g_t shared by all neurons on a trial (arousal, running), and independent Gaussian
// noise ε. A fraction of neurons is untuned (A_i = 0). Then, as in the real data, every
// neuron is z-scored over all trials and the responses are averaged within orientation
// bins: 1° bins over all trials (the Ori1 file), 6° bins over two disjoint random halves of
// the trials (Ori6Split's resp_train and resp_test).
type SynthParams struct {
	Neurons         int     // number of model neurons (the real data have 23589)
	TrialsPerDegree int     // stimulus presentations per 1° bin (the real data have ≈11)
	TunedFraction   float64 // fraction of orientation-tuned neurons
	KappaMedian     float64 // median tuning concentration κ (κ = 2: half width ≈ 25°)
	KappaSpread     float64 // standard deviation of ln κ
	AmpSpread       float64 // standard deviation of ln A (median A = 1)
	MaxDirBias      float64 // d_i is uniform in [0, MaxDirBias]
	NoiseMedian     float64 // median single-trial noise σ_i, in units of A
	NoiseSpread     float64 // standard deviation of ln σ
	GainSD          float64 // standard deviation of ln g_t
	Seed            uint32  // NumPy-compatible seed (nma/rng)
}

// DefaultSynth returns the parameters of the synthetic stand-in the loaders use. It has the
// real files' shapes: 23589 neurons, and 360 × 11 = 3960 trials (the recordings have about
// 4000), which make the 360 1° bins of Ori1 and, split into two halves, the 60 6° bins of
// Ori6Split's resp_train and resp_test.
func DefaultSynth() SynthParams {
	return SynthParams{
		Neurons: 23589, TrialsPerDegree: 11, TunedFraction: 0.75,
		KappaMedian: 2, KappaSpread: 0.5, AmpSpread: 0.5, MaxDirBias: 0.6,
		NoiseMedian: 1.8, NoiseSpread: 0.8, GainSD: 0.2, Seed: 2019,
	}
}

func (p SynthParams) validate() error {
	switch {
	case p.Neurons < 1:
		return fmt.Errorf("data.Synthesize: Neurons=%d must be at least 1", p.Neurons)
	case p.TrialsPerDegree < 2:
		return fmt.Errorf("data.Synthesize: TrialsPerDegree=%d must be at least 2 (the split needs two halves)", p.TrialsPerDegree)
	case p.TunedFraction < 0 || p.TunedFraction > 1:
		return fmt.Errorf("data.Synthesize: TunedFraction=%g must be in [0, 1]", p.TunedFraction)
	case !(p.KappaMedian > 0) || p.KappaSpread < 0 || p.AmpSpread < 0 || p.NoiseSpread < 0 || p.GainSD < 0:
		return fmt.Errorf("data.Synthesize: KappaMedian=%g must be positive and the spreads (%g, %g, %g, %g) non-negative",
			p.KappaMedian, p.KappaSpread, p.AmpSpread, p.NoiseSpread, p.GainSD)
	case p.MaxDirBias < 0 || p.MaxDirBias > 1:
		return fmt.Errorf("data.Synthesize: MaxDirBias=%g must be in [0, 1]", p.MaxDirBias)
	case !(p.NoiseMedian > 0):
		return fmt.Errorf("data.Synthesize: NoiseMedian=%g must be positive", p.NoiseMedian)
	}
	return nil
}

// SynthVersion numbers the generator: change it whenever Synthesize's output for given
// parameters changes, so that stand-ins cached by an older version are made again.
//
// Version 2 draws each neuron's noise per bin rather than per trial (see Synthesize).
const SynthVersion = 2

// Synthesize makes the two files' arrays (Ori1's resp and stimuli; Ori6Split's resp_train,
// resp_test and stimuli) from the model population described by p.
//
// Only bin averages leave the generator, so it does not draw the 93 million single-trial
// noise values of the full-size population: trials are grouped into cells (a 1° bin in one
// of the two halves of the trials), and the noise summed over the k trials of a cell, a sum
// of k independent N(0, σ_i²) draws, is drawn at once from N(0, kσ_i²) — the same
// distribution. The signal g_t·A_i·f_i(θ_t) is computed trial by trial. Each neuron is then
// z-scored with its exact mean over trials and its model standard deviation: the sample
// variance of its signal over the trials plus σ_i² (the sample variance of single-trial
// noise, which is not drawn, differs from σ_i² by about 1/√(trials/2) ≈ 2 %).
func Synthesize(p SynthParams) (ori1, split map[string]Array, err error) {
	if err := p.validate(); err != nil {
		return nil, nil, err
	}
	r := rng.New(p.Seed)
	must := func(v []float64, err error) []float64 {
		if err != nil {
			panic(err) // sizes are validated above
		}
		return v
	}
	n := p.Neurons
	// Neuron parameters.
	pref := must(r.Uniform(0, 180, n))
	dirFlip := must(r.Rand(n))
	kappa := must(r.Normal(0, p.KappaSpread, n))
	amp := must(r.Normal(0, p.AmpSpread, n))
	dirBias := must(r.Uniform(0, p.MaxDirBias, n))
	tuned := must(r.Rand(n))
	noise := must(r.Normal(0, p.NoiseSpread, n))
	base := must(r.Normal(0, 1, n))
	for i := 0; i < n; i++ {
		kappa[i] = p.KappaMedian * math.Exp(kappa[i])
		amp[i] = math.Exp(amp[i])
		if tuned[i] >= p.TunedFraction {
			amp[i] = 0
		}
		noise[i] = p.NoiseMedian * math.Exp(noise[i]) * math.Max(amp[i], 0.5)
	}
	// Trials: TrialsPerDegree directions in each 1° bin, in random order, with a gain each;
	// a random half of them (perm[:nt/2]) make resp_train, the others resp_test.
	tpd := p.TrialsPerDegree
	nt := 360 * tpd
	theta := make([]float64, nt)
	jitter := must(r.Rand(nt))
	for t := range theta {
		theta[t] = float64(t/tpd) + jitter[t]
	}
	rng.Shuffle(r, theta)
	gain := must(r.Normal(0, p.GainSD, nt))
	perm, _ := r.Permutation(nt)
	// Cell c = h·360 + b: the trials of half h (0 train, 1 test) in the 1° bin b.
	const nCells = 2 * 360
	cell := make([]int, nt)
	for k, t := range perm {
		h := 0
		if k >= nt/2 {
			h = 1
		}
		cell[t] = h*360 + int(theta[t])
	}
	var count [nCells]float64
	for _, c := range cell {
		count[c]++
	}
	for h := 0; h < 2; h++ {
		for b6 := 0; b6 < 60; b6++ {
			k := 0.0
			for b := 6 * b6; b < 6*b6+6; b++ {
				k += count[h*360+b]
			}
			if k == 0 {
				return nil, nil, fmt.Errorf("data.Synthesize: TrialsPerDegree=%d leaves the 6° bin at %d° without trials in one half; use more trials", tpd, 6*b6)
			}
		}
	}
	// Per trial, in the order of their cells (cellStart[c] to cellStart[c+1]): the
	// trigonometric terms of f and the gain.
	var cellStart [nCells + 1]int
	for c := 0; c < nCells; c++ {
		cellStart[c+1] = cellStart[c] + int(count[c])
	}
	c2, s2, c1, s1, g := make([]float64, nt), make([]float64, nt), make([]float64, nt), make([]float64, nt), make([]float64, nt)
	next := cellStart
	for t, th := range theta {
		j := next[cell[t]]
		next[cell[t]]++
		rad := th * math.Pi / 180
		s1[j], c1[j] = math.Sincos(rad)
		s2[j], c2[j] = math.Sincos(2 * rad)
		g[j] = math.Exp(gain[t])
	}
	var sqrtCount [nCells]float64
	for c, k := range count {
		sqrtCount[c] = math.Sqrt(k)
	}
	resp1 := make([]float64, 360*n)
	respTrain, respTest := make([]float64, 60*n), make([]float64, 60*n)
	// signal computes neuron i's signal u_t = g_t·f_i(θ_t) summed per cell into sig, and
	// returns Σu and Σu² over the trials. With cos 2(θ−φ) = cos 2θ cos 2φ + sin 2θ sin 2φ
	// and cos(θ−ψ) likewise, f_i(θ) = exp(κ(cos 2(θ−φ) − 1)) · (1 + d cos(θ−ψ)) / (1 + d).
	signal := func(i int, sig []float64) (su, suu float64) {
		clear(sig)
		if amp[i] == 0 {
			return 0, 0
		}
		phi := pref[i] * math.Pi / 180
		psi := phi
		if dirFlip[i] < 0.5 {
			psi += math.Pi
		}
		sp2, cp2 := math.Sincos(2 * phi)
		k := kappa[i]
		kc, ks := k*cp2, k*sp2
		spsi, cpsi := math.Sincos(psi)
		d := dirBias[i]
		norm := 1 / (1 + d)
		dc, ds := d*cpsi*norm, d*spsi*norm
		for c := 0; c < nCells; c++ {
			acc := 0.0
			for t := cellStart[c]; t < cellStart[c+1]; t++ {
				u := g[t] * expNeg(kc*c2[t]+ks*s2[t]-k) * (norm + dc*c1[t] + ds*s1[t])
				acc += u
				suu += u * u
			}
			sig[c] = acc
			su += acc
		}
		return su, suu
	}
	// The signals (nearly all the work, and no random numbers) are computed in parallel,
	// a block of neurons at a time; the noise is then drawn neuron after neuron from the one
	// generator, so that the result does not depend on the number of goroutines.
	const block = 256
	sigs := make([]float64, block*nCells)
	sus, suus := make([]float64, block), make([]float64, block)
	workers := min(runtime.GOMAXPROCS(0), 8)
	var eps, sum [nCells]float64
	for lo := 0; lo < n; lo += block {
		hi := min(lo+block, n)
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Go(func() {
				for i := lo + w; i < hi; i += workers {
					j := i - lo
					sus[j], suus[j] = signal(i, sigs[j*nCells:(j+1)*nCells])
				}
			})
		}
		wg.Wait()
		for i := lo; i < hi; i++ {
			j := i - lo
			sig := sigs[j*nCells : (j+1)*nCells]
			// Responses summed per cell: k·b + A·Σu + σ·√k·N(0, 1).
			r.StandardNormalTo(eps[:])
			a, b, sigma := amp[i], base[i], noise[i]
			total := 0.0
			for c := range sum {
				sum[c] = count[c]*b + a*sig[c] + sigma*sqrtCount[c]*eps[c]
				total += sum[c]
			}
			mean := total / float64(nt)
			mu := sus[j] / float64(nt)
			sd := math.Sqrt(a*a*math.Max(suus[j]/float64(nt)-mu*mu, 0) + sigma*sigma)
			// z-scored bin averages: 1° bins over both halves, 6° bins per half.
			for bin := 0; bin < 360; bin++ {
				resp1[bin*n+i] = ((sum[bin]+sum[360+bin])/float64(tpd) - mean) / sd
			}
			for h, out := range [2][]float64{respTrain, respTest} {
				for b6 := 0; b6 < 60; b6++ {
					s, k := 0.0, 0.0
					for c := h*360 + 6*b6; c < h*360+6*b6+6; c++ {
						s += sum[c]
						k += count[c]
					}
					out[b6*n+i] = (s/k - mean) / sd
				}
			}
		}
	}
	stim1 := make([]float64, 360)
	for k := range stim1 {
		stim1[k] = float64(k)
	}
	ori1 = map[string]Array{
		"resp":    {Shape: []int{360, n}, Data: resp1},
		"stimuli": {Shape: []int{360}, Data: stim1},
	}
	stim6 := make([]float64, 60)
	for k := range stim6 {
		stim6[k] = 6*float64(k) + 3
	}
	split = map[string]Array{
		"resp_train": {Shape: []int{60, n}, Data: respTrain},
		"resp_test":  {Shape: []int{60, n}, Data: respTest},
		"stimuli":    {Shape: []int{60}, Data: stim6},
	}
	return ori1, split, nil
}

// expNeg is e^x for x ≤ 0, to 3·10⁻¹⁰ relative error (math.Exp's is 1 ulp): 2^k·e^r with
// k the nearest integer to x/ln 2 and e^r, |r| ≤ ln 2 / 2, from its Taylor series to r⁸
// (the remainder is at most 0.347⁹·e^0.347/9! ≈ 2.8·10⁻¹⁰; TestExpNeg). Synthesize
// evaluates a tuning curve 70 million times at full size, and math.Exp (17 ns here) took
// most of its time; the responses are stored as float32 (7 digits) anyway. Below −708 it
// returns 0.
func expNeg(x float64) float64 {
	if x < -708 {
		return 0
	}
	const ln2Hi, ln2Lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
	k := int64(x*math.Log2E - 0.5) // x ≤ 0: truncation rounds towards +∞, so k = round(x/ln 2)
	fk := float64(k)
	r := x - fk*ln2Hi - fk*ln2Lo
	p := 1 + r*(1+r*(1./2+r*(1./6+r*(1./24+r*(1./120+r*(1./720+r*(1./5040+r*(1./40320))))))))
	return p * math.Float64frombits(uint64(k+1023)<<52)
}
