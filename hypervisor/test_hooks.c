// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection of the test build (see <jailhouse/test_hooks.h>).  Only
 * linked into jailhouse-test-hooks.bin.
 */
#include <jailhouse/arch.h>
#include <jailhouse/control.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/test_hooks.h>

#define MAX_SPIN_S	60
/* no mapping at EL2 there: what a NULL pointer bug reads */
#define BAD_ADDRESS	8UL

static volatile bool stop_fault_armed;

static void __attribute__((noinline)) read_bad_address(void)
{
	unsigned long addr = BAD_ADDRESS;
	u64 val;

	/* asm: the compiler knows better than to dereference this */
	asm volatile("ldr %0, [%1]" : "=r" (val) : "r" (addr) : "memory");
}

void test_hook_point(enum test_hook hook)
{
	if (hook == TEST_HOOK_CELL_STOP && stop_fault_armed) {
		stop_fault_armed = false;
		printk("test hook: CPU %u faults while stopping a cell\n",
		       this_cpu_data()->cpu_id);
		read_bad_address();
	}
}

/* EL2 runs with interrupts masked; WFE wakes with the event stream */
static void spin_at_el2(unsigned long seconds)
{
	u64 start = arch_counter_ticks();

	if (seconds > MAX_SPIN_S)
		seconds = MAX_SPIN_S;
	while (arch_counter_ticks() - start < seconds * arch_counter_freq())
		arch_wait_for_event();
}

bool test_hook_hypercall(struct per_cpu *cpu_data, unsigned long code,
			 unsigned long arg1, long *result)
{
	switch (code) {
	case TEST_HC_SPIN_AT_EL2:
		printk("test hook: CPU %u spins at EL2 for %lu s\n",
		       cpu_data->cpu_id, arg1);
		spin_at_el2(arg1);
		*result = 0;
		return true;
	case TEST_HC_FAULT_LOCKED:
		printk("test hook: CPU %u faults holding cpu_power_lock\n",
		       cpu_data->cpu_id);
		spin_lock(&cpu_power_lock);
		read_bad_address();
		spin_unlock(&cpu_power_lock);
		*result = 0;
		return true;
	case TEST_HC_ARM_STOP_FAULT:
		stop_fault_armed = true;
		printk("test hook: the next cell stop faults\n");
		*result = 0;
		return true;
	default:
		return false;
	}
}
