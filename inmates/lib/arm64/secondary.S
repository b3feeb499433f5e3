/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry of a secondary CPU started by smp_start_cpu() (smp.c): PSCI
 * CPU_ON enters here at EL1, MMU off, x0 = its boot slot.  The MMU goes on
 * before the first store, so the CPU never writes memory the boot CPU
 * may hold in its cache.
 */

/* struct secondary_boot, checked in smp.c */
#define SLOT_MAIR	0
#define SLOT_TCR	8
#define SLOT_TTBR0	16
#define SLOT_SCTLR	24
#define SLOT_VBAR	32
#define SLOT_STACK_TOP	40

	.text
	.globl	__secondary_entry
__secondary_entry:
	msr	daifset, #0xf
	ldr	x1, [x0, #SLOT_MAIR]
	msr	mair_el1, x1
	ldr	x1, [x0, #SLOT_TCR]
	msr	tcr_el1, x1
	ldr	x1, [x0, #SLOT_TTBR0]
	msr	ttbr0_el1, x1
	ldr	x1, [x0, #SLOT_VBAR]
	msr	vbar_el1, x1
	isb
	/* nothing of an earlier life of this CPU in the cell may survive */
	tlbi	vmalle1
	dsb	nsh
	isb
	ldr	x1, [x0, #SLOT_SCTLR]
	msr	sctlr_el1, x1
	isb

	ldr	x1, [x0, #SLOT_STACK_TOP]
	mov	sp, x1
	bl	secondary_c_entry
	b	inmate_halt
