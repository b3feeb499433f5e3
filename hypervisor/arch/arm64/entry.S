/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 exception vectors.  header.entry holds the offset of hyp_vectors; a
 * driver that installs it through the Linux hyp stub (HVC_SET_VECTORS,
 * x1 = physical address) and then issues an hvc lands in the lower-EL
 * synchronous handler below, at EL2 with the MMU off.
 *
 * State of this step: the hypervisor cannot be entered yet.  Every hvc
 * from EL1 returns -ENOSYS in x0 right away, so a caller sees a clear
 * error instead of a hang; note that this also answers the stub's own
 * calls (e.g. HVC_RESET_VECTORS) with -ENOSYS, so a driver must not
 * install this table today.  Everything else that could reach EL2 is
 * unexpected here and parks the CPU: without MMU and UART, EL2 has no
 * way to report it.
 *
 * Next step (EL2 entry): the lower-EL AArch64 sync handler checks
 * ESR_EL2.EC for HVC64, saves Linux's callee-saved registers, builds the
 * bootstrap page tables from the header, enables the EL2 MMU at
 * JAILHOUSE_BASE, switches to the per-CPU stack and calls the core's
 * entry(cpu_id, per_cpu); after that a second vector table handles the
 * cells' traps.
 */
#include <jailhouse/errno.h>
#include <asm/layout.h>

#define ESR_EC_SHIFT		26
#define ESR_EC_HVC64		0x16
#define ESR_EC_HVC32		0x12

/* each vector entry is 32 instructions; pad to the next one */
.macro vector_entry label
	.balign	0x80
	b	\label
.endm

	.section .text.vectors, "ax"
	.balign	VECTOR_TABLE_ALIGN
	.globl	hyp_vectors
hyp_vectors:
	/* current EL with SP_EL0 */
	vector_entry	park_cpu
	vector_entry	park_cpu
	vector_entry	park_cpu
	vector_entry	park_cpu
	/* current EL with SP_ELx */
	vector_entry	park_cpu
	vector_entry	park_cpu
	vector_entry	park_cpu
	vector_entry	park_cpu
	/* lower EL, AArch64 */
	vector_entry	lower_el_sync
	vector_entry	park_cpu
	vector_entry	park_cpu
	vector_entry	park_cpu
	/* lower EL, AArch32 */
	vector_entry	lower_el_sync
	vector_entry	park_cpu
	vector_entry	park_cpu
	vector_entry	park_cpu
	.balign	0x80

	.text
lower_el_sync:
	/* x0 is the only register an hvc caller expects to change */
	mrs	x0, esr_el2
	lsr	x0, x0, #ESR_EC_SHIFT
	cmp	x0, #ESR_EC_HVC64
	b.eq	1f
	cmp	x0, #ESR_EC_HVC32
	b.ne	park_cpu
1:	mov	x0, #-ENOSYS
	eret

park_cpu:
	msr	daifset, #0xf
1:	wfi
	b	1b
