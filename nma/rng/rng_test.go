package rng

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
)

// The reference values in testdata/numpy_legacy.json come from NumPy
// itself (see testdata/gen_fixtures.py), and every value must match bit for
// bit, including those that pass through the C library's log (randn,
// standard_normal, normal, exponential): glibcLog reproduces glibc's log
// exactly (see log.go, log_test.go and testdata/glibc_log.json).

var _ rand.Source = (*RandomState)(nil)

type fixOp struct {
	Op     string          `json:"op"`
	N      int             `json:"n"`
	Loc    float64         `json:"loc"`
	Scale  float64         `json:"scale"`
	Low    json.Number     `json:"low"`
	High   json.Number     `json:"high"`
	Lam    float64         `json:"lam"`
	Trials int64           `json:"trials"`
	P      json.RawMessage `json:"p"`
	A      json.RawMessage `json:"a"`
	X      []int64         `json:"x"`
	Out    json.RawMessage `json:"out"`
}

type fixStream struct {
	Seed   *int64   `json:"seed"`
	Key    []uint32 `json:"key"`
	Global bool     `json:"global"`
	Ops    []fixOp  `json:"ops"`
}

type fixLong struct {
	fixOp
	Seed    int64           `json:"seed"`
	Head    json.RawMessage `json:"head"`
	Sum     json.Number     `json:"sum"`
	FNV1a64 string          `json:"fnv1a64"`
}

type fixture struct {
	NumpyVersion  string      `json:"numpy_version"`
	PythonVersion string      `json:"python_version"`
	Streams       []fixStream `json:"streams"`
	Long          []fixLong   `json:"long"`
	Log           struct {
		Cases [][2]float64 `json:"cases"`
		Libm  [][2]float64 `json:"libm"`
	} `json:"log"`
}

var (
	fixOnce sync.Once
	fix     fixture
	fixErr  error
)

func loadFixture(t testing.TB) *fixture {
	t.Helper()
	fixOnce.Do(func() {
		b, err := os.ReadFile("testdata/numpy_legacy.json")
		if err != nil {
			fixErr = err
			return
		}
		fixErr = json.Unmarshal(b, &fix)
	})
	if fixErr != nil {
		t.Fatalf("loading fixture: %v", fixErr)
	}
	return &fix
}

func mustUnmarshal[T any](t testing.TB, raw json.RawMessage) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decoding %.60s: %v", raw, err)
	}
	return v
}

func mustInt64(t testing.TB, n json.Number) int64 {
	t.Helper()
	v, err := n.Int64()
	if err != nil {
		t.Fatalf("bad int %q: %v", n, err)
	}
	return v
}

func mustFloat(t testing.TB, n json.Number) float64 {
	t.Helper()
	v, err := n.Float64()
	if err != nil {
		t.Fatalf("bad float %q: %v", n, err)
	}
	return v
}

// result is what one op produced, in one of four forms.
type result struct {
	f []float64
	i []int64
	u []uint64
	s []string
}

// apply runs op on r through the public API.
func apply(t testing.TB, r *RandomState, op fixOp) result {
	t.Helper()
	var (
		res result
		err error
	)
	n := op.N
	switch op.Op {
	case "rand":
		res.f, err = r.Rand(n)
	case "random_sample":
		res.f, err = r.RandomSample(n)
	case "float_scalar":
		for range n {
			res.f = append(res.f, r.Float64())
		}
	case "randn":
		res.f, err = r.Randn(n)
	case "standard_normal":
		res.f, err = r.StandardNormal(n)
	case "normal_scalar":
		for range n {
			res.f = append(res.f, r.NormFloat64())
		}
	case "normal":
		res.f, err = r.Normal(op.Loc, op.Scale, n)
	case "uniform":
		res.f, err = r.Uniform(mustFloat(t, op.Low), mustFloat(t, op.High), n)
	case "standard_exponential":
		res.f, err = r.StandardExponential(n)
	case "exponential":
		res.f, err = r.Exponential(op.Scale, n)
	case "randint":
		res.i, err = r.Randint(mustInt64(t, op.Low), mustInt64(t, op.High), n)
	case "uint32":
		for range n {
			res.i = append(res.i, int64(r.Uint32()))
		}
	case "uint64":
		for range n {
			res.u = append(res.u, r.Uint64())
		}
	case "choice_index":
		var idx []int
		idx, err = r.ChoiceIndex(mustUnmarshal[int](t, op.A), n)
		for _, v := range idx {
			res.i = append(res.i, int64(v))
		}
	case "choice":
		res.s, err = Choice(r, mustUnmarshal[[]string](t, op.A), n)
	case "choice_p":
		res.s, err = ChoiceP(r, mustUnmarshal[[]string](t, op.A), n, mustUnmarshal[[]float64](t, op.P))
	case "choice_noreplace":
		res.s, err = ChoiceNoReplace(r, mustUnmarshal[[]string](t, op.A), n)
	case "shuffle", "shuffle_list":
		res.i = append([]int64(nil), op.X...)
		Shuffle(r, res.i)
	case "permutation":
		var p []int
		p, err = r.Permutation(n)
		for _, v := range p {
			res.i = append(res.i, int64(v))
		}
	case "poisson":
		res.i, err = r.Poisson(op.Lam, n)
	case "binomial":
		res.i, err = r.Binomial(op.Trials, op.prob(t), n)
	default:
		t.Fatalf("unknown op %q", op.Op)
	}
	if err != nil {
		t.Fatalf("%s: unexpected error: %v", op.Op, err)
	}
	return res
}

// prob decodes the binomial probability (a scalar "p").
func (op fixOp) prob(t testing.TB) float64 { return mustUnmarshal[float64](t, op.P) }

// compareFloats requires got to match want bit for bit.
func compareFloats(t *testing.T, op string, got, want []float64) {
	t.Helper()
	if len(got) < len(want) {
		t.Fatalf("%s: got %d values, want at least %d", op, len(got), len(want))
	}
	for i, w := range want {
		if g := got[i]; math.Float64bits(g) != math.Float64bits(w) {
			t.Errorf("%s[%d] = %v (%x), NumPy gives %v (%x)", op, i, g, math.Float64bits(g), w, math.Float64bits(w))
		}
	}
}

func compareInts[T int64 | uint64 | string](t *testing.T, op string, got, want []T) {
	t.Helper()
	if len(got) < len(want) {
		t.Fatalf("%s: got %d values, want at least %d", op, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s[%d] = %v, NumPy gives %v", op, i, got[i], want[i])
		}
	}
}

func compareOp(t *testing.T, op fixOp, res result, want json.RawMessage) {
	t.Helper()
	switch {
	case res.f != nil:
		compareFloats(t, op.Op, res.f, mustUnmarshal[[]float64](t, want))
	case res.u != nil:
		compareInts(t, op.Op, res.u, mustUnmarshal[[]uint64](t, want))
	case res.s != nil:
		compareInts(t, op.Op, res.s, mustUnmarshal[[]string](t, want))
	default:
		compareInts(t, op.Op, res.i, mustUnmarshal[[]int64](t, want))
	}
}

func newFromFixture(t *testing.T, s fixStream) *RandomState {
	t.Helper()
	if s.Key != nil {
		r, err := NewFromKey(s.Key)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// Go through Seed (the checked int64 path) on a state that has been
	// used, to check that reseeding resets everything, including the
	// cached Gaussian.
	r := New(12345)
	r.NormFloat64()
	if err := r.Seed(*s.Seed); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestKnownValues(t *testing.T) {
	tests := []struct {
		name string
		seed uint32
		draw func(*RandomState, int) ([]float64, error)
		want []float64
	}{
		{"seed2020/randn", 2020, (*RandomState).Randn, []float64{-1.7688457055759508, 0.07555227120810952, -1.1306297028053423}},
		{"seed2020/rand", 2020, (*RandomState).Rand, []float64{0.9862768288615988, 0.8733919458206546, 0.5097455249715815}},
		{"seed0/random_sample", 0, (*RandomState).RandomSample, []float64{0.5488135039273248, 0.7151893663724195, 0.6027633760716439}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.draw(New(tt.seed), len(tt.want))
			if err != nil {
				t.Fatal(err)
			}
			for i := range tt.want {
				if got[i] != tt.want[i] {
					t.Errorf("value %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestStreams(t *testing.T) {
	f := loadFixture(t)
	t.Logf("fixture from NumPy %s (Python %s)", f.NumpyVersion, f.PythonVersion)
	for _, s := range f.Streams {
		name := "key" + strings.ReplaceAll(fmt.Sprint(s.Key), " ", ",")
		if s.Key == nil {
			name = fmt.Sprintf("seed%d", *s.Seed)
			if s.Global {
				name += "/global"
			}
		}
		t.Run(name, func(t *testing.T) {
			r := newFromFixture(t, s)
			for i, op := range s.Ops {
				res := apply(t, r, op)
				t.Run(fmt.Sprintf("%02d_%s", i, op.Op), func(t *testing.T) {
					compareOp(t, op, res, op.Out)
				})
			}
		})
	}
}

func fnvOf(res result) string {
	h := fnv.New64a()
	var b [8]byte
	if res.f != nil {
		for _, v := range res.f {
			binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
			h.Write(b[:])
		}
	} else {
		for _, v := range res.i {
			binary.LittleEndian.PutUint64(b[:], uint64(v))
			h.Write(b[:])
		}
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

func TestLongStreams(t *testing.T) {
	f := loadFixture(t)
	for _, l := range f.Long {
		t.Run(fmt.Sprintf("seed%d/%s/%v_%v_%v", l.Seed, l.Op, l.Low, l.High, l.Lam), func(t *testing.T) {
			res := apply(t, New(uint32(l.Seed)), l.fixOp)
			compareOp(t, l.fixOp, res, l.Head)
			if res.f != nil {
				sum := 0.0
				for _, v := range res.f {
					sum += v
				}
				if want := mustFloat(t, l.Sum); sum != want {
					t.Errorf("sum of %d values = %v, NumPy gives %v", len(res.f), sum, want)
				}
			} else {
				var sum int64
				for _, v := range res.i {
					sum += v
				}
				if want := mustInt64(t, l.Sum); sum != want {
					t.Errorf("sum of %d values = %d, NumPy gives %d", len(res.i), sum, want)
				}
			}
			if hash := fnvOf(res); hash != l.FNV1a64 {
				t.Errorf("FNV-1a of all %d values = %s, NumPy's are %s", l.N, hash, l.FNV1a64)
			}
		})
	}
}

func TestSeedKeyDiffersFromSeed(t *testing.T) {
	// np.random.seed([2020]) (init_by_array) is not np.random.seed(2020).
	a := New(2020)
	b, err := NewFromKey([]uint32{2020})
	if err != nil {
		t.Fatal(err)
	}
	if a.Uint32() == b.Uint32() {
		t.Error("seed 2020 and key [2020] gave the same first output")
	}
}

func TestGaussCacheAcrossMethods(t *testing.T) {
	// One Gaussian drawn with Randn leaves the second of the pair cached;
	// Normal, StandardNormal and NormFloat64 must consume it first.
	ref := New(7)
	all, _ := ref.Randn(4)

	r := New(7)
	a, _ := r.Randn(1)
	b, _ := r.Normal(0, 1, 1)
	c := r.NormFloat64()
	d, _ := r.StandardNormal(1)
	got := []float64{a[0], b[0], c, d[0]}
	for i := range all {
		if got[i] != all[i] {
			t.Errorf("draw %d = %v, want %v", i, got[i], all[i])
		}
	}
}

func TestZeroSize(t *testing.T) {
	r := New(1)
	before := *r
	checks := []struct {
		name string
		n    int
		err  error
	}{}
	add := func(name string, n int, err error) {
		checks = append(checks, struct {
			name string
			n    int
			err  error
		}{name, n, err})
	}
	x, err := r.Rand(0)
	add("Rand", len(x), err)
	x, err = r.Randn(0)
	add("Randn", len(x), err)
	x, err = r.Normal(0, 1, 0)
	add("Normal", len(x), err)
	ints, err := r.Randint(0, 5, 0)
	add("Randint", len(ints), err)
	p, err := r.Permutation(0)
	add("Permutation", len(p), err)
	s, err := Choice(r, []string{}, 0)
	add("Choice(empty, 0)", len(s), err)
	idx, err := r.ChoiceIndex(0, 0)
	add("ChoiceIndex(0, 0)", len(idx), err)
	s, err = ChoiceP(r, []string{}, 0, nil)
	add("ChoiceP(empty, 0)", len(s), err)
	for _, c := range checks {
		if c.err != nil || c.n != 0 {
			t.Errorf("%s: got len %d, err %v; want empty, nil", c.name, c.n, c.err)
		}
	}
	if *r != before {
		t.Error("zero-size draws changed the generator state")
	}
}

func TestBadInput(t *testing.T) {
	r := New(3)
	negZero := math.Copysign(0, -1)
	tests := []struct {
		name string
		call func() error
		want []string // substrings of the error message
	}{
		{"Rand n<0", func() error { _, err := r.Rand(-1); return err }, []string{"n = -1"}},
		{"RandomSample n<0", func() error { _, err := r.RandomSample(-2); return err }, []string{"n = -2"}},
		{"Randn n<0", func() error { _, err := r.Randn(-3); return err }, []string{"Randn", "n = -3"}},
		{"StandardNormal n<0", func() error { _, err := r.StandardNormal(-1); return err }, []string{"n = -1"}},
		{"Normal scale<0", func() error { _, err := r.Normal(0, -1.5, 3); return err }, []string{"scale = -1.5"}},
		{"Normal scale=-0", func() error { _, err := r.Normal(0, negZero, 3); return err }, []string{"scale = -0"}},
		{"Normal n<0", func() error { _, err := r.Normal(0, 1, -1); return err }, []string{"n = -1"}},
		{"Uniform inf range", func() error { _, err := r.Uniform(0, math.Inf(1), 3); return err }, []string{"high - low", "+Inf"}},
		{"Uniform NaN", func() error { _, err := r.Uniform(math.NaN(), 1, 3); return err }, []string{"NaN"}},
		{"Exponential scale<0", func() error { _, err := r.Exponential(-2, 3); return err }, []string{"scale = -2"}},
		{"StandardExponential n<0", func() error { _, err := r.StandardExponential(-4); return err }, []string{"n = -4"}},
		{"Randint low=high", func() error { _, err := r.Randint(5, 5, 3); return err }, []string{"low = 5", "high = 5"}},
		{"Randint low>high", func() error { _, err := r.Randint(7, -2, 3); return err }, []string{"low = 7", "high = -2"}},
		{"Randint n<0", func() error { _, err := r.Randint(0, 2, -1); return err }, []string{"n = -1"}},
		{"Permutation n<0", func() error { _, err := r.Permutation(-5); return err }, []string{"n = -5"}},
		{"Choice empty", func() error { _, err := Choice(r, []float64{}, 3); return err }, []string{"len(a) = 0", "n = 3"}},
		{"Choice n<0", func() error { _, err := Choice(r, []int{1}, -1); return err }, []string{"n = -1"}},
		{"ChoiceIndex popSize=0", func() error { _, err := r.ChoiceIndex(0, 2); return err }, []string{"popSize = 0"}},
		{"ChoiceIndex popSize<0", func() error { _, err := r.ChoiceIndex(-3, 2); return err }, []string{"popSize = -3"}},
		{"ChoiceNoReplace too many", func() error { _, err := ChoiceNoReplace(r, []int{1, 2}, 3); return err }, []string{"n = 3", "len(a) = 2"}},
		{"ChoiceP empty", func() error { _, err := ChoiceP(r, []int{}, 1, nil); return err }, []string{"len(a) = 0"}},
		{"ChoiceP len", func() error { _, err := ChoiceP(r, []int{1, 2}, 1, []float64{1}); return err }, []string{"len(p) = 1", "len(a) = 2"}},
		{"ChoiceP negative", func() error { _, err := ChoiceP(r, []int{1, 2}, 1, []float64{1.5, -0.5}); return err }, []string{"p[1] = -0.5"}},
		{"ChoiceP NaN", func() error { _, err := ChoiceP(r, []int{1, 2}, 1, []float64{math.NaN(), 1}); return err }, []string{"NaN"}},
		{"ChoiceP sum", func() error { _, err := ChoiceP(r, []int{1, 2}, 1, []float64{0.5, 0.6}); return err }, []string{"sum(p) = 1.1"}},
		{"Poisson lam<0", func() error { _, err := r.Poisson(-1, 2); return err }, []string{"lam = -1"}},
		{"Poisson lam NaN", func() error { _, err := r.Poisson(math.NaN(), 2); return err }, []string{"lam = NaN"}},
		{"Poisson lam huge", func() error { _, err := r.Poisson(1e19, 2); return err }, []string{"lam = 1e+19", "too large"}},
		{"Binomial p>1", func() error { _, err := r.Binomial(10, 1.5, 2); return err }, []string{"p = 1.5"}},
		{"Binomial p NaN", func() error { _, err := r.Binomial(10, math.NaN(), 2); return err }, []string{"p = NaN"}},
		{"Binomial n<0", func() error { _, err := r.Binomial(-1, 0.5, 2); return err }, []string{"n = -1"}},
		{"Binomial size<0", func() error { _, err := r.Binomial(10, 0.5, -2); return err }, []string{"size = -2"}},
		{"Seed<0", func() error { return r.Seed(-1) }, []string{"seed = -1"}},
		{"Seed>=2^32", func() error { return r.Seed(1 << 32) }, []string{"seed = 4294967296"}},
		{"SeedKey empty", func() error { return r.SeedKey(nil) }, []string{"key", "length 0"}},
		{"NewFromKey empty", func() error { _, err := NewFromKey([]uint32{}); return err }, []string{"key", "length 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := *r
			err := tt.call()
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if *r != before {
				t.Error("a rejected call changed the generator state")
			}
		})
	}
}
