// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format once, then hand the text to every console.  One lock
 * keeps messages from different CPUs from interleaving.
 */
#include <jailhouse/arch.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/virt_console.h>

static spinlock_t printk_lock = SPINLOCK_INIT;
static struct uart_chip *printk_uart;

void printk_set_uart(struct uart_chip *chip)
{
	spin_lock(&printk_lock);
	printk_uart = chip;
	spin_unlock(&printk_lock);
}

void printk(const char *fmt, ...)
{
	static const char cut_marker[] = "...\n";
	char buf[PRINTK_MAX_LEN];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);

	if (len >= (int)sizeof(buf))
		memcpy(&buf[sizeof(buf) - sizeof(cut_marker)],
		       cut_marker, sizeof(cut_marker));

	spin_lock(&printk_lock);
	virt_console_write(buf);
	if (printk_uart)
		uart_write(printk_uart, buf);
	spin_unlock(&printk_lock);
}
