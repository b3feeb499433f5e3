/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What config create learns about a board: from its device tree, and on
 * a running system (or a `config collect` archive unpacked under -r ROOT)
 * from /proc/iomem and the CPU list as well.
 */
#ifndef _JAILHOUSE_TOOLS_CFG_BOARD_H
#define _JAILHOUSE_TOOLS_CFG_BOARD_H

#include "cfg_ranges.h"

#define CFG_MAX_CPUS	64
#define CFG_MAX_IOMMUS	8

struct cfg_gic {
	unsigned int version;		/* 2 or 3, 0: not found */
	uint64_t gicd, gicd_size;
	uint64_t gicr, gicr_size;	/* v3 */
	uint64_t gicc, gicc_size;
	uint64_t gich, gich_size;
	uint64_t gicv, gicv_size;
	unsigned int maintenance_irq;	/* INTID */
	bool has_its;
	char path[128];
};

struct cfg_console {
	bool found;
	uint64_t address;
	unsigned int type;		/* JAILHOUSE_CON_TYPE_* */
	unsigned int flags;		/* JAILHOUSE_CON_* */
	const char *type_name;		/* for the C file */
	int spi;			/* its SPI, -1 if none known */
	char path[128];
	char compatible[64];
};

struct cfg_iommu {
	unsigned int type;		/* JAILHOUSE_IOMMU_* */
	const char *type_name;
	uint64_t base, size;
	char path[128];
};

struct cfg_board {
	char model[128];
	char name[64];			/* the root cell's name */
	unsigned int num_cpus;
	uint64_t mpidr[CFG_MAX_CPUS];
	struct cfg_range_list ram;	/* /memory nodes */
	struct cfg_range_list reserved;	/* /reserved-memory with reg */
	struct cfg_range_list devices;	/* every MMIO window, unmerged */
	struct cfg_gic gic;
	struct cfg_console console;
	struct cfg_iommu iommu[CFG_MAX_IOMMUS];
	unsigned int num_iommus;
	unsigned int num_pci_hosts;	/* physical PCI domains */
	unsigned int max_spi;		/* highest SPI a device uses */
	unsigned char spi_used[128];	/* bitmap of SPIs 0..1023 in use */
	unsigned int skipped_disabled;	/* devices left out: disabled */

	/* from the running system, if there is one (else !have_system) */
	bool have_system;
	struct cfg_range_list linux_ram;	/* "System RAM" in /proc/iomem */
	unsigned int sys_cpus;			/* possible CPUs in sysfs */
	char cmdline[1024];
};

/* Reads the DT blob in @fdt into @board.  Returns 0 or prints why not. */
int cfg_board_from_fdt(struct cfg_board *board, const void *fdt);

/*
 * Adds the facts of the running system under @root ("" for /): the
 * iomem RAM, CPU list, command line.  Missing files are errors unless
 * @optional.
 */
int cfg_board_from_system(struct cfg_board *board, const char *root);

void *cfg_read_file(const char *path, size_t *size);

#endif /* !_JAILHOUSE_TOOLS_CFG_BOARD_H */
