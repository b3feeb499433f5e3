// SPDX-License-Identifier: GPL-2.0
/*
 * vmexit counters of one cell, from statistics/vmexits_* (sum over the
 * cell's CPUs) and statistics/cpu<N>/vmexits_*, in the layout of
 * Jailhouse's Python jailhouse-cell-stats but without curses or Python:
 * on a terminal it refreshes every second until 'q' or Ctrl-C ('c' shows
 * the per-CPU counters); when the output is not a terminal it prints one
 * snapshot, with every CPU, and exits.
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cell_stats.h"
#include "sysfs.h"

#define STATS_PREFIX		"vmexits_"
#define MAX_COUNTERS		32
#define MAX_CPUS		256
#define COUNTER_NAME_MAX	64

/* Display order of the arm64 counters; others follow alphabetically. */
static const char *const known_counters[] = {
	"vmexits_total", "vmexits_mmio", "vmexits_management",
	"vmexits_hypercall", "vmexits_maintenance", "vmexits_virt_irq",
	"vmexits_virt_sgi", "vmexits_psci", "vmexits_smccc",
};

struct counter_set {
	char dir[32];		/* "" for the cell, "cpu<N>" for a CPU */
	unsigned long long value[MAX_COUNTERS];
	unsigned long long last[MAX_COUNTERS];
	bool have_last;
};

struct stats {
	struct sysfs_cell cell;
	char names[MAX_COUNTERS][COUNTER_NAME_MAX];
	unsigned int num_counters;
	struct counter_set total;
	struct counter_set *cpus;
	unsigned int num_cpus;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

static int rank(const char *name)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(known_counters); n++)
		if (strcmp(name, known_counters[n]) == 0)
			return n;
	return ARRAY_SIZE(known_counters);
}

static int compare_counters(const void *a, const void *b)
{
	const char *x = a, *y = b;
	int rx = rank(x), ry = rank(y);

	return rx != ry ? rx - ry : strcmp(x, y);
}

static int compare_cpus(const void *a, const void *b)
{
	const struct counter_set *x = a, *y = b;

	return atoi(x->dir + 3) - atoi(y->dir + 3);
}

/* Finds the counter names and the CPU directories of the cell. */
static int scan_statistics(struct stats *stats)
{
	struct dirent *entry;
	char path[512];
	DIR *dir;

	snprintf(path, sizeof(path), "%s/cells/%u/statistics", sysfs_root(),
		 stats->cell.id);
	dir = opendir(path);
	if (!dir) {
		fprintf(stderr, "jailhouse: cell stats: reading %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	stats->cpus = calloc(MAX_CPUS, sizeof(*stats->cpus));
	if (!stats->cpus) {
		closedir(dir);
		fprintf(stderr, "jailhouse: cell stats: out of memory\n");
		return -1;
	}
	while ((entry = readdir(dir)) != NULL) {
		const char *name = entry->d_name;

		if (strncmp(name, STATS_PREFIX, strlen(STATS_PREFIX)) == 0 &&
		    strlen(name) < COUNTER_NAME_MAX &&
		    stats->num_counters < MAX_COUNTERS)
			strcpy(stats->names[stats->num_counters++], name);
		else if (strncmp(name, "cpu", 3) == 0 && name[3] >= '0' &&
			 name[3] <= '9' && stats->num_cpus < MAX_CPUS &&
			 strlen(name) < sizeof(stats->cpus[0].dir))
			strcpy(stats->cpus[stats->num_cpus++].dir, name);
	}
	closedir(dir);

	if (stats->num_counters == 0) {
		fprintf(stderr, "jailhouse: cell stats: %s has no " STATS_PREFIX
			"* counters\n", path);
		return -1;
	}
	qsort(stats->names, stats->num_counters, sizeof(stats->names[0]),
	      compare_counters);
	qsort(stats->cpus, stats->num_cpus, sizeof(*stats->cpus),
	      compare_cpus);
	return 0;
}

static int read_set(const struct stats *stats, struct counter_set *set)
{
	char attr[128], value[SYSFS_VALUE_MAX];
	unsigned int n;

	for (n = 0; n < stats->num_counters; n++) {
		snprintf(attr, sizeof(attr), "statistics/%s%s%s", set->dir,
			 set->dir[0] ? "/" : "", stats->names[n]);
		if (sysfs_read_cell_attr(stats->cell.id, attr, value,
					 sizeof(value)) != 0) {
			if (errno == ENOENT)
				fprintf(stderr,
					"jailhouse: cell stats: cell \"%s\" "
					"is gone\n", stats->cell.name);
			else
				fprintf(stderr,
					"jailhouse: cell stats: reading %s: "
					"%s\n", attr, strerror(errno));
			return -1;
		}
		set->value[n] = strtoull(value, NULL, 0);
	}
	return 0;
}

static int read_all(struct stats *stats, bool with_cpus)
{
	unsigned int n;

	if (read_set(stats, &stats->total) != 0)
		return -1;
	for (n = 0; with_cpus && n < stats->num_cpus; n++)
		if (read_set(stats, &stats->cpus[n]) != 0)
			return -1;
	return 0;
}

static void print_set(const struct stats *stats, struct counter_set *set,
		      const char *title, double seconds)
{
	char per_sec[24];
	unsigned int n;

	printf("%-30s%10s%10s\n", title, "SUM", "PER SEC");
	for (n = 0; n < stats->num_counters; n++) {
		/* counters restart when a CPU changes cells: no rate then */
		if (set->have_last && seconds > 0 &&
		    set->value[n] >= set->last[n])
			snprintf(per_sec, sizeof(per_sec), "%.0f",
				 (set->value[n] - set->last[n]) / seconds);
		else
			strcpy(per_sec, "-");
		printf("%-30s%10llu%10s\n", stats->names[n], set->value[n],
		       per_sec);
		set->last[n] = set->value[n];
	}
	set->have_last = true;
}

static void print_stats(struct stats *stats, bool with_cpus, double seconds)
{
	char title[64];
	unsigned int n;

	printf("Statistics for %s cell\n\n", stats->cell.name);
	print_set(stats, &stats->total, "COUNTER", seconds);
	for (n = 0; with_cpus && n < stats->num_cpus; n++) {
		snprintf(title, sizeof(title), "COUNTER (CPU %s)",
			 stats->cpus[n].dir + 3);
		printf("\n");
		print_set(stats, &stats->cpus[n], title, seconds);
	}
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits up to a second for a key; returns it, or 0. */
static int wait_for_key(bool keyboard)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	char key;

	if (!keyboard) {
		sleep(1);
		return 0;
	}
	if (poll(&pfd, 1, 1000) <= 0)
		return 0;
	if (read(STDIN_FILENO, &key, 1) != 1)
		return 0;
	return key;
}

static int watch(struct stats *stats)
{
	bool keyboard = isatty(STDIN_FILENO);
	struct termios saved, raw;
	bool with_cpus = false;
	double last = 0, now;
	int key, ret = 0;

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (keyboard && tcgetattr(STDIN_FILENO, &saved) == 0) {
		raw = saved;
		raw.c_lflag &= ~(ICANON | ECHO);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	} else {
		keyboard = false;
	}

	while (!interrupted) {
		if (read_all(stats, with_cpus) != 0) {
			ret = 1;
			break;
		}
		now = now_seconds();
		/* home, clear screen */
		printf("\033[H\033[2J");
		print_stats(stats, with_cpus, last ? now - last : 0);
		printf("\nq: quit   c: %s per-CPU counters\n",
		       with_cpus ? "hide" : "show");
		fflush(stdout);
		last = now;

		key = wait_for_key(keyboard);
		if (key == 'q' || key == 'Q')
			break;
		if (key == 'c' || key == 'C') {
			with_cpus = !with_cpus;
			/* rates of the CPUs restart from their next sample */
			for (unsigned int n = 0; n < stats->num_cpus; n++)
				stats->cpus[n].have_last = false;
			stats->total.have_last = false;
		}
	}

	if (keyboard)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return ret;
}

int cell_stats(const struct cli_cell_ref *ref)
{
	struct stats stats;
	int ret;

	memset(&stats, 0, sizeof(stats));
	if (sysfs_find_cell(ref, "cell stats", &stats.cell) != 0)
		return 1;
	if (scan_statistics(&stats) != 0) {
		free(stats.cpus);
		return 1;
	}

	if (isatty(STDOUT_FILENO)) {
		ret = watch(&stats);
	} else {
		ret = read_all(&stats, true) != 0;
		if (ret == 0)
			print_stats(&stats, true, 0);
	}
	free(stats.cpus);
	return ret;
}
