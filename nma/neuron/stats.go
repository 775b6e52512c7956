package neuron

import (
	"fmt"
	"math"
	"sort"

	"github.com/nma-go/nma-go/nma/rng"
)

// Sum adds x the way NumPy's np.sum (np.add.reduce) does for a contiguous float64 array:
// pairwise summation in blocks of up to 128 values with eight partial sums, so means,
// standard deviations and correlations computed with it equal NumPy's to the last bit.
func Sum(x []float64) float64 { return 0 + pairwise(x) }

func pairwise(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		res := 0.0
		for _, v := range a {
			res += v
		}
		return res
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			r[0] += a[i]
			r[1] += a[i+1]
			r[2] += a[i+2]
			r[3] += a[i+3]
			r[4] += a[i+4]
			r[5] += a[i+5]
			r[6] += a[i+6]
			r[7] += a[i+7]
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += a[i]
		}
		return res
	default:
		n2 := n / 2
		n2 -= n2 % 8
		return pairwise(a[:n2]) + pairwise(a[n2:])
	}
}

// Mean is np.mean: Sum(x)/len(x) (NaN for no values).
func Mean(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	return Sum(x) / float64(len(x))
}

// Std is np.std with ddof = 0 (the population standard deviation), computed as NumPy does.
func Std(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	m := Mean(x)
	d := make([]float64, len(x))
	for i, v := range x {
		e := v - m
		d[i] = e * e
	}
	return math.Sqrt(Sum(d) / float64(len(x)))
}

// ISICV returns the inter-spike intervals of sorted spike times, np.diff(spikeTimes), and
// their coefficient of variation CV_ISI = std(ISI)/mean(ISI) (population std). With fewer
// than two spikes there is no interval: isi is nil and cv is NaN (the course's isi_cv_LIF).
func ISICV(spikeTimes []float64) (isi []float64, cv float64) {
	if len(spikeTimes) < 2 {
		return nil, math.NaN()
	}
	isi = make([]float64, len(spikeTimes)-1)
	for k := range isi {
		isi[k] = spikeTimes[k+1] - spikeTimes[k]
	}
	return isi, Std(isi) / Mean(isi)
}

// PearsonCC is the sample correlation coefficient of two series of equal length (the
// course's my_CC), Σ(i−ī)(j−j̄) / sqrt(Σ(i−ī)² · Σ(j−j̄)²), with NumPy's summation. It is NaN
// when either series is constant, and an error when the lengths differ.
func PearsonCC(i, j []float64) (float64, error) {
	if len(i) != len(j) {
		return math.NaN(), fmt.Errorf("neuron.PearsonCC: the series have %d and %d values", len(i), len(j))
	}
	mi, mj := Mean(i), Mean(j)
	cov := make([]float64, len(i))
	vi := make([]float64, len(i))
	vj := make([]float64, len(i))
	for k := range i {
		di, dj := i[k]-mi, j[k]-mj
		cov[k] = di * dj
		vi[k] = di * di
		vj[k] = dj * dj
	}
	return Sum(cov) / math.Sqrt(Sum(vi)*Sum(vj)), nil
}

// Histogram counts x in the bins given by increasing edges, like np.histogram(x, bins=edges):
// bin k holds edges[k] ≤ x < edges[k+1], the last bin also x = edges[len−1]; values outside
// the edges (and NaN) are not counted. The counts are returned as float64 (they feed
// correlations).
func Histogram(x, edges []float64) ([]float64, error) {
	if len(edges) < 2 {
		return nil, fmt.Errorf("neuron.Histogram: %d edges, want at least 2", len(edges))
	}
	for k := 1; k < len(edges); k++ {
		if !(edges[k] >= edges[k-1]) {
			return nil, fmt.Errorf("neuron.Histogram: edges must increase monotonically (edges[%d]=%g < edges[%d]=%g)", k, edges[k], k-1, edges[k-1])
		}
	}
	nb := len(edges) - 1
	counts := make([]float64, nb)
	last := edges[nb]
	for _, v := range x {
		if math.IsNaN(v) || v < edges[0] || v > last {
			continue
		}
		if v == last {
			counts[nb-1]++
			continue
		}
		k := sort.SearchFloat64s(edges, v) // first edge ≥ v
		if k < len(edges) && edges[k] == v {
			// v sits on edge k: it belongs to the last bin starting there (edges may repeat)
			for k+1 < len(edges) && edges[k+1] == v {
				k++
			}
			counts[min(k, nb-1)]++
			continue
		}
		counts[k-1]++
	}
	return counts, nil
}

// LinFit fits y ≈ slope·x + intercept by least squares (np.polyfit(x, y, 1)).
func LinFit(x, y []float64) (slope, intercept float64, err error) {
	if len(x) != len(y) || len(x) < 2 {
		return math.NaN(), math.NaN(), fmt.Errorf("neuron.LinFit: need two series of equal length ≥ 2, got %d and %d", len(x), len(y))
	}
	mx, my := Mean(x), Mean(y)
	var sxy, sxx float64
	for k := range x {
		sxy += (x[k] - mx) * (y[k] - my)
		sxx += (x[k] - mx) * (x[k] - mx)
	}
	if sxx == 0 {
		return math.NaN(), math.NaN(), fmt.Errorf("neuron.LinFit: all x are equal (%g)", x[0])
	}
	slope = sxy / sxx
	return slope, my - slope*mx, nil
}

// FICurve returns the spike counts of the LIF neuron over p.T for each mean current in iMean
// (pA), driven by GWN with standard deviation sig and seed (gwn), and by the DC current
// alone (dc) — Interactive Demo 3A. As in the course, every mean current gets the same noise
// (each my_GWN call reseeds with the same seed).
func FICurve(p Pars, iMean []float64, sig float64, seed uint32) (gwn, dc []int, err error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	if !(sig >= 0) || math.IsInf(sig, 0) {
		return nil, nil, fmt.Errorf("neuron.FICurve: sig=%g must be a non-negative number", sig)
	}
	xi, err := rng.New(seed).Randn(p.Lt())
	if err != nil {
		return nil, nil, err
	}
	s := math.Sqrt(p.Dt / 1000)
	lt := p.Lt()
	in, v := make([]float64, lt), make([]float64, lt)
	gwn, dc = make([]int, len(iMean)), make([]int, len(iMean))
	for i, mu := range iMean {
		for k, x := range xi {
			in[k] = mu + float64(sig*x)/s
		}
		gwn[i] = countLIF(p, in, v)
		for k := range in {
			in[k] = mu
		}
		dc[i] = countLIF(p, in, v)
	}
	return gwn, dc, nil
}

// CVCurve returns the spike count and CV_ISI of the LIF neuron over p.T for each mean current
// in iMean (pA) driven by GWN with standard deviation sig, each mean with fresh noise drawn
// from r in order — Interactive Demo 3B. The CV is NaN when there are 3 spikes or fewer.
func CVCurve(r *rng.RandomState, p Pars, iMean []float64, sig float64) (counts []int, cv []float64, err error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	counts, cv = make([]int, len(iMean)), make([]float64, len(iMean))
	v := make([]float64, p.Lt())
	for i, mu := range iMean {
		in, err := GWNFrom(r, p, mu, sig)
		if err != nil {
			return nil, nil, err
		}
		_, sp := runLIF(p, in, v)
		counts[i] = len(sp)
		cv[i] = math.NaN()
		if len(sp) > 3 {
			_, cv[i] = ISICV(sp)
		}
	}
	return counts, cv, nil
}
