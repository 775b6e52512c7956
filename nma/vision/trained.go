package vision

import (
	"fmt"
	"io"
	"strings"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/nn"
)

// The networks the tutorials train, trained once and then loaded from the cache (Cache): a
// notebook cell that needs a trained network calls one of these instead of training again.

// trained is what the cache keeps of a training run.
type trained struct {
	State nn.StateDict
	Hist  nn.History
	Log   string // the progress lines the training printed
}

// train runs fn, which trains a network with its progress going to the writer it is given,
// and keeps the state of net, the loss curves and the progress lines. The progress also goes
// to log as it is printed, unless log is nil.
func train(net nn.Module, log io.Writer, fn func(progress io.Writer) (nn.History, error)) (trained, error) {
	var b strings.Builder
	w := io.Writer(&b)
	if log != nil {
		w = io.MultiWriter(&b, log)
	}
	h, err := fn(w)
	if err != nil {
		return trained{}, err
	}
	return trained{State: nn.GetStateDict(net), Hist: h, Log: b.String()}, nil
}

// load puts a cached training run into net, printing its progress lines to log when the
// cache (rather than train, which printed them live) supplied it.
func load(net nn.Module, t trained, fromCache bool, log io.Writer) error {
	if fromCache && log != nil {
		if _, err := io.WriteString(log, t.Log); err != nil {
			return err
		}
	}
	return nn.LoadStateDict(net, t.State)
}

// progressOf combines the progress callbacks given to a Trained… function into the one
// nn.TrainOptions.Progress takes (nil for none).
func progressOf(fns []func(done, total int)) func(done, total int) {
	var live []func(done, total int)
	for _, f := range fns {
		if f != nil {
			live = append(live, f)
		}
	}
	if len(live) == 0 {
		return nil
	}
	return func(done, total int) {
		for _, f := range live {
			f(done, total)
		}
	}
}

// trainCached is cached for a training run: it reports whether the value came from the
// cache.
func trainCached(key string, fn func() (trained, error)) (trained, bool, error) {
	fresh := false
	t, err := cached(key, func() (trained, error) {
		fresh = true
		return fn()
	})
	return t, !fresh, err
}

// TrainedCNN returns Tutorial 3's CNN trained on the tilt task as the course trains it:
// NewCNN(48, 64) from seed 12, 25 epochs of minibatch gradient descent (minibatches of 100
// in an order drawn from the same generator, learning rate 5e-4, momentum 0.99) on the
// binary cross-entropy of TiltTrainingSet(1000, 12). The first call trains it (250 gradient
// steps: about 12 s on an idle two-core machine, up to 40 s on a busy one) and caches it
// (Cache); later calls, also after a kernel restart, load it. The training log is written to
// log (nil: nowhere), also when the network comes from the cache. progress, if given, is called as the training goes (nn.TrainOptions'
// Progress: steps done of the total) — e.g. progress.Show("training the CNN") of package
// nma/progress draws a bar; a network loaded from the cache reports nothing.
func TrainedCNN(log io.Writer, progress ...func(done, total int)) (*CNN, error) {
	const key = "w2d1-t3-cnn-v2" // v2: float32 layers
	t, fromCache, err := trainCached(key, func() (trained, error) {
		g := nn.ManualSeed(12)
		net := NewCNN(48, 64, g)
		stimuli, tilt, _ := TiltTrainingSet(1000, 12)
		return train(net, log, func(w io.Writer) (nn.History, error) {
			return nn.Train(net, nn.BCELoss(), stimuli, tilt, nn.TrainOptions{
				Epochs: 25, LearningRate: 0.0005, Momentum: 0.99, BatchSize: 100, Shuffle: g, Log: w,
				Progress: progressOf(progress),
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("vision.TrainedCNN: %w", err)
	}
	net := NewCNN(48, 64, nn.ManualSeed(12))
	if err := load(net, t, fromCache, log); err != nil {
		return nil, fmt.Errorf("vision.TrainedCNN: %w", err)
	}
	return net, nil
}

// MustTrainedCNN is TrainedCNN that panics on error, for Go code. Notebook cells write
// nma.Must(vision.TrainedCNN(log)), their one error style.
func MustTrainedCNN(log io.Writer, progress ...func(done, total int)) *CNN {
	net, err := TrainedCNN(log, progress...)
	if err != nil {
		panic(err)
	}
	return net
}

// datasetKey identifies a dataset in a cache key: the md5 of its file and the shape of its
// responses (stimuli × neurons).
func datasetKey(src data.Source, resp *nn.Tensor) string {
	return fmt.Sprintf("%.12s-%dx%d", src.Fingerprint, resp.Shape[0], resp.Shape[1])
}

// TrainedClassifier returns Tutorial 4's 20-class orientation decoder trained on ds (the
// 1° data, LoadData(1)) as in Coding Exercise 2.2: NewDeepNetSoftmax with 20 hidden units
// from seed 1, 1000 iterations of full-batch gradient descent with learning rate 0.1 on the
// negative log likelihood of StimulusClass(·, 20) over the training set of
// ds.TrainTestSplit(0.6, 4) — and with regularized, as in Coding Exercise 2.3, with the L2
// and L1 penalties 1e-2 and 5e-4 on the input weights. The first call for a dataset trains
// it (10 to 25 s for the 23 589 neurons of the real data or the stand-in, on two cores)
// and caches it (Cache; the key holds the dataset's fingerprint and shape);
// later calls load it. progress, if given, follows the training (see TrainedCNN).
func TrainedClassifier(ds *data.Stringer, regularized bool, progress ...func(done, total int)) (*DeepNetSoftmax, error) {
	const nClasses, nHidden = 20, 20
	mk := func() *DeepNetSoftmax { return NewDeepNetSoftmax(ds.NNeurons(), nHidden, nClasses, nn.ManualSeed(1)) }
	key := fmt.Sprintf("w2d1-t4-classifier-v3-reg%v-%s", regularized, datasetKey(ds.Source, ds.Resp))
	t, fromCache, err := trainCached(key, func() (trained, error) {
		sp, err := ds.TrainTestSplit(0.6, 4)
		if err != nil {
			return trained{}, err
		}
		net := mk()
		lossFn := nn.NLLLoss()
		if regularized {
			lossFn = func(out, y *nn.Tensor) *nn.Tensor {
				return nn.Regularized(nn.NLLLoss())(out, y, net.InLayer.Weight, 1e-2, 5e-4)
			}
		}
		return train(net, nil, func(w io.Writer) (nn.History, error) {
			return nn.Train(net, lossFn, sp.RespTrain, StimulusClass(sp.StimuliTrain, nClasses), nn.TrainOptions{
				Epochs: 1000, LearningRate: 0.1, LogEvery: -1, Log: w, Progress: progressOf(progress),
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("vision.TrainedClassifier: %w", err)
	}
	net := mk()
	if err := load(net, t, fromCache, nil); err != nil {
		return nil, fmt.Errorf("vision.TrainedClassifier: %w", err)
	}
	return net, nil
}

// MustTrainedClassifier is TrainedClassifier that panics on error, for Go code. Notebook cells
// write nma.Must(vision.TrainedClassifier(ds, regularized)).
func MustTrainedClassifier(ds *data.Stringer, regularized bool, progress ...func(done, total int)) *DeepNetSoftmax {
	net, err := TrainedClassifier(ds, regularized, progress...)
	if err != nil {
		panic(err)
	}
	return net
}

// EncoderStimuli returns the stimuli of Tutorial 4's encoding model: 60 gratings at the
// orientations −180°, −174°, …, 174° (np.linspace(0, 360, 61)[:-1] − 180), of 12 × 16
// pixels (resolution 0.025), as a (60, 1, 12, 16) batch.
func EncoderStimuli() (orientations []float64, stimuli *nn.Tensor) {
	orientations = make([]float64, 60)
	for i := range orientations {
		orientations[i] = 6*float64(i) - 180
	}
	return orientations, Gratings(orientations, Res(0.025))
}

// NewConvFCFunc builds an encoding model as NewConvFC does (Tutorial 4's exercise).
type NewConvFCFunc = func(nNeurons, cIn, cOut, K, b int, filters *nn.Tensor, g *nn.Generator) *ConvFC

// TrainedEncoder returns Tutorial 4's convolutional encoding model built by newConvFC (nil:
// NewConvFC) for the neurons of sp (LoadDataSplit) and trained as the course trains it:
// 1 input channel, the six example 7×7 filters (Filters(6, 7, true)) and seed 1; 200
// iterations of full-batch gradient descent (learning rate 2, momentum 0.9) on the mean
// squared error with L2 and L1 penalties 5e-4 and 1e-6 on the output weights, from the
// EncoderStimuli to sp.RespTrain, with the test loss (sp.RespTest) every 20 iterations. It
// returns the loss curves too. The first call for a dataset trains it (about a minute for the
// 23 589 neurons of the real data or the stand-in, on two cores) and caches it (Cache);
// later calls load the cached weights into the model newConvFC builds, so pass a newConvFC
// that passes its check (it then builds NewConvFC's model). The training log
// is written to log (nil: nowhere), also when the model comes from the cache. progress, if
// given, follows the training (see TrainedCNN).
func TrainedEncoder(newConvFC NewConvFCFunc, sp *data.StringerSplit, log io.Writer, progress ...func(done, total int)) (*ConvFC, nn.History, error) {
	return trainedEncoder(newConvFC, sp, log, 200, progress...)
}

// trainedEncoder is TrainedEncoder with the number of iterations as a parameter.
func trainedEncoder(newConvFC NewConvFCFunc, sp *data.StringerSplit, log io.Writer, epochs int, progress ...func(done, total int)) (*ConvFC, nn.History, error) {
	if newConvFC == nil {
		newConvFC = NewConvFC
	}
	_, stimuli := EncoderStimuli()
	if n := sp.RespTrain.Shape[0]; n != stimuli.Shape[0] || sp.RespTest.Shape[0] != n {
		return nil, nn.History{}, fmt.Errorf("vision.TrainedEncoder: the responses are to %d and %d stimuli, want %d (the 6° bins of LoadDataSplit)", n, sp.RespTest.Shape[0], stimuli.Shape[0])
	}
	h, w := stimuli.Shape[2], stimuli.Shape[3]
	mk := func() *ConvFC { return newConvFC(sp.NNeurons(), 1, 6, 7, h*w, Filters(6, 7, true), nn.ManualSeed(1)) }
	key := fmt.Sprintf("w2d1-t4-encoder-v3-%dit-%s", epochs, datasetKey(sp.Source, sp.RespTrain))
	t, fromCache, err := trainCached(key, func() (trained, error) {
		net := mk()
		if net == nil || net.OutLayer == nil {
			return trained{}, fmt.Errorf("newConvFC returned a model without an OutLayer")
		}
		lossFn := func(out, y *nn.Tensor) *nn.Tensor {
			return nn.RegularizedMSELoss(out, y, net.OutLayer.Weight, 5e-4, 1e-6)
		}
		return train(net, log, func(w io.Writer) (nn.History, error) {
			return nn.Train(net, lossFn, stimuli, sp.RespTrain, nn.TrainOptions{
				Epochs: epochs, LearningRate: 2, Momentum: 0.9, TestData: stimuli, TestLabels: sp.RespTest,
				TestEvery: 20, LogEvery: 20, Log: w, Progress: progressOf(progress),
			})
		})
	})
	if err != nil {
		return nil, nn.History{}, fmt.Errorf("vision.TrainedEncoder: %w", err)
	}
	net := mk()
	if net == nil || net.OutLayer == nil {
		return nil, nn.History{}, fmt.Errorf("vision.TrainedEncoder: newConvFC returned a model without an OutLayer")
	}
	if err := load(net, t, fromCache, log); err != nil {
		return nil, nn.History{}, fmt.Errorf("vision.TrainedEncoder: %w", err)
	}
	return net, t.Hist, nil
}

// MustTrainedEncoder is TrainedEncoder that panics on error, for Go code. Notebook cells write
// nma.Must2(vision.TrainedEncoder(newConvFC, sp, log)).
func MustTrainedEncoder(newConvFC NewConvFCFunc, sp *data.StringerSplit, log io.Writer, progress ...func(done, total int)) (*ConvFC, nn.History) {
	net, h, err := TrainedEncoder(newConvFC, sp, log, progress...)
	if err != nil {
		panic(err)
	}
	return net, h
}
