/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Writer side of the hypervisor's console page.  Layout and protocol are
 * an interface with the driver: struct jailhouse_virt_console in
 * <jailhouse/console.h>.
 */
#ifndef _JAILHOUSE_VIRT_CONSOLE_H
#define _JAILHOUSE_VIRT_CONSOLE_H

#include <jailhouse/console.h>

extern struct jailhouse_virt_console virt_console;

/*
 * Appends msg to the ring; root: printed on behalf of the root (see the
 * layout), so also to the root's ring and, until enabling is over, to the
 * enable log.  Callers serialise (printk holds its lock).
 */
void virt_console_write(const char *msg, bool root);

/* Enabling is over: the enable log keeps what it has. */
void virt_console_close_enable_log(void);

#endif /* !_JAILHOUSE_VIRT_CONSOLE_H */
