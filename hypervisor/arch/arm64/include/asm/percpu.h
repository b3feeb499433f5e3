/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 part of the per-CPU data: where the running CPU finds its own, and
 * the state of the PSCI emulation for the root cell's CPUs.
 */
#ifndef _JAILHOUSE_ASM_PERCPU_H
#define _JAILHOUSE_ASM_PERCPU_H

#include <jailhouse/types.h>

struct per_cpu;

/* EL2 state of Linux, restored when the CPU leaves the hypervisor */
struct arch_per_cpu {
	u64 linux_hcr;
	/* ACTLR_EL1 as the firmware left it: what each new owner gets */
	u64 actlr_el1;
	/* CNTHCTL_EL2: the hypervisor adds an event stream, exit restores */
	u64 linux_cnthctl;
	/* Linux's debug and coprocessor traps: the root's, restored at exit */
	u64 linux_mdcr;
	u64 linux_cptr;
};

static inline struct per_cpu *arch_this_cpu_data(void)
{
	struct per_cpu *cpu_data;

	asm volatile("mrs %0, tpidr_el2" : "=r" (cpu_data));
	return cpu_data;
}

#endif /* !_JAILHOUSE_ASM_PERCPU_H */
