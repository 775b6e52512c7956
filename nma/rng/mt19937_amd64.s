//go:build !purego

#include "textflag.h"

// func twist8(dst, next, m, out *uint32, n int)
//
// n blocks of 8 words of mt19937_gen, each word also tempered into out: for j < 8n,
//
//	y = (dst[j] & 0x80000000) | (next[j] & 0x7fffffff)
//	dst[j] = m[j] ^ (y >> 1) ^ (-(y & 1) & 0x9908b0df)
//	out[j] = temper(dst[j])
//
// next is dst+1 except at the seams; each block loads next[j … j+7] before it stores
// dst[j … j+7].
TEXT ·twist8(SB), NOSPLIT, $0-40
	MOVQ dst+0(FP), DI
	MOVQ next+8(FP), BX
	MOVQ m+16(FP), SI
	MOVQ out+24(FP), DX
	MOVQ n+32(FP), CX
	MOVL $0x80000000, AX
	VMOVD AX, X15
	VPBROADCASTD X15, Y15
	MOVL $0x7fffffff, AX
	VMOVD AX, X14
	VPBROADCASTD X14, Y14
	MOVL $0x9908b0df, AX
	VMOVD AX, X13
	VPBROADCASTD X13, Y13
	MOVL $0x9d2c5680, AX
	VMOVD AX, X12
	VPBROADCASTD X12, Y12
	MOVL $0xefc60000, AX
	VMOVD AX, X11
	VPBROADCASTD X11, Y11
	TESTQ CX, CX
	JZ   done

loop:
	VMOVDQU (DI), Y0
	VMOVDQU (BX), Y1
	VMOVDQU (SI), Y4
	VPAND   Y15, Y0, Y0
	VPAND   Y14, Y1, Y1
	VPOR    Y1, Y0, Y0
	VPSRLD  $1, Y0, Y2
	VPSLLD  $31, Y0, Y3
	VPSRAD  $31, Y3, Y3
	VPAND   Y13, Y3, Y3
	VPXOR   Y3, Y2, Y2
	VPXOR   Y4, Y2, Y2
	VMOVDQU Y2, (DI)
	// tempering
	VPSRLD  $11, Y2, Y1
	VPXOR   Y1, Y2, Y2
	VPSLLD  $7, Y2, Y1
	VPAND   Y12, Y1, Y1
	VPXOR   Y1, Y2, Y2
	VPSLLD  $15, Y2, Y1
	VPAND   Y11, Y1, Y1
	VPXOR   Y1, Y2, Y2
	VPSRLD  $18, Y2, Y1
	VPXOR   Y1, Y2, Y2
	VMOVDQU Y2, (DX)
	ADDQ    $32, DI
	ADDQ    $32, BX
	ADDQ    $32, SI
	ADDQ    $32, DX
	DECQ    CX
	JNZ     loop

done:
	VZEROUPPER
	RET

// func scanPairs(words *uint32, n int, hi uint32, bits *uint8)
//
// For the n (a multiple of 8) word pairs (words[2j], words[2j+1]), sets bit j%8 of
// bits[j/8] when words[2j]>>5 <= hi, and clears it otherwise. hi < 2^31 - 1, so the signed
// compare is an unsigned one.
TEXT ·scanPairs(SB), NOSPLIT, $0-32
	MOVQ words+0(FP), SI
	MOVQ n+8(FP), CX
	MOVL hi+16(FP), AX
	INCL AX
	VMOVD AX, X15
	VPBROADCASTD X15, Y15 // hi+1
	MOVQ bits+24(FP), DI
	MOVL $0x5555, R9
	SHRQ $3, CX
	JZ   sdone

sgroup:
	VMOVDQU (SI), Y0
	VMOVDQU 32(SI), Y1
	VPSRLD  $5, Y0, Y0
	VPSRLD  $5, Y1, Y1
	VPCMPGTD Y0, Y15, Y0
	VPCMPGTD Y1, Y15, Y1
	VMOVMSKPS Y0, AX
	VMOVMSKPS Y1, BX
	SHLL    $8, BX
	ORL     BX, AX
	PEXTL   R9, AX, AX
	MOVB    AX, (DI)
	ADDQ    $64, SI
	INCQ    DI
	DECQ    CX
	JNZ     sgroup

sdone:
	VZEROUPPER
	RET

// func polar4(d, x1, x2, r2 *float64, n int, c *[14][4]uint64)
//
// For j < 4n: f = sqrt(−2·log(r2[j])/r2[j]) with glibcLog's main path (r2[j] normal, not in
// [1 − 2^−4, 1 + 0x1.09p−4); the caller redoes those), d[2j] = f·x2[j], d[2j+1] = f·x1[j].
// Every fused multiply-add is one of glibcLog's math.FMA calls, and every other operation
// is rounded on its own, so the values equal glibcLog's and polarPairsGo's bit for bit.
// c, in DX, is polarConst (see the .go file): 32-byte vectors at 0 OFF, 32 0xfff<<52,
// 64 127, 96 0x800, 128 1.5·2^52, 160 −1, 192 Ln2Hi, 224 Ln2Lo, 256 … 384 A0 … A4, 416 −2.
TEXT ·polar4(SB), NOSPLIT, $0-48
	MOVQ d+0(FP), DI
	MOVQ x1+8(FP), R9
	MOVQ x2+16(FP), R10
	MOVQ r2+24(FP), SI
	MOVQ n+32(FP), CX
	LEAQ ·logTab(SB), R8
	MOVQ c+40(FP), DX
	TESTQ CX, CX
	JZ   pdone

ploop:
	VMOVUPD (SI), Y0              // x = r2
	VPSUBQ  0(DX), Y0, Y1         // tmp = ix − OFF
	VPSRLQ  $45, Y1, Y2
	VPAND   64(DX), Y2, Y2
	VPSLLQ  $1, Y2, Y2            // 2i: the table entry {invc, logc} is 16 bytes
	VPCMPEQQ Y14, Y14, Y14
	VGATHERQPD Y14, (R8)(Y2*8), Y3 // invc
	VPCMPEQQ Y14, Y14, Y14
	VGATHERQPD Y14, 8(R8)(Y2*8), Y4 // logc
	VPSRLQ  $52, Y1, Y5
	VPXOR   96(DX), Y5, Y5
	VPSUBQ  96(DX), Y5, Y5        // k = tmp >> 52 (arithmetic)
	VPADDQ  128(DX), Y5, Y5
	VSUBPD  128(DX), Y5, Y5       // kd = float64(k)
	VPAND   32(DX), Y1, Y6
	VPSUBQ  Y6, Y0, Y6            // z = ix − tmp & (0xfff << 52)
	VMOVUPD 160(DX), Y7
	VFMADD231PD Y3, Y6, Y7        // r = fma(z, invc, −1)
	VFMADD231PD 192(DX), Y5, Y4   // w = fma(kd, Ln2Hi, logc)
	VADDPD  Y7, Y4, Y8            // h = w + r
	VSUBPD  Y8, Y4, Y9
	VADDPD  Y7, Y9, Y9            // (w − h) + r
	VFMADD231PD 224(DX), Y5, Y9   // l = fma(kd, Ln2Lo, (w − h) + r)
	VMULPD  Y7, Y7, Y10           // r2 = r·r
	VMULPD  Y10, Y7, Y11          // r3 = r·r2
	VMOVUPD 352(DX), Y12
	VFMADD231PD 384(DX), Y7, Y12  // fma(r, A4, A3)
	VMOVUPD 288(DX), Y13
	VFMADD231PD 320(DX), Y7, Y13  // fma(r, A2, A1)
	VFMADD231PD Y10, Y12, Y13     // p = fma(·, r2, ·)
	VFMADD231PD 256(DX), Y10, Y9  // fma(r2, A0, l)
	VFMADD231PD Y13, Y11, Y9      // y = fma(r3, p, ·)
	VADDPD  Y8, Y9, Y9            // log = y + h
	VMULPD  416(DX), Y9, Y9       // −2·log
	VDIVPD  Y0, Y9, Y9            // /r2
	VSQRTPD Y9, Y9                // f
	VMULPD  (R10), Y9, Y1         // a = f·x2
	VMULPD  (R9), Y9, Y2          // b = f·x1
	VUNPCKLPD Y2, Y1, Y3          // a0 b0 a2 b2
	VUNPCKHPD Y2, Y1, Y4          // a1 b1 a3 b3
	VPERM2F128 $0x20, Y4, Y3, Y5  // a0 b0 a1 b1
	VPERM2F128 $0x31, Y4, Y3, Y6  // a2 b2 a3 b3
	VMOVUPD Y5, (DI)
	VMOVUPD Y6, 32(DI)
	ADDQ    $32, SI
	ADDQ    $32, R9
	ADDQ    $32, R10
	ADDQ    $64, DI
	DECQ    CX
	JNZ     ploop

pdone:
	VZEROUPPER
	RET

// func attempts4(w *uint32, n int, x1, x2, r2 *float64, idx *int32, c *attConsts) int
//
// The polar method's attempts on the words w, four words an attempt, four attempts at a
// time (n groups): x1 = 2·d(w[4k], w[4k+1]) − 1, x2 = 2·d(w[4k+2], w[4k+3]) − 1 and
// r2 = x1·x1 + x2·x2 with d the double of mt19937_next_double, every operation rounded on
// its own as in the Go code. The accepted attempts (0 < r2 < 1) are packed in order at the
// front of x1, x2, r2 and their numbers k in idx (each array needs 3 values of slack); it
// returns how many there are. c points to attConsts (see the .go file).
TEXT ·attempts4(SB), NOSPLIT, $0-64
	MOVQ w+0(FP), DI
	MOVQ n+8(FP), CX
	MOVQ x1+16(FP), R8
	MOVQ x2+24(FP), R9
	MOVQ r2+32(FP), R10
	MOVQ idx+40(FP), R11
	MOVQ c+48(FP), DX
	XORQ AX, AX
	VMOVDQU 128(DX), X15 // attempt numbers 0 … 3
	VXORPD  Y11, Y11, Y11
	TESTQ CX, CX
	JZ   adone

aloop:
	VMOVDQU (DI), Y0
	VMOVDQU 32(DI), Y1
	VPERM2I128 $0x20, Y1, Y0, Y2 // w0 … w3 | w8 … w11
	VPERM2I128 $0x31, Y1, Y0, Y3 // w4 … w7 | w12 … w15
	VPUNPCKLDQ Y3, Y2, Y4        // w0 w4 w1 w5 | w8 w12 w9 w13
	VPUNPCKHDQ Y3, Y2, Y5        // w2 w6 w3 w7 | w10 w14 w11 w15
	VPERMQ  $0xD8, Y4, Y4        // a of x1 (w0 w4 w8 w12) | b of x1
	VPERMQ  $0xD8, Y5, Y5        // a of x2 | b of x2
	VPSRLVD 96(DX), Y4, Y4       // a >> 5 | b >> 6
	VPSRLVD 96(DX), Y5, Y5
	VCVTDQ2PD X4, Y6
	VEXTRACTI128 $1, Y4, X7
	VCVTDQ2PD X7, Y7
	VMULPD  0(DX), Y6, Y6        // a·2^26
	VADDPD  Y7, Y6, Y6           // + b
	VMULPD  32(DX), Y6, Y6       // /2^53 (exact)
	VADDPD  Y6, Y6, Y6           // 2·d (exact)
	VSUBPD  64(DX), Y6, Y6       // x1
	VCVTDQ2PD X5, Y8
	VEXTRACTI128 $1, Y5, X7
	VCVTDQ2PD X7, Y7
	VMULPD  0(DX), Y8, Y8
	VADDPD  Y7, Y8, Y8
	VMULPD  32(DX), Y8, Y8
	VADDPD  Y8, Y8, Y8
	VSUBPD  64(DX), Y8, Y8       // x2
	VMULPD  Y6, Y6, Y9
	VMULPD  Y8, Y8, Y10
	VADDPD  Y10, Y9, Y9          // r2
	VCMPPD  $1, 64(DX), Y9, Y10  // r2 < 1
	VCMPPD  $4, Y11, Y9, Y12     // r2 != 0
	VANDPD  Y12, Y10, Y10
	VMOVMSKPD Y10, SI            // accepted lanes
	MOVQ    SI, R12
	SHLQ    $5, SI
	VMOVDQU 160(DX)(SI*1), Y13   // packs the accepted lanes' doubles to the front
	VPERMD  Y6, Y13, Y6
	VPERMD  Y8, Y13, Y8
	VPERMD  Y9, Y13, Y9
	VMOVUPD Y6, (R8)(AX*8)
	VMOVUPD Y8, (R9)(AX*8)
	VMOVUPD Y9, (R10)(AX*8)
	MOVQ    R12, SI
	SHLQ    $4, SI
	VMOVDQU 672(DX)(SI*1), X13   // the same for the attempt numbers
	VPERMILPS X13, X15, X14
	VMOVDQU X14, (R11)(AX*4)
	POPCNTL R12, R12
	ADDQ    R12, AX
	VPADDD  144(DX), X15, X15
	ADDQ    $64, DI
	DECQ    CX
	JNZ     aloop

adone:
	VZEROUPPER
	MOVQ AX, ret+56(FP)
	RET
