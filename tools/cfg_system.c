// SPDX-License-Identifier: GPL-2.0
/*
 * Facts of a running system that the device tree does not hold: which
 * RAM Linux uses (/proc/iomem, after mem= and no-map), the possible CPUs
 * and the kernel command line.  Read under ROOT for `config create -r`.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_board.h"

void *cfg_read_file(const char *path, size_t *size)
{
	size_t len = 0, cap = 0, got;
	char *buf = NULL;
	FILE *f = fopen(path, "rb");

	if (!f)
		return NULL;
	/* sysfs and procfs files report no useful size: read to EOF */
	do {
		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (!buf) {
				fclose(f);
				return NULL;
			}
		}
		got = fread(buf + len, 1, 4096, f);
		len += got;
	} while (got > 0);
	fclose(f);
	buf[len] = '\0';
	if (size)
		*size = len;
	return buf;
}

static char *read_under(const char *root, const char *path)
{
	char full[4096];

	snprintf(full, sizeof(full), "%s%s", root, path);
	return cfg_read_file(full, NULL);
}

/* Top-level "System RAM" lines; nested entries are indented. */
static void parse_iomem(struct cfg_board *b, char *text)
{
	char *line, *save = NULL;
	unsigned long long start, end;
	int pos;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == ' ')
			continue;
		if (sscanf(line, "%llx-%llx : %n", &start, &end, &pos) != 2)
			continue;
		if (strcmp(line + pos, "System RAM") == 0)
			cfg_ranges_add(&b->linux_ram, start, end + 1,
				       "System RAM");
	}
	cfg_ranges_merge(&b->linux_ram);
}

/* "0-3,6" -> 5 */
static unsigned int count_cpu_list(const char *list)
{
	unsigned int count = 0, a, b;
	const char *p = list;
	int used;

	while (*p && *p != '\n') {
		if (sscanf(p, "%u-%u%n", &a, &b, &used) == 2 && b >= a)
			count += b - a + 1;
		else if (sscanf(p, "%u%n", &a, &used) == 1)
			count++;
		else
			break;
		p += used;
		if (*p == ',')
			p++;
	}
	return count;
}

int cfg_board_from_system(struct cfg_board *b, const char *root)
{
	char *text;

	text = read_under(root, "/proc/iomem");
	if (!text) {
		fprintf(stderr, "config create: cannot read %s/proc/iomem: "
			"%s\n", root, strerror(errno));
		return -1;
	}
	parse_iomem(b, text);
	free(text);
	if (b->linux_ram.n == 0 || (b->linux_ram.r[0].start == 0 &&
				    b->linux_ram.r[0].end == 1)) {
		fprintf(stderr, "config create: %s/proc/iomem shows no "
			"addresses (read it as root)\n", root);
		return -1;
	}

	text = read_under(root, "/sys/devices/system/cpu/possible");
	if (text) {
		b->sys_cpus = count_cpu_list(text);
		free(text);
	}
	text = read_under(root, "/proc/cmdline");
	if (text) {
		snprintf(b->cmdline, sizeof(b->cmdline), "%s", text);
		b->cmdline[strcspn(b->cmdline, "\n")] = '\0';
		free(text);
	}
	b->have_system = true;
	return 0;
}
