/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parts of the cell life cycle (cell_control.c) that live in files of
 * their own: stopping a cell's CPUs (cell_stop.c), moving memory between the root and a cell (cell_memory.c),
 * copying a config out of root memory (cell_config_copy.c) and the comm
 * region with its messages (cell_messages.c).  All of it runs under
 * cell_lock.
 */
#ifndef _JAILHOUSE_CELL_LIFECYCLE_H
#define _JAILHOUSE_CELL_LIFECYCLE_H

#include <jailhouse/cell.h>

#define for_each_cell_cpu(cpu, cell)					\
	for ((cpu) = 0; (cpu) < MAX_CPUS; (cpu)++)			\
		if (cell_has_cpu((cell), (cpu)))

/*
 * Park every CPU of the cell (cell_stop.c); what does not park within
 * CPU_WAIT_TIMEOUT_S is taken out of service.
 */
void cell_park_cpus(struct cell *cell);

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

/* The cell state in the cell's comm region (read to the point of
 * coherency: the cell may run with its MMU off), and setting it. */
u32 cell_state(struct cell *cell);
void set_cell_state(struct cell *cell, u32 state);
/* whether the cell runs as far as its comm region says (any value of its
 * own counts as running, as in Jailhouse) */
bool cell_is_running(struct cell *cell);

/*
 * Send msg and wait for the reply; false only if the cell denied a
 * shutdown request.  A cell that does not answer in time is marked
 * FAILED.
 */
bool cell_send_message(struct cell *cell, u32 msg);
/* tell the running cells but except that the set of cells changed */
void cells_reconfig_completed(struct cell *except);
/* whether a cell but except is RUNNING_LOCKED (and says which) */
bool any_cell_locked(struct cell *except);

/* the comm region as the cell finds it at start */
void fill_comm_region(struct cell *cell);

#endif /* !_JAILHOUSE_CELL_LIFECYCLE_H */
