// SPDX-License-Identifier: GPL-2.0
/*
 * `jailhouse cell console NAME [-f]`: one cell's console.  The hypervisor
 * prints a cell's virtual-console output a line at a time, tagged
 * "[NAME] " (hypervisor/cell_console.c); this shows those lines of the
 * hypervisor console, untagged, and with -f follows them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adas_tools.h"
#include "console.h"
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

/* the line being assembled, and whose lines to print */
struct line_filter {
	char line[LINE_MAX_LEN];
	size_t len;
	char tag[64];
	size_t tag_len;
};

/* prints the part of a line after "[name] ", if it is one of name's */
static void filter_line(const struct line_filter *f)
{
	if (f->len < f->tag_len || memcmp(f->line, f->tag, f->tag_len))
		return;
	fwrite(f->line + f->tag_len, 1, f->len - f->tag_len, stdout);
	putchar('\n');
}

static bool filter_chunk(const char *data, size_t len, void *ctx)
{
	struct line_filter *f = ctx;
	size_t n;

	for (n = 0; n < len; n++) {
		if (data[n] == '\n') {
			filter_line(f);
			f->len = 0;
		} else if (f->len < sizeof(f->line)) {
			f->line[f->len++] = data[n];
		}
	}
	return true;
}

int cell_console_main(int argc, char *argv[])
{
	static struct line_filter filter;
	const char *name = NULL;
	bool follow = false;
	int arg;

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
	filter.len = 0;
	filter.tag_len = snprintf(filter.tag, sizeof(filter.tag), "[%s] ",
				  name);
	setvbuf(stdout, NULL, _IOLBF, 0);
	return console_read(follow, filter_chunk, &filter,
			    "jailhouse cell console");
}
