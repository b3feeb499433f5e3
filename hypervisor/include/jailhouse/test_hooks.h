/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault injection for the system tests, for what QEMU cannot provoke
 * honestly: a CPU held up at EL2 for long, and hypervisor bugs (an EL2
 * fault with a lock held, during a root management request).  Compiled
 * only into the test build of the hypervisor (`HV_TEST_HOOKS=1`,
 * build/hypervisor-test-hooks/jailhouse-test-hooks.bin); the image a user
 * installs has neither the hypercalls nor the hook points.
 *
 * Hypercalls (hvc #0x4a48, any cell), codes far from Jailhouse's:
 *   TEST_HC_SPIN_AT_EL2 (x1 = seconds, at most 60): the CPU spins at EL2
 *	with interrupts masked, then returns 0
 *   TEST_HC_FAULT_LOCKED: takes cpu_power_lock, then reads address 8
 *	(a NULL pointer bug)
 *   TEST_HC_ARM_STOP_FAULT: the next management request of the root that
 *	stops a cell faults (NULL read) right after parking its CPUs, with
 *	cell_lock held; returns 0
 */
#ifndef _JAILHOUSE_TEST_HOOKS_H
#define _JAILHOUSE_TEST_HOOKS_H

#define TEST_HC_SPIN_AT_EL2	0x7e570001
#define TEST_HC_FAULT_LOCKED	0x7e570002
#define TEST_HC_ARM_STOP_FAULT	0x7e570003

enum test_hook {
	TEST_HOOK_CELL_STOP,
};

#ifdef HV_TEST_HOOKS
struct per_cpu;

void test_hook_point(enum test_hook hook);
/* true if code is a test hypercall; its result in *result */
bool test_hook_hypercall(struct per_cpu *cpu_data, unsigned long code,
			 unsigned long arg1, long *result);
#else
static inline void test_hook_point(enum test_hook hook)
{
}
#endif

#endif /* !_JAILHOUSE_TEST_HOOKS_H */
