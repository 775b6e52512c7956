package gemm

// blocked computes rows i0…i1−1 and columns j0…j1−1 of C with packed panels and the
// 6×16 kernel. With direct, full 16-column panels of op(B) (which must then have
// contiguous rows, bcs == 1) are read in place instead of packed, all rows of the
// range are packed at once and k is cut into longer blocks (the caller uses it when
// the range has few rows).
func (q *problem) blocked(ws *workspace, i0, i1, j0, j1 int, direct bool) {
	mb, nb := i1-i0, j1-j0
	kc := min(kcBlock, q.k)
	mc := min(mcBlock, roundUp(mb, mr))
	pf := 0
	if direct {
		mc = roundUp(mb, mr)
		kc = min(q.k, kcDirect)
		pf = directPrefetch
	}
	nc := min(ncBlock, roundUp(nb, nr))
	aBuf, bBuf, tile := ws.get(mc*kc, kc*nc, mr*nr)
	for jc := j0; jc < j1; jc += nc {
		nw := min(nc, j1-jc)
		for pc := 0; pc < q.k; pc += kc {
			kw := min(kc, q.k-pc)
			beta := q.beta
			if pc > 0 {
				beta = 1
			}
			for jr := 0; jr < nw; jr += nr {
				if w := min(nr, nw-jr); !direct || w < nr {
					q.packB(bBuf[jr*kw:], pc, kw, jc+jr, w)
				}
			}
			for ic := i0; ic < i1; ic += mc {
				mw := min(mc, i1-ic)
				for ir := 0; ir < mw; ir += mr {
					q.packA(aBuf[ir*kw:], ic+ir, min(mr, mw-ir), pc, kw)
				}
				for jr := 0; jr < nw; jr += nr {
					w := min(nr, nw-jr)
					bp, bs, bpf := &bBuf[jr*kw], nr, 0
					if direct && w == nr {
						bp, bs, bpf = &q.b[pc*q.brs+jc+jr], q.brs, pf
					}
					for ir := 0; ir < mw; ir += mr {
						h := min(mr, mw-ir)
						ap := &aBuf[ir*kw]
						if w == nr && q.ccs == 1 {
							kernel(kw, ap, bp, bs, &q.c[(ic+ir)*q.crs+jc+jr], q.crs, h, bpf, q.alpha, beta)
						} else {
							kernel(kw, ap, bp, bs, &tile[0], nr, mr, bpf, 1, 0)
							q.merge(tile, ic+ir, h, jc+jr, w, beta)
						}
						bpf = 0 // the first row panel brought the next B panel in
					}
				}
			}
		}
	}
}

// merge adds the h×w top-left corner of a 6×16 tile into C at (i0, j0):
// C = alpha·tile + beta·C.
func (q *problem) merge(tile []float32, i0, h, j0, w int, beta float32) {
	for i := 0; i < h; i++ {
		t := tile[i*nr : i*nr+w]
		ci := (i0+i)*q.crs + j0*q.ccs
		if beta == 0 {
			for j, v := range t {
				q.c[ci+j*q.ccs] = q.alpha * v
			}
			continue
		}
		for j, v := range t {
			c := &q.c[ci+j*q.ccs]
			*c = q.alpha*v + beta**c
		}
	}
}

// dot computes columns j0…j1−1 of C (all m rows, m small) with the dot-product kernel.
// Columns of op(B) (contiguous along k, brs == 1) are taken six at a time, in groups
// of dotGroup sixes; for each k-block of kcDot, each six (then in L1) is multiplied
// with every pair of rows of op(A) (whose block stays in L2 for the whole group), and
// the dot products are accumulated until the last k-block, then written to C. Rows
// of op(A) are read in place when contiguous along k, and packed once otherwise.
func (q *problem) dot(ws *workspace, j0, j1 int) {
	const six = 6
	m := q.m
	pairs := (m + 1) / 2
	per := pairs * 2 * six // accumulated sums for one six of columns
	var aBuf, acc []float32
	a, ars := q.a, q.ars // row i of op(A) at a[i*ars:]
	if q.acs != 1 {
		aBuf, acc, _ = ws.get(m*q.k, dotGroup*per, 0)
		q.packRows(aBuf, m, 0, q.k)
		a, ars = aBuf, q.k
	} else {
		acc, _, _ = ws.get(dotGroup*per, 0, 0)
	}
	last := (j1 - 1) * q.bcs
	col := func(j, pc int) *float32 { return &q.b[min(j*q.bcs, last)+pc] }
	for jg := j0; jg < j1; jg += six * dotGroup {
		jgEnd := min(j1, jg+six*dotGroup)
		clear(acc)
		for pc := 0; pc < q.k; pc += kcDot {
			kw := min(kcDot, q.k-pc)
			for j := jg; j < jgEnd; j += six {
				x0, x1, x2, x3, x4, x5 := col(j, pc), col(j+1, pc), col(j+2, pc), col(j+3, pc), col(j+4, pc), col(j+5, pc)
				accj := acc[(j-jg)/six*per:]
				for i := 0; i < m; i += 2 {
					out := (*[2 * six]float32)(accj[i*six : i*six+2*six])
					dot(kw, x0, x1, x2, x3, x4, x5, &a[i*ars+pc], &a[min(i+1, m-1)*ars+pc], out)
				}
			}
		}
		for j := jg; j < jgEnd; j += six {
			accj := acc[(j-jg)/six*per:]
			w := min(six, j1-j)
			for i := 0; i < m; i++ {
				out := accj[i/2*2*six+i%2:] // out[2r] is row i of op(A) times column j+r of op(B)
				ci := i*q.crs + j*q.ccs
				for r := 0; r < w; r++ {
					c := &q.c[ci+r*q.ccs]
					if q.beta == 0 {
						*c = q.alpha * out[2*r]
					} else {
						*c = q.alpha*out[2*r] + q.beta**c
					}
				}
			}
		}
	}
}

func roundUp(x, m int) int { return (x + m - 1) / m * m }
