package data

import (
	"fmt"
	"slices"

	"github.com/nma-go/nma-go/nma"
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

// String is "<neurons> neurons in response to <stimuli> stimuli".
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
	arrays, src, err := openArrays(Ori1)
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

// MustLoadData is LoadData that panics on error, for Go code such as the exercises' checks.
// Notebook cells write nma.Must(data.LoadData(binWidth)), their one error style.
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

// MustLoadDataTilt is LoadDataTilt that panics on error (notebooks: nma.Must(data.LoadDataTilt())).
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
	bins := nma.Digitize(stim, edges)
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
	arrays, src, err := openArrays(Ori6Split)
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

// MustLoadDataSplit is LoadDataSplit that panics on error (notebooks: nma.Must(data.LoadDataSplit())).
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

// MustTrainTestSplit is TrainTestSplit that panics on error (notebooks: nma.Must(ds.TrainTestSplit(…))).
func (s *Stringer) MustTrainTestSplit(trainFrac float64, seed uint32) Split {
	sp, err := s.TrainTestSplit(trainFrac, seed)
	if err != nil {
		panic(err)
	}
	return sp
}
