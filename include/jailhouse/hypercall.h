/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Hypercall interface between cells and the hypervisor, and the
 * communication region through which the hypervisor and a cell exchange
 * state and messages.  Numbers match Jailhouse.
 */
#ifndef _JAILHOUSE_HYPERCALL_H
#define _JAILHOUSE_HYPERCALL_H

#define JAILHOUSE_HC_DISABLE			0
#define JAILHOUSE_HC_CELL_CREATE		1
#define JAILHOUSE_HC_CELL_START			2
#define JAILHOUSE_HC_CELL_SET_LOADABLE		3
#define JAILHOUSE_HC_CELL_DESTROY		4
#define JAILHOUSE_HC_HYPERVISOR_GET_INFO	5
#define JAILHOUSE_HC_CELL_GET_STATE		6
#define JAILHOUSE_HC_CPU_GET_INFO		7
#define JAILHOUSE_HC_DEBUG_CONSOLE_PUTC		8

/* Argument of JAILHOUSE_HC_HYPERVISOR_GET_INFO; pool sizes are in pages. */
#define JAILHOUSE_INFO_MEM_POOL_SIZE		0
#define JAILHOUSE_INFO_MEM_POOL_USED		1
#define JAILHOUSE_INFO_REMAP_POOL_SIZE		2
#define JAILHOUSE_INFO_REMAP_POOL_USED		3
#define JAILHOUSE_INFO_NUM_CELLS		4

/* Second argument of JAILHOUSE_HC_CPU_GET_INFO. */
#define JAILHOUSE_CPU_INFO_STATE		0
#define JAILHOUSE_CPU_INFO_STAT_BASE		1000

/* Results of JAILHOUSE_CPU_INFO_STATE. */
#define JAILHOUSE_CPU_RUNNING			0
#define JAILHOUSE_CPU_FAILED			2

/* Per-CPU exit counters; architectures append theirs. */
#define JAILHOUSE_CPU_STAT_VMEXITS_TOTAL	0
#define JAILHOUSE_CPU_STAT_VMEXITS_MMIO		1
#define JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT	2
#define JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL	3
#define JAILHOUSE_GENERIC_CPU_STATS		4

/* Messages from the hypervisor to a cell (msg_to_cell). */
#define JAILHOUSE_MSG_NONE			0
#define JAILHOUSE_MSG_SHUTDOWN_REQUEST		1
#define JAILHOUSE_MSG_RECONFIG_COMPLETED	2

/* Replies from a cell (reply_from_cell). */
#define JAILHOUSE_MSG_UNKNOWN			1
#define JAILHOUSE_MSG_REQUEST_DENIED		2
#define JAILHOUSE_MSG_REQUEST_APPROVED		3
#define JAILHOUSE_MSG_RECEIVED			4

/* Cell states (cell_state; SHUT_DOWN and the FAILED ones are terminal). */
#define JAILHOUSE_CELL_RUNNING			0
#define JAILHOUSE_CELL_RUNNING_LOCKED		1
#define JAILHOUSE_CELL_SHUT_DOWN		2
#define JAILHOUSE_CELL_FAILED			3
#define JAILHOUSE_CELL_FAILED_COMM_REV		4

#define JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED	0x0001
#define JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE	0x0002

#define COMM_REGION_ABI_REVISION		2
#define COMM_REGION_MAGIC			"JHCOMM"

#define COMM_REGION_GENERIC_HEADER					\
	/* "JHCOMM", not NUL-terminated */				\
	char signature[6];						\
	__u16 revision;							\
	/* cell state, written by the cell */				\
	volatile __u32 cell_state;					\
	/* message from the hypervisor to the cell */			\
	volatile __u32 msg_to_cell;					\
	/* reply from the cell to the hypervisor */			\
	volatile __u32 reply_from_cell;					\
	__u32 flags;							\
	/* the console the cell's config gives it */			\
	struct jailhouse_console console;				\
	/* virtual PCI config window, 0 if none */			\
	__u64 pci_mmconfig_base

#include <jailhouse/types.h>
#include <asm/jailhouse_hypercall.h>

#ifndef __ASSEMBLY__
/*
 * Both sides clear the opposite field before writing theirs, and order the
 * stores, so the other side never sees a stale reply with a new message.
 */
static inline void
jailhouse_send_msg_to_cell(struct jailhouse_comm_region *comm_region,
			   __u32 msg)
{
	comm_region->reply_from_cell = JAILHOUSE_MSG_NONE;
	asm volatile("dmb ishst" : : : "memory");
	comm_region->msg_to_cell = msg;
}

static inline void
jailhouse_send_reply_from_cell(struct jailhouse_comm_region *comm_region,
			       __u32 reply)
{
	comm_region->msg_to_cell = JAILHOUSE_MSG_NONE;
	asm volatile("dmb ishst" : : : "memory");
	comm_region->reply_from_cell = reply;
}
#endif

#endif /* !_JAILHOUSE_HYPERCALL_H */
