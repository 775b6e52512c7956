//go:build !purego

#include "textflag.h"

// One step of k for the 6×16 kernel: load a 16-float row of B (Y12, Y13), broadcast six
// floats of the packed A column at byte offset off from SI, and accumulate the 6×16
// outer product into Y0…Y11 (row i in Y(2i), Y(2i+1)). DI advances by the B stride R8.
#define STEP(off) \
	VMOVUPS      (DI), Y12;           \
	VMOVUPS      32(DI), Y13;         \
	VBROADCASTSS off+0(SI), Y14;      \
	VFMADD231PS  Y12, Y14, Y0;        \
	VFMADD231PS  Y13, Y14, Y1;        \
	VBROADCASTSS off+4(SI), Y15;      \
	VFMADD231PS  Y12, Y15, Y2;        \
	VFMADD231PS  Y13, Y15, Y3;        \
	VBROADCASTSS off+8(SI), Y14;      \
	VFMADD231PS  Y12, Y14, Y4;        \
	VFMADD231PS  Y13, Y14, Y5;        \
	VBROADCASTSS off+12(SI), Y15;     \
	VFMADD231PS  Y12, Y15, Y6;        \
	VFMADD231PS  Y13, Y15, Y7;        \
	VBROADCASTSS off+16(SI), Y14;     \
	VFMADD231PS  Y12, Y14, Y8;        \
	VFMADD231PS  Y13, Y14, Y9;        \
	VBROADCASTSS off+20(SI), Y15;     \
	VFMADD231PS  Y12, Y15, Y10;       \
	VFMADD231PS  Y13, Y15, Y11;       \
	ADDQ         R8, DI

// STEP, also prefetching the B row R10 bytes ahead of the one it reads.
#define STEPPF(off) \
	PREFETCHT0 (DI)(R10*1); \
	STEP(off)

// Epilogue for one row of C at DX when beta ≠ 0: C = beta·C + (alpha·acc); stop after
// R11 rows, else go to the next row.
#define ROWBETA(r0, r1) \
	VFMADD231PS (DX), Y13, r0;   \
	VFMADD231PS 32(DX), Y13, r1; \
	VMOVUPS     r0, (DX);        \
	VMOVUPS     r1, 32(DX);      \
	DECQ        R11;             \
	JZ          done;            \
	ADDQ        BX, DX

// Epilogue for one row of C at DX when beta = 0: C = alpha·acc, C not read.
#define ROWSTORE(r0, r1) \
	VMOVUPS r0, (DX);   \
	VMOVUPS r1, 32(DX); \
	DECQ    R11;        \
	JZ      done;       \
	ADDQ    BX, DX

// func sgemmKernel6x16(k int, a, b *float32, bs int, c *float32, ldc, rows, pf int, alpha, beta float32)
TEXT ·sgemmKernel6x16(SB), NOSPLIT, $0-72
	MOVQ k+0(FP), CX
	MOVQ a+8(FP), SI
	MOVQ b+16(FP), DI
	MOVQ bs+24(FP), R8
	SHLQ $2, R8
	MOVQ pf+56(FP), R10

	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	VXORPS Y10, Y10, Y10
	VXORPS Y11, Y11, Y11

	MOVQ  CX, R9
	SHRQ  $2, R9
	JZ    tail
	TESTQ R10, R10
	JNZ   loop4pf

loop4:
	STEP(0)
	STEP(24)
	STEP(48)
	STEP(72)
	ADDQ $96, SI
	DECQ R9
	JNZ  loop4
	JMP  tail

loop4pf:
	STEPPF(0)
	STEPPF(24)
	STEPPF(48)
	STEPPF(72)
	ADDQ $96, SI
	DECQ R9
	JNZ  loop4pf

tail:
	ANDQ $3, CX
	JZ   epilogue

loop1:
	STEP(0)
	ADDQ $24, SI
	DECQ CX
	JNZ  loop1

epilogue:
	MOVQ         c+32(FP), DX
	MOVQ         ldc+40(FP), BX
	SHLQ         $2, BX
	MOVQ         rows+48(FP), R11
	VBROADCASTSS alpha+64(FP), Y12
	VMULPS       Y12, Y0, Y0
	VMULPS       Y12, Y1, Y1
	VMULPS       Y12, Y2, Y2
	VMULPS       Y12, Y3, Y3
	VMULPS       Y12, Y4, Y4
	VMULPS       Y12, Y5, Y5
	VMULPS       Y12, Y6, Y6
	VMULPS       Y12, Y7, Y7
	VMULPS       Y12, Y8, Y8
	VMULPS       Y12, Y9, Y9
	VMULPS       Y12, Y10, Y10
	VMULPS       Y12, Y11, Y11

	// beta == ±0 (all bits but the sign clear): do not read C.
	MOVL beta+68(FP), AX
	SHLL $1, AX
	JZ   storeonly

	VBROADCASTSS beta+68(FP), Y13
	ROWBETA(Y0, Y1)
	ROWBETA(Y2, Y3)
	ROWBETA(Y4, Y5)
	ROWBETA(Y6, Y7)
	ROWBETA(Y8, Y9)
	ROWBETA(Y10, Y11)
	JMP done

storeonly:
	ROWSTORE(Y0, Y1)
	ROWSTORE(Y2, Y3)
	ROWSTORE(Y4, Y5)
	ROWSTORE(Y6, Y7)
	ROWSTORE(Y8, Y9)
	ROWSTORE(Y10, Y11)

done:
	VZEROUPPER
	RET

// Masks for the last k mod 8 floats of the dot kernel: the 8 floats starting at
// index 8−r have their first r lanes set.
DATA tailmask<>+0(SB)/4, $0xffffffff
DATA tailmask<>+4(SB)/4, $0xffffffff
DATA tailmask<>+8(SB)/4, $0xffffffff
DATA tailmask<>+12(SB)/4, $0xffffffff
DATA tailmask<>+16(SB)/4, $0xffffffff
DATA tailmask<>+20(SB)/4, $0xffffffff
DATA tailmask<>+24(SB)/4, $0xffffffff
DATA tailmask<>+28(SB)/4, $0xffffffff
DATA tailmask<>+32(SB)/4, $0
DATA tailmask<>+36(SB)/4, $0
DATA tailmask<>+40(SB)/4, $0
DATA tailmask<>+44(SB)/4, $0
DATA tailmask<>+48(SB)/4, $0
DATA tailmask<>+52(SB)/4, $0
DATA tailmask<>+56(SB)/4, $0
DATA tailmask<>+60(SB)/4, $0
GLOBL tailmask<>(SB), RODATA|NOPTR, $64

// 8 floats at byte offset AX of the six x rows (R8…R13) times those of the two y rows
// (SI, BX), accumulated in Y0…Y11 (Y(2r+c) for x_r·y_c).
#define DOTSTEP \
	VMOVUPS     (SI)(AX*1), Y12;  \
	VMOVUPS     (BX)(AX*1), Y13;  \
	VMOVUPS     (R8)(AX*1), Y14;  \
	VFMADD231PS Y12, Y14, Y0;     \
	VFMADD231PS Y13, Y14, Y1;     \
	VMOVUPS     (R9)(AX*1), Y15;  \
	VFMADD231PS Y12, Y15, Y2;     \
	VFMADD231PS Y13, Y15, Y3;     \
	VMOVUPS     (R10)(AX*1), Y14; \
	VFMADD231PS Y12, Y14, Y4;     \
	VFMADD231PS Y13, Y14, Y5;     \
	VMOVUPS     (R11)(AX*1), Y15; \
	VFMADD231PS Y12, Y15, Y6;     \
	VFMADD231PS Y13, Y15, Y7;     \
	VMOVUPS     (R12)(AX*1), Y14; \
	VFMADD231PS Y12, Y14, Y8;     \
	VFMADD231PS Y13, Y14, Y9;     \
	VMOVUPS     (R13)(AX*1), Y15; \
	VFMADD231PS Y12, Y15, Y10;    \
	VFMADD231PS Y13, Y15, Y11;    \
	ADDQ        $32, AX

// The same for the last k mod 8 floats, with masked loads (mask in Y15; the lanes
// masked off are not read, and load as zero).
#define DOTTAIL \
	VMASKMOVPS  (SI)(AX*1), Y15, Y12;  \
	VMASKMOVPS  (BX)(AX*1), Y15, Y13;  \
	VMASKMOVPS  (R8)(AX*1), Y15, Y14;  \
	VFMADD231PS Y12, Y14, Y0;          \
	VFMADD231PS Y13, Y14, Y1;          \
	VMASKMOVPS  (R9)(AX*1), Y15, Y14;  \
	VFMADD231PS Y12, Y14, Y2;          \
	VFMADD231PS Y13, Y14, Y3;          \
	VMASKMOVPS  (R10)(AX*1), Y15, Y14; \
	VFMADD231PS Y12, Y14, Y4;          \
	VFMADD231PS Y13, Y14, Y5;          \
	VMASKMOVPS  (R11)(AX*1), Y15, Y14; \
	VFMADD231PS Y12, Y14, Y6;          \
	VFMADD231PS Y13, Y14, Y7;          \
	VMASKMOVPS  (R12)(AX*1), Y15, Y14; \
	VFMADD231PS Y12, Y14, Y8;          \
	VFMADD231PS Y13, Y14, Y9;          \
	VMASKMOVPS  (R13)(AX*1), Y15, Y14; \
	VFMADD231PS Y12, Y14, Y10;         \
	VFMADD231PS Y13, Y14, Y11

// func sdot6x2(k int, x0, x1, x2, x3, x4, x5, y0, y1 *float32, out *[12]float32)
TEXT ·sdot6x2(SB), NOSPLIT, $0-80
	MOVQ k+0(FP), CX
	MOVQ x0+8(FP), R8
	MOVQ x1+16(FP), R9
	MOVQ x2+24(FP), R10
	MOVQ x3+32(FP), R11
	MOVQ x4+40(FP), R12
	MOVQ x5+48(FP), R13
	MOVQ y0+56(FP), SI
	MOVQ y1+64(FP), BX
	MOVQ out+72(FP), DI

	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	VXORPS Y10, Y10, Y10
	VXORPS Y11, Y11, Y11
	XORQ   AX, AX

	MOVQ CX, DX
	SHRQ $4, DX
	JZ   dot8

dotloop16:
	DOTSTEP
	DOTSTEP
	DECQ DX
	JNZ  dotloop16

dot8:
	TESTQ $8, CX
	JZ    dottail
	DOTSTEP

dottail:
	ANDQ $7, CX
	JZ   reduce
	LEAQ    tailmask<>(SB), DX
	NEGQ    CX
	VMOVUPS 32(DX)(CX*4), Y15 // the 8 floats from index 8−(k mod 8)
	DOTTAIL

reduce:
	// Rows 0–3: Y0 ← [x0y0 x0y1 x1y0 x1y1 x2y0 x2y1 x3y0 x3y1] summed over the lanes.
	VHADDPS    Y1, Y0, Y0
	VHADDPS    Y3, Y2, Y2
	VHADDPS    Y2, Y0, Y0
	VHADDPS    Y5, Y4, Y4
	VHADDPS    Y7, Y6, Y6
	VHADDPS    Y6, Y4, Y4
	VPERM2F128 $0x20, Y4, Y0, Y12
	VPERM2F128 $0x31, Y4, Y0, Y13
	VADDPS     Y13, Y12, Y12
	VADDPS     (DI), Y12, Y12
	VMOVUPS    Y12, (DI)

	// Rows 4–5: X8 ← [x4y0 x4y1 x5y0 x5y1].
	VHADDPS      Y9, Y8, Y8
	VHADDPS      Y11, Y10, Y10
	VHADDPS      Y10, Y8, Y8
	VEXTRACTF128 $1, Y8, X9
	VADDPS       X9, X8, X8
	VADDPS       32(DI), X8, X8
	VMOVUPS      X8, 32(DI)
	VZEROUPPER
	RET
