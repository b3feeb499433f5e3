// SPDX-License-Identifier: GPL-2.0
/*
 * Debug UART front end: picks the driver from the console description and
 * does the character loop common to all drivers.
 */
#include <jailhouse/arch.h>
#include <jailhouse/errno.h>
#include <jailhouse/uart.h>

int uart_init(struct uart_chip *chip, const struct jailhouse_console *con,
	      void *virt_base)
{
	chip->driver = NULL;
	chip->config = con;
	chip->virt_base = virt_base;
	chip->stalled = false;
	chip->stalls = 0;

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
 * baud) is taken as stalled, e.g. disabled or unclocked by a cell that
 * shares the UART: printk, which holds its lock here, must not wait on it
 * for good (security review H4).
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

/*
 * A stalled UART is asked once, without waiting, whether it takes a
 * character again: whoever stopped it may have started it again, and the
 * console ring lets printk show what it missed meanwhile.
 */
bool uart_takes_chars(struct uart_chip *chip)
{
	if (!chip->driver)
		return false;
	if (chip->stalled && chip->driver->is_busy(chip))
		return false;
	chip->stalled = false;
	return true;
}

unsigned int uart_write(struct uart_chip *chip, const char *msg)
{
	unsigned int n;

	if (!uart_takes_chars(chip))
		return 0;
	for (n = 0; msg[n]; n++) {
		if ((msg[n] == '\n' && !uart_put(chip, '\r')) ||
		    !uart_put(chip, msg[n])) {
			chip->stalled = true;
			chip->stalls++;
			return n;
		}
	}
	return n;
}
