/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading the board's device tree for the inmate's: which board nodes a
 * cell owns (registers in its memory regions, interrupts among its pins)
 * and copying them, with their bus ancestors, into the inmate's tree.
 * Internal to fdt_inmate.c and fdt_board.c.
 */
#ifndef _JAILHOUSE_TOOLS_FDT_BOARD_H
#define _JAILHOUSE_TOOLS_FDT_BOARD_H

#include <stdbool.h>
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#include "fdt_inmate.h"

#define FDT_INMATE_MAX_CLOCKS	32
#define FDT_INMATE_MAX_DEVICES	256

struct fdt_clock_map {
	__u32 board;		/* fixed-clock phandle in the board, or 0 */
	__u64 rate;		/* made-up fixed clock of this rate */
	__u32 out;		/* its phandle in the inmate's tree */
};

struct inmate_ctx {
	const void *board;
	void *out;
	const struct jailhouse_cell_desc *cell;
	int board_gic;			/* GIC node in the board */
	__u32 gic_phandle;		/* the GIC's phandle in out */
	/* board devices the cell owns: copied with their phandles */
	int owned[FDT_INMATE_MAX_DEVICES];
	unsigned int num_owned;
	int gic_cells;			/* its #interrupt-cells */
	__u32 next_phandle;
	struct fdt_clock_map clocks[FDT_INMATE_MAX_CLOCKS];
	unsigned int num_clocks;
	fdt_inmate_warn_t warn;
	void *warn_ctx;
	int err;			/* first libfdt error while copying */
};

void inmate_warn(struct inmate_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Path of board node @node, for messages ("?" if it has none). */
const char *board_path(struct inmate_ctx *ctx, int node, char *buf,
		       int len);

/*
 * CPU address of @addr, a bus address in the parent of board node @node,
 * through the ranges of its ancestors; false if it is not memory-mapped.
 */
bool board_translate(const void *board, int node, __u64 *addr);

/* The @index-th reg entry of @node, as a CPU address; false if none. */
bool board_reg(const void *board, int node, int index, __u64 *addr,
	       __u64 *size);

/* The cell region that holds CPU address @addr, or NULL. */
const struct jailhouse_memory *cell_region_at(const struct
					      jailhouse_cell_desc *cell,
					      __u64 addr);

/* Whether SPI/PPI INTID @intid is among the cell's irqchip pins. */
bool cell_owns_intid(const struct jailhouse_cell_desc *cell,
		     unsigned int intid);

enum board_irq_verdict {
	IRQS_NONE,		/* the node has no interrupts */
	IRQS_OWNED,		/* all GIC interrupts the cell owns */
	IRQS_NOT_OWNED,		/* an SPI the cell does not own */
	IRQS_FOREIGN,		/* through another interrupt controller */
};

/* @intid: the first offending SPI's INTID (for messages). */
enum board_irq_verdict board_irqs(struct inmate_ctx *ctx, int node,
				  unsigned int *intid);

/*
 * Out offset of the inmate-tree counterpart of board node @node's parent,
 * creating the bus ancestors as needed (structural properties only).
 */
int out_parent_of(struct inmate_ctx *ctx, int node);

/* Copies property @name of board node @node to out node @out_node. */
int board_copy_prop(struct inmate_ctx *ctx, int node, int out_node,
		    const char *name);

/*
 * The clocks of board node @node for the inmate (fdt_clocks.c): phandle
 * and arguments cells into @clocks (at most @max, count in *@num).
 * Returns 1 if one cannot be carried over (drop them), 0, or an error.
 */
int board_clocks(struct inmate_ctx *ctx, int node, fdt32_t *clocks, int max,
		 int *num);

/*
 * Copies board node @node and its subtree under out node @out_parent,
 * dropping what refers outside the cell (one warning line per node) and
 * replacing clocks.  Returns the new out offset or a negative error.
 */
int copy_device(struct inmate_ctx *ctx, int node, int out_parent);

/* The cell's virtual PCI host, if it has PCI devices (fdt_vpci.c). */
int inmate_add_pci_host(struct inmate_ctx *ctx,
			const struct fdt_inmate_input *in);

#endif /* !_JAILHOUSE_TOOLS_FDT_BOARD_H */
