//go:build !purego

#include "textflag.h"

// func decay4(p *float64, n int, k float64)
//
// p[i] = p[i] + k·p[i] for i < 4n, the product rounded before the sum (VMULPD, then VADDPD;
// no fused multiply-add), so each value equals the Go expression p[i] + float64(k*p[i]).
TEXT ·decay4(SB), NOSPLIT, $0-24
	MOVQ p+0(FP), DI
	MOVQ n+8(FP), CX
	VBROADCASTSD k+16(FP), Y15
	CMPQ CX, $4
	JL   one

four:
	VMOVUPD (DI), Y0
	VMOVUPD 32(DI), Y1
	VMOVUPD 64(DI), Y2
	VMOVUPD 96(DI), Y3
	VMULPD  Y15, Y0, Y4
	VMULPD  Y15, Y1, Y5
	VMULPD  Y15, Y2, Y6
	VMULPD  Y15, Y3, Y7
	VADDPD  Y4, Y0, Y0
	VADDPD  Y5, Y1, Y1
	VADDPD  Y6, Y2, Y2
	VADDPD  Y7, Y3, Y3
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	ADDQ    $128, DI
	SUBQ    $4, CX
	CMPQ    CX, $4
	JGE     four

one:
	TESTQ CX, CX
	JZ    done

oneloop:
	VMOVUPD (DI), Y0
	VMULPD  Y15, Y0, Y4
	VADDPD  Y4, Y0, Y0
	VMOVUPD Y0, (DI)
	ADDQ    $32, DI
	DECQ    CX
	JNZ     oneloop

done:
	VZEROUPPER
	RET

// func add4(c, r0, r1, r2, r3 *float64, n int)
//
// c[k] = c[k] + r0[k] + r1[k] + r2[k] + r3[k] for k < 4n, added left to right (each lane
// rounds every sum, as the Go expression does), four values at a time.
TEXT ·add4(SB), NOSPLIT, $0-48
	MOVQ c+0(FP), DI
	MOVQ r0+8(FP), R8
	MOVQ r1+16(FP), R9
	MOVQ r2+24(FP), R10
	MOVQ r3+32(FP), R11
	MOVQ n+40(FP), CX
	XORQ AX, AX
	TESTQ CX, CX
	JZ   adone

aloop:
	VMOVUPD (DI)(AX*8), Y0
	VADDPD  (R8)(AX*8), Y0, Y0
	VADDPD  (R9)(AX*8), Y0, Y0
	VADDPD  (R10)(AX*8), Y0, Y0
	VADDPD  (R11)(AX*8), Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)
	ADDQ    $4, AX
	DECQ    CX
	JNZ     aloop

adone:
	VZEROUPPER
	RET

// func add8(c *float64, r *[8]*float64, n int)
//
// c[k] = c[k] + r[0][k] + r[1][k] + … + r[7][k] for k < 4n, added left to right, four values
// at a time.
TEXT ·add8(SB), NOSPLIT, $0-24
	MOVQ c+0(FP), DI
	MOVQ r+8(FP), SI
	MOVQ n+16(FP), CX
	MOVQ 0(SI), R8
	MOVQ 8(SI), R9
	MOVQ 16(SI), R10
	MOVQ 24(SI), R11
	MOVQ 32(SI), R12
	MOVQ 40(SI), R13
	MOVQ 48(SI), R14
	MOVQ 56(SI), R15
	XORQ AX, AX
	TESTQ CX, CX
	JZ   a8done

a8loop:
	VMOVUPD (DI)(AX*8), Y0
	VADDPD  (R8)(AX*8), Y0, Y0
	VADDPD  (R9)(AX*8), Y0, Y0
	VADDPD  (R10)(AX*8), Y0, Y0
	VADDPD  (R11)(AX*8), Y0, Y0
	VADDPD  (R12)(AX*8), Y0, Y0
	VADDPD  (R13)(AX*8), Y0, Y0
	VADDPD  (R14)(AX*8), Y0, Y0
	VADDPD  (R15)(AX*8), Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)
	ADDQ    $4, AX
	DECQ    CX
	JNZ     a8loop

a8done:
	VZEROUPPER
	RET

// func nonzero64(p *float64, n int, masks *uint64) (bad bool)
//
// For each of the n blocks of 64 values from p, sets bit j of masks[b] when p[64b+j] is not
// ±0 (NaN included: VCMPPD's NEQ_UQ), and reports whether any value is neither ±0 nor 1.
#define NZ4(off, sh) \
	VMOVUPD   off(SI), Y0; \
	VCMPPD    $4, Y15, Y0, Y1; \
	VCMPPD    $4, Y14, Y0, Y2; \
	VANDPD    Y1, Y2, Y2; \
	VORPD     Y2, Y13, Y13; \
	VMOVMSKPD Y1, AX; \
	SHLQ      $sh, AX; \
	ORQ       AX, BX

DATA one<>+0(SB)/8, $0x3ff0000000000000
GLOBL one<>(SB), RODATA|NOPTR, $8

TEXT ·nonzero64(SB), NOSPLIT, $0-25
	MOVQ         p+0(FP), SI
	MOVQ         n+8(FP), CX
	MOVQ         masks+16(FP), DI
	VXORPD       Y15, Y15, Y15
	VBROADCASTSD one<>(SB), Y14
	VXORPD       Y13, Y13, Y13
	TESTQ        CX, CX
	JZ           nzdone

nzloop:
	XORQ BX, BX
	NZ4(0, 0)
	NZ4(32, 4)
	NZ4(64, 8)
	NZ4(96, 12)
	NZ4(128, 16)
	NZ4(160, 20)
	NZ4(192, 24)
	NZ4(224, 28)
	NZ4(256, 32)
	NZ4(288, 36)
	NZ4(320, 40)
	NZ4(352, 44)
	NZ4(384, 48)
	NZ4(416, 52)
	NZ4(448, 56)
	NZ4(480, 60)
	MOVQ BX, (DI)
	ADDQ $512, SI
	ADDQ $8, DI
	DECQ CX
	JNZ  nzloop

nzdone:
	VMOVMSKPD Y13, AX
	TESTQ     AX, AX
	SETNE     bad+24(FP)
	VZEROUPPER
	RET
