// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual console of non-root cells (DEBUG_CONSOLE_PUTC): characters
 * are collected per cell and printed a line at a time, tagged "[NAME] ",
 * so that lines of different cells never interleave.
 *
 * Not rate limited, unlike the messages a cell provokes (cell_printk.c):
 * this output is the cell's by its config (a virtual console the config
 * activates), and it is what its users look at.  It cannot take the root
 * down: the root's own lines are kept apart from it in the console page
 * (<jailhouse/console.h>), printk's ticket lock makes a root CPU wait for
 * at most one line of each other CPU, and the UART wait is bounded.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/printk.h>

static spinlock_t console_lock = SPINLOCK_INIT;

static void console_flush_locked(struct cell *cell)
{
	if (!cell->console_len)
		return;
	cell->console_line[cell->console_len] = 0;
	printk("[%s] %s\n", cell->config->name, cell->console_line);
	cell->console_len = 0;
}

void cell_console_putc(struct cell *cell, char c)
{
	spin_lock(&console_lock);
	if (c == '\n') {
		if (!cell->console_len)
			printk("[%s] \n", cell->config->name);
		console_flush_locked(cell);
	} else if (c != '\r') {
		cell->console_line[cell->console_len++] = c;
		if (cell->console_len == sizeof(cell->console_line) - 1)
			console_flush_locked(cell);
	}
	spin_unlock(&console_lock);
}

void cell_console_flush(struct cell *cell)
{
	spin_lock(&console_lock);
	console_flush_locked(cell);
	spin_unlock(&console_lock);
}
