/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inmate's device tree, generated from the board's and the cell
 * config, so that no one writes an inmate DTS by hand: the cell's CPUs
 * (their MPIDRs from the board's cpu nodes), its RAM, the GIC distributor
 * and redistributors, the architected timer, PSCI with the board's
 * conduit, the console UART, the virtual PCI host for the cell's ivshmem
 * devices, and every board device whose registers and interrupts the cell
 * owns.  What cannot be carried over is replaced (clocks) or dropped, each
 * with one warning line.  libfdt, no I/O.
 */
#ifndef _JAILHOUSE_TOOLS_FDT_INMATE_H
#define _JAILHOUSE_TOOLS_FDT_INMATE_H

#include <stdbool.h>
#include <stddef.h>
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/* Receives each warning: one line, without "warning: " and newline. */
typedef void (*fdt_inmate_warn_t)(void *ctx, const char *line);

struct fdt_inmate_input {
	const void *board;		/* the board's DTB */
	size_t board_size;
	const struct jailhouse_cell_desc *cell;	/* a checked config */
	/* the virtual PCI host: platform_info.pci_mmconfig_base/end_bus */
	bool pci_known;
	__u64 pci_ecam_base;
	__u8 pci_end_bus;
	const char *cmdline;		/* NULL: no bootargs */
	bool has_initrd;		/* adds initrd placeholders */
	fdt_inmate_warn_t warn;
	void *warn_ctx;
};

/*
 * Returns the packed DTB (free() it) and its size, or NULL with one line
 * in @error.
 */
void *fdt_inmate_generate(const struct fdt_inmate_input *in, size_t *size,
			  char *error, size_t len);

#endif /* !_JAILHOUSE_TOOLS_FDT_INMATE_H */
