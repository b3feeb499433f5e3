// SPDX-License-Identifier: GPL-2.0
/*
 * el2-bench's ivshmem doorbell loads (scripts/bench/run-ivshmem-bench),
 * through uio_ivshmem's maps of /dev/uioN:
 *
 *   el2-bench ivshmem-ring N DEV TARGET
 *       rings peer TARGET N times between two markers, each doorbell once
 *       the previous one was handled, and then prints the latencies the
 *       receiver measured
 *   el2-bench ivshmem-wait N DEV FROM TO
 *       waits (up to 20 s) until peer TO has handled doorbell N of peer
 *       FROM (a cell benchmarking another), then prints the latencies
 *
 * The protocol is ivshmem-demo's benchmark mode (inmates/demos/
 * ivshmem-demo.c, which describes it): a block at BENCH_BLOCK of every
 * peer's output section.  The sender writes the virtual counter and a
 * sequence number into its block right before the doorbell; the
 * receiver's IRQ handler stores the difference to its own counter read
 * and acknowledges.  The root and the cells share the counter (CNTVOFF_EL2
 * is 0), so the difference is the guest time from the doorbell write to
 * the handler.
 *
 * Printed (after the window, into the results):
 *   BENCH ivshmem from=F to=T n=N ticks=TICKS:COUNT,... hz=FREQ
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "el2-bench.h"

#define BENCH_BLOCK		0x100
#define REG_ID			0x00
#define REG_MAX_PEERS		0x04
#define REG_DOORBELL		0x0c
#define WAIT_SECONDS		20

/* the layout of ivshmem-demo's struct bench_block */
struct bench_block {
	uint32_t seq;
	uint32_t from;
	uint64_t stamp;
	uint32_t ack;
	uint32_t pad;
	uint32_t delta[];
};

struct uio_ivshmem {
	volatile uint32_t *regs;
	volatile uint8_t *in;		/* every peer's output section */
	volatile uint8_t *out;		/* ours */
	size_t section_size;
	uint32_t id, max_peers;
};

static uint64_t counter(void)
{
	uint64_t cnt;

	asm volatile("isb; mrs %0, cntvct_el0" : "=r" (cnt) : : "memory");
	return cnt;
}

static unsigned long sysfs_value(const char *uio, int map, const char *what,
				 char *text, size_t size)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/uio/%s/maps/map%d/%s", uio,
		 map, what);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (!fgets(text, size, f))
		text[0] = '\0';
	fclose(f);
	text[strcspn(text, "\n")] = '\0';
	return strtoul(text, NULL, 0);
}

/* maps are found by name: map2 (R/W section) may be missing */
static volatile void *map_by_name(int fd, const char *uio, const char *name,
				  int prot, size_t *size)
{
	char text[64];
	void *map;
	int i;

	for (i = 0; i < 5; i++) {
		sysfs_value(uio, i, "name", text, sizeof(text));
		if (strcmp(text, name))
			continue;
		*size = sysfs_value(uio, i, "size", text, sizeof(text));
		map = mmap(NULL, *size, prot, MAP_SHARED, fd,
			   i * sysconf(_SC_PAGESIZE));
		if (map == MAP_FAILED)
			die(name);
		return map;
	}
	fprintf(stderr, "el2-bench: %s has no map \"%s\"\n", uio, name);
	exit(1);
}

static void uio_open(struct uio_ivshmem *dev, const char *path)
{
	const char *uio = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t size;
	int fd;

	fd = open(path, O_RDWR);
	if (fd < 0)
		die(path);
	dev->regs = map_by_name(fd, uio, "registers", PROT_READ | PROT_WRITE,
				&size);
	dev->in = map_by_name(fd, uio, "input_sections", PROT_READ, &size);
	dev->out = map_by_name(fd, uio, "output_section",
			       PROT_READ | PROT_WRITE, &dev->section_size);
	dev->id = dev->regs[REG_ID / 4];
	dev->max_peers = dev->regs[REG_MAX_PEERS / 4];
}

static volatile struct bench_block *block_of(struct uio_ivshmem *dev,
					     uint32_t peer)
{
	if (peer >= dev->max_peers) {
		fprintf(stderr, "el2-bench: no peer %u (%u peers)\n", peer,
			dev->max_peers);
		exit(2);
	}
	return (volatile struct bench_block *)(dev->in +
		peer * dev->section_size + BENCH_BLOCK);
}

static int compare_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* a histogram of the receiver's deltas: "ticks:count" by ticks */
static void print_latencies(volatile struct bench_block *rx, uint32_t from,
			    uint32_t to, long n)
{
	uint32_t *sorted = calloc(n, sizeof(*sorted));
	uint64_t freq;
	long i, run;

	if (!sorted)
		die("calloc");
	for (i = 0; i < n; i++)
		sorted[i] = rx->delta[i];
	qsort(sorted, n, sizeof(*sorted), compare_u32);
	asm volatile("mrs %0, cntfrq_el0" : "=r" (freq));
	printf("BENCH ivshmem from=%u to=%u n=%ld ticks=", from, to, n);
	for (i = 0; i < n; i += run) {
		for (run = 1; i + run < n && sorted[i + run] == sorted[i];
		     run++)
			;
		printf("%s%u:%ld", i ? "," : "", sorted[i], run);
	}
	printf(" hz=%llu\n", (unsigned long long)freq);
	free(sorted);
}

static void check_room(struct uio_ivshmem *dev, long n)
{
	if (BENCH_BLOCK + sizeof(struct bench_block) + n * sizeof(uint32_t) >
	    dev->section_size) {
		fprintf(stderr, "el2-bench: %ld doorbells do not fit the "
			"receiver's %zu-byte output section\n", n,
			dev->section_size);
		exit(2);
	}
}

void ivshmem_ring(long n, const char *path, uint32_t target)
{
	struct uio_ivshmem dev;
	volatile struct bench_block *mine, *rx;
	uint64_t start, timeout;
	uint32_t seq;

	pin_to_cpu(0);
	uio_open(&dev, path);
	check_room(&dev, n);
	mine = (volatile struct bench_block *)(dev.out + BENCH_BLOCK);
	rx = block_of(&dev, target);
	asm volatile("mrs %0, cntfrq_el0" : "=r" (timeout));
	timeout /= 10;		/* 100 ms: the doorbell was lost */
	bench_marker();
	for (seq = 1; seq <= n; seq++) {
		mine->seq = seq;
		mine->stamp = counter();
		asm volatile("dsb st" : : : "memory");
		dev.regs[REG_DOORBELL / 4] = target << 16;
		start = counter();
		while (rx->ack != seq || rx->from != dev.id) {
			if (counter() - start > timeout) {
				bench_marker();
				fprintf(stderr, "el2-bench: peer %u did not "
					"answer doorbell %u\n", target, seq);
				exit(1);
			}
			/* hands the host thread to the other vCPUs */
			asm volatile("wfe" : : : "memory");
		}
	}
	bench_marker();
	print_latencies(rx, dev.id, target, n);
}

void ivshmem_wait(long n, const char *path, uint32_t from, uint32_t to)
{
	struct uio_ivshmem dev;
	volatile struct bench_block *rx;
	struct timespec step = { 0, 20000000 };
	long waited;

	uio_open(&dev, path);
	check_room(&dev, n);
	rx = block_of(&dev, to);
	for (waited = 0; rx->from != from || rx->ack != n; waited++) {
		if (waited == WAIT_SECONDS * 50) {
			fprintf(stderr, "el2-bench: peer %u did not report "
				"doorbell %ld of peer %u (last: %u of %u)\n",
				to, n, from, rx->ack, rx->from);
			exit(1);
		}
		nanosleep(&step, NULL);
	}
	print_latencies(rx, from, to, n);
}
