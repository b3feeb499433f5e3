// SPDX-License-Identifier: GPL-2.0
/*
 * Debug UART front end: picks the driver from the console description and
 * does the character loop common to all drivers.
 */
#include <jailhouse/arch.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/uart.h>

int uart_init(struct uart_chip *chip, const struct jailhouse_console *con,
	      void *virt_base)
{
	chip->driver = NULL;
	chip->config = con;
	chip->virt_base = virt_base;

	if (con->type == JAILHOUSE_CON_TYPE_NONE)
		return -ENODEV;

	chip->driver = arch_uart_driver(con->type, con->flags);
	if (!chip->driver)
		return -EINVAL;

	chip->driver->init(chip);
	return 0;
}

/*
 * A transmitter busy for this long (a character takes 87 us at 115200
 * baud) is taken as dead, e.g. unclocked: printk, which holds its lock
 * here, must not wait on it for good.
 */
#define UART_STUCK_PER_SECOND	100	/* 10 ms */

static bool uart_put(struct uart_chip *chip, char c)
{
	u64 start = arch_counter_ticks();
	u64 limit = arch_counter_freq() / UART_STUCK_PER_SECOND;

	while (chip->driver->is_busy(chip)) {
		if (arch_counter_ticks() - start > limit)
			return false;
		cpu_relax();
	}
	chip->driver->write_char(chip, c);
	return true;
}

void uart_write(struct uart_chip *chip, const char *msg)
{
	if (!chip->driver)
		return;

	for (; *msg; msg++) {
		if ((*msg == '\n' && !uart_put(chip, '\r')) ||
		    !uart_put(chip, *msg)) {
			/* the console ring still gets everything */
			chip->driver = NULL;
			printk("Note: the debug UART stopped taking characters, "
			       "hypervisor output only in the console ring\n");
			return;
		}
	}
}
