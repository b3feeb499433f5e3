// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls, CPU parking and disabling the hypervisor.
 *
 * Hypercall policy (hvc #0x4a48, code in x0):
 *   DISABLE, CELL_CREATE/START/SET_LOADABLE/DESTROY, CELL_GET_STATE:
 *	management, reserved to the root cell: -EPERM from any other cell
 *	(cell_control.c implements the cell calls).
 *   HYPERVISOR_GET_INFO: root cell.  CPU_GET_INFO: root cell; another
 *	cell may only ask about its own CPUs.
 *   DEBUG_CONSOLE_PUTC: the root cell, and cells whose config permits
 *	the virtual console (their lines are tagged with the cell name).
 *   anything else: -ENOSYS.
 *
 * Disable: every root CPU issues JAILHOUSE_HC_DISABLE (the driver calls
 * it on each online CPU) once no other cell exists (-EBUSY before).  The
 * first one announces the shutdown and asks the root's parked CPUs (PSCI
 * CPU_OFF) to leave too; each CPU then leaves EL2 on its own, returning
 * from its hypercall with 0.  Parked CPUs are switched off through the
 * firmware's PSCI, as Linux believes them to be.
 *
 * Parking: a CPU that does not run its cell (PSCI CPU_OFF, a fault, the
 * cell shut down or not started yet) waits in cpu_park() on its own
 * stack, abandoning the frame it came from: it only ever leaves by
 * starting afresh (arch_cpu_start) or by leaving EL2.
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
#include <jailhouse/test_hooks.h>
#include <asm/traps.h>

/* CPU_GET_INFO statistics are non-negative longs for any caller */
#define STAT_VALUE_MASK		0x7fffffffU

static spinlock_t shutdown_lock = SPINLOCK_INIT;
static bool shutdown_started;
static spinlock_t request_lock = SPINLOCK_INIT;
spinlock_t cpu_power_lock = SPINLOCK_INIT;

void cpu_send_request(unsigned int cpu, u32 request)
{
	spin_lock(&request_lock);
	per_cpu(cpu)->requests |= request;
	spin_unlock(&request_lock);
	irqchip_send_sgi(cpu, SGI_EVENT);
}

/*
 * The requests to act on now.  A park request wins over a pending resume
 * (both are consumed): the cell is being stopped.  The park request is
 * cleared only after power_state says OFF, which is what the requester
 * waits for.
 */
static u32 cpu_take_requests(struct per_cpu *cpu_data)
{
	u32 requests;

	spin_lock(&request_lock);
	requests = cpu_data->requests;
	if (requests & CPU_REQ_PARK) {
		cpu_data->power_state = CPU_POWER_OFF;
		memory_barrier();
		cpu_data->requests &= ~(CPU_REQ_PARK | CPU_REQ_RESUME);
		requests &= ~CPU_REQ_RESUME;
	} else {
		cpu_data->requests &= ~CPU_REQ_RESUME;
	}
	spin_unlock(&request_lock);
	if (requests & CPU_REQ_PARK)
		arch_send_event();
	return requests;
}

bool cpu_wait_expired(u64 start)
{
	return arch_counter_ticks() - start >
		CPU_WAIT_TIMEOUT_S * arch_counter_freq();
}

static unsigned int max_cpus(void)
{
	return hypervisor_header.max_cpus;
}

static void __attribute__((noreturn))
cpu_leave(struct per_cpu *cpu_data, struct trap_context *frame, bool off)
{
	cpu_data->serving = false;
	printk(" Releasing CPU %u\n", cpu_data->cpu_id);
	irqchip_cpu_shutdown(cpu_data);
	arch_cpu_exit(cpu_data, frame, 0, off);
}

/*
 * A CPU out of service (cell_control.c) that never parked is still
 * running hypervisor code: the hypervisor's memory must stay.  One that
 * parked since leaves EL2 with the root's parked CPUs.  It may park while
 * the root's CPUs call DISABLE one after the other (the driver calls it
 * on every online CPU), and they must all decide alike: a refusal holds
 * for the rest of that round, i.e. for the other online root CPUs.
 */
static unsigned int disable_refusals_due;

static bool lost_cpu_busy(struct per_cpu *cpu_data)
{
	unsigned int cpu, online = 0;

	if (disable_refusals_due) {
		disable_refusals_due--;
		return true;
	}
	for (cpu = 0; cpu < max_cpus(); cpu++) {
		struct per_cpu *other = per_cpu(cpu);

		if (!other->lost || (other->in_park &&
				     !(other->requests & CPU_REQ_PARK)))
			continue;
		printk("Cannot disable the hypervisor: CPU %u, taken out of "
		       "service, is still inside it\n", cpu);
		for (cpu = 0; cpu < max_cpus(); cpu++)
			if (cell_has_cpu(&root_cell, cpu) &&
			    per_cpu(cpu) != cpu_data &&
			    per_cpu(cpu)->power_state == CPU_POWER_ON)
				online++;
		disable_refusals_due = online;
		return true;
	}
	return false;
}

static long hypervisor_disable(struct per_cpu *cpu_data)
{
	unsigned int cpu;

	spin_lock(&shutdown_lock);
	if (!shutdown_started && cell_list) {
		spin_unlock(&shutdown_lock);
		printk("Cannot disable the hypervisor: %u non-root cell%s "
		       "still exist%s\n", cell_count(),
		       cell_count() == 1 ? "" : "s",
		       cell_count() == 1 ? "s" : "");
		return -EBUSY;
	}
	if (!shutdown_started && lost_cpu_busy(cpu_data)) {
		spin_unlock(&shutdown_lock);
		return -EBUSY;
	}
	if (!shutdown_started) {
		shutdown_started = true;
		printk("Shutting down hypervisor\n");
		for (cpu = 0; cpu < max_cpus(); cpu++) {
			struct per_cpu *other = per_cpu(cpu);

			if (other->lost) {
				cpu_send_request(cpu, CPU_REQ_SHUTDOWN);
				continue;
			}
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

	/* every CPU the hypervisor manages was the root's at enable */
	if (cpu >= max_cpus() ||
	    !jailhouse_cell_has_cpu(&system_config->root_cell, cpu))
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
		return 1 + cell_count();
	default:
		return -EINVAL;
	}
}

static long debug_console_putc(struct per_cpu *cpu_data, unsigned long c)
{
	struct cell *cell = cpu_data->cell;

	if (cell == &root_cell) {
		printk("%c", (char)c);
		return 0;
	}
	if (!CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(cell->config->flags))
		return -EPERM;
	cell_console_putc(cell, (char)c);
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
		return root ? cell_get_state(arg1) : -EPERM;
	case JAILHOUSE_HC_CELL_CREATE:
		return root ? cell_create(cpu_data, arg1) : -EPERM;
	case JAILHOUSE_HC_CELL_START:
		return root ? cell_start(cpu_data, arg1) : -EPERM;
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
		return root ? cell_set_loadable(cpu_data, arg1) : -EPERM;
	case JAILHOUSE_HC_CELL_DESTROY:
		return root ? cell_destroy(cpu_data, arg1) : -EPERM;
	default:
#ifdef HV_TEST_HOOKS
		{
			long result;

			if (test_hook_hypercall(cpu_data, code, arg1, &result))
				return result;
		}
#endif
		return -ENOSYS;
	}
}

/*
 * A running CPU is asked to stop its cell: the guest's state is not
 * needed any more, so the CPU parks right here, inside the interrupt
 * handler.  In the park loop the event only wakes the loop.
 */
void arch_handle_sgi_event(struct per_cpu *cpu_data)
{
	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT]++;
	if (!cpu_data->in_park && (cpu_data->requests & CPU_REQ_PARK))
		cpu_park(cpu_data);
}

/*
 * Before any return to a guest: a CPU asked to park does so here and
 * never runs the guest again.  This is what keeps a CPU that was held up
 * at EL2 past the park timeout (taken out of service, cell_control.c) from
 * entering a cell whose memory went back to the root meanwhile.  The
 * request was posted before the requester started to wait, seconds ago,
 * so this plain load sees it.
 */
void cpu_park_on_exit(struct per_cpu *cpu_data)
{
	if (cpu_data->lost)
		printk("CPU %u came back to the hypervisor and parked; it "
		       "stays out of service\n", cpu_data->cpu_id);
	cpu_park(cpu_data);
}

void cpu_park(struct per_cpu *cpu_data)
{
	u32 requests;

	cpu_data->in_park = true;
	/*
	 * An EL2 fault recovery ends here (hyp_fault.c).  The frames left
	 * behind hold no lock (every caller released its own): should one
	 * not have, the list must not make a later recovery release it.
	 */
	cpu_data->in_hyp_fault = false;
	cpu_data->held_locks.count = 0;
	arch_cpu_stop_guest();
	for (;;) {
		requests = cpu_take_requests(cpu_data);
		if (requests & CPU_REQ_SHUTDOWN)
			cpu_leave(cpu_data, cpu_data->trap_ctx, true);
		if (requests & CPU_REQ_RESUME) {
			spin_lock(&cpu_power_lock);
			cpu_data->power_state = CPU_POWER_ON;
			spin_unlock(&cpu_power_lock);
			/* arch_cpu_start() clears in_park last */
			arch_cpu_start(cpu_data, cpu_data->resume_entry,
				       cpu_data->resume_context);
		}
		arch_cpu_idle();
	}
}

void __attribute__((noreturn)) panic_park(void)
{
	struct per_cpu *cpu_data = this_cpu_data();
	struct cell *cell = cpu_data->cell;

	spin_lock(&cpu_power_lock);
	cpu_data->failed = true;
	cpu_data->power_state = CPU_POWER_OFF;
	spin_unlock(&cpu_power_lock);
	printk("Parking CPU %u (Cell: \"%s\")\n", cpu_data->cpu_id,
	       cell->config->name);
	if (cell != &root_cell)
		cell_cpu_stopped(cell);
	cpu_park(cpu_data);
}
