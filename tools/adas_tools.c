// SPDX-License-Identifier: GPL-2.0
/*
 * One program for the helper names of the mixed-criticality commands: the
 * jailhouse tool runs jailhouse-ipc-stats, jailhouse-cell-console, ... with
 * argv[0] set to that name (tools/extension.c), and this picks the command
 * by it.
 */
#include <stdio.h>
#include <string.h>

#include "adas_tools.h"

static const struct {
	const char *helper;
	int (*main)(int argc, char *argv[]);
} commands[] = {
	{ "jailhouse-ipc-stats", ipc_stats_main },
	{ "jailhouse-ipc-monitor", ipc_monitor_main },
	{ "jailhouse-ipc-send", ipc_send_main },
	{ "jailhouse-cell-console", cell_console_main },
	{ "jailhouse-health", health_main },
};

int main(int argc, char *argv[])
{
	const char *name = strrchr(argv[0], '/');
	unsigned int n;

	name = name ? name + 1 : argv[0];
	for (n = 0; n < sizeof(commands) / sizeof(commands[0]); n++)
		if (!strcmp(name, commands[n].helper))
			return commands[n].main(argc, argv);
	fprintf(stderr, "%s: run me as one of", name);
	for (n = 0; n < sizeof(commands) / sizeof(commands[0]); n++)
		fprintf(stderr, " %s", commands[n].helper);
	fprintf(stderr, " (through jailhouse)\n");
	return 2;
}
