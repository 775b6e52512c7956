package vision

import (
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/rng"
)

func TestStimulusClassAndGetData(t *testing.T) {
	cls := StimulusClass(nn.Column([]float64{0, 17.99, 18, 359}), 20)
	if !slices.Equal(cls.Data, []float64{0, 0, 1, 19}) {
		t.Errorf("StimulusClass = %v", cls.Data)
	}
	// GetData draws rows with replacement, the same rows of data and labels.
	x := nn.FromData([]float64{0, 1, 10, 11, 20, 21}, 3, 2)
	y := nn.Column([]float64{0, 10, 20})
	r, l, err := GetData(5, x, y, rng.New(1))
	if err != nil {
		t.Fatal(err)
	}
	if r.Shape[0] != 5 || l.Shape[0] != 5 {
		t.Fatalf("shapes %v and %v, want 5 rows", r.Shape, l.Shape)
	}
	for i := 0; i < 5; i++ {
		if r.At(i, 0) != l.At(i, 0) || r.At(i, 1) != l.At(i, 0)+1 {
			t.Errorf("row %d: data %v with label %g", i, r.Row(i), l.At(i, 0))
		}
	}
	if _, _, err := GetData(-1, x, y, rng.New(1)); err == nil {
		t.Error("negative count: no error")
	}
}

func TestGaussianFilter1D(t *testing.T) {
	// gaussian_filter1d keeps constants, preserves the sum of a spike away from the edges,
	// and reflects at the edges.
	x := nn.Zeros(50, 2)
	for i := 0; i < 50; i++ {
		x.Data[2*i] = 3
	}
	x.Data[2*25+1] = 1
	y := GaussianFilter1D(x, 5)
	s := 0.0
	for i := 0; i < 50; i++ {
		if math.Abs(y.Data[2*i]-3) > 1e-12 {
			t.Fatalf("constant column smoothed to %g", y.Data[2*i])
		}
		s += y.Data[2*i+1]
	}
	if math.Abs(s-1) > 1e-9 || math.Abs(y.Data[2*25+1]-1/(5*math.Sqrt(2*math.Pi))) > 1e-3 {
		t.Errorf("spike: sum %g, peak %g", s, y.Data[2*25+1])
	}
	// At the edge the kernel folds back: a spike in row 0 keeps all its mass.
	e := nn.Zeros(50, 1)
	e.Data[0] = 1
	if s := nn.Sum(GaussianFilter1D(e, 5)).Item(); math.Abs(s-1) > 1e-9 {
		t.Errorf("edge spike sums to %g, want 1 (reflection)", s)
	}
}

// Neurons tuned to known stimuli are found and sorted by their preference.
func TestPreferredStimulusAndSorting(t *testing.T) {
	const nStim = 72
	prefs := []int{50, 10, 30, 10} // neuron j peaks at stimulus prefs[j]
	resp := nn.Zeros(nStim, len(prefs))
	for i := 0; i < nStim; i++ {
		for j, p := range prefs {
			d := float64(i - p)
			resp.Set(math.Exp(-d*d/50)+0.05*math.Sin(float64(7*i+j)), i, j)
		}
	}
	if got := PreferredStimulus(resp, 5); !slices.Equal(got, prefs) {
		t.Errorf("PreferredStimulus = %v, want %v", got, prefs)
	}
	if got, want := SortByPreference(resp), []int{1, 3, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("SortByPreference = %v, want %v (ties in order)", got, want)
	}
}

// DecodeOrientation trains a classifier on a split and reports its test accuracy: on
// responses that are a noiseless code of the class it decodes every test stimulus.
func TestDecodeOrientationOnAnEasyCode(t *testing.T) {
	const n, nClasses = 90, 3
	ori := make([]float64, n)
	resp := nn.Zeros(n, nClasses)
	for i := range ori {
		ori[i] = 4 * float64(i)
		resp.Set(1, i, int(ori[i])/120)
	}
	ds := &data.Stringer{Resp: resp, Stimuli: nn.Column(ori)}
	sp := ds.MustTrainTestSplit(0.6, 4)
	var res Decoding
	var err error
	out := captureStdout(t, func() {
		res, err = DecodeOrientation(NewDeepNetSoftmax(nClasses, 8, nClasses, nn.ManualSeed(1)), nClasses, nn.NLLLoss(), sp, 300)
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.FractionCorrect != 1 || len(res.TrainLoss) != 300 || len(res.TestLoss) != 300 || len(res.Predicted) != 36 {
		t.Errorf("fraction correct %g, %d train and %d test losses, %d predictions; want 1, 300, 300, 36",
			res.FractionCorrect, len(res.TrainLoss), len(res.TestLoss), len(res.Predicted))
	}
	if !slices.Equal(res.Predicted, res.TestClasses) || !strings.HasSuffix(out, "| test loss: "+fmt.Sprintf("%.4g", res.TestLoss[299])+"\n>>> fraction correct = 1.000\n") {
		t.Errorf("predicted %v for %v; printed %q", res.Predicted, res.TestClasses, out)
	}
}

// captureStdout returns what f prints to standard output.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stdout = old }()
	f()
	w.Close()
	return <-done
}
