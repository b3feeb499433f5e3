// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo: the Linux side of Jailhouse's ivshmem demo, on a
 * uio_ivshmem device.
 *
 * It sets its state to ID + 1, enables interrupts, and then, for ever:
 * on every interrupt prints its number and the shared memory (the peers'
 * states, the common R/W section, the start of each peer's output
 * section), records the interrupt count in its R/W slot and its output
 * section and re-enables the interrupt; every INTERVAL seconds it rings
 * the doorbell of peer TARGET (by default the next one).  The inmate
 * ivshmem-demo does the same on the other side.
 *
 * Usage: ivshmem-demo [-d DEV] [-t TARGET] [-i INTERVAL]
 *
 * The maps are found by their names (uio_ivshmem leaves "rw_section" out
 * when the section is empty, moving the later ones down).
 */

#include <errno.h>
#include <error.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <unistd.h>

#define MAX_MAPS	5
#define SHOWN_PEERS	3

struct ivshmem_regs {
	uint32_t id;
	uint32_t max_peers;
	uint32_t int_control;
	uint32_t doorbell;
	uint32_t state;
};

struct uio_map {
	char name[32];
	size_t size;
	volatile void *base;
};

static struct uio_map maps[MAX_MAPS];
static volatile struct ivshmem_regs *regs;
static volatile uint32_t *state, *rw, *out;
static volatile uint8_t *in;
static size_t rw_size, in_size, out_size;
static unsigned int shown_peers = SHOWN_PEERS;
static uint32_t max_peers;

static uint32_t mmio_read32(volatile uint32_t *reg)
{
	return *reg;
}

static void mmio_write32(volatile uint32_t *reg, uint32_t value)
{
	*reg = value;
}

static int read_sysfs(const char *dev, int index, const char *attr,
		      char *buf, size_t len)
{
	char path[128];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/sys/class/uio/%s/maps/map%d/%s",
		 dev, index, attr);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return 0;
}

static void map_all(int fd, const char *dev)
{
	long page = sysconf(_SC_PAGESIZE);
	char buf[64];
	int n, prot;

	for (n = 0; n < MAX_MAPS; n++) {
		if (read_sysfs(dev, n, "name", maps[n].name,
			       sizeof(maps[n].name)))
			break;
		if (read_sysfs(dev, n, "size", buf, sizeof(buf)) ||
		    sscanf(buf, "0x%zx", &maps[n].size) != 1)
			error(1, EINVAL, "size of map%d of %s", n, dev);
		/* the state table and the peers' sections are read-only */
		prot = PROT_READ;
		if (strcmp(maps[n].name, "state_table") &&
		    strcmp(maps[n].name, "input_sections"))
			prot |= PROT_WRITE;
		maps[n].base = mmap(NULL, maps[n].size, prot, MAP_SHARED, fd,
				    n * page);
		if (maps[n].base == MAP_FAILED)
			error(1, errno, "mmap(%s)", maps[n].name);
	}
	if (n == 0)
		error(1, ENODEV, "%s has no maps: is it a uio_ivshmem device?",
		      dev);
}

static volatile void *find_map(const char *name, size_t *size)
{
	int n;

	for (n = 0; n < MAX_MAPS; n++)
		if (!strcmp(maps[n].name, name)) {
			if (size)
				*size = maps[n].size;
			return maps[n].base;
		}
	return NULL;
}

static void print_shmem(void)
{
	size_t section = max_peers ? in_size / max_peers : 0;
	unsigned int n;

	for (n = 0; n < shown_peers; n++)
		printf("state[%u] = %u\n", n, state[n]);
	for (n = 0; n < shown_peers && rw && (n + 1) * 4 <= rw_size; n++)
		printf("rw[%u] = %u\n", n, rw[n]);
	for (n = 0; n < shown_peers && in && section; n++)
		printf("in@0x%04zx = %u\n", n * section,
		       *(volatile uint32_t *)(in + n * section));
}

static void usage(void)
{
	error(1, EINVAL,
	      "Usage: ivshmem-demo [-d DEV] [-t TARGET] [-i INTERVAL]");
}

int main(int argc, char *argv[])
{
	const char *path = "/dev/uio0";
	uint32_t id, int_count, target = UINT32_MAX;
	unsigned int interval = 1, vector;
	struct signalfd_siginfo siginfo;
	char sysfs_path[128], *end;
	struct pollfd fds[2];
	char *dev, *devpath;
	sigset_t sigset;
	int n, has_msix;
	ssize_t ret;

	for (n = 1; n < argc; n++) {
		if (n + 1 >= argc) {
			printf("Invalid argument '%s'\n", argv[n]);
			usage();
		}
		if (!strcmp(argv[n], "-t") || !strcmp(argv[n], "--target")) {
			target = strtoul(argv[++n], &end, 0);
		} else if (!strcmp(argv[n], "-d") ||
			   !strcmp(argv[n], "--device")) {
			path = argv[++n];
			continue;
		} else if (!strcmp(argv[n], "-i") ||
			   !strcmp(argv[n], "--interval")) {
			interval = strtoul(argv[++n], &end, 0);
		} else {
			printf("Invalid argument '%s'\n", argv[n]);
			usage();
		}
		if (*end || end == argv[n])
			error(1, EINVAL, "'%s' is not a number", argv[n]);
	}
	/* the output goes to files and pipes as it happens */
	setvbuf(stdout, NULL, _IOLBF, 0);

	fds[0].fd = open(path, O_RDWR);
	if (fds[0].fd < 0)
		error(1, errno, "open(%s)", path);
	fds[0].events = POLLIN;

	devpath = strdup(path);
	if (!devpath)
		error(1, ENOMEM, "strdup");
	dev = basename(devpath);
	snprintf(sysfs_path, sizeof(sysfs_path),
		 "/sys/class/uio/%s/device/msi_irqs", dev);
	has_msix = access(sysfs_path, R_OK) == 0;

	map_all(fds[0].fd, dev);
	regs = find_map("registers", NULL);
	state = find_map("state_table", NULL);
	rw = find_map("rw_section", &rw_size);
	in = find_map("input_sections", &in_size);
	out = find_map("output_section", &out_size);
	if (!regs || !state)
		error(1, ENODEV, "%s lacks the registers or the state table",
		      path);

	id = mmio_read32(&regs->id);
	printf("ID = %u\n", id);
	max_peers = mmio_read32(&regs->max_peers);
	printf("Maximum peers = %u\n", max_peers);
	if (max_peers < shown_peers)
		shown_peers = max_peers;

	if (target == UINT32_MAX)
		target = max_peers ? (id + 1) % max_peers : 0;
	if (target >= max_peers || target == id)
		error(1, EINVAL, "invalid peer number %u (this is peer %u of %u)",
		      target, id, max_peers);

	mmio_write32(&regs->state, id + 1);
	if (rw && (id + 1) * 4 <= rw_size)
		rw[id] = 0;
	if (out)
		out[0] = 0;

	sigemptyset(&sigset);
	sigaddset(&sigset, SIGALRM);
	sigprocmask(SIG_BLOCK, &sigset, NULL);
	fds[1].fd = signalfd(-1, &sigset, 0);
	if (fds[1].fd < 0)
		error(1, errno, "signalfd");
	fds[1].events = POLLIN;

	mmio_write32(&regs->int_control, 1);
	if (interval)
		alarm(interval);

	print_shmem();

	while (1) {
		if (poll(fds, 2, -1) < 0)
			error(1, errno, "poll");

		if (fds[0].revents & POLLIN) {
			ret = read(fds[0].fd, &int_count, sizeof(int_count));
			if (ret != sizeof(int_count))
				error(1, ret < 0 ? errno : EIO, "read(uio)");

			if (rw && (id + 1) * 4 <= rw_size)
				rw[id] = int_count;
			if (out)
				out[0] = int_count * 10;
			printf("\nInterrupt #%u\n", int_count);
			print_shmem();

			mmio_write32(&regs->int_control, 1);
		} else if (fds[0].revents & (POLLERR | POLLHUP)) {
			error(1, ENODEV, "%s went away", path);
		}
		if (fds[1].revents & POLLIN) {
			ret = read(fds[1].fd, &siginfo, sizeof(siginfo));
			if (ret != sizeof(siginfo))
				error(1, errno, "read(signalfd)");

			vector = has_msix ? id + 1 : 0;
			printf("\nSending interrupt %u to peer %u\n",
			       vector, target);
			mmio_write32(&regs->doorbell, vector | (target << 16));

			alarm(interval);
		}
	}
}
