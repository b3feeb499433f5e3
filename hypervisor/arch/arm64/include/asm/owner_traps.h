/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-owner traps of the PMU at EL2, SPE, TRBE, trace filter and AMU
 * (owner_traps.c).
 */
#ifndef _JAILHOUSE_ASM_OWNER_TRAPS_H
#define _JAILHOUSE_ASM_OWNER_TRAPS_H

#include <jailhouse/types.h>

struct per_cpu;

/* MDCR_EL2 and CPTR_EL2 for the CPU's current owner (cpu_data->cell). */
void arch_owner_traps_apply(struct per_cpu *cpu_data);
/* Stop and clear the profiling and trace buffers: before a cell runs. */
void owner_traps_reset_units(void);
/* A trapped MSR/MRS of one of these units, and what a read returns. */
bool owner_trap_is_unit_reg(u32 iss);
u64 owner_trap_read_value(u32 iss);

#endif /* !_JAILHOUSE_ASM_OWNER_TRAPS_H */
