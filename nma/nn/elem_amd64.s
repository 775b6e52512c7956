//go:build !purego

#include "textflag.h"

// func penaltyAdd4(dst *float64, gs, w *float32, n int, a2, a1 float64, fresh bool)
TEXT ·penaltyAdd4(SB), NOSPLIT, $0-49
	MOVQ         dst+0(FP), DI
	MOVQ         gs+8(FP), SI
	MOVQ         w+16(FP), DX
	MOVQ         n+24(FP), CX
	VBROADCASTSD a2+32(FP), Y0
	VBROADCASTSD a1+40(FP), Y1
	MOVB         fresh+48(FP), AX
	MOVQ         $0x8000000000000000, BX
	MOVQ         BX, X2
	VPBROADCASTQ X2, Y2                  // sign bit
	VXORPD       Y3, Y3, Y3              // zero
	SHRQ         $2, CX
	JZ           pdone
	TESTB        AL, AL
	JZ           paccum

pfresh:
	VCVTPS2PD (DX), Y4          // w
	VCVTPS2PD (SI), Y5          // g
	VMULPD    Y0, Y4, Y6        // a2·w
	VANDPD    Y2, Y4, Y7        // w's sign bit
	VXORPD    Y1, Y7, Y7        // a1·sign(w) for w ≠ 0
	VCMPPD    $4, Y3, Y4, Y8    // w ≠ 0 (or NaN)
	VANDPD    Y8, Y7, Y7        // 0 at w = ±0
	VADDPD    Y7, Y6, Y6        // a2·w + a1·sign(w)
	VADDPD    Y6, Y5, Y5        // g + penalty
	VMOVUPD   Y5, (DI)
	ADDQ      $16, DX
	ADDQ      $16, SI
	ADDQ      $32, DI
	DECQ      CX
	JNZ       pfresh
	JMP       pdone

paccum:
	VCVTPS2PD (DX), Y4
	VCVTPS2PD (SI), Y5
	VADDPD    (DI), Y5, Y5      // dst + g
	VMULPD    Y0, Y4, Y6
	VANDPD    Y2, Y4, Y7
	VXORPD    Y1, Y7, Y7
	VCMPPD    $4, Y3, Y4, Y8
	VANDPD    Y8, Y7, Y7
	VADDPD    Y7, Y6, Y6
	VADDPD    Y6, Y5, Y5        // (dst + g) + penalty
	VMOVUPD   Y5, (DI)
	ADDQ      $16, DX
	ADDQ      $16, SI
	ADDQ      $32, DI
	DECQ      CX
	JNZ       paccum

pdone:
	VZEROUPPER
	RET

// func sgdMomentum4(d *float64, s, v *float32, gr *float64, n int, lr, mu float64, first bool)
TEXT ·sgdMomentum4(SB), NOSPLIT, $0-57
	MOVQ         d+0(FP), DI
	MOVQ         s+8(FP), SI
	MOVQ         v+16(FP), DX
	MOVQ         gr+24(FP), R8
	MOVQ         n+32(FP), CX
	VBROADCASTSD lr+40(FP), Y0
	VBROADCASTSD mu+48(FP), Y1
	MOVB         first+56(FP), AX
	SHRQ         $2, CX
	JZ           mdone

mloop:
	TESTB      AL, AL
	JNZ        mfirst
	VCVTPS2PD  (DX), Y2         // v
	VMULPD     Y1, Y2, Y2       // μ·v
	VADDPD     (R8), Y2, Y2     // + g
	JMP        mstep

mfirst:
	VMOVUPD (R8), Y2            // g

mstep:
	VCVTPD2PSY Y2, X3           // v ← float32(…)
	VMOVUPS    X3, (DX)
	VCVTPS2PD  X3, Y3
	VMULPD     Y0, Y3, Y3       // lr·v
	VCVTPS2PD  (SI), Y4         // s
	VSUBPD     Y3, Y4, Y4       // s − lr·v
	VCVTPD2PSY Y4, X5           // s ← float32(…)
	VMOVUPS    X5, (SI)
	VCVTPS2PD  X5, Y5
	VMOVUPD    Y5, (DI)         // d ← s
	ADDQ       $16, DX
	ADDQ       $16, SI
	ADDQ       $32, R8
	ADDQ       $32, DI
	DECQ       CX
	JNZ        mloop

mdone:
	VZEROUPPER
	RET

// func sgdPlain4(d *float64, s *float32, gr *float64, n int, lr float64)
TEXT ·sgdPlain4(SB), NOSPLIT, $0-40
	MOVQ         d+0(FP), DI
	MOVQ         s+8(FP), SI
	MOVQ         gr+16(FP), R8
	MOVQ         n+24(FP), CX
	VBROADCASTSD lr+32(FP), Y0
	SHRQ         $2, CX
	JZ           sdone

sloop:
	VMOVUPD    (R8), Y2         // g
	VMULPD     Y0, Y2, Y2       // lr·g
	VCVTPS2PD  (SI), Y4         // s
	VSUBPD     Y2, Y4, Y4       // s − lr·g
	VCVTPD2PSY Y4, X5
	VMOVUPS    X5, (SI)
	VCVTPS2PD  X5, Y5
	VMOVUPD    Y5, (DI)
	ADDQ       $16, SI
	ADDQ       $32, R8
	ADDQ       $32, DI
	DECQ       CX
	JNZ        sloop

sdone:
	VZEROUPPER
	RET
