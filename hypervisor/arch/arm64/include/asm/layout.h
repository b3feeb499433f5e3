/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the hypervisor image lives.  Included by C, assembly and the linker
 * script, so only preprocessor definitions here.
 *
 * The image is linked at JAILHOUSE_BASE, Jailhouse's arm64 choice: a
 * virtual address high in the lower half of the EL2 address space (EL2
 * without VHE has only TTBR0), far from any physical RAM address so that
 * an identity-mapped trampoline never collides with it.  The driver loads
 * the image at any page-aligned physical address; everything the driver
 * needs from the header is an offset from the image start, never a link
 * address.
 */
#ifndef _JAILHOUSE_ASM_LAYOUT_H
#define _JAILHOUSE_ASM_LAYOUT_H

#define JAILHOUSE_BASE		0xffffc0200000

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1 << PAGE_SHIFT)

/* the EL2 vector table must be 2 KiB aligned (VBAR_EL2 bits 10:0 RES0) */
#define VECTOR_TABLE_ALIGN	2048

/* stack of each CPU, the first member of struct per_cpu (entry.S finds it) */
#define PERCPU_STACK_SIZE	(3 * PAGE_SIZE)
/* struct per_cpu: requests (u32) right above the stack, then held_locks */
#define PERCPU_REQUESTS		PERCPU_STACK_SIZE
#define PERCPU_HELD_LOCKS	(PERCPU_STACK_SIZE + 8)
/* CPU_REQ_PARK is this bit of the requests */
#define CPU_REQ_PARK_BIT	2

#endif /* !_JAILHOUSE_ASM_LAYOUT_H */
