// SPDX-License-Identifier: GPL-2.0
/*
 * `cell list` in Jailhouse's exact format.  Like Jailhouse it prints
 * nothing when there are no cells, and nothing with status 0 when the
 * module is not loaded, so scripts can poll it.  Unlike Jailhouse it sorts
 * numerically (cell 10 after cell 9).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell_list.h"
#include "sysfs.h"

#define CELL_LIST_FORMAT	"%-8s%-24s%-18s%-24s%-24s\n"

static void read_attr_or_blank(unsigned int id, const char *attr, char *buf,
			       size_t size)
{
	if (sysfs_read_cell_attr(id, attr, buf, size) != 0)
		buf[0] = '\0';
}

int cell_list(void)
{
	char id[16], state[SYSFS_VALUE_MAX], assigned[SYSFS_VALUE_MAX];
	char failed[SYSFS_VALUE_MAX];
	struct sysfs_cell *cells = NULL;
	int count, n;

	count = sysfs_list_cells(&cells);
	if (count < 0) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "jailhouse: cell list: reading %s/cells: %s\n",
			sysfs_root(), strerror(errno));
		return 1;
	}

	if (count > 0)
		printf(CELL_LIST_FORMAT, "ID", "Name", "State",
		       "Assigned CPUs", "Failed CPUs");
	for (n = 0; n < count; n++) {
		snprintf(id, sizeof(id), "%u", cells[n].id);
		read_attr_or_blank(cells[n].id, "state", state, sizeof(state));
		read_attr_or_blank(cells[n].id, "cpus_assigned_list", assigned,
				   sizeof(assigned));
		read_attr_or_blank(cells[n].id, "cpus_failed_list", failed,
				   sizeof(failed));
		printf(CELL_LIST_FORMAT, id, cells[n].name, state, assigned,
		       failed);
	}
	free(cells);
	return 0;
}
