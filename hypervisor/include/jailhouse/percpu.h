/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data.  The page pool starts with max_cpus of these (the driver
 * learns the size from the image header: percpu_size), followed by the
 * system config.  Only the stack exists so far; the EL2 entry (next step)
 * adds the per-CPU state it needs, and the header picks the size up.
 */
#ifndef _JAILHOUSE_PERCPU_H
#define _JAILHOUSE_PERCPU_H

#include <jailhouse/types.h>
#include <asm/layout.h>

#define PERCPU_STACK_SIZE	(3 * PAGE_SIZE)

struct per_cpu {
	/* lowest address: an overflow runs into the previous CPU's page */
	u8 stack[PERCPU_STACK_SIZE];
	unsigned int cpu_id;
} __attribute__((aligned(PAGE_SIZE)));

#endif /* !_JAILHOUSE_PERCPU_H */
