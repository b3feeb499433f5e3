// SPDX-License-Identifier: GPL-2.0
/*
 * el2-bench: the guest side of scripts/bench/run-el2-bench.  Each command
 * produces a known number of one kind of hypervisor event between two
 * executions of bench_marker(), the instruction at which the el2count
 * plugin takes a snapshot of its counters; the host differences the
 * snapshots of a run with N events and one with 2N.
 *
 *   el2-bench mark                  one marker (phases driven by a script)
 *   el2-bench sysfs-read N FILE     read FILE N times (open, read, close);
 *                                   /sys/devices/jailhouse/mem_pool_used
 *                                   costs one HYPERVISOR_GET_INFO each
 *   el2-bench timer N               N sleeps of 1 ms on CPU 1: one timer
 *                                   interrupt each, forwarded by EL2
 *   el2-bench ipi N                 N membarrier() calls on CPU 0 while a
 *                                   thread of ours runs on CPU 1: one
 *                                   IPI (a trapped ICC_SGI1R_EL1 write)
 *                                   each
 *   el2-bench idle SECONDS          sleep on CPU 0 (an idle root), after 2 s
 *                                   of settling
 *   el2-bench cell-idle SECONDS FILE
 *                                   sleep on CPU 0 while a cell runs on
 *                                   its own CPUs; FILE (the cell's
 *                                   statistics/vmexits_total) is read
 *                                   right before the first marker and
 *                                   right after the second, and both
 *                                   values are printed afterwards, so
 *                                   that counter and plugin windows agree
 *   el2-bench ivshmem-ring N DEV TARGET
 *   el2-bench ivshmem-wait N DEV FROM TO
 *                                   ivshmem doorbells through uio_ivshmem,
 *                                   see el2-bench-ivshmem.c
 *
 * Nothing is printed between the markers: console output would add UART
 * interrupts to the window.  A static, non-PIE binary, so that the marker
 * sits at the fixed address the linker gave it (see Makefile).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "el2-bench.h"

/*
 * The plugin recognises the marker by address and encoding; the encoding
 * is an otherwise pointless "orr x16, xzr, x16" (mov x16, x16) so that no
 * other code at the same address of another process can look like it.
 */
#define MARKER_INSN "mov x16, x16"

__attribute__((noinline, section(".bench_marker")))
void bench_marker(void)
{
	asm volatile(MARKER_INSN ::: "x16", "memory");
}

void die(const char *what)
{
	fprintf(stderr, "el2-bench: %s: %s\n", what, strerror(errno));
	exit(1);
}

void pin_to_cpu(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		die("sched_setaffinity");
}

static long parse_count(const char *s)
{
	char *end;
	long n = strtol(s, &end, 0);

	if (end == s || *end || n < 0) {
		fprintf(stderr, "el2-bench: bad count \"%s\"\n", s);
		exit(2);
	}
	return n;
}

static void sysfs_reads(long n, const char *path)
{
	char buf[64];
	long i;

	pin_to_cpu(0);
	/* one read outside the window: page cache, dentry, first faults */
	for (i = -1; i < n; i++) {
		int fd;

		if (i == 0)
			bench_marker();
		fd = open(path, O_RDONLY);
		if (fd < 0)
			die(path);
		if (read(fd, buf, sizeof(buf)) < 0)
			die(path);
		close(fd);
	}
	bench_marker();
}

static void sleep_ns(long ns)
{
	struct timespec t = { ns / 1000000000L, ns % 1000000000L };

	while (clock_nanosleep(CLOCK_MONOTONIC, 0, &t, &t) == EINTR)
		;
}

static void timer_irqs(long n)
{
	long i;

	pin_to_cpu(1);
	sleep_ns(1000000);
	bench_marker();
	for (i = 0; i < n; i++)
		sleep_ns(1000000);
	bench_marker();
}

static volatile int spinner_stop;
static volatile int spinner_running;

/*
 * Stays the running task on its CPU, so that membarrier() must IPI that
 * CPU; wfe rather than a plain spin because under single-threaded TCG it
 * hands the host thread to the other vCPUs instead of burning the slice.
 */
static void *spinner(void *arg)
{
	(void)arg;
	pin_to_cpu(1);
	spinner_running = 1;
	while (!spinner_stop)
		asm volatile("wfe" ::: "memory");
	return NULL;
}

static void ipis(long n)
{
	pthread_t thread;
	long i;

	pin_to_cpu(0);
	if (syscall(__NR_membarrier,
		    MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0))
		die("membarrier register");
	if (pthread_create(&thread, NULL, spinner, NULL))
		die("pthread_create");
	while (!spinner_running)
		sched_yield();
	if (syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0))
		die("membarrier");
	bench_marker();
	for (i = 0; i < n; i++)
		syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED,
			0, 0);
	bench_marker();
	spinner_stop = 1;
	pthread_join(thread, NULL);
}

static void idle(long seconds)
{
	pin_to_cpu(0);
	/* let what the previous phase left behind (RCU, workqueues) settle */
	sleep_ns(2000000000L);
	bench_marker();
	sleep_ns(seconds * 1000000000L);
	bench_marker();
}

static unsigned long long read_counter(const char *path)
{
	char buf[32];
	ssize_t len;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		die(path);
	len = read(fd, buf, sizeof(buf) - 1);
	if (len < 0)
		die(path);
	close(fd);
	buf[len] = '\0';
	return strtoull(buf, NULL, 0);
}

/*
 * A cell's CPU exits on its own timer, whatever the root does, so the
 * counter must be read as close to the markers as possible: the gap is a
 * few microseconds of a 100 ms timer period, not a process start.
 */
static void cell_idle(long seconds, const char *path)
{
	unsigned long long before, after;

	pin_to_cpu(0);
	read_counter(path);	/* faults and dentry cache outside the window */
	before = read_counter(path);
	bench_marker();
	sleep_ns(seconds * 1000000000L);
	bench_marker();
	after = read_counter(path);
	printf("before=%llu after=%llu\n", before, after);
}

static void usage(void)
{
	fprintf(stderr, "usage: el2-bench mark | sysfs-read N FILE | "
		"timer N | ipi N | idle SECONDS | "
		"cell-idle SECONDS FILE | ivshmem-ring N DEV TARGET | "
		"ivshmem-wait N DEV FROM TO\n");
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "mark"))
		bench_marker();
	else if (argc == 4 && !strcmp(argv[1], "sysfs-read"))
		sysfs_reads(parse_count(argv[2]), argv[3]);
	else if (argc == 3 && !strcmp(argv[1], "timer"))
		timer_irqs(parse_count(argv[2]));
	else if (argc == 3 && !strcmp(argv[1], "ipi"))
		ipis(parse_count(argv[2]));
	else if (argc == 3 && !strcmp(argv[1], "idle"))
		idle(parse_count(argv[2]));
	else if (argc == 4 && !strcmp(argv[1], "cell-idle"))
		cell_idle(parse_count(argv[2]), argv[3]);
	else if (argc == 5 && !strcmp(argv[1], "ivshmem-ring"))
		ivshmem_ring(parse_count(argv[2]), argv[3],
			     parse_count(argv[4]));
	else if (argc == 6 && !strcmp(argv[1], "ivshmem-wait"))
		ivshmem_wait(parse_count(argv[2]), argv[3],
			     parse_count(argv[4]), parse_count(argv[5]));
	else
		usage();
	return 0;
}
