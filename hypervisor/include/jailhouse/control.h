/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Global state of the running hypervisor and the core's entry points.
 */
#ifndef _JAILHOUSE_CONTROL_H
#define _JAILHOUSE_CONTROL_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/percpu.h>

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

/*
 * The CPU waits in the hypervisor (powered off for its cell, or stopped
 * after a fault) until a request arrives: CPU_REQ_RESUME starts it afresh
 * at resume_entry in its current cell (arch_cpu_start), CPU_REQ_SHUTDOWN
 * makes it leave EL2, CPU_REQ_PARK is acknowledged.  Never returns: the
 * trap frame it came from is abandoned.
 */
void __attribute__((noreturn)) cpu_park(struct per_cpu *cpu_data);

/*
 * Called before every return to a guest (traps, hypercalls, interrupts):
 * parks the CPU if a park request is pending, else returns.
 */
void __attribute__((noreturn)) cpu_park_on_exit(struct per_cpu *cpu_data);

static inline void cpu_exit_check_requests(struct per_cpu *cpu_data)
{
	if (__builtin_expect(cpu_data->requests & CPU_REQ_PARK, 0))
		cpu_park_on_exit(cpu_data);
}

/*
 * How long a CPU waits for other CPUs to act (the enable rendezvous,
 * parking a cell's CPUs) before it gives up and names them: a CPU that
 * never comes must not keep the others at EL2 for good.  Under QEMU TCG
 * with 16 vCPUs on 2 busy host cores a whole enable takes a few seconds;
 * this leaves a wide margin and is still short for a human.
 */
#define CPU_WAIT_TIMEOUT_S	10

/* Whether CPU_WAIT_TIMEOUT_S passed since @start (arch_counter_ticks()). */
bool cpu_wait_expired(u64 start);

/*
 * Guards the power_state of all CPUs and their move between cells:
 * PSCI CPU_ON and cell management take it.
 */
extern spinlock_t cpu_power_lock;

/*
 * Serialises cell management (cell_control.c) and guards cell_list.  A
 * CPU that a management request may be waiting for (any cell's, in a
 * trap) only tries it: spin_trylock().
 */
extern spinlock_t cell_lock;

/* Print a finding of the config checker on the hypervisor console. */
struct config_check_finding;
void print_config_finding(void *ctx, const struct config_check_finding *f);

/* Cell management hypercalls (root cell only; cell_control.c). */
long cell_create(struct per_cpu *cpu_data, unsigned long config_address);
long cell_start(struct per_cpu *cpu_data, unsigned long id);
long cell_set_loadable(struct per_cpu *cpu_data, unsigned long id);
long cell_destroy(struct per_cpu *cpu_data, unsigned long id);
long cell_get_state(unsigned long id);
unsigned int cell_count(void);

/*
 * A CPU of a non-root cell stopped on its own (fault, CPU_OFF): mark the
 * cell FAILED when none of its CPUs runs any more and one of them failed.
 */
struct cell;
void cell_cpu_stopped(struct cell *cell);

/*
 * PSCI SYSTEM_OFF/SYSTEM_RESET from a non-root cell: the cell is shut
 * down (state SHUT_DOWN, every CPU parked, this one included).
 */
void __attribute__((noreturn)) cell_stop_self(struct per_cpu *cpu_data,
					      const char *why);

/* Mark the cell FAILED (comm region), e.g. after an EL2 fault on its CPU. */
void cell_set_failed(struct cell *cell);
/* An EL2 fault ended a management request on cell (hyp_fault.c). */
void cell_failed_by_request(struct cell *cell);

/* DEBUG_CONSOLE_PUTC of a non-root cell: lines tagged "[NAME] ". */
void cell_console_putc(struct cell *cell, char c);
void cell_console_flush(struct cell *cell);

/* Pool usage line of the startup messages. */
void print_pool_usage(const char *when);

/* Set up the root cell from system_config (first CPU, during enable). */
int root_cell_init(void);

#endif /* !_JAILHOUSE_CONTROL_H */
