// SPDX-License-Identifier: GPL-2.0
/*
 * printk: formats into a line buffer, then writes it to the console.
 * Longer messages are cut.
 */
#include <inmate.h>

#define PRINTK_MAX_LEN	256

void printk(const char *fmt, ...)
{
	char buf[PRINTK_MAX_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf);
}
