// SPDX-License-Identifier: GPL-2.0
/*
 * The inmate's console: a UART it drives itself, or the hypervisor's
 * console through the debug-console hypercall.  How one is chosen is
 * described at console_init() in <inmate.h>.
 */
#include <inmate_internal.h>

enum console_kind { CONSOLE_NONE, CONSOLE_UART, CONSOLE_HYPERCALL };

static const struct uart_driver *const uart_drivers[] = {
	&uart_pl011_driver,
	&uart_8250_driver,
	&uart_imx_driver,
	&uart_imx_lpuart_driver,
};

static enum console_kind console_kind;
static struct uart uart;
/* keeps the lines of several CPUs apart */
static spinlock_t console_lock;

static const struct uart_driver *driver_by_type(u16 type)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(uart_drivers); n++)
		if (uart_drivers[n]->type == type)
			return uart_drivers[n];
	return NULL;
}

static const struct uart_driver *driver_by_name(const char *name)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(uart_drivers); n++)
		if (!strcmp(uart_drivers[n]->name, name))
			return uart_drivers[n];
	return NULL;
}

void console_init(void)
{
	const struct jailhouse_console *con = &comm_region->console;
	char type_name[16];

	cmdline_parse_str("con-type", type_name, sizeof(type_name), "");

	if (cmdline_parse_bool("con-virtual", false) ||
	    (!type_name[0] &&
	     (comm_region->flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE))) {
		console_kind = CONSOLE_HYPERCALL;
		return;
	}

	if (type_name[0])
		uart.driver = driver_by_name(type_name);
	else if (CON_IS_MMIO(con->flags))
		uart.driver = driver_by_type(con->type);
	if (!uart.driver)
		return;

	uart.base = cmdline_parse_int("con-base", con->address);
	uart.divider = cmdline_parse_int("con-divider", con->divider);
	uart.regdist_1 = cmdline_parse_bool("con-regdist-1",
					    CON_USES_REGDIST_1(con->flags));
	uart.flags = con->flags;
	if (!uart.base)
		return;

	uart.driver->init(&uart);
	console_kind = CONSOLE_UART;
}

static void uart_put(char c)
{
	while (uart.driver->is_busy(&uart))
		cpu_relax();
	uart.driver->write_char(&uart, c);
}

/*
 * Whole messages, from any CPU and from IRQ handlers: a handler that
 * prints while the code it interrupted holds the lock would spin for
 * ever, so IRQs wait until the message is out.
 */
void console_write(const char *msg)
{
	unsigned long flags = irq_save();

	spin_lock(&console_lock);
	switch (console_kind) {
	case CONSOLE_UART:
		for (; *msg; msg++) {
			if (*msg == '\n')
				uart_put('\r');
			uart_put(*msg);
		}
		break;
	case CONSOLE_HYPERCALL:
		/* the hypervisor's console adds the '\r' itself */
		for (; *msg; msg++)
			jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC,
					    (u8)*msg);
		break;
	case CONSOLE_NONE:
		break;
	}
	spin_unlock(&console_lock);
	irq_restore(flags);
}
