// SPDX-License-Identifier: GPL-2.0
/*
 * `jailhouse health [CELL...]`: for systemd and scripts.  Every named cell
 * (default: all) must be running; a cell that publishes an IPC ring
 * (Documentation/ipc-ring.md) must also have its heartbeat advancing.
 * One line per cell, exit status 1 if any has a problem, naming the cell
 * and the reason.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adas_tools.h"
#include "ipc_link.h"
#include "sysfs.h"

/* a heartbeat may be late by this many periods before it is stalled */
#define HEARTBEAT_PERIODS	3
#define HEARTBEAT_MIN_WAIT_MS	300
#define HEARTBEAT_MAX_WAIT_MS	5000

static const char health_usage[] =
	"usage: jailhouse health [CELL...]\n"
	"\n"
	"Checks that every named cell (default: all) is running and that\n"
	"the heartbeat of those with an IPC ring advances.  Prints one line\n"
	"per cell; exits 1 if any cell has a problem.\n";

static bool check_heartbeat(const char *name, char *why, size_t size,
			    char *info, size_t info_size)
{
	unsigned long long start;
	struct ipc_link link;
	enum ipc_ring_status status;
	u32 before, after, period, wait_ms;

	if (ipc_link_find(&link, name)) {
		snprintf(info, info_size, "no IPC ring");
		return true;
	}
	status = ipc_ring_check(link.peer_ep, link.section_size);
	if (status != IPC_RING_OK) {
		snprintf(why, size, "IPC ring on %s refused: %s", link.dev,
			 ipc_ring_strerror(status));
		ipc_link_close(&link);
		return false;
	}
	period = ipc_load(&link.peer_ep->heartbeat_ms);
	before = ipc_load(&link.peer_ep->heartbeat);
	if (!period) {
		snprintf(why, size, "heartbeat stopped at %u (period 0)",
			 before);
		ipc_link_close(&link);
		return false;
	}
	wait_ms = period * HEARTBEAT_PERIODS;
	if (wait_ms < HEARTBEAT_MIN_WAIT_MS)
		wait_ms = HEARTBEAT_MIN_WAIT_MS;
	if (wait_ms > HEARTBEAT_MAX_WAIT_MS)
		wait_ms = HEARTBEAT_MAX_WAIT_MS;
	start = ipc_now_us();
	do {
		usleep(10000);
		after = ipc_load(&link.peer_ep->heartbeat);
	} while (after == before && ipc_now_us() - start < wait_ms * 1000ULL);
	ipc_link_close(&link);
	if (after == before) {
		snprintf(why, size, "heartbeat stalled at %u for %u ms "
			 "(period %u ms)", before, wait_ms, period);
		return false;
	}
	snprintf(info, info_size, "heartbeat %u -> %u, period %u ms", before,
		 after, period);
	return true;
}

static bool check_cell(const struct sysfs_cell *cell)
{
	char state[SYSFS_VALUE_MAX], why[160] = "", info[160] = "";

	if (sysfs_read_cell_attr(cell->id, "state", state, sizeof(state))) {
		printf("%s: FAILED: cannot read its state: %s\n", cell->name,
		       strerror(errno));
		return false;
	}
	if (strncmp(state, "running", 7)) {
		printf("%s: FAILED: not running (state \"%s\")\n", cell->name,
		       state);
		return false;
	}
	if (cell->id != 0 &&
	    !check_heartbeat(cell->name, why, sizeof(why), info,
			     sizeof(info))) {
		printf("%s: FAILED: %s\n", cell->name, why);
		return false;
	}
	printf("%s: ok (%s%s%s)\n", cell->name, state, info[0] ? ", " : "",
	       info);
	return true;
}

int health_main(int argc, char *argv[])
{
	struct sysfs_cell *cells = NULL;
	int count, n, arg;
	bool ok = true, found;

	for (arg = 1; arg < argc; arg++)
		if (argv[arg][0] == '-') {
			if (strcmp(argv[arg], "-h") &&
			    strcmp(argv[arg], "--help")) {
				fputs(health_usage, stderr);
				return 2;
			}
			fputs(health_usage, stdout);
			return 0;
		}
	setvbuf(stdout, NULL, _IOLBF, 0);
	count = sysfs_list_cells(&cells);
	if (count < 0) {
		printf("jailhouse: FAILED: %s\n", errno == ENOENT ?
		       "the jailhouse module is not loaded" :
		       strerror(errno));
		return 1;
	}
	if (count == 0) {
		printf("jailhouse: FAILED: the hypervisor is not enabled\n");
		free(cells);
		return 1;
	}
	if (argc == 1) {
		for (n = 0; n < count; n++)
			ok &= check_cell(&cells[n]);
	}
	for (arg = 1; arg < argc; arg++) {
		found = false;
		for (n = 0; n < count; n++)
			if (!strcmp(cells[n].name, argv[arg])) {
				ok &= check_cell(&cells[n]);
				found = true;
			}
		if (!found) {
			printf("%s: FAILED: no such cell\n", argv[arg]);
			ok = false;
		}
	}
	free(cells);
	return ok ? 0 : 1;
}
