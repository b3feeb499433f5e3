/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The root's end of an IPC ring link (Documentation/ipc-ring.md): a
 * uio_ivshmem device with two peers, found by /dev/uioN or by the name the
 * cell wrote into its endpoint, with its sections mapped.
 */
#ifndef _JAILHOUSE_TOOLS_IPC_LINK_H
#define _JAILHOUSE_TOOLS_IPC_LINK_H

#include <stdbool.h>
#include <stddef.h>

#include <jailhouse/ipc_ring.h>

#define IPC_UIO_CLASS		"/sys/class/uio"

struct ipc_link {
	char dev[32];			/* /dev/uioN */
	char pci[32];			/* 0001:00:02.0 */
	int fd;
	volatile unsigned int *regs;	/* BAR 0: id, max_peers, ... */
	unsigned int id, peer, max_peers;
	size_t section_size;
	void *inputs;			/* every peer's output section, ro */
	size_t inputs_size;
	volatile struct ipc_endpoint *me, *peer_ep;
	char peer_name[IPC_RING_NAME_LEN + 1];
};

/*
 * Opens the link named by target: "/dev/uioN", "uioN" or a cell name.
 * Prints why not ("jailhouse ipc WHAT: ...") and returns -1 on failure.
 * The peer's endpoint is not checked here: ipc_link_check().
 */
int ipc_link_open(struct ipc_link *link, const char *target,
		  const char *what);
void ipc_link_close(struct ipc_link *link);
/* quietly: the link whose peer wrote name into its endpoint; 0 or -1 */
int ipc_link_find(struct ipc_link *link, const char *name);

/*
 * Checks the peer's endpoint; on failure prints why and returns its
 * status.
 */
enum ipc_ring_status ipc_link_check(struct ipc_link *link, const char *what);

/* Sets up our endpoint unless it is valid already. */
void ipc_link_attach(struct ipc_link *link);

/*
 * Advisory locks so that two programs never consume (or produce into) the
 * same ring: IPC_LOCK_READER / IPC_LOCK_SENDER.  0, or -1 after saying
 * who holds it.
 */
#define IPC_LOCK_READER		0
#define IPC_LOCK_SENDER		1
int ipc_link_lock(struct ipc_link *link, int which, const char *what);

/* Rings the peer (vector 0) if it asked for doorbells. */
void ipc_link_notify(struct ipc_link *link);

/* Lists the targets there are ("adas-demo (/dev/uio1)") on stderr. */
void ipc_link_list(void);

/* monotonic time in microseconds */
unsigned long long ipc_now_us(void);

#endif /* !_JAILHOUSE_TOOLS_IPC_LINK_H */
