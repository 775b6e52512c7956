//go:build !amd64 || purego

package rng

// Without the AVX2 code (other architectures, or the purego tag) gen runs in plain Go.
var useAVX2 = false

func genState(key, out *[mtN]uint32) { genGo(key, out) }

func belowCandidates(words []uint32, hi uint32, bits []uint8) bool { return false }

var useFMA = false

func polarPairs(d, x1, x2, r2 []float64) { polarPairsGo(d, x1, x2, r2) }

func polarAttempts(w []uint32, x1, x2, r2 []float64, idx []int32) int {
	return polarAttemptsGo(w, 0, x1, x2, r2, idx, 0)
}
