/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cell entry.  The hypervisor starts the cell's first CPU at IPA 0, at EL1
 * with the MMU off and an unknown stack; this gets C going.
 */

/* SCTLR_EL1 with only its RES1 bits: MMU, caches, alignment checks off */
#define SCTLR_EL1_RES1	0x30d00800

	.section .boot, "ax"
	.globl	__reset_entry
__reset_entry:
	msr	daifset, #0xf
	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	isb

	adrp	x0, vectors
	add	x0, x0, :lo12:vectors
	msr	vbar_el1, x0

	adrp	x0, stack_top
	add	x0, x0, :lo12:stack_top
	mov	sp, x0

	/* nothing may have cleared bss: the image file ends before it */
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b

2:	bl	c_entry
	b	inmate_halt
	.ltorg

/*
 * The command line buffer, filled by `jailhouse cell load ... -s "..." -a
 * 0x1000`.  Weak: an inmate can define its own cmdline[] (in .cmdline) to
 * give defaults.
 */
	.section .cmdline, "aw"
	.weak	cmdline
cmdline:
	.fill	256, 1, 0
