package gemm

import "unsafe"

// kernel computes the 6×16 tile acc[i][j] = Σ_{p<k} a[6p+i]·b[p·bs+j] from a packed A
// panel a and a B panel b whose rows are bs floats apart, and writes its first rows
// rows (1 to 6): c[i·ldc+j] = alpha·acc[i][j] + beta·c[i·ldc+j] (c is not read when
// beta is zero). k must be at least 1. When pf is not zero the assembly kernel
// prefetches, for each row of B it reads, the line pf bytes further.
func kernel(k int, a, b *float32, bs int, c *float32, ldc, rows, pf int, alpha, beta float32) {
	if useAsm {
		sgemmKernel6x16(k, a, b, bs, c, ldc, rows, pf, alpha, beta)
		return
	}
	kernelGo(k, a, b, bs, c, ldc, rows, alpha, beta)
}

// dot adds to out[2r+c] the twelve dot products Σ_{p<k} x_r[p]·y_c[p] of six rows
// x0…x5 with two rows y0, y1, each k floats long.
func dot(k int, x0, x1, x2, x3, x4, x5, y0, y1 *float32, out *[12]float32) {
	if useAsm {
		sdot6x2(k, x0, x1, x2, x3, x4, x5, y0, y1, out)
		return
	}
	dotGo(k, x0, x1, x2, x3, x4, x5, y0, y1, out)
}

// kernelGo is the pure-Go 6×16 micro-kernel.
func kernelGo(k int, ap, bp *float32, bs int, cp *float32, ldc, rows int, alpha, beta float32) {
	a := unsafe.Slice(ap, k*mr)
	b := unsafe.Slice(bp, (k-1)*bs+nr)
	c := unsafe.Slice(cp, (rows-1)*ldc+nr)
	var acc [mr][nr]float32
	for p := 0; p < k; p++ {
		bv := (*[nr]float32)(b[p*bs : p*bs+nr])
		av := (*[mr]float32)(a[p*mr : p*mr+mr])
		for i := range mr {
			ai := av[i]
			r := &acc[i]
			// Four independent chains per row keep the multiply-adds flowing.
			for j := 0; j < nr; j += 4 {
				r[j] += ai * bv[j]
				r[j+1] += ai * bv[j+1]
				r[j+2] += ai * bv[j+2]
				r[j+3] += ai * bv[j+3]
			}
		}
	}
	for i := range rows {
		row := (*[nr]float32)(c[i*ldc : i*ldc+nr])
		if beta == 0 {
			for j := range nr {
				row[j] = alpha * acc[i][j]
			}
		} else {
			for j := range nr {
				row[j] = alpha*acc[i][j] + beta*row[j]
			}
		}
	}
}

// dotGo is the pure-Go 6×2 dot-product kernel.
func dotGo(k int, x0, x1, x2, x3, x4, x5, y0, y1 *float32, out *[12]float32) {
	if k == 0 {
		return
	}
	ya, yb := unsafe.Slice(y0, k), unsafe.Slice(y1, k)
	for r, xp := range [6]*float32{x0, x1, x2, x3, x4, x5} {
		x := unsafe.Slice(xp, k)
		var s0, s1, t0, t1 float32
		p := 0
		for ; p+1 < k; p += 2 {
			s0 += x[p] * ya[p]
			s1 += x[p] * yb[p]
			t0 += x[p+1] * ya[p+1]
			t1 += x[p+1] * yb[p+1]
		}
		if p < k {
			s0 += x[p] * ya[p]
			s1 += x[p] * yb[p]
		}
		out[2*r] += s0 + t0
		out[2*r+1] += s1 + t1
	}
}
