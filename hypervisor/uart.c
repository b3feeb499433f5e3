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

	if (con->type == JAILHOUSE_CON_TYPE_NONE)
		return -ENODEV;

	chip->driver = arch_uart_driver(con->type, con->flags);
	if (!chip->driver)
		return -EINVAL;

	chip->driver->init(chip);
	return 0;
}

static void uart_put(struct uart_chip *chip, char c)
{
	while (chip->driver->is_busy(chip))
		cpu_relax();
	chip->driver->write_char(chip, c);
}

void uart_write(struct uart_chip *chip, const char *msg)
{
	if (!chip->driver)
		return;

	for (; *msg; msg++) {
		if (*msg == '\n')
			uart_put(chip, '\r');
		uart_put(chip, *msg);
	}
}
