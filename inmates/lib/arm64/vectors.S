/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL1 exception vectors (VBAR_EL1).  IRQs go to the GIC driver's
 * dispatcher and return; everything else is reported and stops the CPU.
 * Each stub saves a struct exception_frame (asm/inmate_arch.h).
 */

#define FRAME_SIZE	272

.macro vector_entry index, handler
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	mov	x0, #\index
	b	\handler
.endm

	.section .text.vectors, "ax"
	.balign	2048
	.globl	vectors
vectors:
	/* 0-3: current EL with SP_EL0, 4-7: with SP_EL1,
	   8-11: lower EL AArch64, 12-15: lower EL AArch32;
	   in each group: sync, IRQ, FIQ, SError */
	vector_entry	0, unexpected
	vector_entry	1, unexpected
	vector_entry	2, unexpected
	vector_entry	3, unexpected
	vector_entry	4, unexpected
	vector_entry	5, irq
	vector_entry	6, unexpected
	vector_entry	7, unexpected
	vector_entry	8, unexpected
	vector_entry	9, unexpected
	vector_entry	10, unexpected
	vector_entry	11, unexpected
	vector_entry	12, unexpected
	vector_entry	13, unexpected
	vector_entry	14, unexpected
	vector_entry	15, unexpected
	.balign	0x80

	.text
/* saves x2-x30, ELR and SPSR, clobbering x1; x0/x1 are already saved */
.macro save_rest
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x1, elr_el1
	stp	x30, x1, [sp, #240]
	mrs	x1, spsr_el1
	str	x1, [sp, #256]
.endm

irq:
	save_rest
	bl	irq_dispatch
	/* a nested exception would have changed them */
	ldr	x1, [sp, #256]
	msr	spsr_el1, x1
	ldp	x30, x1, [sp, #240]
	msr	elr_el1, x1
	ldp	x0, x1, [sp]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	add	sp, sp, #FRAME_SIZE
	eret

unexpected:
	save_rest
	mov	x1, x0
	mov	x0, sp
	bl	exception_report
	b	inmate_halt
