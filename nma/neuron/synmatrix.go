package neuron

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/nma-go/nma-go/nma/internal/hugemem"
)

// SynapseMatrix is a matrix with one row per synapse and one column per recorded time step:
// the presynaptic traces P and the peak conductances ḡ of an STDP run (the course's P and
// gE_bar_update, n × Lt). The course writes both densely at every step (2 × 288 MB for 300
// synapses × 120000 steps); the simulation keeps only what changes them — the presynaptic
// spike steps, the value of ḡ_i after each depression and of every ḡ after each
// postsynaptic spike — and the matrix computes its rows from that on demand, bit for bit the
// values of the dense loop (P by replaying the trace's Euler steps, ḡ by carrying each
// value forward to the next change). Row, Col and At read it; Dense returns the whole
// matrix as the course has it.
type SynapseMatrix struct {
	rows, cols int
	src        matrixSource
}

// matrixSource computes the rows and single values of a SynapseMatrix.
type matrixSource interface {
	fillRow(i int, dst []float64) // dst holds one value per column
	at(i, j int) float64
}

// Dims returns the number of synapses and of recorded steps (0, 0 for a nil matrix).
func (m *SynapseMatrix) Dims() (rows, cols int) {
	if m == nil {
		return 0, 0
	}
	return m.rows, m.cols
}

func (m *SynapseMatrix) checkRow(what string, i int) {
	if r, _ := m.Dims(); i < 0 || i >= r {
		panic(fmt.Sprintf("neuron: SynapseMatrix.%s: row i=%d outside [0, %d)", what, i, r))
	}
}

func (m *SynapseMatrix) checkCol(what string, j int) {
	if _, c := m.Dims(); j < 0 || j >= c {
		panic(fmt.Sprintf("neuron: SynapseMatrix.%s: column j=%d outside [0, %d)", what, j, c))
	}
}

// Row returns row i (synapse i at every recorded step) in a new slice.
func (m *SynapseMatrix) Row(i int) []float64 {
	m.checkRow("Row", i)
	out := make([]float64, m.cols)
	m.src.fillRow(i, out)
	return out
}

// At returns the value of synapse i at recorded step j.
func (m *SynapseMatrix) At(i, j int) float64 {
	m.checkRow("At", i)
	m.checkCol("At", j)
	return m.src.at(i, j)
}

// Col returns column j (every synapse at recorded step j) in a new slice.
func (m *SynapseMatrix) Col(j int) []float64 {
	m.checkCol("Col", j)
	out := make([]float64, m.rows)
	for i := range out {
		out[i] = m.src.at(i, j)
	}
	return out
}

// Dense returns the whole matrix, one row per synapse (for 300 synapses × 120000 steps,
// 288 MB).
func (m *SynapseMatrix) Dense() [][]float64 {
	r, c := m.Dims()
	out := make([][]float64, r)
	flat := hugemem.Make[float64](r * c)
	for i := range out {
		out[i] = flat[i*c : (i+1)*c : (i+1)*c]
		m.src.fillRow(i, out[i])
	}
	return out
}

// weightLog is ḡ of an STDP run as its changes. Synapse i starts at g0[i]. A depression
// at a presynaptic spike in step k (a value of steps[i]) sets it to dep[e] from step k+1
// on, where e is the spike's place in the run's events (ev.ids, ordered by step, then by
// synapse); a spike in the last step depresses nothing: its slot is never written, and step
// k+1 is after every column. The potentiation at postsynaptic spike s in step post[s] sets
// every synapse to potAt(s, i) from step post[s] on; when both take effect at the same step
// the potentiation comes second (it happens in the step itself, the depression in the step
// before). Every step is a column.
type weightLog struct {
	n, lt int
	ev    *events
	g0    []float64
	dep   []float64
	post  []int
	pot   [][]float64 // the values after the potentiations, potChunk spikes a slice
}

// potChunk is the number of postsynaptic spikes whose ḡ one slice of weightLog.pot holds
// (chunks, rather than one growing slice, so that the run never copies them).
const potChunk = 64

// potentiate records g after the potentiation at postsynaptic spike step k.
func (w *weightLog) potentiate(k int, g []float64) {
	if len(w.post)%potChunk == 0 {
		w.pot = append(w.pot, make([]float64, 0, potChunk*w.n))
	}
	w.post = append(w.post, k)
	last := len(w.pot) - 1
	w.pot[last] = append(w.pot[last], g...)
}

// potAt is synapse i's value after the potentiation at postsynaptic spike s.
func (w *weightLog) potAt(s, i int) float64 { return w.pot[s/potChunk][s%potChunk*w.n+i] }

// depAt is the value synapse i has after its depression at step k.
func (w *weightLog) depAt(i, k int) float64 {
	e := w.ev.start[k]
	ids := w.ev.ids[e:w.ev.start[k+1]]
	j, _ := slices.BinarySearch(ids, int32(i))
	return w.dep[int(e)+j]
}

func (w *weightLog) fillRow(i int, dst []float64) {
	s := w.ev.rows[i]
	v, c := w.g0[i], 0
	emit := func(until int) { // the steps before until hold v
		for ; c < min(until, w.lt); c++ {
			dst[c] = v
		}
	}
	d, p := 0, 0
	for d < len(s) || p < len(w.post) {
		if p == len(w.post) || (d < len(s) && s[d]+1 <= w.post[p]) {
			emit(s[d] + 1)
			if c == w.lt {
				return
			}
			v = w.depAt(i, s[d])
			d++
		} else {
			emit(w.post[p])
			v = w.potAt(p, i)
			p++
		}
	}
	emit(math.MaxInt)
}

func (w *weightLog) at(i, k int) float64 {
	s := w.ev.rows[i]
	d := sort.Search(len(s), func(x int) bool { return s[x]+1 > k }) - 1
	p := sort.Search(len(w.post), func(x int) bool { return w.post[x] > k }) - 1
	switch {
	case p >= 0 && (d < 0 || w.post[p] >= s[d]+1):
		return w.potAt(p, i)
	case d >= 0:
		return w.depAt(i, s[d])
	}
	return w.g0[i]
}

// snapshots are ḡ of an STDP run at a few steps: every synapse's value at each column,
// row-major (data[i·cols+j]).
type snapshots struct {
	cols int
	data []float64
}

func (s *snapshots) fillRow(i int, dst []float64) { copy(dst, s.data[i*s.cols:(i+1)*s.cols]) }

func (s *snapshots) at(i, j int) float64 { return s.data[i*s.cols+j] }

// traceLog is P of an STDP run as the presynaptic spike steps (every step is a column):
// P[0] = 0 and P[k+1] = P[k] + ((−dt/τ)·P[k] + A₊) after a spike in step k+1, P[k] +
// (−dt/τ)·P[k] otherwise — the steps runSTDP takes, which equal GenerateP's.
type traceLog struct {
	lt       int
	steps    [][]int
	kP, plus float64
}

func (t *traceLog) fillRow(i int, dst []float64) { t.replay(i, dst[:t.lt]) }

func (t *traceLog) at(i, j int) float64 {
	var buf [256]float64
	if j < len(buf) {
		t.replay(i, buf[:j+1])
		return buf[j]
	}
	row := make([]float64, j+1)
	t.replay(i, row)
	return row[j]
}

// replay writes P of synapse i at steps 0 … len(dst)−1.
func (t *traceLog) replay(i int, dst []float64) {
	if len(dst) == 0 {
		return
	}
	P, k, s := 0.0, 0, t.steps[i]
	dst[0] = 0
	if len(s) > 0 && s[0] == 0 { // a spike in step 0 never enters P
		s = s[1:]
	}
	for _, sk := range s {
		if sk >= len(dst) {
			break
		}
		for ; k+1 < sk; k++ { // decay up to step sk−1
			P = P + float64(t.kP*P)
			dst[k+1] = P
		}
		P = P + (float64(t.kP*P) + t.plus)
		dst[sk] = P
		k = sk
	}
	for ; k+1 < len(dst); k++ {
		P = P + float64(t.kP*P)
		dst[k+1] = P
	}
}
