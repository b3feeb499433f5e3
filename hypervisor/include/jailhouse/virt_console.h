/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's console ring, kept in its own page (header.console_page
 * gives the page's offset in the image) so that the root cell can be given
 * read-only access to it and the driver can show it.
 *
 * Layout and protocol (an interface with the driver):
 *  - content[] is a ring; tail counts every byte ever written and wraps
 *    at 2^32, which is a multiple of the ring size, so the newest byte is
 *    content[(tail - 1) % VIRT_CONSOLE_SIZE].
 *  - busy is non-zero while a writer is inside; it changes 0 -> 1 before
 *    the bytes are written and 1 -> 0 after tail is updated, each step
 *    ordered by a store barrier.  A reader copies the ring, then rereads
 *    busy and tail, and retries if busy was set or tail moved.
 */
#ifndef _JAILHOUSE_VIRT_CONSOLE_H
#define _JAILHOUSE_VIRT_CONSOLE_H

#include <jailhouse/types.h>

#define VIRT_CONSOLE_SIZE	2048

struct jailhouse_virt_console {
	volatile u32 busy;
	volatile u32 tail;
	char content[VIRT_CONSOLE_SIZE];
};

extern struct jailhouse_virt_console virt_console;

/* callers serialise (printk holds its lock) */
void virt_console_write(const char *msg);

#endif /* !_JAILHOUSE_VIRT_CONSOLE_H */
