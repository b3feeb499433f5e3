/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parts of the cell life cycle (cell_control.c) that live in files of
 * their own: moving memory between the root and a cell (cell_memory.c)
 * and copying a config out of root memory (cell_config_copy.c).  All of
 * it runs under cell_lock.
 */
#ifndef _JAILHOUSE_CELL_LIFECYCLE_H
#define _JAILHOUSE_CELL_LIFECYCLE_H

#include <jailhouse/cell.h>

/*
 * Take from the root's stage 2 (map false) or give back (map true) every
 * region of the cell that leaves the root while the cell exists and has
 * all of flags; unwound on failure.
 */
int root_move_regions(struct cell *cell, u64 flags, bool map);

/*
 * Destroy: clear the cell's own RAM, then give the root back what the
 * cell took from it (LOADABLE regions already back if the cell was
 * loadable); memory another cell still maps stays where it is.
 */
void cell_return_memory(struct cell *cell);

/*
 * The config at root IPA ipa, copied into the page pool (*size bytes);
 * NULL with *err set if it is not in the root's RAM or too large.
 */
struct jailhouse_cell_desc *cell_copy_config(unsigned long ipa,
					     unsigned long *size, int *err);

#endif /* !_JAILHOUSE_CELL_LIFECYCLE_H */
