/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parts of an inmate's device tree that come from the cell and the
 * command line, whether the tree is the user's (-d) or generated: /memory
 * from the cell's RAM, /chosen bootargs and initrd.  libfdt, no I/O.
 */
#ifndef _JAILHOUSE_TOOLS_FDT_CELL_H
#define _JAILHOUSE_TOOLS_FDT_CELL_H

#include <stdbool.h>
#include <stddef.h>
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/*
 * Replaces every memory node of @fdt by one "memory@..." node whose reg
 * lists the cell's RAM regions (their cell addresses), as Jailhouse does;
 * none if the cell has no RAM.  Returns 0 or a negative libfdt error.
 */
int fdt_cell_set_memory(void *fdt, const struct jailhouse_cell_desc *cell);

/*
 * /chosen: bootargs from @cmdline (if not NULL) and, with @has_initrd,
 * linux,initrd-start/-end (placeholders until fdt_cell_set_initrd()).
 */
int fdt_cell_set_chosen(void *fdt, const char *cmdline, bool has_initrd);

/* Fills in the initrd range; the DTB does not change its size. */
int fdt_cell_set_initrd(void *fdt, __u64 start, __u64 end);

/*
 * -d: a copy of the user's @dtb (in a new buffer, free() it) with memory,
 * bootargs and initrd placeholders set, packed.  NULL with one line in
 * @error if it is no valid DTB.
 */
void *fdt_cell_patch(const void *dtb, size_t dtb_size,
		     const struct jailhouse_cell_desc *cell,
		     const char *cmdline, bool has_initrd, char *error,
		     size_t len);

#endif /* !_JAILHOUSE_TOOLS_FDT_CELL_H */
