/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The driver's record of a non-root cell, shared by the cell life cycle
 * (cell.c) and image loading (cell_load.c).  All of it is protected by
 * jailhouse_lock.
 */
#ifndef _JAILHOUSE_DRIVER_CELL_H
#define _JAILHOUSE_DRIVER_CELL_H

#include <linux/cpumask.h>
#include <linux/list.h>

#include "jailhouse.h"

struct jailhouse_cell {
	struct list_head entry;
	unsigned int id;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	cpumask_t cpus;
	/* the cell's CPUs that were online in Linux before it took them */
	cpumask_t offlined;
	/* its config as checked and handed to the hypervisor */
	struct jailhouse_cell_desc *config;
	size_t config_size;
	struct jailhouse_cell_sysfs *sysfs;
};

/* What is done to the cell, for the root cell's refusal. */
enum jailhouse_cell_op {
	CELL_OP_LOAD,
	CELL_OP_START,
	CELL_OP_DESTROY,
};

/*
 * The non-root cell @id names (by ID, or by name when its id is
 * JAILHOUSE_CELL_ID_UNUSED), or an ERR_PTR after jailhouse_fail() saying
 * why there is none, also when it names the root cell.
 */
struct jailhouse_cell *jailhouse_cell_find(struct jailhouse_file *jf,
					   struct jailhouse_cell_id *id,
					   enum jailhouse_cell_op op);

/*
 * Fails the ioctl with a reason for a cell hypercall that returned @err:
 * the line the hypervisor printed about it since @console_mark if there
 * is one, else what @err means.  @action is a verb ("create").
 */
long jailhouse_cell_hv_refused(struct jailhouse_file *jf, long err,
			       u32 console_mark, const char *action,
			       const char *name);

#endif /* !_JAILHOUSE_DRIVER_CELL_H */
