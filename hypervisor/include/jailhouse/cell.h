/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell: a set of CPUs, memory and interrupts described by a cell config.
 * The root cell (id 0) is the Linux that enabled the hypervisor.
 */
#ifndef _JAILHOUSE_CELL_H
#define _JAILHOUSE_CELL_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/cell_cpus.h>
#include <jailhouse/irqchip.h>
#include <jailhouse/paging.h>
#include <jailhouse/ratelimit.h>
#include <asm/spinlock.h>

#define MAX_MMIO_REGIONS	64

struct ivshmem_endpoint;

struct mmio_region {
	unsigned long start;
	unsigned long size;
	void *handler;		/* mmio_handler */
	void *arg;
};

struct cell {
	unsigned int id;
	/* the cell's config as validated at creation (hypervisor copy) */
	const struct jailhouse_cell_desc *config;
	/* bit n set: CPU n belongs to this cell */
	u64 cpu_set;
	/* CPUs taken out of service: the cell's data must stay for them */
	u64 lost_cpus;
	/* bit n of word n/32 set: INTID n belongs to this cell */
	u32 irq_bitmap[MAX_IRQS / 32];

	/* stage-2 translation: physical address of the root table */
	unsigned long s2_root_table;
	u64 vttbr;
	struct paging_structs stage2;

	/* emulated regions, sorted by start */
	struct mmio_region mmio[MAX_MMIO_REGIONS];
	unsigned int num_mmio;
	spinlock_t mmio_lock;

	/* the page mapped at the comm region IPA (non-root cells) */
	struct jailhouse_comm_region *comm_page;

	/* non-root cells, in creation order */
	struct cell *next;
	/* pool pages holding config */
	unsigned int config_pages;
	/* LOADABLE regions are mapped in the root (SET_LOADABLE .. START) */
	bool loadable;
	/* the cell's CPUs are being parked: PSCI CPU_ON is refused */
	volatile bool stopping;

	/* virtual PCI: the cell's ivshmem devices (vpci.c) */
	struct ivshmem_endpoint *vpci_devs;
	unsigned int num_vpci_devs;
	/* config writes to functions the cell does not have */
	unsigned long vpci_ignored_writes;

	/* virtual console: the line being assembled, printed tagged */
	char console_line[128];
	unsigned int console_len;

	/* messages the cell provokes: their limit (cell_printk.h) */
	spinlock_t msg_lock;
	struct ratelimit msg_limit;
};

extern struct cell root_cell;
/* first non-root cell (list linked by next), changed under cell_lock */
extern struct cell *cell_list;

/* Map every region of the cell's config into its stage 2 (comm region:
 * cell->comm_page); on error, what was mapped stays (cell_destroy_stage2
 * frees it all). */
int cell_map_regions(struct cell *cell);

/*
 * Map (map true) or unmap the page-granular region mem in the cell's stage
 * 2, except where it covers a window of the hypervisor (see cell.c).
 */
int cell_map_outside_hv(struct cell *cell, const struct jailhouse_memory *mem,
			bool map);

static inline bool cell_has_cpu(const struct cell *cell, unsigned int cpu)
{
	return cpu < MAX_CPUS && (cell->cpu_set >> cpu) & 1;
}

#endif /* !_JAILHOUSE_CELL_H */
