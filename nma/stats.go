package nma

import (
	"fmt"
	"math"
	"sort"
)

// Statistics the course computes with NumPy, in one place. They add numbers the way NumPy
// does (Sum), so means, standard deviations and correlations of the course's seeded data equal
// the reference values to the last bit. Input conditions are stated per function; functions
// that cannot fail on any input return a bare value, the others an error naming the input.

// Sum adds x the way NumPy's np.sum (np.add.reduce) does for a contiguous float64 array:
// pairwise summation in blocks of up to 128 values with eight partial sums. Sum(nil) is 0.
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

// Mean is np.mean: Sum(x)/len(x). It is NaN for an empty x (NumPy warns and returns nan).
func Mean(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	return Sum(x) / float64(len(x))
}

// Var is np.var with ddof = 0 (the population variance): the mean of the squared deviations
// from Mean(x), summed as NumPy does. It is NaN for an empty x.
func Var(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	m := Mean(x)
	d := make([]float64, len(x))
	for i, v := range x {
		e := v - m
		d[i] = e * e
	}
	return Sum(d) / float64(len(x))
}

// Std is np.std with ddof = 0, the square root of Var. It is NaN for an empty x.
func Std(x []float64) float64 { return math.Sqrt(Var(x)) }

// Pearson is the sample correlation coefficient of two series of equal length,
// np.corrcoef(a, b)[0, 1] = Σ(a−ā)(b−b̄) / sqrt(Σ(a−ā)² · Σ(b−b̄)²), with NumPy's summation.
// It is NaN when either series is constant or empty, and an error when the lengths differ.
func Pearson(a, b []float64) (float64, error) {
	if len(a) != len(b) {
		return math.NaN(), fmt.Errorf("nma.Pearson: the series have %d and %d values", len(a), len(b))
	}
	if len(a) == 0 {
		return math.NaN(), nil
	}
	ma, mb := Mean(a), Mean(b)
	cov := make([]float64, len(a))
	va := make([]float64, len(a))
	vb := make([]float64, len(a))
	for k := range a {
		da, db := a[k]-ma, b[k]-mb
		cov[k] = da * db
		va[k] = da * da
		vb[k] = db * db
	}
	return Sum(cov) / math.Sqrt(Sum(va)*Sum(vb)), nil
}

// Histogram counts x in the bins given by edges, like np.histogram(x, bins=edges): bin k
// holds edges[k] ≤ x < edges[k+1], the last bin also x = edges[len−1]; values outside the
// edges and NaN are not counted. The counts are float64 (they feed correlations and bar
// heights). Edges must be at least two and non-decreasing, else an error names the first
// offending edge.
func Histogram(x, edges []float64) ([]float64, error) {
	if len(edges) < 2 {
		return nil, fmt.Errorf("nma.Histogram: %d edges, want at least 2", len(edges))
	}
	for k := 1; k < len(edges); k++ {
		if !(edges[k] >= edges[k-1]) {
			return nil, fmt.Errorf("nma.Histogram: edges must increase monotonically (edges[%d]=%g < edges[%d]=%g)", k, edges[k], k-1, edges[k-1])
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

// LinFit fits y ≈ slope·x + intercept by least squares (np.polyfit(x, y, 1)). The series
// must have equal length ≥ 2 and x must not be constant, else an error says which.
func LinFit(x, y []float64) (slope, intercept float64, err error) {
	if len(x) != len(y) || len(x) < 2 {
		return math.NaN(), math.NaN(), fmt.Errorf("nma.LinFit: need two series of equal length ≥ 2, got %d and %d", len(x), len(y))
	}
	mx, my := Mean(x), Mean(y)
	var sxy, sxx float64
	for k := range x {
		sxy += (x[k] - mx) * (y[k] - my)
		sxx += (x[k] - mx) * (x[k] - mx)
	}
	if sxx == 0 {
		return math.NaN(), math.NaN(), fmt.Errorf("nma.LinFit: all x are equal (%g)", x[0])
	}
	slope = sxy / sxx
	return slope, my - slope*mx, nil
}

// Diff is np.diff: the n−1 differences x[k+1] − x[k] (nil for fewer than two values).
func Diff(x []float64) []float64 {
	if len(x) < 2 {
		return nil
	}
	out := make([]float64, len(x)-1)
	for k := range out {
		out[k] = x[k+1] - x[k]
	}
	return out
}
