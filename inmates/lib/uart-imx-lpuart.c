// SPDX-License-Identifier: GPL-2.0
/*
 * i.MX8 LPUART, 32-bit register variant (i.MX8QM/QXP/DXL), transmit only.
 * Set up beforehand by Linux or the firmware; the divider is ignored.
 * The offsets include the four ID/parameter words that the i.MX
 * integration puts in front of the UART registers, so the base is the
 * device tree's reg address.
 */
#include <inmate_internal.h>

#define LPUART_STAT		0x14
#define  LPUART_STAT_TDRE	(1 << 23)	/* transmit data register empty */
#define LPUART_DATA		0x1c

static void lpuart_init(struct uart *uart)
{
}

static bool lpuart_is_busy(struct uart *uart)
{
	return !(mmio_read32(uart->base + LPUART_STAT) & LPUART_STAT_TDRE);
}

static void lpuart_write_char(struct uart *uart, char c)
{
	mmio_write32(uart->base + LPUART_DATA, (u8)c);
}

const struct uart_driver uart_imx_lpuart_driver = {
	.name = "IMX-LPUART",
	.type = JAILHOUSE_CON_TYPE_IMX_LPUART,
	.init = lpuart_init,
	.is_busy = lpuart_is_busy,
	.write_char = lpuart_write_char,
};
