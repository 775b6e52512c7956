package data

import (
	"fmt"
	"math"
	"slices"

	"github.com/nma-go/nma-go/data/synthetic"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rng"
)

// Stringer holds neural responses to gratings, one row per stimulus (load_data).
type Stringer struct {
	// Resp is stimuli × neurons: each row holds every neuron's response to one stimulus
	// (z-scored over stimuli, averaged within an orientation bin).
	Resp *nn.Tensor
	// Stimuli is stimuli × 1: each stimulus's orientation in degrees.
	Stimuli *nn.Tensor
	// Source says whether these are the real recordings or the synthetic stand-in.
	Source Source
}

// NNeurons is the number of neurons (columns of Resp).
func (s *Stringer) NNeurons() int { return s.Resp.Shape[1] }

// NStimuli is the number of stimuli (rows of Resp).
func (s *Stringer) NStimuli() int { return s.Resp.Shape[0] }

func (s *Stringer) String() string {
	return fmt.Sprintf("%d neurons in response to %d stimuli", s.NNeurons(), s.NStimuli())
}

// LoadData reads the 1°-binned file (Ori1) and, for binWidth > 1, averages responses and
// orientations within bins of binWidth degrees (np.digitize over 0, binWidth, …, 360) —
// the course's load_data(bin_width).
func LoadData(binWidth float64) (*Stringer, error) {
	if !(binWidth > 0) {
		return nil, fmt.Errorf("data.LoadData: binWidth=%g must be positive", binWidth)
	}
	arrays, src, err := openArrays(Ori1, synthetic.Files)
	if err != nil {
		return nil, err
	}
	resp, stim := arrays["resp"], arrays["stimuli"]
	if len(resp.Shape) != 2 || numel(stim.Shape) != resp.Shape[0] {
		return nil, fmt.Errorf("%s: resp has shape %v and stimuli %v; want (stimuli, neurons) and (stimuli)", Ori1.Name, resp.Shape, stim.Shape)
	}
	src.Neurons = resp.Shape[1]
	r := nn.FromData(resp.Data, resp.Shape...)
	st := stim.Data
	if binWidth > 1 {
		r, st = binResponses(r, st, binWidth)
	}
	return &Stringer{Resp: r, Stimuli: nn.Column(st), Source: src}, nil
}

// MustLoadData is LoadData that panics on error (for notebook cells).
func MustLoadData(binWidth float64) *Stringer {
	s, err := LoadData(binWidth)
	if err != nil {
		panic(err)
	}
	return s
}

// LoadDataTilt is Tutorial 3's load_data: the 1° file, keeping orientations ≤ 180° and
// shifting them by −90°, so that 0 is vertical, negative tilts left and positive right.
func LoadDataTilt() (*Stringer, error) {
	s, err := LoadData(1)
	if err != nil {
		return nil, err
	}
	var keep []int
	var ori []float64
	for i, v := range s.Stimuli.Data {
		if v <= 180 {
			keep = append(keep, i)
			ori = append(ori, v-90)
		}
	}
	return &Stringer{Resp: s.Resp.Rows(keep), Stimuli: nn.Column(ori), Source: s.Source}, nil
}

// MustLoadDataTilt is LoadDataTilt that panics on error.
func MustLoadDataTilt() *Stringer {
	s, err := LoadDataTilt()
	if err != nil {
		panic(err)
	}
	return s
}

// binResponses averages rows of resp and values of stim within bins [k·w, (k+1)·w) — the
// course's np.digitize binning, keeping only bins that hold stimuli, in order.
func binResponses(resp *nn.Tensor, stim []float64, w float64) (*nn.Tensor, []float64) {
	var edges []float64 // np.arange(0, 360+w, w)
	for k := 0; float64(k)*w < 360+w; k++ {
		edges = append(edges, float64(k)*w)
	}
	bins := Digitize(stim, edges)
	uniq := slices.Clone(bins)
	slices.Sort(uniq)
	uniq = slices.Compact(uniq)
	n := resp.Shape[1]
	out := nn.Zeros(len(uniq), n)
	st := make([]float64, len(uniq))
	for k, b := range uniq {
		cnt := 0.0
		for i, bi := range bins {
			if bi != b {
				continue
			}
			cnt++
			st[k] += stim[i]
			row := resp.Data[i*n : (i+1)*n]
			o := out.Data[k*n : (k+1)*n]
			for j, v := range row {
				o[j] += v
			}
		}
		st[k] /= cnt
		for j := 0; j < n; j++ {
			out.Data[k*n+j] /= cnt
		}
	}
	return out, st
}

// Digitize returns, for each x, the index i with edges[i−1] ≤ x < edges[i] for increasing
// edges (np.digitize): 0 below the first edge, len(edges) at or above the last.
func Digitize(x, edges []float64) []int {
	out := make([]int, len(x))
	for k, v := range x {
		out[k] = sortSearch(edges, v)
	}
	return out
}

// sortSearch counts the edges ≤ v.
func sortSearch(edges []float64, v float64) int {
	lo, hi := 0, len(edges)
	for lo < hi {
		m := (lo + hi) / 2
		if edges[m] <= v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// StringerSplit holds the 6°-binned tuning curves from two disjoint sets of trials
// (load_data_split).
type StringerSplit struct {
	// RespTrain and RespTest are stimuli × neurons.
	RespTrain, RespTest *nn.Tensor
	// Stimuli is stimuli × 1: the bin centres in degrees.
	Stimuli *nn.Tensor
	Source  Source
}

// NNeurons is the number of neurons.
func (s *StringerSplit) NNeurons() int { return s.RespTrain.Shape[1] }

// LoadDataSplit reads the split file (Ori6Split) — the course's load_data_split.
func LoadDataSplit() (*StringerSplit, error) {
	arrays, src, err := openArrays(Ori6Split, synthetic.Files)
	if err != nil {
		return nil, err
	}
	tr, te, st := arrays["resp_train"], arrays["resp_test"], arrays["stimuli"]
	if len(tr.Shape) != 2 || !slices.Equal(tr.Shape, te.Shape) || numel(st.Shape) != tr.Shape[0] {
		return nil, fmt.Errorf("%s: resp_train %v, resp_test %v and stimuli %v do not match", Ori6Split.Name, tr.Shape, te.Shape, st.Shape)
	}
	src.Neurons = tr.Shape[1]
	return &StringerSplit{
		RespTrain: nn.FromData(tr.Data, tr.Shape...),
		RespTest:  nn.FromData(te.Data, te.Shape...),
		Stimuli:   nn.Column(st.Data),
		Source:    src,
	}, nil
}

// MustLoadDataSplit is LoadDataSplit that panics on error.
func MustLoadDataSplit() *StringerSplit {
	s, err := LoadDataSplit()
	if err != nil {
		panic(err)
	}
	return s
}

// Split is a train/test split of stimuli.
type Split struct {
	RespTrain, StimuliTrain *nn.Tensor // n_train × neurons, n_train × 1
	RespTest, StimuliTest   *nn.Tensor // n_test × neurons, n_test × 1
	ITrain, ITest           []int      // the rows of the full data in each set
}

// TrainTestSplit shuffles the stimuli and puts the first int(trainFrac·n) in the training
// set, the rest in the test set. The course seeds NumPy and torch with 4 and splits with
// torch.randperm, which Go cannot reproduce; we draw the permutation with NumPy's
// np.random.seed(seed); np.random.permutation(n) (nma/rng), so the split is reproducible
// but not the course's.
func (s *Stringer) TrainTestSplit(trainFrac float64, seed uint32) (Split, error) {
	n := s.NStimuli()
	if !(trainFrac > 0 && trainFrac < 1) {
		return Split{}, fmt.Errorf("data.TrainTestSplit: trainFrac=%g must be in (0, 1)", trainFrac)
	}
	perm, err := rng.New(seed).Permutation(n)
	if err != nil {
		return Split{}, err
	}
	nTrain := int(trainFrac * float64(n))
	it, is := perm[:nTrain], perm[nTrain:]
	return Split{
		RespTrain: s.Resp.Rows(it), StimuliTrain: s.Stimuli.Rows(it),
		RespTest: s.Resp.Rows(is), StimuliTest: s.Stimuli.Rows(is),
		ITrain: slices.Clone(it), ITest: slices.Clone(is),
	}, nil
}

// MustTrainTestSplit is TrainTestSplit that panics on error.
func (s *Stringer) MustTrainTestSplit(trainFrac float64, seed uint32) Split {
	sp, err := s.TrainTestSplit(trainFrac, seed)
	if err != nil {
		panic(err)
	}
	return sp
}

// GetData draws nStim rows of (trainData, trainLabels) at random with replacement
// (np.random.choice(n, nStim) from r), the course's get_data.
func GetData(nStim int, trainData, trainLabels *nn.Tensor, r *rng.RandomState) (*nn.Tensor, *nn.Tensor, error) {
	idx, err := r.ChoiceIndex(trainLabels.Shape[0], nStim)
	if err != nil {
		return nil, nil, fmt.Errorf("data.GetData: %w", err)
	}
	return trainData.Rows(idx), trainLabels.Rows(idx), nil
}

// StimulusClass returns the class of each orientation when 0…360° is cut into nClasses
// equal bins: np.digitize(ori, linspace(0, 360, nClasses+1)) − 1 (stimulus_class).
func StimulusClass(ori *nn.Tensor, nClasses int) *nn.Tensor {
	edges := make([]float64, nClasses+1)
	for i := range edges {
		edges[i] = 360 * float64(i) / float64(nClasses)
	}
	bins := Digitize(ori.Data, edges)
	out := make([]float64, len(bins))
	for i, b := range bins {
		out[i] = float64(b - 1)
	}
	return nn.FromData(out, len(out))
}

// GaussianFilter1D smooths each column of x (rows × columns) with a Gaussian of standard
// deviation sigma rows, like scipy.ndimage.gaussian_filter1d(x, sigma, axis=0): the kernel
// is truncated at 4σ and the edges are extended by reflection ('reflect' mode).
func GaussianFilter1D(x *nn.Tensor, sigma float64) *nn.Tensor {
	if len(x.Shape) != 2 {
		panic(fmt.Sprintf("data.GaussianFilter1D: need a 2-D tensor, got shape %v", x.Shape))
	}
	rows, cols := x.Shape[0], x.Shape[1]
	radius := int(4*sigma + 0.5)
	w := make([]float64, 2*radius+1)
	s := 0.0
	for i := range w {
		d := float64(i - radius)
		w[i] = math.Exp(-0.5 * d * d / (sigma * sigma))
		s += w[i]
	}
	for i := range w {
		w[i] /= s
	}
	reflect := func(i int) int {
		// scipy 'reflect' (d c b a | a b c d | d c b a), repeated for long kernels.
		period := 2 * rows
		i %= period
		if i < 0 {
			i += period
		}
		if i >= rows {
			i = period - 1 - i
		}
		return i
	}
	out := nn.Zeros(rows, cols)
	for r := 0; r < rows; r++ {
		o := out.Data[r*cols : (r+1)*cols]
		for k, wk := range w {
			src := reflect(r + k - radius)
			row := x.Data[src*cols : (src+1)*cols]
			for j, v := range row {
				o[j] += wk * v
			}
		}
	}
	return out
}
