package gemm

// packA packs rows i0…i0+h−1 (h ≤ mr) and columns p0…p0+kw−1 of op(A) into dst as one
// panel: dst[p·mr+i] = op(A)[i0+i][p0+p], with zeros for the rows i ≥ h.
func (q *problem) packA(dst []float32, i0, h, p0, kw int) {
	dst = dst[:kw*mr]
	if q.acs == 1 { // rows of op(A) contiguous along k
		if h < mr {
			clear(dst)
		}
		for i := 0; i < h; i++ {
			src := q.a[(i0+i)*q.ars+p0:][:kw]
			for p, v := range src {
				dst[p*mr+i] = v
			}
		}
		return
	}
	// Columns of op(A) contiguous along m: op(A)[i][p] = a[i + p·acs].
	for p := 0; p < kw; p++ {
		d := (*[mr]float32)(dst[p*mr : p*mr+mr])
		src := q.a[(p0+p)*q.acs+i0:][:h]
		if h == mr {
			*d = [mr]float32(src)
			continue
		}
		*d = [mr]float32{}
		copy(d[:], src)
	}
}

// packB packs rows p0…p0+kw−1 and columns j0…j0+w−1 (w ≤ nr) of op(B) into dst as one
// panel: dst[p·nr+j] = op(B)[p0+p][j0+j], with zeros for the columns j ≥ w.
func (q *problem) packB(dst []float32, p0, kw, j0, w int) {
	dst = dst[:kw*nr]
	if q.bcs == 1 { // rows of op(B) contiguous along n
		for p := 0; p < kw; p++ {
			d := (*[nr]float32)(dst[p*nr : p*nr+nr])
			src := q.b[(p0+p)*q.brs+j0:][:w]
			if w == nr {
				*d = [nr]float32(src)
				continue
			}
			*d = [nr]float32{}
			copy(d[:], src)
		}
		return
	}
	// Columns of op(B) contiguous along k: op(B)[p][j] = b[p + j·bcs].
	if w < nr {
		clear(dst)
	}
	for j := 0; j < w; j++ {
		src := q.b[(j0+j)*q.bcs+p0:][:kw]
		for p, v := range src {
			dst[p*nr+j] = v
		}
	}
}

// packRows copies rows 0…m−1, columns p0…p0+kw−1 of op(A) into dst as an m×kw
// row-major block (for the dot-product path when op(A) is stored transposed).
func (q *problem) packRows(dst []float32, m, p0, kw int) {
	for p := 0; p < kw; p++ {
		src := q.a[(p0+p)*q.acs:][:m]
		for i, v := range src {
			dst[i*kw+p] = v
		}
	}
}
