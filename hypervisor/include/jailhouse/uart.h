/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's debug UART.  Which driver runs is decided by the type
 * in the system config's debug_console (data, not #ifdefs); the arch code
 * knows which drivers exist for it.
 */
#ifndef _JAILHOUSE_UART_H
#define _JAILHOUSE_UART_H

#include <jailhouse/types.h>
#include <jailhouse/console.h>

struct uart_chip;

struct uart_driver {
	const char *name;
	/* program the UART if the config asks for it (divider != 0) */
	void (*init)(struct uart_chip *chip);
	/* true while the transmitter cannot take another character */
	bool (*is_busy)(struct uart_chip *chip);
	void (*write_char)(struct uart_chip *chip, char c);
};

struct uart_chip {
	/* where the registers are mapped for the hypervisor */
	void *virt_base;
	const struct jailhouse_console *config;
	const struct uart_driver *driver;
	/* the transmitter stopped taking characters (see uart_write) */
	bool stalled;
	/* how often it did so */
	unsigned int stalls;
};

/*
 * Selects and initialises the driver for con->type.  Returns -ENODEV for
 * JAILHOUSE_CON_TYPE_NONE, -EINVAL for a type or access method this
 * architecture has no driver for; the chip is then unusable.
 */
int uart_init(struct uart_chip *chip, const struct jailhouse_console *con,
	      void *virt_base);

/*
 * Writes msg, turning "\n" into "\r\n", and returns how many characters
 * of msg went out: all of them, or fewer if the transmitter stayed busy
 * for 10 ms on one character (the caller may hold the print lock).  The
 * chip is then stalled: later calls write nothing, without waiting, until
 * the transmitter is found ready again.  0 on an unusable chip.
 */
unsigned int uart_write(struct uart_chip *chip, const char *msg);

/* Whether the chip can be written now; clears a stall that has ended. */
bool uart_takes_chars(struct uart_chip *chip);

#endif /* !_JAILHOUSE_UART_H */
