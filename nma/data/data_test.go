package data

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/nn"
)

func md5hex(b []byte) string { s := md5.Sum(b); return hex.EncodeToString(s[:]) }

// A tiny .npz with the arrays of Ori1.
func tinyNPZ(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := WriteNPZ(&buf, map[string]Array{
		"resp":    {Shape: []int{3, 2}, Data: []float64{1, 2, 3, 4, 5, 6}},
		"stimuli": {Shape: []int{3}, Data: []float64{0, 1, 2}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestNPZRoundTripAndDtypes(t *testing.T) {
	arr, err := ReadNPZBytes(tinyNPZ(t))
	if err != nil {
		t.Fatal(err)
	}
	r := arr["resp"]
	if len(r.Shape) != 2 || r.Shape[0] != 3 || r.Shape[1] != 2 || r.Data[3] != 4 {
		t.Errorf("resp = %+v", r)
	}
	// Fortran order is reordered to C order.
	if got := fortranToC([]float64{1, 4, 2, 5, 3, 6}, []int{2, 3}); !equal(got, []float64{1, 2, 3, 4, 5, 6}) {
		t.Errorf("fortranToC = %v", got)
	}
	for _, v := range []any{[]float32{1.5}, []int64{7}, []int32{-2}, []uint8{9}, []float64{0.25}} {
		if _, err := toFloat64(v); err != nil {
			t.Errorf("%T: %v", v, err)
		}
	}
	if _, err := toFloat64([]string{"x"}); err == nil {
		t.Error("strings converted without error")
	}
	if _, err := ReadNPZBytes([]byte("not a zip")); err == nil || !strings.Contains(err.Error(), "not a NumPy .npz") {
		t.Errorf("garbage: %v", err)
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// serve answers the download tests: the good file, a corrupted one, an error, and a
// transfer cut in the middle.
func serve(t *testing.T, good []byte) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/good", func(w http.ResponseWriter, r *http.Request) { w.Write(good) })
	mux.HandleFunc("/corrupt", func(w http.ResponseWriter, r *http.Request) {
		bad := bytes.Clone(good)
		bad[len(bad)/2] ^= 0xff
		w.Write(bad)
	})
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/cut", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(good)))
		w.Write(good[:len(good)/3])
		hj, ok := w.(http.Hijacker)
		if !ok {
			t.Error("server cannot hijack")
			return
		}
		conn, _, _ := hj.Hijack()
		conn.Close()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestDownload(t *testing.T) {
	good := tinyNPZ(t)
	srv := serve(t, good)
	file := func(path string) File {
		return File{Name: "tiny.npz", URL: srv.URL + path, MD5: md5hex(good), Arrays: []string{"resp"}}
	}
	noPartials := func(t *testing.T, dir string) {
		t.Helper()
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.Contains(e.Name(), ".part-") || e.Name() == "tiny.npz" {
				t.Errorf("left %s behind", e.Name())
			}
		}
	}
	ctx := context.Background()

	t.Run("good", func(t *testing.T) {
		dir := t.TempDir()
		var log bytes.Buffer
		var calls [][2]int64
		p, err := Download(ctx, file("/good"), dir, DownloadOptions{Client: srv.Client(), Log: &log,
			Progress: func(done, total int64) { calls = append(calls, [2]int64{done, total}) }})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		if !bytes.Equal(b, good) {
			t.Error("downloaded bytes differ")
		}
		checkProgress(t, calls, int64(len(good)))
		if !strings.Contains(log.String(), "md5 "+md5hex(good)+" verified") {
			t.Errorf("log: %q", log.String())
		}
		st, _ := Verify(dir, []File{file("/good")})
		if !st[0].OK() {
			t.Errorf("Verify: %v", st[0])
		}
		// A second call keeps the verified file.
		log.Reset()
		calls = nil
		if _, err := Download(ctx, file("/error"), dir, DownloadOptions{Client: srv.Client(), Log: &log,
			Progress: func(done, total int64) { calls = append(calls, [2]int64{done, total}) }}); err != nil || !strings.Contains(log.String(), "already present") || calls != nil {
			t.Errorf("existing verified file: %v, %q, progress %v", err, log.String(), calls)
		}
	})
	t.Run("corrupted", func(t *testing.T) {
		dir := t.TempDir()
		_, err := Download(ctx, file("/corrupt"), dir, DownloadOptions{Client: srv.Client()})
		if !errors.Is(err, ErrCorrupted) || !strings.Contains(err.Error(), "expected "+md5hex(good)) {
			t.Errorf("err = %v, want a corrupted-download error naming the md5", err)
		}
		noPartials(t, dir)
	})
	t.Run("server error", func(t *testing.T) {
		dir := t.TempDir()
		_, err := Download(ctx, file("/error"), dir, DownloadOptions{Client: srv.Client()})
		if err == nil || !strings.Contains(err.Error(), "500") {
			t.Errorf("err = %v, want the 500 status", err)
		}
		noPartials(t, dir)
	})
	t.Run("interrupted", func(t *testing.T) {
		dir := t.TempDir()
		_, err := Download(ctx, file("/cut"), dir, DownloadOptions{Client: srv.Client()})
		if err == nil || !strings.Contains(err.Error(), "interrupted") {
			t.Errorf("err = %v, want an interrupted download", err)
		}
		noPartials(t, dir)
	})
	t.Run("corrupted file on disk is refused by the loader", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "tiny.npz"), []byte("junk"), 0o644)
		t.Setenv(EnvDir, dir)
		if _, _, err := openArrays(file("/good"), fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "corrupted") {
			t.Errorf("err = %v, want a corrupted-file error", err)
		}
	})
}

// The loader reads a real file (right md5) from NMA_DATA_DIR in preference to the embedded
// data, and says so; with NMA_DATA=synthetic it ignores it.
func TestLoaderPrefersRealFile(t *testing.T) {
	good := tinyNPZ(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tiny.npz"), good, 0o644)
	t.Setenv(EnvDir, dir)
	f := File{Name: "tiny.npz", MD5: md5hex(good), Arrays: []string{"resp", "stimuli"}}
	embedded := fstest.MapFS{"tiny.npz": {Data: good}}
	arr, src, err := openArrays(f, embedded)
	if err != nil || src.Synthetic || src.Path != filepath.Join(dir, "tiny.npz") || arr["resp"].Shape[0] != 3 {
		t.Errorf("real file: src %+v, err %v", src, err)
	}
	t.Setenv(EnvData, "synthetic")
	_, src, err = openArrays(f, embedded)
	if err != nil || !src.Synthetic || !strings.Contains(src.String(), "synthetic") {
		t.Errorf("forced synthetic: src %+v, err %v", src, err)
	}
	f.Arrays = append(f.Arrays, "missing")
	if _, _, err := openArrays(f, embedded); err == nil || !strings.Contains(err.Error(), `no array "missing"`) {
		t.Errorf("missing array: %v", err)
	}
}

// The embedded synthetic data have the real files' arrays and shapes semantics.
func TestSyntheticDataSemantics(t *testing.T) {
	t.Setenv(EnvData, "synthetic")
	ds, err := LoadData(1)
	if err != nil {
		t.Fatal(err)
	}
	if !ds.Source.Synthetic || ds.NStimuli() != 360 || ds.NNeurons() != DefaultSynth().Neurons {
		t.Fatalf("%v (%v)", ds, ds.Source)
	}
	for i, v := range ds.Stimuli.Data {
		if v != float64(i) {
			t.Fatalf("stimulus %d = %g, want %d", i, v, i)
		}
	}
	// z-scored over stimuli: every 1° bin has as many trials, so each neuron's mean is 0.
	n := ds.NNeurons()
	for j := 0; j < n; j += 97 {
		m := 0.0
		for _, v := range ds.Resp.Col(j) {
			m += v
		}
		if math.Abs(m/360) > 1e-5 {
			t.Errorf("neuron %d: mean response %g, want 0", j, m/360)
		}
	}
	sp, err := LoadDataSplit()
	if err != nil {
		t.Fatal(err)
	}
	if sp.RespTrain.Shape[0] != 60 || sp.RespTest.Shape[0] != 60 || sp.NNeurons() != n || sp.Stimuli.Data[0] != 3 || sp.Stimuli.Data[59] != 357 {
		t.Fatalf("split shapes %v %v, stimuli %v…", sp.RespTrain.Shape, sp.RespTest.Shape, sp.Stimuli.Data[:2])
	}
	// Train and test tuning curves come from disjoint trials: similar for tuned neurons, never equal.
	var rs []float64
	same := 0
	for j := 0; j < n; j++ {
		a, b := sp.RespTrain.Col(j), sp.RespTest.Col(j)
		if equal(a, b) {
			same++
		}
		r, _ := nma.Pearson(a, b)
		rs = append(rs, r)
	}
	if same > 0 {
		t.Errorf("%d neurons have identical train and test curves", same)
	}
	// Heterogeneous reliability: most neurons noisy, a tenth very reliable.
	if med, p90 := nma.Percentile(rs, 50), nma.Percentile(rs, 90); med < 0.15 || p90 < 0.6 {
		t.Errorf("train/test tuning correlation: median %.2f (want ≥ 0.15), 90th percentile %.2f (want ≥ 0.6)", med, p90)
	}
	// Binning at 6° gives 60 stimuli at the bin means.
	d6, _ := LoadData(6)
	if d6.NStimuli() != 60 || d6.Stimuli.Data[0] != 2.5 {
		t.Errorf("6° bins: %d stimuli, first at %g (want 60, 2.5)", d6.NStimuli(), d6.Stimuli.Data[0])
	}
	// Orientation tuning: population responses 180° apart are alike, 90° apart opposite.
	c180, _ := nma.Pearson(d6.Resp.Row(5), d6.Resp.Row(35))
	c90, _ := nma.Pearson(d6.Resp.Row(5), d6.Resp.Row(20))
	t.Logf("train/test r median %.2f, p90 %.2f; population r at 180° %.2f, at 90° %.2f", nma.Percentile(rs, 50), nma.Percentile(rs, 90), c180, c90)
	if !(c180 > 0.3 && c90 < 0) {
		t.Errorf("population correlation at 180° %.2f (want > 0.3), at 90° %.2f (want < 0)", c180, c90)
	}
	dt, _ := LoadDataTilt()
	if dt.NStimuli() != 181 || dt.Stimuli.Data[0] != -90 || dt.Stimuli.Data[180] != 90 {
		t.Errorf("tilt data: %d stimuli from %g to %g, want 181 from −90 to 90", dt.NStimuli(), dt.Stimuli.Data[0], dt.Stimuli.Data[180])
	}
}

// The embedded files are exactly what the documented generator makes.
func TestEmbeddedDataMatchGenerator(t *testing.T) {
	t.Setenv(EnvData, "synthetic")
	ori1, split, err := Synthesize(DefaultSynth())
	if err != nil {
		t.Fatal(err)
	}
	ds := MustLoadData(1)
	sp := MustLoadDataSplit()
	for name, pair := range map[string][2][]float64{
		"resp": {ori1["resp"].Data, ds.Resp.Data}, "resp_train": {split["resp_train"].Data, sp.RespTrain.Data},
		"resp_test": {split["resp_test"].Data, sp.RespTest.Data},
	} {
		for i := range pair[0] {
			if math.Abs(pair[0][i]-pair[1][i]) > 1e-6*math.Max(1, math.Abs(pair[0][i])) {
				t.Fatalf("%s[%d]: generator %g, embedded %g — regenerate with `go generate ./data/synthetic`", name, i, pair[0][i], pair[1][i])
			}
		}
	}
}

func TestSynthesizeValidates(t *testing.T) {
	p := DefaultSynth()
	p.Neurons = 0
	if _, _, err := Synthesize(p); err == nil || !strings.Contains(err.Error(), "Neurons=0") {
		t.Errorf("err = %v", err)
	}
	p = DefaultSynth()
	p.TunedFraction = 2
	if _, _, err := Synthesize(p); err == nil || !strings.Contains(err.Error(), "TunedFraction=2") {
		t.Errorf("err = %v", err)
	}
	if _, err := LoadData(0); err == nil || !strings.Contains(err.Error(), "binWidth=0") {
		t.Errorf("LoadData(0): %v", err)
	}
}

func TestTrainTestSplit(t *testing.T) {
	// Split with seed 4: 216 train, 144 test, disjoint, covering all.
	ds := &Stringer{Resp: nn.Zeros(360, 2), Stimuli: nn.Column(make([]float64, 360))}
	sp := ds.MustTrainTestSplit(0.6, 4)
	seen := map[int]bool{}
	for _, i := range append(append([]int{}, sp.ITrain...), sp.ITest...) {
		seen[i] = true
	}
	if len(sp.ITrain) != 216 || len(sp.ITest) != 144 || len(seen) != 360 {
		t.Errorf("split %d/%d covering %d", len(sp.ITrain), len(sp.ITest), len(seen))
	}
}

func TestFingerprintIdentifiesTheData(t *testing.T) {
	t.Setenv(EnvData, "synthetic")
	a, b := MustLoadData(1), MustLoadDataSplit()
	if len(a.Source.Fingerprint) != 32 || a.Source.Fingerprint == b.Source.Fingerprint {
		t.Errorf("fingerprints %q and %q: want two different md5s", a.Source.Fingerprint, b.Source.Fingerprint)
	}
}
