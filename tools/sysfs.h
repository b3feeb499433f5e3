/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The driver's view of the cells under /sys/devices/jailhouse/cells/<id>/.
 * The environment variable JAILHOUSE_SYSFS_ROOT replaces
 * /sys/devices/jailhouse, so that the readers can be tried on a fake tree.
 */
#ifndef _JAILHOUSE_TOOLS_SYSFS_H
#define _JAILHOUSE_TOOLS_SYSFS_H

#include <stddef.h>

#include "cli.h"

#define SYSFS_DEFAULT_ROOT	"/sys/devices/jailhouse"
#define SYSFS_VALUE_MAX		256

struct sysfs_cell {
	unsigned int id;
	char name[SYSFS_VALUE_MAX];
};

const char *sysfs_root(void);

/*
 * Lists the cells sorted by ID into a new array (free() it).  Returns the
 * number of cells, or -1 with errno set (ENOENT: module not loaded).
 */
int sysfs_list_cells(struct sysfs_cell **cells);

/*
 * Reads one attribute of cell @id, or of a file below it ("statistics/
 * vmexits_total"), without the trailing newline.  Returns 0, or -1 with
 * errno set.
 */
int sysfs_read_cell_attr(unsigned int id, const char *attr, char *buf,
			 size_t size);

/*
 * Finds the cell the user named.  Returns 0, or -1 after printing why not
 * ("@what: ..." message).
 */
int sysfs_find_cell(const struct cli_cell_ref *ref, const char *what,
		    struct sysfs_cell *cell);

#endif /* !_JAILHOUSE_TOOLS_SYSFS_H */
