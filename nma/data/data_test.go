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
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/nn"
)

// TestMain gives the package's tests a user cache folder of their own, so that they generate
// the full-size stand-in (once, into it) instead of reading the user's cached copy.
func TestMain(m *testing.M) {
	cache, err := os.MkdirTemp("", "nma-data-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

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
		if _, _, err := openArrays(file("/good")); err == nil || !strings.Contains(err.Error(), "corrupted") {
			t.Errorf("err = %v, want a corrupted-file error", err)
		}
	})
}

// The loader reads a real file (right md5) from NMA_DATA_DIR in preference to the
// stand-in, and says so; with NMA_DATA=synthetic it ignores it.
func TestLoaderPrefersRealFile(t *testing.T) {
	good := tinyNPZ(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, Ori1.Name), good, 0o644)
	t.Setenv(EnvDir, dir)
	f := Ori1
	f.MD5 = md5hex(good) // the tiny file plays the real one
	arr, src, err := openArrays(f)
	if err != nil || src.Synthetic || src.Path != filepath.Join(dir, Ori1.Name) || arr["resp"].Shape[0] != 3 || !strings.Contains(src.String(), "md5 verified") {
		t.Errorf("real file: src %+v, err %v", src, err)
	}
	t.Setenv(EnvData, "synthetic")
	arr, src, err = openArrays(f)
	if err != nil || !src.Synthetic || arr["resp"].Shape[1] != DefaultSynth().Neurons || !strings.Contains(src.String(), "synthetic stand-in") {
		t.Errorf("forced synthetic: src %+v, err %v", src, err)
	}
	f.Arrays = append(f.Arrays, "missing")
	if _, _, err := openArrays(f); err == nil || !strings.Contains(err.Error(), `no array "missing"`) {
		t.Errorf("missing array: %v", err)
	}
}

// The stand-in has the real files' arrays and shapes (data/reference/nma-week2.md: resp
// 360 × 23589, resp_train and resp_test 60 × 23589) and their semantics.
func TestSyntheticDataSemantics(t *testing.T) {
	t.Setenv(EnvData, "synthetic")
	ds, err := LoadData(1)
	if err != nil {
		t.Fatal(err)
	}
	if !ds.Source.Synthetic || ds.NStimuli() != 360 || ds.NNeurons() != 23589 {
		t.Fatalf("%v (%v), want 23589 neurons × 360 stimuli", ds, ds.Source)
	}
	for i, v := range ds.Stimuli.Data {
		if v != float64(i) {
			t.Fatalf("stimulus %d = %g, want %d", i, v, i)
		}
	}
	// z-scored over trials: every 1° bin has as many trials, so each neuron's mean over the
	// bins is its mean over the trials, 0 (to float32 rounding of values of order 1).
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

// The loaders' stand-in is the generator's output, to float32 rounding (relative 2⁻²⁴).
func TestStandInIsTheGenerators(t *testing.T) {
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
		if len(pair[0]) != len(pair[1]) {
			t.Fatalf("%s: generator %d values, loaded %d", name, len(pair[0]), len(pair[1]))
		}
		for i := range pair[0] {
			if math.Abs(pair[0][i]-pair[1][i]) > 0x1p-24*math.Abs(pair[0][i]) {
				t.Fatalf("%s[%d]: generator %g, loaded %g", name, i, pair[0][i], pair[1][i])
			}
		}
	}
}

// Synthesize's output does not depend on how many goroutines compute it.
func TestSynthesizeIsDeterministic(t *testing.T) {
	p := DefaultSynth()
	p.Neurons = 700 // several blocks of 256 neurons, the last one partial
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	a, _, err := Synthesize(p)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GOMAXPROCS(3)
	b, _, _ := Synthesize(p)
	if !equal(a["resp"].Data, b["resp"].Data) {
		t.Error("resp differs between GOMAXPROCS 1 and 3")
	}
	p.Seed++
	c, _, _ := Synthesize(p)
	if equal(a["resp"].Data, c["resp"].Data) {
		t.Error("another seed gave the same data")
	}
}

// expNeg is e^x to 1e-9 relative error on [−708, 0] (its Taylor remainder is below 2e-10).
func TestExpNeg(t *testing.T) {
	worst, at := 0.0, 0.0
	for i := 0; i <= 708000; i++ {
		x := -float64(i) / 1000
		e := math.Exp(x)
		if d := math.Abs(expNeg(x)-e) / e; d > worst {
			worst, at = d, x
		}
	}
	if worst > 1e-9 {
		t.Errorf("expNeg: relative error %g at x = %g, want ≤ 1e-9", worst, at)
	}
	if expNeg(-709) != 0 || expNeg(0) != 1 {
		t.Errorf("expNeg(−709) = %g (want 0), expNeg(0) = %g (want 1)", expNeg(-709), expNeg(0))
	}
}

// The stand-in is generated on first use into its cache folder, read from there later,
// generated again when its file is corrupted or its manifest unreadable, and in another
// folder for other parameters; two loads at once on an empty cache both succeed.
func TestStandInCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	p := DefaultSynth()
	p.Neurons = 50
	dir := SynthDir(p)
	if !strings.HasPrefix(dir, filepath.Join(cache, "nma-go", "synthetic", "v2-50n-")) {
		t.Errorf("SynthDir = %s, want it under %s/nma-go/synthetic, named v2-50n-…", dir, cache)
	}
	load := func(what string, generated bool) Source {
		t.Helper()
		arr, src, err := openStandIn(Ori1, p)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got := arr["resp"].Shape; !slices.Equal(got, []int{360, 50}) || !src.Synthetic || src.Path != filepath.Join(dir, Ori1.Name) {
			t.Errorf("%s: resp %v, source %+v", what, got, src)
		}
		if (src.Generated > 0) != generated {
			t.Errorf("%s: generated %v, want %v", what, src.Generated, generated)
		}
		return src
	}
	first := load("first load", true)
	if !strings.Contains(first.String(), "generated now in") {
		t.Errorf("Source.String() = %q", first.String())
	}
	if again := load("second load", false); again.Fingerprint != first.Fingerprint || !strings.Contains(again.String(), "read from the cache") {
		t.Errorf("second load: %+v, first %+v", again, first)
	}
	// Each load gets its own arrays (the process keeps a copy: standInMemo).
	a1, _, _ := openStandIn(Ori1, p)
	a1["resp"].Data[0] = 1e9
	if a2, _, _ := openStandIn(Ori1, p); a2["resp"].Data[0] == 1e9 {
		t.Error("a load changed what the next one gets")
	}
	// A flipped byte in the data: the md5 no longer matches the manifest. (The memo sees a
	// changed file by its size and modification time; the time is set a second later here,
	// file times being coarser than this test.)
	path := filepath.Join(dir, Ori1.Name)
	b, _ := os.ReadFile(path)
	b[len(b)/2] ^= 0xff
	os.WriteFile(path, b, 0o644)
	later := time.Now().Add(time.Second)
	os.Chtimes(path, later, later)
	if src := load("corrupted file", true); src.Fingerprint != first.Fingerprint {
		t.Errorf("regenerated md5 %s, first %s: the generator is not deterministic", src.Fingerprint, first.Fingerprint)
	}
	os.WriteFile(filepath.Join(dir, manifestName), []byte("{not json"), 0o644)
	load("unreadable manifest", true)
	os.Remove(path)
	load("missing file", true)
	p2 := p
	p2.Seed++
	if SynthDir(p2) == dir {
		t.Error("another seed, the same folder")
	}
	// Two loads at once on an empty cache.
	os.RemoveAll(filepath.Join(cache, "nma-go"))
	errs := make(chan error, 2)
	fps := make(chan string, 2)
	for range 2 {
		go func() {
			_, src, err := openStandIn(Ori6Split, p)
			errs <- err
			fps <- src.Fingerprint
		}()
	}
	if e1, e2 := <-errs, <-errs; e1 != nil || e2 != nil {
		t.Errorf("concurrent loads: %v, %v", e1, e2)
	}
	if a, b := <-fps, <-fps; a != b {
		t.Errorf("concurrent loads read md5 %s and %s", a, b)
	}
	// A cache folder that cannot be made is an error that names it.
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o644)
	t.Setenv("XDG_CACHE_HOME", blocker)
	if _, _, err := openStandIn(Ori1, p); err == nil || !strings.Contains(err.Error(), "generating the synthetic stand-in") || !strings.Contains(err.Error(), blocker) {
		t.Errorf("unwritable cache: %v, want an error naming %s", err, blocker)
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
