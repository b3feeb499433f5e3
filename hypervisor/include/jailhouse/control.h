/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Global state of the running hypervisor and the core's entry points.
 */
#ifndef _JAILHOUSE_CONTROL_H
#define _JAILHOUSE_CONTROL_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct per_cpu;

/* the hypervisor's validated copy of the system config */
extern struct jailhouse_system *system_config;

/* number of CPUs that entered the hypervisor (header.online_cpus) */
extern unsigned int hypervisor_online_cpus;

/* Hypercall dispatcher: code and arguments from the guest's x0..x2. */
long hypercall(struct per_cpu *cpu_data, unsigned long code,
	       unsigned long arg1, unsigned long arg2);

/*
 * Stop the current CPU for good after a fatal error in its cell: report
 * already printed.  The CPU waits in WFI with only management requests
 * (SGI_EVENT) answered; it never returns to the guest.
 */
void __attribute__((noreturn)) panic_park(void);

/*
 * Post a CPU_REQ_* to a CPU and kick it with SGI_EVENT; cpu_park() waits
 * for them.
 */
void cpu_send_request(unsigned int cpu, u32 request);
void cpu_park(struct per_cpu *cpu_data);

/* Pool usage line of the startup messages. */
void print_pool_usage(const char *when);

/* Set up the root cell from system_config (first CPU, during enable). */
int root_cell_init(void);

#endif /* !_JAILHOUSE_CONTROL_H */
