/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Writer side of the hypervisor's console ring.  Layout and protocol are
 * an interface with the driver: struct jailhouse_virt_console in
 * <jailhouse/console.h>.
 */
#ifndef _JAILHOUSE_VIRT_CONSOLE_H
#define _JAILHOUSE_VIRT_CONSOLE_H

#include <jailhouse/console.h>

extern struct jailhouse_virt_console virt_console;

/* callers serialise (printk holds its lock) */
void virt_console_write(const char *msg);

#endif /* !_JAILHOUSE_VIRT_CONSOLE_H */
