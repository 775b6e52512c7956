//go:build !purego

package rng

import (
	"math"

	"golang.org/x/sys/cpu"
)

// useAVX2 selects the AVX2 code (which also uses BMI2's PEXT and POPCNT; tests turn it off
// to compare with the plain Go).
var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasBMI2 && cpu.X86.HasPOPCNT

// twist8 is 8n words of mt19937_gen and their tempering in AVX2 assembly (see the .s file).
//
//go:noescape
func twist8(dst, next, m, out *uint32, n int)

// scanPairs marks the word pairs whose first word, shifted right by 5, is at most hi.
//
//go:noescape
func scanPairs(words *uint32, n int, hi uint32, bits *uint8)

// genState is genGo in AVX2, 8 words at a time: words 0 … 223 read key[i+1 … i+8] and
// key[i+397 …], all old; the block 224 … 231 reads its m from key[621 … 623] (old) and
// key[0 … 4] (new); words 232 … 615 read key[i−227 …] (new); the last block reads its
// next word key[624] as key[0] (new).
func genState(key, out *[mtN]uint32) {
	if !useAVX2 {
		genGo(key, out)
		return
	}
	twist8(&key[0], &key[1], &key[mtM], &out[0], 28)
	var m [8]uint32
	copy(m[:3], key[621:624])
	copy(m[3:], key[0:5])
	twist8(&key[224], &key[225], &m[0], &out[224], 1)
	twist8(&key[232], &key[233], &key[232+mtM-mtN], &out[232], 48)
	var next [8]uint32
	copy(next[:7], key[617:624])
	next[7] = key[0]
	twist8(&key[616], &next[0], &key[616+mtM-mtN], &out[616], 1)
}

// belowCandidates sets bit j%8 of bits[j/8] when words[2j]>>5 <= hi, for j < 8·len(bits)
// (words holds 16·len(bits) words), and reports whether it could (AVX2). hi < 2^31 − 1.
func belowCandidates(words []uint32, hi uint32, bits []uint8) bool {
	if !useAVX2 || len(bits) == 0 {
		return useAVX2
	}
	_ = words[16*len(bits)-1]
	scanPairs(&words[0], 8*len(bits), hi, &bits[0])
	return true
}

// polar4 is polarPairsGo on 4n accepted attempts in AVX2 and FMA assembly, with glibcLog's
// main path only (see the .s file).
//
//go:noescape
func polar4(d, x1, x2, r2 *float64, n int, c *[14][4]uint64)

// polarConst are polar4's constants, each in four lanes: glibcLog's offset, exponent mask
// and table index mask, the sign bit of the 12-bit exponent field, 1.5·2^52 (as an integer
// and as a double, to convert the exponent to float64), −1, Ln2Hi, Ln2Lo, A0 … A4 and −2.
var polarConst = func() (c [14][4]uint64) {
	v := []uint64{0x3fe6000000000000, 0xfff << 52, 1<<logTableBits - 1, 0x800, 0x4338000000000000,
		math.Float64bits(-1), math.Float64bits(logLn2Hi), math.Float64bits(logLn2Lo),
		math.Float64bits(logA[0]), math.Float64bits(logA[1]), math.Float64bits(logA[2]),
		math.Float64bits(logA[3]), math.Float64bits(logA[4]), math.Float64bits(-2)}
	for i, x := range v {
		c[i] = [4]uint64{x, x, x, x}
	}
	return c
}()

// useFMA selects polar4: its logarithm needs the CPU's fused multiply-add.
var useFMA = useAVX2 && cpu.X86.HasFMA

// polarPairs is polarPairsGo, four pairs at a time in assembly; the attempts whose r2 lies
// in glibcLog's interval around 1 ([1 − 2^−4, 1), where it uses another polynomial) are
// redone in Go.
func polarPairs(d, x1, x2, r2 []float64) {
	n := len(r2) / 4
	if !useFMA || n == 0 {
		polarPairsGo(d, x1, x2, r2)
		return
	}
	d, x1, x2 = d[:2*len(r2)], x1[:len(r2)], x2[:len(r2)]
	polar4(&d[0], &x1[0], &x2[0], &r2[0], n, &polarConst)
	for j, r := range r2[:4*n] {
		if r >= 1-0x1p-4 {
			polarPairsGo(d[2*j:2*j+2], x1[j:j+1], x2[j:j+1], r2[j:j+1])
		}
	}
	polarPairsGo(d[8*n:], x1[4*n:], x2[4*n:], r2[4*n:])
}

// attConsts are attempts4's constants (byte offsets in the comments): 2^26, 2^−53 and 1 in
// four lanes (0, 32, 64), the shifts of the two words of a double (96), the attempt numbers
// 0 … 3 and their step (128, 144), and for each mask of accepted lanes the permutations
// that pack them to the front, of their doubles (160) and of their numbers (672).
type attConsts struct {
	c26, inv53, one [4]float64
	shift           [8]uint32
	base, four      [4]uint32
	perm            [16][8]uint32
	lane            [16][4]uint32
}

var attConst = func() (c attConsts) {
	for i := range 4 {
		c.c26[i], c.inv53[i], c.one[i] = 67108864.0, 0x1p-53, 1
		c.shift[i], c.shift[i+4] = 5, 6
		c.base[i], c.four[i] = uint32(i), 4
	}
	for m := range 16 {
		j := 0
		for l := range 4 {
			if m>>l&1 == 1 {
				c.perm[m][2*j], c.perm[m][2*j+1] = uint32(2*l), uint32(2*l+1)
				c.lane[m][j] = uint32(l)
				j++
			}
		}
	}
	return c
}()

// attempts4 runs 4n attempts of the polar method (see the .s file) and returns how many it
// accepted.
//
//go:noescape
func attempts4(w *uint32, n int, x1, x2, r2 *float64, idx *int32, c *attConsts) int

// polarAttempts runs the polar method's attempts on the words w (four a attempt): it packs
// the accepted attempts' x1, x2, r2 and numbers at the front of the arrays (which need
// len(w)/4 + 3 values) and returns how many there are.
func polarAttempts(w []uint32, x1, x2, r2 []float64, idx []int32) int {
	n := len(w) / 16
	if !useAVX2 || n == 0 {
		return polarAttemptsGo(w, 0, x1, x2, r2, idx, 0)
	}
	_ = x1[4*n+2]
	_ = x2[4*n+2]
	_ = r2[4*n+2]
	_ = idx[4*n+2]
	cnt := attempts4(&w[0], n, &x1[0], &x2[0], &r2[0], &idx[0], &attConst)
	return polarAttemptsGo(w, 4*n, x1, x2, r2, idx, cnt)
}
