package benchcmp

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/vision"
)

// The W2D1 workloads train on the same inputs on both sides, from the same initial weights:
// the harness writes them once as .npy files (PrepareData), and each worker loads them
// before its timer starts. The responses are the synthetic stand-in for the Stringer et al.
// data (data.Synthesize) at the real size, 23589 neurons: 360 one-degree bins split 60/40
// into 216 training and 144 test stimuli as the course splits them (TrainTestSplit(0.6, 4)),
// and the 60 six-degree bins of the encoding model's train/test tuning curves. The tilt task
// is the course's (TiltTrainingSet(1000, 12)). The initial weights are those nma-go's
// constructors draw from the course's seeds; torch's own initialisation is replaced by them,
// so the two sides' losses can be compared.

// dataVersion changes whenever the files PrepareData writes change meaning.
const dataVersion = 1

// dataSizes are the shared inputs' sizes.
func dataSizes(quick bool) Params {
	if quick {
		return Params{"neurons": 300, "tilt_n": 200}
	}
	return Params{"neurons": 23589, "tilt_n": 1000}
}

// DataDir is where the inputs of a full or quick run live under the harness's folder.
func DataDir(root string, quick bool) string {
	if quick {
		return filepath.Join(root, "inputs-quick")
	}
	return filepath.Join(root, "inputs-full")
}

type manifest struct {
	Version int    `json:"version"`
	Sizes   Params `json:"sizes"`
	Inits   Params `json:"inits"` // number of parameter files of each network
}

// PrepareData writes the inputs the workers read into dir: the AR sequences and, with
// w2d1, the W2D1 inputs and initial weights unless the files there already are the ones for
// these sizes. Generating the full-size responses takes about a minute on two cores.
func PrepareData(dir string, quick, w2d1 bool, log io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	seq, err := json.Marshal(map[string]string{"train": linsys.MonkeyAtTypewriter, "test": linsys.TestMonkey})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "ar_sequences.json"), seq, 0o644); err != nil {
		return err
	}
	if !w2d1 {
		return nil
	}
	sizes := dataSizes(quick)
	mpath := filepath.Join(dir, "manifest.json")
	if m, err := readManifest(dir); err == nil && m.Version == dataVersion && reflect.DeepEqual(m.Sizes, sizes) {
		return nil
	}
	if err := os.Remove(mpath); err != nil && !os.IsNotExist(err) {
		return err
	}
	n, nTilt := sizes.Int("neurons"), sizes.Int("tilt_n")
	fmt.Fprintf(log, "generating the W2D1 inputs (%d neurons, synthetic stand-in) and initial weights into %s\n", n, dir)
	sp := data.DefaultSynth()
	sp.Neurons = n
	ori1, split, err := data.Synthesize(sp)
	if err != nil {
		return err
	}
	resp, stim := ori1["resp"], ori1["stimuli"]
	nStim := len(stim.Data)
	if !reflect.DeepEqual(resp.Shape, []int{nStim, n}) {
		return fmt.Errorf("data.Synthesize(Neurons=%d) returned resp of shape %v, want [%d %d]", n, resp.Shape, nStim, n)
	}
	ds := &data.Stringer{Resp: nn.FromData(resp.Data, nStim, n), Stimuli: nn.FromData(stim.Data, nStim, 1)}
	tt, err := ds.TrainTestSplit(0.6, 4)
	if err != nil {
		return err
	}
	w := func(name string, shape []int, v []float64) {
		if err == nil {
			err = WriteNPY(filepath.Join(dir, name+".npy"), shape, v)
		}
	}
	rows := func(idx []int) []float64 {
		out := make([]float64, 0, len(idx)*n)
		for _, i := range idx {
			out = append(out, resp.Data[i*n:(i+1)*n]...)
		}
		return out
	}
	pick := func(idx []int) []float64 {
		out := make([]float64, len(idx))
		for k, i := range idx {
			out[k] = stim.Data[i]
		}
		return out
	}
	w("resp_train", []int{len(tt.ITrain), n}, rows(tt.ITrain))
	w("stim_train", []int{len(tt.ITrain), 1}, pick(tt.ITrain))
	w("resp_test", []int{len(tt.ITest), n}, rows(tt.ITest))
	w("stim_test", []int{len(tt.ITest), 1}, pick(tt.ITest))
	w("enc_train", split["resp_train"].Shape, split["resp_train"].Data)
	w("enc_test", split["resp_test"].Shape, split["resp_test"].Data)
	_, encStim := vision.EncoderStimuli()
	w("enc_stimuli", encStim.Shape, values(encStim))
	tiltStim, tilt, _ := vision.TiltTrainingSet(nTilt, 12)
	w("tilt_stimuli", tiltStim.Shape, values(tiltStim))
	w("tilt_labels", tilt.Shape, values(tilt))
	if err != nil {
		return err
	}
	relu, soft := Lookup("w2d1_t1_relu").Params(quick), Lookup("w2d1_t4_softmax").Params(quick)
	encH, encW := encStim.Shape[2], encStim.Shape[3]
	nets := []struct {
		name string
		net  nn.Module
	}{
		{"relu", vision.NewDeepNetReLU(n, relu.Int("hidden"), nn.ManualSeed(1))},
		{"softmax", vision.NewDeepNetSoftmax(n, soft.Int("hidden"), soft.Int("classes"), nn.ManualSeed(1))},
		{"cnn", vision.NewCNN(tiltStim.Shape[1], tiltStim.Shape[2], nn.ManualSeed(12))},
		{"convfc", vision.NewConvFC(split["resp_train"].Shape[1], 1, 6, 7, encH*encW, vision.Filters(6, 7, true), nn.ManualSeed(1))},
	}
	inits := Params{}
	for _, nt := range nets {
		sd := nn.GetStateDict(nt.net)
		for i := range sd.Values {
			w(fmt.Sprintf("init_%s_%d", nt.name, i), sd.Shapes[i], sd.Values[i])
		}
		inits[nt.name] = float64(len(sd.Values))
	}
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(manifest{Version: dataVersion, Sizes: sizes, Inits: inits}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(mpath, b, 0o644)
}

func readManifest(dir string) (manifest, error) {
	var m manifest
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return m, err
	}
	err = json.Unmarshal(b, &m)
	return m, err
}

// values copies a tensor's elements as float64 (whatever precision the tensor holds).
func values(t *nn.Tensor) []float64 {
	out := make([]float64, len(t.Data))
	for i, v := range t.Data {
		out[i] = float64(v)
	}
	return out
}

func loadTensor(dir, name string) (*nn.Tensor, error) {
	shape, v, err := ReadNPY(filepath.Join(dir, name+".npy"))
	if err != nil {
		return nil, fmt.Errorf("%w (the harness writes the W2D1 inputs before it starts the workers)", err)
	}
	return nn.FromData(v, shape...), nil
}

func load2(dir, a, b string) (*nn.Tensor, *nn.Tensor, error) {
	x, err := loadTensor(dir, a)
	if err != nil {
		return nil, nil, err
	}
	y, err := loadTensor(dir, b)
	return x, y, err
}

// loadInit puts the shared initial weights init_<name>_<i>.npy into net.
func loadInit(dir, name string, net nn.Module) error {
	sd := nn.GetStateDict(net)
	for i := range sd.Values {
		path := filepath.Join(dir, fmt.Sprintf("init_%s_%d.npy", name, i))
		shape, v, err := ReadNPY(path)
		if err != nil {
			return err
		}
		if len(v) != len(sd.Values[i]) {
			return fmt.Errorf("%s has shape %v, parameter %d of the network has shape %v", path, shape, i, sd.Shapes[i])
		}
		sd.Values[i] = v
	}
	return nn.LoadStateDict(net, sd)
}
