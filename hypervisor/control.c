// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls, CPU parking and disabling the hypervisor.
 *
 * Hypercall policy (hvc #0x4a48, code in x0):
 *   DISABLE, CELL_CREATE/START/SET_LOADABLE/DESTROY, CELL_GET_STATE:
 *	management, reserved to the root cell: -EPERM from any other cell.
 *	CELL_GET_STATE knows the root cell (id 0: RUNNING), -ENOENT for
 *	other ids; the other cell management calls return -ENOSYS from the
 *	root for now: non-root cells are not implemented yet.
 *   HYPERVISOR_GET_INFO, CPU_GET_INFO: root cell; another cell may only
 *	ask about its own CPUs.
 *   DEBUG_CONSOLE_PUTC: the root cell, and cells whose config permits
 *	the virtual console.
 *   anything else: -ENOSYS.
 *
 * Disable: every root CPU issues JAILHOUSE_HC_DISABLE (the driver calls
 * it on each online CPU).  The first one announces the shutdown and asks
 * the root's parked CPUs (PSCI CPU_OFF) to leave too; each CPU then
 * leaves EL2 on its own, returning from its hypercall with 0.  Parked
 * CPUs are switched off through the firmware's PSCI, as Linux believes
 * them to be.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/irqchip.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/traps.h>

/* CPU_GET_INFO statistics are non-negative longs for any caller */
#define STAT_VALUE_MASK		0x7fffffffU

static spinlock_t shutdown_lock = SPINLOCK_INIT;
static bool shutdown_started;
static spinlock_t request_lock = SPINLOCK_INIT;

void cpu_send_request(unsigned int cpu, u32 request)
{
	spin_lock(&request_lock);
	per_cpu(cpu)->requests |= request;
	spin_unlock(&request_lock);
	irqchip_send_sgi(cpu, SGI_EVENT);
}

static bool cpu_take_request(struct per_cpu *cpu_data, u32 request)
{
	bool taken;

	spin_lock(&request_lock);
	taken = cpu_data->requests & request;
	cpu_data->requests &= ~request;
	spin_unlock(&request_lock);
	return taken;
}

static unsigned int max_cpus(void)
{
	return hypervisor_header.max_cpus;
}

static void __attribute__((noreturn))
cpu_leave(struct per_cpu *cpu_data, struct trap_context *frame, bool off)
{
	printk(" Releasing CPU %u\n", cpu_data->cpu_id);
	irqchip_cpu_shutdown(cpu_data);
	arch_cpu_exit(cpu_data, frame, 0, off);
}

static long hypervisor_disable(struct per_cpu *cpu_data)
{
	unsigned int cpu;

	spin_lock(&shutdown_lock);
	if (!shutdown_started) {
		shutdown_started = true;
		printk("Shutting down hypervisor\n");
		for (cpu = 0; cpu < max_cpus(); cpu++) {
			struct per_cpu *other = per_cpu(cpu);

			if (!cell_has_cpu(&root_cell, cpu) ||
			    other == cpu_data ||
			    (other->power_state != CPU_POWER_OFF &&
			     !other->failed))
				continue;
			cpu_send_request(cpu, CPU_REQ_SHUTDOWN);
		}
	}
	spin_unlock(&shutdown_lock);

	cpu_leave(cpu_data, cpu_data->trap_ctx, false);
}

static long cpu_get_info(struct per_cpu *cpu_data, unsigned long cpu,
			 unsigned long type)
{
	struct per_cpu *target;

	if (cpu >= max_cpus() || !cell_has_cpu(&root_cell, cpu))
		return -EINVAL;
	if (cpu_data->cell != &root_cell && !cell_has_cpu(cpu_data->cell, cpu))
		return -EPERM;
	target = per_cpu(cpu);

	if (type == JAILHOUSE_CPU_INFO_STATE)
		return target->failed ? JAILHOUSE_CPU_FAILED :
			JAILHOUSE_CPU_RUNNING;
	if (type >= JAILHOUSE_CPU_INFO_STAT_BASE &&
	    type - JAILHOUSE_CPU_INFO_STAT_BASE < JAILHOUSE_NUM_CPU_STATS)
		return target->stats[type - JAILHOUSE_CPU_INFO_STAT_BASE] &
			STAT_VALUE_MASK;
	return -EINVAL;
}

static long hypervisor_get_info(unsigned long type)
{
	switch (type) {
	case JAILHOUSE_INFO_MEM_POOL_SIZE:
		return mem_pool.pages;
	case JAILHOUSE_INFO_MEM_POOL_USED:
		return mem_pool.used_pages;
	case JAILHOUSE_INFO_REMAP_POOL_SIZE:
		return remap_pool.pages;
	case JAILHOUSE_INFO_REMAP_POOL_USED:
		return remap_pool.used_pages;
	case JAILHOUSE_INFO_NUM_CELLS:
		return 1;
	default:
		return -EINVAL;
	}
}

static long debug_console_putc(struct per_cpu *cpu_data, unsigned long c)
{
	struct cell *cell = cpu_data->cell;

	if (cell != &root_cell &&
	    !CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(cell->config->flags))
		return -EPERM;
	printk("%c", (char)c);
	return 0;
}

long hypercall(struct per_cpu *cpu_data, unsigned long code,
	       unsigned long arg1, unsigned long arg2)
{
	bool root = cpu_data->cell == &root_cell;

	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL]++;

	switch (code) {
	case JAILHOUSE_HC_HYPERVISOR_GET_INFO:
		return root ? hypervisor_get_info(arg1) : -EPERM;
	case JAILHOUSE_HC_CPU_GET_INFO:
		return cpu_get_info(cpu_data, arg1, arg2);
	case JAILHOUSE_HC_DEBUG_CONSOLE_PUTC:
		return debug_console_putc(cpu_data, arg1);
	case JAILHOUSE_HC_DISABLE:
		return root ? hypervisor_disable(cpu_data) : -EPERM;
	case JAILHOUSE_HC_CELL_GET_STATE:
		if (!root)
			return -EPERM;
		return arg1 == root_cell.id ? JAILHOUSE_CELL_RUNNING : -ENOENT;
	case JAILHOUSE_HC_CELL_CREATE:
	case JAILHOUSE_HC_CELL_START:
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
	case JAILHOUSE_HC_CELL_DESTROY:
		return root ? -ENOSYS : -EPERM;
	default:
		return -ENOSYS;
	}
}

void arch_handle_sgi_event(struct per_cpu *cpu_data)
{
	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT]++;
}

/*
 * Wait in the hypervisor until a request arrives: the CPU is off for its
 * cell (PSCI CPU_OFF) or stopped after a fatal trap.  Returns on a resume
 * request; leaves the hypervisor on a shutdown request.
 */
void cpu_park(struct per_cpu *cpu_data)
{
	for (;;) {
		if (cpu_data->requests & CPU_REQ_SHUTDOWN)
			cpu_leave(cpu_data, cpu_data->trap_ctx, true);
		if (cpu_take_request(cpu_data, CPU_REQ_RESUME))
			return;
		arch_cpu_idle();
	}
}

void __attribute__((noreturn)) panic_park(void)
{
	struct per_cpu *cpu_data = this_cpu_data();

	cpu_data->failed = true;
	printk("CPU %u stopped: it waits in the hypervisor until disable\n",
	       cpu_data->cpu_id);
	for (;;)
		cpu_park(cpu_data);
}
