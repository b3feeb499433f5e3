// SPDX-License-Identifier: GPL-2.0
/*
 * i.MX UART of the i.MX8M family (and i.MX6/7), transmit only.  The boot
 * loader and Linux have already set the baud rate, frame format and
 * clocks, and the hypervisor has no clock tree to compute a divisor from,
 * so the UART is only ever polled and written, never programmed; the
 * config's divider is ignored.  Registers are 32 bits wide.
 */
#include <asm/mmio.h>
#include <asm/uart.h>

#define UTXD		0x40	/* transmitter FIFO */
#define UTS		0xb4	/* test register, holds the FIFO status */
#define  UTS_TXFULL	(1 << 4)

static void imx_init(struct uart_chip *chip)
{
}

static bool imx_is_busy(struct uart_chip *chip)
{
	return mmio_read32((u8 *)chip->virt_base + UTS) & UTS_TXFULL;
}

static void imx_write_char(struct uart_chip *chip, char c)
{
	mmio_write32((u8 *)chip->virt_base + UTXD, (u8)c);
}

const struct uart_driver uart_imx_driver = {
	.name = "IMX",
	.init = imx_init,
	.is_busy = imx_is_busy,
	.write_char = imx_write_char,
};
