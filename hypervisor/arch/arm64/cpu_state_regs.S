/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Zeroing the FP/SIMD and SVE register files (cpu_state.c).
 *
 * The rest of the hypervisor is built with -mgeneral-regs-only and never
 * touches these registers, so whatever a guest leaves in them stays there
 * for the next one unless it is wiped here.  Only this file enables the FP
 * and SVE instruction sets in the assembler, so that no other code can use
 * them by accident.  EL2's own access (CPTR_EL2.TFP/TZ) is the caller's
 * business.
 */
	.arch	armv8.2-a+fp+simd+sve

	.text

/* v0-v31, FPCR and FPSR all zero */
	.globl	cpu_state_zero_fpsimd
cpu_state_zero_fpsimd:
	movi	v0.2d, #0
	movi	v1.2d, #0
	movi	v2.2d, #0
	movi	v3.2d, #0
	movi	v4.2d, #0
	movi	v5.2d, #0
	movi	v6.2d, #0
	movi	v7.2d, #0
	movi	v8.2d, #0
	movi	v9.2d, #0
	movi	v10.2d, #0
	movi	v11.2d, #0
	movi	v12.2d, #0
	movi	v13.2d, #0
	movi	v14.2d, #0
	movi	v15.2d, #0
	movi	v16.2d, #0
	movi	v17.2d, #0
	movi	v18.2d, #0
	movi	v19.2d, #0
	movi	v20.2d, #0
	movi	v21.2d, #0
	movi	v22.2d, #0
	movi	v23.2d, #0
	movi	v24.2d, #0
	movi	v25.2d, #0
	movi	v26.2d, #0
	movi	v27.2d, #0
	movi	v28.2d, #0
	movi	v29.2d, #0
	movi	v30.2d, #0
	movi	v31.2d, #0
	msr	fpcr, xzr
	msr	fpsr, xzr
	ret

/*
 * z0-z31 at the current vector length, p0-p15 and FFR all zero.  The
 * caller raises ZCR_EL2.LEN to the maximum first, so that no bits beyond
 * a shorter length survive for a guest that raises its own.
 */
	.globl	cpu_state_zero_sve
cpu_state_zero_sve:
	dup	z0.b, #0
	dup	z1.b, #0
	dup	z2.b, #0
	dup	z3.b, #0
	dup	z4.b, #0
	dup	z5.b, #0
	dup	z6.b, #0
	dup	z7.b, #0
	dup	z8.b, #0
	dup	z9.b, #0
	dup	z10.b, #0
	dup	z11.b, #0
	dup	z12.b, #0
	dup	z13.b, #0
	dup	z14.b, #0
	dup	z15.b, #0
	dup	z16.b, #0
	dup	z17.b, #0
	dup	z18.b, #0
	dup	z19.b, #0
	dup	z20.b, #0
	dup	z21.b, #0
	dup	z22.b, #0
	dup	z23.b, #0
	dup	z24.b, #0
	dup	z25.b, #0
	dup	z26.b, #0
	dup	z27.b, #0
	dup	z28.b, #0
	dup	z29.b, #0
	dup	z30.b, #0
	dup	z31.b, #0
	pfalse	p0.b
	wrffr	p0.b
	pfalse	p1.b
	pfalse	p2.b
	pfalse	p3.b
	pfalse	p4.b
	pfalse	p5.b
	pfalse	p6.b
	pfalse	p7.b
	pfalse	p8.b
	pfalse	p9.b
	pfalse	p10.b
	pfalse	p11.b
	pfalse	p12.b
	pfalse	p13.b
	pfalse	p14.b
	pfalse	p15.b
	ret
