/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data.  The page pool starts with max_cpus of these (the driver
 * learns the size from the image header: percpu_size), followed by the
 * system config.
 */
#ifndef _JAILHOUSE_PERCPU_H
#define _JAILHOUSE_PERCPU_H

#include <jailhouse/types.h>
#include <jailhouse/hypercall.h>
#include <asm/layout.h>
#include <asm/gic_percpu.h>
#include <asm/percpu.h>
#include <asm/spinlock.h>

/* tables the CPU builds for itself to switch its MMU on (arch) */
#define PERCPU_BOOT_TABLES	5

struct cell;
struct trap_context;

/* Power state of a CPU as the cell's PSCI sees it. */
enum cpu_power_state {
	CPU_POWER_ON,
	CPU_POWER_OFF,		/* parked in the hypervisor */
	CPU_POWER_ON_PENDING,	/* CPU_ON accepted, not yet resumed */
};

/* Requests to a parked or running CPU, answered on SGI_EVENT. */
#define CPU_REQ_RESUME		0x1	/* leave the park at resume_entry */
#define CPU_REQ_SHUTDOWN	0x2	/* hypervisor disable: leave EL2 */
/* stop running the cell: park (power off); acknowledged by clearing it */
#define CPU_REQ_PARK		(1 << CPU_REQ_PARK_BIT)

struct per_cpu {
	/* lowest address: an overflow runs into the previous CPU's data */
	u8 stack[PERCPU_STACK_SIZE];
	/*
	 * Right above the stack, where the exit paths find them from the
	 * trap frame and asm/spinlock.h from TPIDR_EL2 alone: the requests
	 * (CPU_REQ_*, set under request_lock; every return to a guest
	 * checks CPU_REQ_PARK) and the locks this CPU holds.
	 */
	volatile u32 requests;
	struct held_locks held_locks;
	/* bootstrap translation tables, used only while entering */
	u64 boot_tables[PERCPU_BOOT_TABLES][PAGE_SIZE / 8]
		__attribute__((aligned(PAGE_SIZE)));

	unsigned int cpu_id;
	u64 mpidr;
	/*
	 * Runs on the hypervisor's page tables (not the bootstrap ones):
	 * what the hypervisor mapped, the debug UART too, is reachable.
	 */
	bool hv_paging_active;
	struct cell *cell;

	/* exit counters, JAILHOUSE_CPU_STAT_* */
	u32 stats[JAILHOUSE_NUM_CPU_STATS];
	/* CPU stopped by a fatal trap (reported by JAILHOUSE_CPU_INFO_STATE) */
	bool failed;

	/* frame of the guest registers of the trap being handled */
	struct trap_context *trap_ctx;
	/* frame saved when the CPU entered from Linux (restored on exit) */
	struct trap_context *entry_ctx;

	/* PSCI emulation */
	volatile enum cpu_power_state power_state;
	u64 resume_entry;
	u64 resume_context;
	/* inside cpu_park(): SGI_EVENT only wakes the loop */
	volatile bool in_park;
	/* moved to another cell since it last ran: reset its GIC state */
	bool cell_changed;

	/*
	 * EL2 fault recovery (arch hyp_fault.c): the CPU serves guests
	 * (enable is through, no disable yet); it is inside the recovery
	 * (a second fault stops it dead); the cell a management request of
	 * this CPU works on; FAR_EL2 of the exit being handled.
	 */
	bool serving;
	bool in_hyp_fault;
	struct cell *mgmt_cell;
	u64 exit_far;
	/*
	 * Taken out of service: it did not stop for its cell in time.  Its
	 * park request stays pending, no cell gets it again (cell_control.c).
	 */
	volatile bool lost;

	/* physical address of this structure */
	unsigned long phys;

	struct arch_per_cpu arch;

	struct gic_percpu gic;
} __attribute__((aligned(PAGE_SIZE)));

/* the per_cpu of CPU cpu (logical id, < header.max_cpus) */
static inline struct per_cpu *per_cpu(unsigned int cpu)
{
	/* the per-CPU areas come first in the page pool (image.h) */
	extern u8 __page_pool[];

	return (struct per_cpu *)__page_pool + cpu;
}

/* the per_cpu of the running CPU (kept in TPIDR_EL2 by the arch) */
static inline struct per_cpu *this_cpu_data(void)
{
	return arch_this_cpu_data();
}

static inline struct cell *this_cell(void)
{
	return this_cpu_data()->cell;
}

#endif /* !_JAILHOUSE_PERCPU_H */
