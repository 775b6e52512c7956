package data

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"

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

// DefaultSynth returns the parameters of the embedded synthetic dataset.
func DefaultSynth() SynthParams {
	return SynthParams{
		Neurons: 1000, TrialsPerDegree: 11, TunedFraction: 0.75,
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

// Synthesize makes the two files' arrays (Ori1's resp and stimuli; Ori6Split's resp_train,
// resp_test and stimuli) from the model population described by p.
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
	psi := make([]float64, n)
	for i := 0; i < n; i++ {
		kappa[i] = p.KappaMedian * math.Exp(kappa[i])
		amp[i] = math.Exp(amp[i])
		if tuned[i] >= p.TunedFraction {
			amp[i] = 0
		}
		noise[i] = p.NoiseMedian * math.Exp(noise[i]) * math.Max(amp[i], 0.5)
		psi[i] = pref[i]
		if dirFlip[i] < 0.5 {
			psi[i] += 180
		}
	}
	// Trials: TrialsPerDegree directions in each 1° bin, in random order.
	nt := 360 * p.TrialsPerDegree
	theta := make([]float64, nt)
	jitter := must(r.Rand(nt))
	for t := range theta {
		theta[t] = float64(t/p.TrialsPerDegree) + jitter[t]
	}
	rng.Shuffle(r, theta)
	gain := must(r.Normal(0, p.GainSD, nt))
	for t := range gain {
		gain[t] = math.Exp(gain[t])
	}
	// Single-trial responses, trials × neurons, z-scored per neuron.
	resp := make([]float64, nt*n)
	for t := 0; t < nt; t++ {
		eps := must(r.StandardNormal(n))
		th := theta[t] * math.Pi / 180
		for i := 0; i < n; i++ {
			f := 0.0
			if amp[i] > 0 {
				d := th - pref[i]*math.Pi/180
				f = math.Exp(kappa[i]*(math.Cos(2*d)-1)) * (1 + dirBias[i]*math.Cos(th-psi[i]*math.Pi/180)) / (1 + dirBias[i])
			}
			resp[t*n+i] = base[i] + gain[t]*amp[i]*f + noise[i]*eps[i]
		}
	}
	for i := 0; i < n; i++ {
		m, s := 0.0, 0.0
		for t := 0; t < nt; t++ {
			m += resp[t*n+i]
		}
		m /= float64(nt)
		for t := 0; t < nt; t++ {
			d := resp[t*n+i] - m
			s += d * d
		}
		s = math.Sqrt(s / float64(nt))
		for t := 0; t < nt; t++ {
			resp[t*n+i] = (resp[t*n+i] - m) / s
		}
	}
	// Bin averages.
	average := func(trials []int, width int) []float64 {
		nb := 360 / width
		out := make([]float64, nb*n)
		cnt := make([]float64, nb)
		for _, t := range trials {
			b := int(theta[t]) / width
			cnt[b]++
			row := resp[t*n : (t+1)*n]
			o := out[b*n : (b+1)*n]
			for i, v := range row {
				o[i] += v
			}
		}
		for b := 0; b < nb; b++ {
			for i := 0; i < n; i++ {
				out[b*n+i] /= cnt[b]
			}
		}
		return out
	}
	all := make([]int, nt)
	for t := range all {
		all[t] = t
	}
	stim1 := make([]float64, 360)
	for k := range stim1 {
		stim1[k] = float64(k)
	}
	ori1 = map[string]Array{
		"resp":    {Shape: []int{360, n}, Data: average(all, 1)},
		"stimuli": {Shape: []int{360}, Data: stim1},
	}
	perm, _ := r.Permutation(nt)
	half := nt / 2
	stim6 := make([]float64, 60)
	for k := range stim6 {
		stim6[k] = 6*float64(k) + 3
	}
	split = map[string]Array{
		"resp_train": {Shape: []int{60, n}, Data: average(perm[:half], 6)},
		"resp_test":  {Shape: []int{60, n}, Data: average(perm[half:], 6)},
		"stimuli":    {Shape: []int{60}, Data: stim6},
	}
	return ori1, split, nil
}

// WriteSynthetic generates the synthetic dataset with p and writes the two files into dir
// under the real files' names (this is how data/synthetic is made: `nma data generate`).
// It returns the paths written.
func WriteSynthetic(dir string, p SynthParams) ([]string, error) {
	ori1, split, err := Synthesize(p)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range []struct {
		file   File
		arrays map[string]Array
	}{{Ori1, ori1}, {Ori6Split, split}} {
		var buf bytes.Buffer
		if err := WriteNPZ(&buf, f.arrays); err != nil {
			return nil, err
		}
		path := filepath.Join(dir, f.file.Name)
		if err := writeAtomic(path, buf.Bytes()); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// writeAtomic writes data to a temporary file next to path and renames it into place.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
