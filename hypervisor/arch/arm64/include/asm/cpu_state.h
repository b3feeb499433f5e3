/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resetting what a guest can read of a CPU when the CPU changes owner
 * (cpu_state.c).
 */
#ifndef _JAILHOUSE_ASM_CPU_STATE_H
#define _JAILHOUSE_ASM_CPU_STATE_H

struct per_cpu;

/* At enable, on each CPU: remember the values only the firmware knows. */
void arch_cpu_state_capture(struct per_cpu *cpu_data);

/* Every register a guest can read to its reset value; the last step
 * before the CPU enters a new owner. */
void arch_cpu_state_reset(struct per_cpu *cpu_data);

#endif /* !_JAILHOUSE_ASM_CPU_STATE_H */
