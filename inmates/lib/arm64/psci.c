// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI calls through smc (SMCCC).  Under Jailhouse the hypervisor
 * emulates them for the cell's own CPUs.
 */
#include <inmate.h>

#define PSCI_0_2_FN_VERSION		0x84000000
#define PSCI_0_2_FN_CPU_OFF		0x84000002
#define PSCI_0_2_FN64_CPU_ON		0xc4000003
#define PSCI_0_2_FN64_AFFINITY_INFO	0xc4000004
#define PSCI_0_2_FN_SYSTEM_OFF		0x84000008
#define PSCI_0_2_FN_SYSTEM_RESET	0x84000009

static long smc_call(u64 fid, u64 arg1, u64 arg2, u64 arg3)
{
	register u64 x0 asm("x0") = fid;
	register u64 x1 asm("x1") = arg1;
	register u64 x2 asm("x2") = arg2;
	register u64 x3 asm("x3") = arg3;

	/* SMCCC 1.0 lets the callee clobber x4-x17 too */
	asm volatile("smc #0"
		: "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		: : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
		  "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}

u32 psci_version(void)
{
	return (u32)smc_call(PSCI_0_2_FN_VERSION, 0, 0, 0);
}

int psci_cpu_on(u64 mpidr, unsigned long entry, unsigned long context)
{
	return (int)smc_call(PSCI_0_2_FN64_CPU_ON, mpidr, entry, context);
}

int psci_cpu_off(void)
{
	return (int)smc_call(PSCI_0_2_FN_CPU_OFF, 0, 0, 0);
}

int psci_affinity_info(u64 mpidr)
{
	return (int)smc_call(PSCI_0_2_FN64_AFFINITY_INFO, mpidr, 0, 0);
}

int psci_system_off(void)
{
	return (int)smc_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}

int psci_system_reset(void)
{
	return (int)smc_call(PSCI_0_2_FN_SYSTEM_RESET, 0, 0, 0);
}
