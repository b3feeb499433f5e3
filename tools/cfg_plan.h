/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layout config create decides for a board: where the hypervisor and
 * the inmates' memory go, the ivshmem areas in it, the virtual PCI host,
 * the interrupts of the virtual PCI devices, the root's memory regions
 * and the CPUs of the generated cells.
 */
#ifndef _JAILHOUSE_TOOLS_CFG_PLAN_H
#define _JAILHOUSE_TOOLS_CFG_PLAN_H

#include "cfg_board.h"

/* Offsets in the inmate memory */
#define CFG_IVSHMEM_DEMO_OFFS	((uint64_t)0x000000)	/* 64 KiB, 3 peers */
#define CFG_IVSHMEM_NET_OFFS	((uint64_t)0x100000)	/* 1 MiB, 2 peers */
#define CFG_IVSHMEM_BLOCK	((uint64_t)0x200000)	/* both, not root RAM */
#define CFG_DEMO_RAM_OFFS	((uint64_t)0x200000)	/* inmate-demo: 64 KiB */
#define CFG_DEMO_RAM_SIZE	((uint64_t)0x10000)
#define CFG_LOADER_RAM_OFFS	((uint64_t)0x210000)	/* linux-demo: loader */
#define CFG_LINUX_RAM_OFFS	((uint64_t)0x400000)	/* linux-demo: the rest */
#define CFG_MIN_INMATE_MEM	((uint64_t)0x400000)
#define CFG_MIN_LINUX_RAM	((uint64_t)0x1000000)
#define CFG_VPCI_SIZE		((uint64_t)0x100000)	/* one bus of ECAM */

struct cfg_io_region {
	uint64_t start, end;
	bool subpage;
	char label[CFG_LABEL_MAX];
	unsigned int count;
};

struct cfg_plan {
	uint64_t hv_start, hv_size;
	uint64_t inmate_start, inmate_size;
	bool hidden_already;		/* Linux does not use it now */
	uint64_t mem_limit;		/* mem= that hides it, 0: none works */

	uint64_t vpci_base;
	unsigned int vpci_domain;
	unsigned int root_vpci_intid;	/* INTx of root's ivshmem devices */
	unsigned int linux_vpci_intid;
	unsigned int demo_vpci_intid;
	unsigned int num_irqchips;	/* 128 SPIs each, from INTID 32 */

	struct cfg_range_list root_ram;
	struct cfg_io_region *io;
	unsigned int num_io;

	/* generated cells */
	bool cells_possible;		/* at least two CPUs */
	unsigned int demo_cpu;
	uint64_t linux_cpus;		/* bit mask */
	bool linux_fits;		/* enough inmate memory */
};

int cfg_plan_make(struct cfg_plan *plan, const struct cfg_board *board,
		  uint64_t hv_size, uint64_t inmate_size);

#endif /* !_JAILHOUSE_TOOLS_CFG_PLAN_H */
