/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Messages a non-root cell can make the hypervisor print (refused GIC,
 * PSCI and system register accesses, fault reports): each cell's are
 * rate limited (<jailhouse/ratelimit.h>), so that a cell can neither
 * keep the UART and printk's lock busy nor wash the root's log out of
 * the console ring.  What is suppressed is counted and said in one line,
 * `cell "NAME": N more messages suppressed`.  The root cell's messages,
 * and everything the root's management prints, are never limited.
 */
#ifndef _JAILHOUSE_CELL_PRINTK_H
#define _JAILHOUSE_CELL_PRINTK_H

struct cell;

void cell_printk(struct cell *cell, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Says the number of the cell's messages suppressed since last said. */
void cell_printk_flush(struct cell *cell);

#endif /* !_JAILHOUSE_CELL_PRINTK_H */
