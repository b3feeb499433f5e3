// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sysfs.h"

const char *sysfs_root(void)
{
	const char *root = getenv("JAILHOUSE_SYSFS_ROOT");

	return root && root[0] ? root : SYSFS_DEFAULT_ROOT;
}

static int read_value(const char *path, char *buf, size_t size)
{
	ssize_t len;
	int fd, err;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	len = read(fd, buf, size - 1);
	err = errno;
	close(fd);
	if (len < 0) {
		errno = err;
		return -1;
	}
	buf[len] = '\0';
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		buf[--len] = '\0';
	return 0;
}

int sysfs_read_cell_attr(unsigned int id, const char *attr, char *buf,
			 size_t size)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/cells/%u/%s", sysfs_root(), id,
		 attr);
	return read_value(path, buf, size);
}

/* Cell directories are named by their decimal ID. */
static bool parse_cell_dir(const char *name, unsigned int *id)
{
	unsigned long value;
	char *end;

	if (name[0] < '0' || name[0] > '9')
		return false;
	errno = 0;
	value = strtoul(name, &end, 10);
	if (errno || *end || value > 0xffffffffUL)
		return false;
	*id = value;
	return true;
}

static int compare_ids(const void *a, const void *b)
{
	const struct sysfs_cell *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

int sysfs_list_cells(struct sysfs_cell **cells)
{
	struct sysfs_cell *list = NULL, *bigger;
	unsigned int count = 0, capacity = 0, id;
	struct dirent *entry;
	char path[512];
	DIR *dir;

	snprintf(path, sizeof(path), "%s/cells", sysfs_root());
	dir = opendir(path);
	if (!dir)
		return -1;

	while ((entry = readdir(dir)) != NULL) {
		if (!parse_cell_dir(entry->d_name, &id))
			continue;
		if (count == capacity) {
			capacity = capacity ? capacity * 2 : 8;
			bigger = realloc(list, capacity * sizeof(*list));
			if (!bigger) {
				free(list);
				closedir(dir);
				errno = ENOMEM;
				return -1;
			}
			list = bigger;
		}
		list[count].id = id;
		/* a cell may vanish while we look: keep it nameless */
		if (sysfs_read_cell_attr(id, "name", list[count].name,
					 sizeof(list[count].name)) != 0)
			list[count].name[0] = '\0';
		count++;
	}
	closedir(dir);

	if (count > 0)
		qsort(list, count, sizeof(*list), compare_ids);
	*cells = list;
	return count;
}

int sysfs_find_cell(const struct cli_cell_ref *ref, const char *what,
		    struct sysfs_cell *cell)
{
	struct sysfs_cell *cells = NULL;
	int count, n;

	count = sysfs_list_cells(&cells);
	if (count < 0) {
		if (errno == ENOENT)
			fprintf(stderr,
				"jailhouse: %s: no cells: %s/cells does not "
				"exist (jailhouse.ko not loaded?)\n",
				what, sysfs_root());
		else
			fprintf(stderr, "jailhouse: %s: reading %s/cells: %s\n",
				what, sysfs_root(), strerror(errno));
		return -1;
	}

	for (n = 0; n < count; n++) {
		if (ref->id >= 0 ? cells[n].id == (unsigned int)ref->id :
		    strcmp(cells[n].name, ref->name) == 0) {
			*cell = cells[n];
			free(cells);
			return 0;
		}
	}
	free(cells);

	if (ref->id >= 0)
		fprintf(stderr, "jailhouse: %s: no cell with ID %d\n", what,
			ref->id);
	else
		fprintf(stderr, "jailhouse: %s: no cell named \"%s\"\n", what,
			ref->name);
	if (count == 0)
		fprintf(stderr, "jailhouse: the hypervisor is not enabled\n");
	return -1;
}
