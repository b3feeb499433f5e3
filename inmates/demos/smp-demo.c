// SPDX-License-Identifier: GPL-2.0
/*
 * Two CPUs in one cell: the boot CPU starts the cell's second CPU through
 * PSCI CPU_ON (cpu=N on the command line picks its Aff0; default: the boot
 * CPU's + 1), both greet, and an SGI from the first to the second shows
 * that interrupts between the cell's own CPUs work.  Answers shutdown
 * requests.
 */
#include <inmate.h>

#define PING_SGI		1
#define POLL_HZ			100
#define START_TIMEOUT_US	2000000

static volatile bool second_cpu_ready;
static volatile unsigned int pings_received;
static u64 poll_ticks;

static void handle_irq(unsigned int irq)
{
	if (irq == TIMER_IRQ) {
		timer_start(poll_ticks);
	} else if (irq == PING_SGI) {
		pings_received++;
		printk("CPU %u: SGI %u received\n", cpu_id(), irq);
	} else {
		printk("CPU %u: unexpected IRQ %u\n", cpu_id(), irq);
	}
}

static void second_cpu_main(void *arg)
{
	printk("Hello from CPU %u\n", cpu_id());
	if (irq_init(handle_irq))
		return;
	irq_enable(PING_SGI);
	second_cpu_ready = true;

	for (;;)
		wait_for_interrupt();
}

static bool wait_for(volatile bool *flag)
{
	u64 deadline = timer_get_ticks() +
		timer_get_frequency() * (START_TIMEOUT_US / 1000) / 1000;

	while (!*flag && timer_get_ticks() < deadline)
		cpu_relax();
	return *flag;
}

void inmate_main(void)
{
	unsigned int boot_cpu = cpu_id();
	unsigned int second_cpu = cmdline_parse_int("cpu", boot_cpu + 1);
	u64 second_mpidr = (cpu_mpidr() & ~0xffUL) | second_cpu;
	int err;

	printk("Hello from CPU %u\n", boot_cpu);
	if (irq_init(handle_irq))
		return;

	printk("CPU %u: starting CPU %u\n", boot_cpu, second_cpu);
	err = smp_start_cpu(second_mpidr, second_cpu_main, NULL);
	if (err != PSCI_SUCCESS) {
		printk("CPU %u: PSCI CPU_ON of CPU %u failed: %d\n", boot_cpu,
		       second_cpu, err);
		return;
	}
	if (!wait_for(&second_cpu_ready)) {
		printk("CPU %u: CPU %u did not come up\n", boot_cpu,
		       second_cpu);
		return;
	}
	printk("CPU %u: PSCI AFFINITY_INFO of CPU %u: %d (0 = on)\n",
	       boot_cpu, second_cpu, psci_affinity_info(second_mpidr));

	irq_send_sgi(PING_SGI, second_mpidr);
	poll_ticks = timer_get_frequency() / POLL_HZ;
	irq_enable(TIMER_IRQ);
	timer_start(poll_ticks);
	while (!pings_received)
		wait_for_interrupt();
	printk("smp-demo: CPUs %u and %u running\n", boot_cpu, second_cpu);

	inmate_idle_until_shutdown();
}
