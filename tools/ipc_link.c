// SPDX-License-Identifier: GPL-2.0
/*
 * Finding and mapping the root's end of an IPC ring link.  uio_ivshmem
 * names its maps (registers, state_table, [rw_section,] input_sections,
 * output_section), so they are looked up by name: the R/W section is
 * absent when the config has none.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>

#include "ipc_link.h"

#define UIO_NAME_PREFIX		"uio_ivshmem["

unsigned long long ipc_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000ULL + ts.tv_nsec / 1000;
}

static int read_line(const char *path, char *buf, size_t size)
{
	FILE *file = fopen(path, "r");
	size_t len;

	if (!file)
		return -1;
	if (!fgets(buf, size, file)) {
		fclose(file);
		return -1;
	}
	fclose(file);
	len = strlen(buf);
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	return 0;
}

/* index of the map called name of uio device uio, size in *size */
static int find_map(const char *uio, const char *name, size_t *size)
{
	char path[128], value[64];
	int n;

	for (n = 0; n < 5; n++) {
		snprintf(path, sizeof(path), IPC_UIO_CLASS "/%s/maps/map%d/name",
			 uio, n);
		if (read_line(path, value, sizeof(value)) ||
		    strcmp(value, name))
			continue;
		snprintf(path, sizeof(path), IPC_UIO_CLASS "/%s/maps/map%d/size",
			 uio, n);
		if (read_line(path, value, sizeof(value)))
			return -1;
		*size = strtoull(value, NULL, 0);
		return n;
	}
	return -1;
}

static void *map(struct ipc_link *link, int index, size_t size, int prot)
{
	void *p = mmap(NULL, size, prot, MAP_SHARED, link->fd,
		       (off_t)index * sysconf(_SC_PAGESIZE));

	return p == MAP_FAILED ? NULL : p;
}

/* opens uio device uio ("uio1"); quiet: no messages, just -1 */
static int open_uio(struct ipc_link *link, const char *uio, const char *what,
		    bool quiet)
{
	size_t regs_size, out_size;
	int regs_map, in_map, out_map;
	char path[128], name[64];
	void *out;

	memset(link, 0, sizeof(*link));
	link->fd = -1;
	snprintf(path, sizeof(path), IPC_UIO_CLASS "/%s/name", uio);
	if (read_line(path, name, sizeof(name)) ||
	    strncmp(name, UIO_NAME_PREFIX, strlen(UIO_NAME_PREFIX))) {
		if (!quiet)
			fprintf(stderr, "jailhouse ipc %s: %s is not a "
				"uio_ivshmem device\n", what, uio);
		return -1;
	}
	snprintf(link->pci, sizeof(link->pci), "%.*s",
		 (int)(strlen(name) - strlen(UIO_NAME_PREFIX) - 1),
		 name + strlen(UIO_NAME_PREFIX));
	snprintf(link->dev, sizeof(link->dev), "/dev/%s", uio);

	regs_map = find_map(uio, "registers", &regs_size);
	in_map = find_map(uio, "input_sections", &link->inputs_size);
	out_map = find_map(uio, "output_section", &out_size);
	if (regs_map < 0 || in_map < 0 || out_map < 0) {
		if (!quiet)
			fprintf(stderr, "jailhouse ipc %s: %s (%s) has no "
				"output sections: not an IPC link\n", what,
				link->dev, link->pci);
		return -1;
	}
	link->fd = open(link->dev, O_RDWR);
	if (link->fd < 0) {
		if (!quiet)
			fprintf(stderr, "jailhouse ipc %s: opening %s: %s\n",
				what, link->dev, strerror(errno));
		return -1;
	}
	link->regs = map(link, regs_map, regs_size, PROT_READ | PROT_WRITE);
	link->inputs = map(link, in_map, link->inputs_size, PROT_READ);
	out = map(link, out_map, out_size, PROT_READ | PROT_WRITE);
	if (!link->regs || !link->inputs || !out) {
		if (!quiet)
			fprintf(stderr, "jailhouse ipc %s: mapping %s: %s\n",
				what, link->dev, strerror(errno));
		ipc_link_close(link);
		return -1;
	}
	link->me = out;
	link->section_size = out_size;
	link->id = link->regs[0];
	link->max_peers = link->regs[1];
	if (link->max_peers != 2 || link->id > 1 ||
	    link->inputs_size < 2 * out_size) {
		if (!quiet)
			fprintf(stderr, "jailhouse ipc %s: %s (%s) links %u "
				"peers: an IPC ring link has 2\n", what,
				link->dev, link->pci, link->max_peers);
		ipc_link_close(link);
		return -1;
	}
	link->peer = link->id ^ 1;
	link->peer_ep = (volatile struct ipc_endpoint *)
		((char *)link->inputs + link->peer * out_size);
	/* the name may be garbage: keep it printable */
	for (int n = 0; n < IPC_RING_NAME_LEN; n++) {
		char c = link->peer_ep->name[n];

		if (!c)
			break;
		link->peer_name[n] = (c >= 0x20 && c < 0x7f) ? c : '?';
	}
	return 0;
}

void ipc_link_close(struct ipc_link *link)
{
	if (link->regs)
		munmap((void *)link->regs, sysconf(_SC_PAGESIZE));
	if (link->inputs)
		munmap(link->inputs, link->inputs_size);
	if (link->me)
		munmap((void *)link->me, link->section_size);
	if (link->fd >= 0)
		close(link->fd);
	link->regs = NULL;
	link->inputs = NULL;
	link->me = NULL;
	link->fd = -1;
}

static int uio_filter(const struct dirent *entry)
{
	return !strncmp(entry->d_name, "uio", 3);
}

int ipc_link_find(struct ipc_link *link, const char *name)
{
	struct dirent **entries;
	int count, n, found = -1;

	count = scandir(IPC_UIO_CLASS, &entries, uio_filter, alphasort);
	for (n = 0; n < count; n++) {
		if (found < 0 &&
		    !open_uio(link, entries[n]->d_name, "", true)) {
			if (!strcmp(link->peer_name, name))
				found = n;
			else
				ipc_link_close(link);
		}
		free(entries[n]);
	}
	if (count > 0)
		free(entries);
	return found >= 0 ? 0 : -1;
}

int ipc_link_open(struct ipc_link *link, const char *target,
		  const char *what)
{
	if (!strncmp(target, "/dev/", 5))
		target += 5;
	if (!strncmp(target, "uio", 3) && target[3] >= '0' &&
	    target[3] <= '9')
		return open_uio(link, target, what, false);
	if (!ipc_link_find(link, target))
		return 0;
	fprintf(stderr, "jailhouse ipc %s: no IPC ring of a cell called "
		"\"%s\" (is it running? is uio_ivshmem loaded?)\n", what,
		target);
	ipc_link_list();
	return -1;
}

void ipc_link_list(void)
{
	struct dirent **entries;
	struct ipc_link link;
	int count, n;

	count = scandir(IPC_UIO_CLASS, &entries, uio_filter, alphasort);
	for (n = 0; n < count; n++) {
		if (!open_uio(&link, entries[n]->d_name, "", true)) {
			fprintf(stderr, "  %s (%s): %s\n", link.dev, link.pci,
				link.peer_name[0] ? link.peer_name :
				"no ring set up by the peer");
			ipc_link_close(&link);
		}
		free(entries[n]);
	}
	if (count > 0)
		free(entries);
}

enum ipc_ring_status ipc_link_check(struct ipc_link *link, const char *what)
{
	enum ipc_ring_status status;

	status = ipc_ring_check(link->peer_ep, link->section_size);
	if (status != IPC_RING_OK)
		fprintf(stderr, "jailhouse ipc %s: %s (%s): ring of peer %u "
			"refused: %s (magic 0x%08x, version %u, header %u, "
			"slot size %u, %u slots)\n", what, link->dev,
			link->pci, link->peer, ipc_ring_strerror(status),
			link->peer_ep->magic, link->peer_ep->version,
			link->peer_ep->header_size, link->peer_ep->slot_size,
			link->peer_ep->slots);
	return status;
}

void ipc_link_attach(struct ipc_link *link)
{
	if (ipc_ring_check(link->me, link->section_size) == IPC_RING_OK)
		return;
	ipc_ring_init(link->me, link->peer_ep, link->section_size, link->id,
		      "root");
}

int ipc_link_lock(struct ipc_link *link, int which, const char *what)
{
	struct flock lock = {
		.l_type = F_WRLCK,
		.l_whence = SEEK_SET,
		.l_start = which,
		.l_len = 1,
	};

	if (fcntl(link->fd, F_SETLK, &lock) == 0)
		return 0;
	fcntl(link->fd, F_GETLK, &lock);
	fprintf(stderr, "jailhouse ipc %s: the ring %s %s is in use by "
		"process %d\n", what, which == IPC_LOCK_READER ?
		"from" : "to", link->peer_name[0] ? link->peer_name : link->dev,
		(int)lock.l_pid);
	return -1;
}

void ipc_link_notify(struct ipc_link *link)
{
	if (ipc_ring_check(link->peer_ep, link->section_size) != IPC_RING_OK ||
	    !ipc_load(&link->peer_ep->doorbell))
		return;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	link->regs[3] = link->peer << 16;	/* doorbell: vector 0 */
}
