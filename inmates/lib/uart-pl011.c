// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PL011 UART, transmit only.  32-bit registers at fixed offsets.
 */
#include <inmate_internal.h>

#define UARTDR			0x00
#define UARTFR			0x18
#define  UARTFR_TXFF		(1 << 5)
#define UARTIBRD		0x24
#define UARTFBRD		0x28
#define UARTLCR_H		0x2c
#define  UARTLCR_H_WLEN_8	(3 << 5)
#define  UARTLCR_H_FEN		(1 << 4)
#define UARTCR			0x30
#define  UARTCR_UARTEN		(1 << 0)
#define  UARTCR_TXE		(1 << 8)

static void pl011_init(struct uart *uart)
{
	/* divider 0: the UART is already set up, e.g. by Linux */
	if (!uart->divider)
		return;

	mmio_write32(uart->base + UARTCR, 0);
	mmio_write32(uart->base + UARTIBRD, uart->divider);
	mmio_write32(uart->base + UARTFBRD, 0);
	/* takes effect with this write, after the divisors */
	mmio_write32(uart->base + UARTLCR_H, UARTLCR_H_WLEN_8 | UARTLCR_H_FEN);
	mmio_write32(uart->base + UARTCR, UARTCR_UARTEN | UARTCR_TXE);
}

static bool pl011_is_busy(struct uart *uart)
{
	return mmio_read32(uart->base + UARTFR) & UARTFR_TXFF;
}

static void pl011_write_char(struct uart *uart, char c)
{
	mmio_write32(uart->base + UARTDR, (u8)c);
}

const struct uart_driver uart_pl011_driver = {
	.name = "PL011",
	.type = JAILHOUSE_CON_TYPE_PL011,
	.init = pl011_init,
	.is_busy = pl011_is_busy,
	.write_char = pl011_write_char,
};
