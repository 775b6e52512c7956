//go:build !amd64 || purego

package neuron

// Without the assembly (other architectures, or the purego tag) the kernels run in plain Go.
var useAVX = false

// decayTraces sets P[i] = P[i] + k·P[i] (the trace step without a spike).
func decayTraces(P []float64, k float64) { decayTracesGo(P, k) }

// addRows4 sets c[k] = c[k] + r0[k] + r1[k] + r2[k] + r3[k] (the rows have len(c) values).
func addRows4(c, r0, r1, r2, r3 []float64) { addRows4Go(c, r0, r1, r2, r3) }

// addRows8 sets c[k] = c[k] + r[0][k] + … + r[7][k] (the rows have len(c) values).
func addRows8(c []float64, r *[8][]float64) { addRows8Go(c, r) }

// nonzeroMasks sets bit j of masks[b] when x[64b+j] is not ±0, for the len(masks) blocks
// of 64 values at the start of x, and reports whether any of those values is neither ±0
// nor 1.
func nonzeroMasks(x []float64, masks []uint64) (bad bool) { return nonzeroMasksGo(x, masks) }
