package rsa

import (
	"math"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/nn"
)

func TestRDMKnownValues(t *testing.T) {
	// Rows: r, 2r+1 (perfectly correlated), −r (anti-correlated), and an orthogonal pattern.
	resp := nn.FromData([]float64{
		1, 2, 3, 4,
		3, 5, 7, 9,
		-1, -2, -3, -4,
		1, -1, -1, 1,
	}, 4, 4)
	m, err := RDM(resp)
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]int]float64{{0, 0}: 0, {0, 1}: 0, {0, 2}: 2, {0, 3}: 1, {1, 2}: 2, {3, 3}: 0}
	for ij, v := range want {
		if got := m.At(ij[0], ij[1]); math.Abs(got-v) > 1e-12 {
			t.Errorf("M[%d,%d] = %g, want %g", ij[0], ij[1], got, v)
		}
		if m.At(ij[0], ij[1]) != m.At(ij[1], ij[0]) {
			t.Errorf("M is not symmetric at %v", ij)
		}
	}
	if _, err := RDM(nn.Zeros(0, 3)); err == nil || !strings.Contains(err.Error(), "non-empty 2-D") {
		t.Errorf("empty input: %v", err)
	}
	z := ZScoreRows(nn.FromData([]float64{1, 2, 3, 5, 5, 5}, 2, 3))
	if math.Abs(z.At(0, 0)+math.Sqrt(1.5)) > 1e-12 || z.At(1, 1) != 0 {
		t.Errorf("zscore rows = %v", z.Data)
	}
}

func TestCorrelateRDMs(t *testing.T) {
	g := nn.ManualSeed(4)
	a := MustRDM(nn.FromData(g.Normal(0, 1, 10*30), 10, 30))
	b := MustRDM(nn.FromData(g.Normal(0, 1, 10*30), 10, 30))
	if r, _ := CorrelateRDMs(a, a); math.Abs(r-1) > 1e-12 {
		t.Errorf("corr(a, a) = %g, want 1", r)
	}
	// Affine changes of an RDM do not change the correlation.
	c := nn.Add(nn.Scale(3, a), nn.Full(0.5, 10, 10))
	if r, _ := CorrelateRDMs(a, c); math.Abs(r-1) > 1e-12 {
		t.Errorf("corr(a, 3a+0.5) = %g, want 1", r)
	}
	r, _ := CorrelateRDMs(a, b)
	if math.Abs(r) > 0.5 {
		t.Errorf("independent RDMs correlate %g", r)
	}
	// Only the upper triangle counts: changing the diagonal or the lower triangle changes nothing.
	d := a.Clone()
	d.Set(5, 3, 1)
	d.Set(1, 7, 7)
	if r2, _ := CorrelateRDMs(d, b); math.Abs(r2-r) > 1e-12 {
		t.Errorf("lower triangle/diagonal changed the correlation: %g vs %g", r2, r)
	}
	if _, err := CorrelateRDMs(a, nn.Zeros(9, 9)); err == nil {
		t.Error("different sizes: no error")
	}
	if got := OffDiagonal(nn.FromData([]float64{0, 1, 2, 1, 0, 3, 2, 3, 0}, 3, 3)); len(got) != 3 || got[0] != 1 || got[1] != 2 || got[2] != 3 {
		t.Errorf("OffDiagonal = %v, want [1 2 3]", got)
	}
}

func TestPCA(t *testing.T) {
	// Points on a line in 3-D plus tiny noise: one component carries nearly all variance.
	g := nn.ManualSeed(2)
	s := g.Normal(0, 3, 50)
	e := g.Normal(0, 0.01, 150)
	x := nn.Zeros(50, 3)
	for i := range s {
		x.Data[3*i], x.Data[3*i+1], x.Data[3*i+2] = s[i]+e[3*i], 2*s[i]+e[3*i+1], -s[i]+e[3*i+2]
	}
	sc, err := PCA(x, 2)
	if err != nil {
		t.Fatal(err)
	}
	v1, v2 := nma.Var(sc.Col(0)), nma.Var(sc.Col(1))
	total := nma.Var(x.Col(0)) + nma.Var(x.Col(1)) + nma.Var(x.Col(2))
	if v1 < 0.999*total || v2 > 1e-3*total {
		t.Errorf("component variances %g, %g of total %g", v1, v2, total)
	}
	if _, err := PCA(x, 4); err == nil || !strings.Contains(err.Error(), "nComponents=4") {
		t.Errorf("too many components: %v", err)
	}
}

// Three well-separated clusters stay separated, and the layout is far better than random.
func TestTSNESeparatesClusters(t *testing.T) {
	g := nn.ManualSeed(9)
	n := 60
	x := nn.Zeros(n, 5)
	for i := 0; i < n; i++ {
		for k := 0; k < 5; k++ {
			x.Data[5*i+k] = g.Normal(0, 0.3, 1)[0]
		}
		x.Data[5*i+i%3] += 10
	}
	y, err := TSNE(x, DefaultTSNE())
	if err != nil {
		t.Fatal(err)
	}
	// Mean distance within clusters ≪ between clusters.
	within, between, nw, nb := 0.0, 0.0, 0.0, 0.0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			d := math.Hypot(y.Data[2*i]-y.Data[2*j], y.Data[2*i+1]-y.Data[2*j+1])
			if i%3 == j%3 {
				within += d
				nw++
			} else {
				between += d
				nb++
			}
		}
	}
	if within/nw*3 > between/nb {
		t.Errorf("within-cluster distance %g, between %g: clusters not separated", within/nw, between/nb)
	}
	kl, _ := KLDivergence(x, y, 30)
	rnd, _ := KLDivergence(x, nn.FromData(g.Normal(0, 1, 2*n), n, 2), 30)
	if !(kl < 0.5*rnd) {
		t.Errorf("KL of the t-SNE layout %g, of a random layout %g", kl, rnd)
	}
	if _, err := TSNE(x, TSNEParams{Perplexity: 100, Iters: 10, LearningRate: 1}); err == nil || !strings.Contains(err.Error(), "Perplexity=100") {
		t.Errorf("perplexity above n: %v", err)
	}
}

// Embed gives one 2-D point per stimulus, from PCA (at most 20 components) and t-SNE, and the
// same points on every call (random_state 0); it refuses what is not a matrix.
func TestEmbed(t *testing.T) {
	g := nn.ManualSeed(1)
	resp := nn.FromData(g.Normal(0, 1, 40*8), 40, 8)
	a, err := Embed(resp)
	if err != nil {
		t.Fatal(err)
	}
	if a.Shape[0] != 40 || a.Shape[1] != 2 {
		t.Errorf("embedding shape %v, want [40 2]", a.Shape)
	}
	b, _ := Embed(resp)
	for i := range a.Data {
		if a.Data[i] != b.Data[i] {
			t.Fatal("two embeddings of the same responses differ")
		}
	}
	if _, err := Embed(nn.Zeros(5)); err == nil || !strings.Contains(err.Error(), "rsa.Embed") {
		t.Errorf("1-D input: %v", err)
	}
}

func BenchmarkTSNE181(b *testing.B) {
	g := nn.ManualSeed(1)
	x := nn.FromData(g.Normal(0, 1, 181*20), 181, 20)
	for b.Loop() {
		TSNE(x, DefaultTSNE())
	}
}

// Tutorial 3's V1 RDM at the course's size: 181 stimuli × 23589 neurons.
func BenchmarkRDM181x23589(b *testing.B) {
	g := nn.ManualSeed(1)
	x := nn.FromData(g.Normal(0, 1, 181*23589), 181, 23589)
	for b.Loop() {
		RDM(x)
	}
}
