// SPDX-License-Identifier: GPL-2.0
/*
 * 8250/16550 UART, transmit only.  Registers are 1 or 4 bytes apart
 * (JAILHOUSE_CON_REGDIST_*); with 4 the accesses are 32 bits wide, as
 * SoCs wiring them that way expect.
 */
#include <inmate_internal.h>

#define UART_THR		0x0
#define UART_DLL		0x0
#define UART_DLM		0x1
#define UART_LCR		0x3
#define  UART_LCR_8N1		0x03
#define  UART_LCR_DLAB		0x80
#define UART_LSR		0x5
#define  UART_LSR_THRE		0x20
#define UART_MDR1		0x8

static unsigned long reg(struct uart *uart, unsigned int n)
{
	return uart->base + (uart->regdist_1 ? n : n * 4);
}

static void reg_write(struct uart *uart, unsigned int n, u8 value)
{
	if (uart->regdist_1)
		mmio_write8(reg(uart, n), value);
	else
		mmio_write32(reg(uart, n), value);
}

static u8 reg_read(struct uart *uart, unsigned int n)
{
	if (uart->regdist_1)
		return mmio_read8(reg(uart, n));
	return (u8)mmio_read32(reg(uart, n));
}

static void uart_8250_init(struct uart *uart)
{
	/* divider 0: the UART is already set up, e.g. by Linux */
	if (!uart->divider)
		return;

	reg_write(uart, UART_LCR, UART_LCR_DLAB);
	reg_write(uart, UART_DLL, uart->divider & 0xff);
	reg_write(uart, UART_DLM, (uart->divider >> 8) & 0xff);
	reg_write(uart, UART_LCR, UART_LCR_8N1);
	/* OMAP-style UARTs stay disabled until MDR1 selects UART mode */
	if (CON_HAS_MDR_QUIRK(uart->flags))
		reg_write(uart, UART_MDR1, 0);
}

static bool uart_8250_is_busy(struct uart *uart)
{
	return !(reg_read(uart, UART_LSR) & UART_LSR_THRE);
}

static void uart_8250_write_char(struct uart *uart, char c)
{
	reg_write(uart, UART_THR, (u8)c);
}

const struct uart_driver uart_8250_driver = {
	.name = "8250",
	.type = JAILHOUSE_CON_TYPE_8250,
	.init = uart_8250_init,
	.is_busy = uart_8250_is_busy,
	.write_char = uart_8250_write_char,
};
