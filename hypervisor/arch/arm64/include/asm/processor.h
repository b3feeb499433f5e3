/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU primitives the core uses in busy loops and lock-free exchanges.
 */
#ifndef _JAILHOUSE_ASM_PROCESSOR_H
#define _JAILHOUSE_ASM_PROCESSOR_H

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

/* orders all memory accesses of this CPU as seen by the other CPUs */
static inline void memory_barrier(void)
{
	asm volatile("dmb ish" : : : "memory");
}

/* orders stores only, e.g. data before the index that publishes it */
static inline void store_barrier(void)
{
	asm volatile("dmb ishst" : : : "memory");
}

#endif /* !_JAILHOUSE_ASM_PROCESSOR_H */
