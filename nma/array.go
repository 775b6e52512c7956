package nma

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// NumPy's binning, sorting and percentile helpers, as W2D1 uses them to bin orientations,
// sort neurons by preference and scale heat maps.

// Digitize returns, for each x, the index i with edges[i−1] ≤ x < edges[i] for increasing
// edges (np.digitize(x, edges)): 0 below the first edge, len(edges) at or above the last.
func Digitize(x, edges []float64) []int {
	out := make([]int, len(x))
	for k, v := range x {
		out[k] = sort.Search(len(edges), func(i int) bool { return edges[i] > v }) // edges ≤ v
	}
	return out
}

// Argsort returns the indices that sort v in increasing order, equal values keeping their
// order (np.argsort(v, kind='stable')).
func Argsort[T cmp.Ordered](v []T) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	return idx
}

// Percentile returns the p-th percentile (0 ≤ p ≤ 100) of v with linear interpolation
// between the closest ranks (np.percentile(v, p)). It is NaN for an empty v.
func Percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	s := slices.Clone(v)
	slices.Sort(s)
	pos := p / 100 * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(s)-1)
	return s[lo] + (pos-float64(lo))*(s[hi]-s[lo])
}
