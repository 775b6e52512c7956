package neuron

// sparseSum computes nma.Sum — NumPy's pairwise summation, 0 + pairwise(x) — of an
// n-vector x that is +0 except at a few indices, without reading the zeros. Pairwise
// summation splits x into blocks of at most 128 values; a block adds its values into 8 lane
// sums (value j into lane j mod 8), combines the lanes as ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7))
// and adds its last n mod 8 values one by one (a block under 8 values adds them all one by
// one to 0). Here every index feeds one accumulator — its lane, or a slot of its own for the
// values added one by one — and sum combines the accumulators in pairwise's order. Adding +0
// to a sum leaves it unchanged unless the sum is −0, so for values that are never −0 (the
// non-negative peak conductances) the result equals nma.Sum of the dense x bit for bit.
type sparseSum struct {
	slot   []int32   // accumulator of each index
	leaf   []int32   // block of each index
	acc    []float64 // accumulators, +0 between calls
	leaves []ssLeaf  // pairwise's blocks, in order
	adds   []bool    // pairwise's recursion in postfix order: push the next block, or add
	vals   []float64 // the blocks' sums, then the program's stack
}

// ssLeaf is a block of pairwise: with lanes, the 8 lane sums from slot s on combined as a
// tree and then nTail values added one by one; without, nTail values added one by one to 0.
type ssLeaf struct {
	s, nTail int32
	lanes    bool
}

func newSparseSum(n int) *sparseSum {
	z := &sparseSum{slot: make([]int32, n), leaf: make([]int32, n)}
	z.acc = make([]float64, z.build(0, n, 0))
	z.vals = make([]float64, len(z.leaves))
	return z
}

// build assigns the accumulators of x[off:off+n] from slot s on and appends the blocks and
// the program that combines them, following pairwise's recursion; it returns the next free
// slot.
func (z *sparseSum) build(off, n, s int) int {
	switch {
	case n < 8:
		for j := range n {
			z.slot[off+j] = int32(s + j)
			z.leaf[off+j] = int32(len(z.leaves))
		}
		z.leaves = append(z.leaves, ssLeaf{s: int32(s), nTail: int32(n)})
		z.adds = append(z.adds, false)
		return s + n
	case n <= 128:
		whole := n - n%8
		for j := range n {
			if j < whole {
				z.slot[off+j] = int32(s + j%8)
			} else {
				z.slot[off+j] = int32(s + 8 + j - whole)
			}
			z.leaf[off+j] = int32(len(z.leaves))
		}
		z.leaves = append(z.leaves, ssLeaf{lanes: true, s: int32(s), nTail: int32(n % 8)})
		z.adds = append(z.adds, false)
		return s + 8 + n%8
	default:
		n2 := n / 2
		n2 -= n2 % 8
		s = z.build(off+n2, n-n2, z.build(off, n2, s))
		z.adds = append(z.adds, true)
		return s
	}
}

// sum returns nma.Sum of the vector that holds x[i] at the indices idx (increasing) and +0
// elsewhere. A sum tree in which at most two leaves are not +0 adds just those two, so a
// block with one or two values is their sum, and only a block with three or more needs its
// lanes; the blocks' sums are then combined as pairwise combines them.
func (z *sparseSum) sum(idx []int32, x []float64) float64 {
	switch len(idx) {
	case 0:
		return 0 // 0 + a sum of +0s
	case 1:
		return 0 + x[idx[0]]
	case 2:
		return 0 + (x[idx[0]] + x[idx[1]])
	}
	vals := z.vals[:len(z.leaves)]
	clear(vals)
	for j := 0; j < len(idx); {
		b := z.leaf[idx[j]]
		e := j + 1
		for e < len(idx) && z.leaf[idx[e]] == b {
			e++
		}
		switch e - j {
		case 1:
			vals[b] = x[idx[j]]
		case 2:
			vals[b] = x[idx[j]] + x[idx[j+1]]
		default:
			vals[b] = z.block(b, idx[j:e], x)
		}
		j = e
	}
	// combine the blocks in place: pushing block j overwrites nothing still needed, as the
	// stack never holds more entries than blocks pushed so far
	top, next := 0, 0
	for _, add := range z.adds {
		if add {
			top--
			vals[top-1] = vals[top-1] + vals[top]
		} else {
			vals[top] = vals[next]
			top++
			next++
		}
	}
	return 0 + vals[0]
}

// block is pairwise on block b, which holds x[i] at the indices idx and +0 elsewhere.
func (z *sparseSum) block(b int32, idx []int32, x []float64) float64 {
	acc, slot := z.acc, z.slot
	for _, i := range idx {
		acc[slot[i]] += x[i]
	}
	l := z.leaves[b]
	t := acc[l.s : l.s+l.nTail]
	res := 0.0
	if l.lanes {
		a := acc[l.s : l.s+8 : l.s+8]
		res = ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]))
		t = acc[l.s+8 : l.s+8+l.nTail]
	}
	for _, v := range t {
		res += v
	}
	for _, i := range idx {
		acc[slot[i]] = 0
	}
	return res
}
