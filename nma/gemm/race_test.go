//go:build race

package gemm

// The race detector makes sync.Pool drop objects at random, so allocation counts are
// not meaningful under it.
const raceEnabled = true
