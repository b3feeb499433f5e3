// SPDX-License-Identifier: GPL-2.0
/*
 * Rate-limited messages of a cell (see <jailhouse/cell_printk.h>).  The
 * limit is decided under the cell's msg_lock, which is never held while
 * printing: a CPU waiting for printk's lock holds nothing else of the
 * cell's.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/cell_printk.h>
#include <jailhouse/printk.h>

static void say_suppressed(struct cell *cell, unsigned int suppressed)
{
	if (suppressed)
		printk("cell \"%s\": %u more message%s suppressed\n",
		       cell->config->name, suppressed,
		       suppressed == 1 ? "" : "s");
}

void cell_printk(struct cell *cell, const char *fmt, ...)
{
	unsigned int suppressed = 0;
	bool allowed = true;
	va_list ap;

	if (cell && cell != &root_cell) {
		spin_lock(&cell->msg_lock);
		allowed = ratelimit_allow(&cell->msg_limit,
					  arch_counter_ticks(),
					  arch_counter_freq(), &suppressed);
		spin_unlock(&cell->msg_lock);
	}
	if (!allowed)
		return;
	say_suppressed(cell, suppressed);
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void cell_printk_flush(struct cell *cell)
{
	unsigned int suppressed;

	if (!cell || cell == &root_cell)
		return;
	spin_lock(&cell->msg_lock);
	suppressed = ratelimit_take_suppressed(&cell->msg_limit);
	spin_unlock(&cell->msg_lock);
	say_suppressed(cell, suppressed);
}
