/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Header at the start of the hypervisor image (jailhouse.bin).  The driver
 * reads the sizes from it and fills in the fields it owns before handing
 * control to EL2.  Layout matches Jailhouse's 80-byte arm64 header; all
 * location fields are byte offsets from the start of the image, so the
 * image can be loaded anywhere in the reserved memory.
 */
#ifndef _JAILHOUSE_HEADER_H
#define _JAILHOUSE_HEADER_H

#define JAILHOUSE_SIGNATURE	"JAILHOUS"

/*
 * Function code in x0 of the hvc that enters the hypervisor through the
 * entry vectors at header.entry ("JHEN"); the other codes those vectors
 * answer are Linux's hyp-stub ABI.
 */
#define JAILHOUSE_ENTER		0x4a48454e

/* Offsets of the header fields that assembly code reads. */
#define JAILHOUSE_HEADER_CORE_SIZE	8
#define JAILHOUSE_HEADER_PERCPU_SIZE	16
#define JAILHOUSE_HEADER_MAX_CPUS	48

#ifndef __ASSEMBLY__
#include <jailhouse/types.h>

/* Values of arm_linux_hyp_abi: Linux hyp-stub ABI flavour. */
#define HYP_STUB_ABI_LEGACY	0
#define HYP_STUB_ABI_OPCODE	1

struct jailhouse_header {
	/* "JAILHOUS", not NUL-terminated (set by the image) */
	char signature[8];
	/* bytes from image start to the page pool (set by the image) */
	__u64 core_size;
	/* bytes of per-CPU data (set by the image) */
	__u64 percpu_size;
	/* offset of the EL2 entry vector table (set by the image) */
	__u64 entry;
	/* offset of the console ring page (set by the image) */
	__u64 console_page;
	/* unused on this implementation, kept for layout */
	__u64 gcov_info_head;

	/* number of possible CPUs (set by the driver) */
	__u32 max_cpus;
	/* number of CPUs that will enter (set by the driver) */
	__u32 online_cpus;
	/* virtual address of the debug UART for early output */
	__u64 debug_console_base;
	/* physical address of the vectors to restore on disable */
	__u64 arm_linux_hyp_vectors;
	/* HYP_STUB_ABI_* of the running kernel (set by the driver) */
	__u32 arm_linux_hyp_abi;
	__u32 padding;
} __attribute__((packed));

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_HEADER_H */
