// SPDX-License-Identifier: GPL-2.0
/*
 * i.MX8 LPUART (32-bit register variant, i.MX7ULP/8QM/8QXP/8DXL),
 * transmit only.  As with the i.MX UART the firmware or Linux has set the
 * UART up, so the config's divider is ignored.  The offsets are those of
 * the i.MX integration, whose register block starts with four ID/parameter
 * words: the address in the config is the device tree's reg base.
 */
#include <asm/mmio.h>
#include <asm/uart.h>

#define LPUART_STAT		0x14
#define  LPUART_STAT_TDRE	(1 << 23)	/* transmit data register empty */
#define LPUART_DATA		0x1c

static void lpuart_init(struct uart_chip *chip)
{
}

static bool lpuart_is_busy(struct uart_chip *chip)
{
	return !(mmio_read32((u8 *)chip->virt_base + LPUART_STAT) &
		 LPUART_STAT_TDRE);
}

static void lpuart_write_char(struct uart_chip *chip, char c)
{
	mmio_write32((u8 *)chip->virt_base + LPUART_DATA, (u8)c);
}

const struct uart_driver uart_imx_lpuart_driver = {
	.name = "IMX-LPUART",
	.init = lpuart_init,
	.is_busy = lpuart_is_busy,
	.write_char = lpuart_write_char,
};
