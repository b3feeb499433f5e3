/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * arm64 side of the hypercall ABI: how a cell calls the hypervisor, the
 * architecture's statistics counters and its communication region layout.
 *
 * Calling convention: "hvc #0x4a48" ("JH"), function code in x0, arguments
 * in x1 and x2, signed result (negative errno on failure) in x0.  x3 may be
 * clobbered.  PSCI is not reachable through hvc; cells use smc for it.
 */
#ifndef _JAILHOUSE_ASM_HYPERCALL_H
#define _JAILHOUSE_ASM_HYPERCALL_H

#define JAILHOUSE_HVC_CODE		0x4a48

#define JAILHOUSE_CALL_INS		"hvc #0x4a48"
#define JAILHOUSE_CALL_NUM_RESULT	"x0"
#define JAILHOUSE_CALL_ARG1		"x1"
#define JAILHOUSE_CALL_ARG2		"x2"

/* Architecture-specific exit counters, after the generic ones. */
#define JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE	JAILHOUSE_GENERIC_CPU_STATS
#define JAILHOUSE_CPU_STAT_VMEXITS_VIRQ		(JAILHOUSE_GENERIC_CPU_STATS + 1)
#define JAILHOUSE_CPU_STAT_VMEXITS_VSGI		(JAILHOUSE_GENERIC_CPU_STATS + 2)
#define JAILHOUSE_CPU_STAT_VMEXITS_PSCI		(JAILHOUSE_GENERIC_CPU_STATS + 3)
#define JAILHOUSE_CPU_STAT_VMEXITS_SMCCC	(JAILHOUSE_GENERIC_CPU_STATS + 4)
#define JAILHOUSE_NUM_CPU_STATS			(JAILHOUSE_GENERIC_CPU_STATS + 5)

#ifndef __ASSEMBLY__

#include <jailhouse/console.h>

struct jailhouse_comm_region {
	COMM_REGION_GENERIC_HEADER;

	__u8 gic_version;
	__u8 padding[7];
	__u64 gicd_base;
	__u64 gicc_base;
	__u64 gicr_base;
	__u32 vpci_irq_base;
} __attribute__((packed));

#ifndef __KERNEL__
/* Inline callers for code that runs at EL1 in a cell (inmates, tests). */
static inline __u64 jailhouse_call(__u64 num)
{
	register __u64 num_result asm(JAILHOUSE_CALL_NUM_RESULT) = num;

	asm volatile(JAILHOUSE_CALL_INS
		: "+r" (num_result)
		: : "memory", "x1", "x2", "x3");
	return num_result;
}

static inline __u64 jailhouse_call_arg1(__u64 num, __u64 arg1)
{
	register __u64 num_result asm(JAILHOUSE_CALL_NUM_RESULT) = num;
	register __u64 __arg1 asm(JAILHOUSE_CALL_ARG1) = arg1;

	asm volatile(JAILHOUSE_CALL_INS
		: "+r" (num_result), "+r" (__arg1)
		: : "memory", "x2", "x3");
	return num_result;
}

static inline __u64 jailhouse_call_arg2(__u64 num, __u64 arg1, __u64 arg2)
{
	register __u64 num_result asm(JAILHOUSE_CALL_NUM_RESULT) = num;
	register __u64 __arg1 asm(JAILHOUSE_CALL_ARG1) = arg1;
	register __u64 __arg2 asm(JAILHOUSE_CALL_ARG2) = arg2;

	asm volatile(JAILHOUSE_CALL_INS
		: "+r" (num_result), "+r" (__arg1), "+r" (__arg2)
		: : "memory", "x3");
	return num_result;
}
#endif /* !__KERNEL__ */

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_HYPERCALL_H */
