// SPDX-License-Identifier: GPL-2.0
/*
 * The debug UART drivers available on arm64.  Add a driver here when a
 * board needs it; configs naming any other type get no UART output (the
 * console ring still works) and uart_init() says so with -EINVAL.
 */
#include <jailhouse/arch.h>
#include <jailhouse/console.h>
#include <asm/uart.h>

const struct uart_driver *arch_uart_driver(u16 type, u16 flags)
{
	/* arm64 has no port I/O */
	if (!CON_IS_MMIO(flags))
		return NULL;

	switch (type) {
	case JAILHOUSE_CON_TYPE_PL011:
		return &uart_pl011_driver;
	case JAILHOUSE_CON_TYPE_IMX:
		return &uart_imx_driver;
	case JAILHOUSE_CON_TYPE_IMX_LPUART:
		return &uart_imx_lpuart_driver;
	case JAILHOUSE_CON_TYPE_8250:
		return &uart_8250_driver;
	default:
		return NULL;
	}
}
