/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device accesses the hypervisor performs for a cell (sub-page regions):
 * the only EL2 accesses whose target a cell chooses, and so the only ones
 * where a device may answer with an error.  A device (or the interconnect,
 * for an address nothing decodes) can refuse an access with a synchronous
 * external abort, e.g. AXI SLVERR/DECERR; QEMU's virt machine does that
 * for unassigned addresses.  At EL2 that is an exception of the
 * hypervisor itself, so each accessor has a fixup: an exception whose
 * ELR_EL2 lies inside one of the ranges of __ex_table continues at the
 * range's fixup (hyp_fault.c), which makes the accessor return -EIO.  The
 * caller reports the access and applies the cell's policy.
 *
 *   int dev_read(const void *addr, unsigned int size, u64 *value);
 *   int dev_write(void *addr, unsigned int size, u64 value);
 *
 * size is 1, 2, 4 or 8 and addr aligned to it (the caller splits
 * anything else: an unaligned access to Device memory is an alignment
 * fault, fixed up here too, but never meant).  Returns 0 or -EIO.
 *
 * A posted write's error may instead come later as an SError.  With
 * HCR_EL2.AMO clear that goes to EL1: to the cell that made the access,
 * whose CPU the hypervisor returns to next, as if it had made it itself.
 */
#include <jailhouse/errno.h>

/* the accesses between from and to may fault; the function then returns
 * -EIO to its caller (x30 is untouched: leaf functions) */
.macro fixup_range from, to
	.pushsection __ex_table, "a"
	.balign	8
	.quad	\from, \to, dev_access_failed
	.popsection
.endm

	.text
	.globl	dev_read
	.type	dev_read, %function
dev_read:
	cmp	w1, #2
	b.eq	2f
	b.hi	4f
	ldrb	w3, [x0]
	b	9f
2:	ldrh	w3, [x0]
	b	9f
4:	cmp	w1, #4
	b.ne	8f
	ldr	w3, [x0]
	b	9f
8:	ldr	x3, [x0]
9:	str	x3, [x2]
	mov	w0, #0
	ret
dev_read_end:
	.size	dev_read, . - dev_read
	fixup_range dev_read, dev_read_end

	.globl	dev_write
	.type	dev_write, %function
dev_write:
	cmp	w1, #2
	b.eq	2f
	b.hi	4f
	strb	w2, [x0]
	b	9f
2:	strh	w2, [x0]
	b	9f
4:	cmp	w1, #4
	b.ne	8f
	str	w2, [x0]
	b	9f
8:	str	x2, [x0]
	/* a non-posted write's error is synchronous: take it here */
9:	dsb	sy
	mov	w0, #0
	ret
dev_write_end:
	.size	dev_write, . - dev_write
	fixup_range dev_write, dev_write_end

dev_access_failed:
	mov	w0, #-EIO
	ret
