// SPDX-License-Identifier: GPL-2.0
/*
 * i.MX UART (i.MX8M family), transmit only.  The inmate shares the UART
 * that Linux or the boot loader set up and has no clock information to
 * compute a divisor from, so it never programs it: the divider is
 * ignored.  32-bit registers.
 */
#include <inmate_internal.h>

#define UTXD		0x40	/* transmitter FIFO */
#define UTS		0xb4	/* test register, holds the FIFO status */
#define  UTS_TXFULL	(1 << 4)

static void imx_init(struct uart *uart)
{
}

static bool imx_is_busy(struct uart *uart)
{
	return mmio_read32(uart->base + UTS) & UTS_TXFULL;
}

static void imx_write_char(struct uart *uart, char c)
{
	mmio_write32(uart->base + UTXD, (u8)c);
}

const struct uart_driver uart_imx_driver = {
	.name = "IMX",
	.type = JAILHOUSE_CON_TYPE_IMX,
	.init = imx_init,
	.is_busy = imx_is_busy,
	.write_char = imx_write_char,
};
