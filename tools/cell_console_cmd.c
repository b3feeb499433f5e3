// SPDX-License-Identifier: GPL-2.0
/*
 * `jailhouse cell console NAME [-f]`: one cell's console.  The hypervisor
 * prints a cell's virtual-console output a line at a time, tagged
 * "[NAME] " (hypervisor/cell_console.c); this shows those lines of the
 * hypervisor console, untagged, and with -f follows them.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adas_tools.h"
#include "device.h"
#include "sysfs.h"

#define LINE_MAX_LEN	1024

static const char console_usage[] =
	"usage: jailhouse cell console NAME [-f | --follow]\n"
	"\n"
	"Prints the lines cell NAME wrote to its virtual console that the\n"
	"hypervisor console still holds; -f keeps following them.\n";

static bool cell_exists(const char *name)
{
	struct sysfs_cell *cells = NULL;
	int count, n;
	bool found = false;

	count = sysfs_list_cells(&cells);
	for (n = 0; n < count; n++)
		if (!strcmp(cells[n].name, name))
			found = true;
	free(cells);
	return found;
}

/* prints the part of line after "[name] ", if it is one of name's */
static void filter_line(const char *line, size_t len, const char *tag,
			size_t tag_len)
{
	if (len < tag_len || memcmp(line, tag, tag_len))
		return;
	fwrite(line + tag_len, 1, len - tag_len, stdout);
	putchar('\n');
}

int cell_console_main(int argc, char *argv[])
{
	char chunk[4096], line[LINE_MAX_LEN], tag[64];
	const char *name = NULL;
	bool follow = false;
	size_t line_len = 0, tag_len;
	ssize_t len, n;
	int arg, fd;

	for (arg = 1; arg < argc; arg++) {
		if (!strcmp(argv[arg], "-f") || !strcmp(argv[arg], "--follow"))
			follow = true;
		else if (!strcmp(argv[arg], "-h") ||
			 !strcmp(argv[arg], "--help")) {
			fputs(console_usage, stdout);
			return 0;
		} else if (argv[arg][0] == '-' || name) {
			fprintf(stderr, "jailhouse cell console: unexpected "
				"argument \"%s\"\n", argv[arg]);
			fputs(console_usage, stderr);
			return 2;
		} else {
			name = argv[arg];
		}
	}
	if (!name) {
		fputs(console_usage, stderr);
		return 2;
	}
	if (!cell_exists(name)) {
		fprintf(stderr, "jailhouse cell console: no cell \"%s\" (see "
			"jailhouse cell list)\n", name);
		return 1;
	}
	tag_len = snprintf(tag, sizeof(tag), "[%s] ", name);

	signal(SIGPIPE, SIG_DFL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = device_open(O_RDWR | (follow ? 0 : O_NONBLOCK));
	if (fd < 0)
		return 1;
	for (;;) {
		len = read(fd, chunk, sizeof(chunk));
		if (len == 0)
			break;
		if (len < 0) {
			if (errno == EAGAIN && !follow)
				break;
			if (errno == EINTR)
				continue;
			fprintf(stderr, "jailhouse cell console: reading "
				JAILHOUSE_DEVICE ": %s\n", strerror(errno));
			close(fd);
			return 1;
		}
		for (n = 0; n < len; n++) {
			if (chunk[n] == '\n') {
				filter_line(line, line_len, tag, tag_len);
				line_len = 0;
			} else if (line_len < sizeof(line)) {
				line[line_len++] = chunk[n];
			}
		}
	}
	close(fd);
	return 0;
}
