// SPDX-License-Identifier: GPL-2.0
/*
 * How the CPUs of a non-root cell stop, and when the cell counts as
 * failed: parking them for the root's management requests (bounded, a CPU
 * that does not answer is taken out of service), a cell that shuts itself
 * down through PSCI SYSTEM_OFF/RESET, a cell whose CPUs all stopped after
 * faults, and a management request that ended in a hypervisor fault.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/cell_lifecycle.h>
#include <jailhouse/control.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>

/*
 * A CPU that did not park in time is held up at EL2 (a CPU at EL1 always
 * takes SGI_EVENT: IRQs are routed to EL2): a hypervisor bug, or a device
 * access that does not complete.  The root must not wait for it for good,
 * so it is taken out of service: it leaves the cell's CPU set (the cell
 * goes on without it, and is destroyed normally), it is not given back to
 * the root (Linux cannot online it: PSCI CPU_ON is refused), and its park
 * request stays pending, so that it parks as soon as it gets back to the
 * exit path, before it could run the cell again
 * (cpu_exit_check_requests()).  It may still be working on the cell's
 * hypervisor data: a cell that lost a CPU is never freed (destroy).
 */
static void take_out_of_service(struct cell *cell, unsigned int cpu)
{
	struct per_cpu *cpu_data = per_cpu(cpu);

	printk("CPU %u of cell \"%s\" did not stop within %u s: taken out of "
	       "service\n", cpu, cell->config->name, CPU_WAIT_TIMEOUT_S);
	spin_lock(&cpu_power_lock);
	cpu_data->lost = true;
	cpu_data->failed = true;
	cell->cpu_set &= ~(1ULL << cpu);
	cell->lost_cpus |= 1ULL << cpu;
	spin_unlock(&cpu_power_lock);
	set_cell_state(cell, JAILHOUSE_CELL_FAILED);
}

/*
 * Stop every CPU of the cell: each parks (power off for the cell) and
 * acknowledges; PSCI CPU_ON inside the cell is refused from now on until
 * the cell starts again.  Bounded: what does not park within
 * CPU_WAIT_TIMEOUT_S is taken out of service.
 */
void cell_park_cpus(struct cell *cell)
{
	u64 start = arch_counter_ticks();
	unsigned int cpu;

	spin_lock(&cpu_power_lock);
	cell->stopping = true;
	spin_unlock(&cpu_power_lock);

	for_each_cell_cpu(cpu, cell)
		cpu_send_request(cpu, CPU_REQ_PARK);
	for_each_cell_cpu(cpu, cell)
		while (per_cpu(cpu)->requests & CPU_REQ_PARK) {
			if (cpu_wait_expired(start)) {
				take_out_of_service(cell, cpu);
				break;
			}
			arch_wait_for_event();
		}
	memory_barrier();
	cell_console_flush(cell);
}

void cell_set_failed(struct cell *cell)
{
	set_cell_state(cell, JAILHOUSE_CELL_FAILED);
}

/*
 * An EL2 fault ended a management request of the root that worked on
 * cell: the request returned -EIO, and the cell may be half changed.
 */
void cell_failed_by_request(struct cell *cell)
{
	struct cell *listed;

	spin_lock(&cell_lock);
	for (listed = cell_list; listed && listed != cell;
	     listed = listed->next)
		;
	if (listed) {
		set_cell_state(cell, JAILHOUSE_CELL_FAILED);
		printk("Cell \"%s\" marked failed: a management request "
		       "on it ended in a hypervisor fault\n",
		       cell->config->name);
	} else {
		printk("A cell creation ended in a hypervisor fault: what it "
		       "had allocated stays used\n");
	}
	spin_unlock(&cell_lock);
}

void cell_cpu_stopped(struct cell *cell)
{
	bool running = false, failed = false;
	unsigned int cpu;

	for_each_cell_cpu(cpu, cell) {
		if (per_cpu(cpu)->failed)
			failed = true;
		else if (per_cpu(cpu)->power_state != CPU_POWER_OFF)
			running = true;
	}
	if (failed && !running) {
		set_cell_state(cell, JAILHOUSE_CELL_FAILED);
		printk("Cell \"%s\" failed: none of its CPUs runs\n",
		       cell->config->name);
	}
}

void cell_stop_self(struct per_cpu *cpu_data, const char *why)
{
	struct cell *cell = cpu_data->cell;
	unsigned int cpu;

	printk("Cell \"%s\" requested %s: shutting it down\n",
	       cell->config->name, why);
	spin_lock(&cpu_power_lock);
	cell->stopping = true;
	cpu_data->power_state = CPU_POWER_OFF;
	spin_unlock(&cpu_power_lock);
	set_cell_state(cell, JAILHOUSE_CELL_SHUT_DOWN);

	for_each_cell_cpu(cpu, cell)
		if (cpu != cpu_data->cpu_id)
			cpu_send_request(cpu, CPU_REQ_PARK);
	cpu_park(cpu_data);
}
