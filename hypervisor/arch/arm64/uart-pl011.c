// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PrimeCell UART (PL011), transmit only.  Registers are 32 bits wide
 * at fixed offsets; the config's REGDIST flag does not apply.
 */
#include <asm/mmio.h>
#include <asm/uart.h>

#define UARTDR		0x00
#define UARTFR		0x18
#define  UARTFR_TXFF	(1 << 5)
#define UARTIBRD	0x24
#define UARTFBRD	0x28
#define UARTLCR_H	0x2c
#define  UARTLCR_H_WLEN_8	(3 << 5)
#define  UARTLCR_H_FEN	(1 << 4)
#define UARTCR		0x30
#define  UARTCR_UARTEN	(1 << 0)
#define  UARTCR_TXE	(1 << 8)

static void *reg(struct uart_chip *chip, unsigned int offset)
{
	return (u8 *)chip->virt_base + offset;
}

static void pl011_init(struct uart_chip *chip)
{
	/* 0: Linux (or firmware) already set the UART up; keep its setup */
	if (!chip->config->divider)
		return;

	mmio_write32(reg(chip, UARTCR), 0);
	mmio_write32(reg(chip, UARTIBRD), chip->config->divider);
	mmio_write32(reg(chip, UARTFBRD), 0);
	/* 8N1 with FIFOs; LCR_H must be written after the divisors */
	mmio_write32(reg(chip, UARTLCR_H), UARTLCR_H_WLEN_8 | UARTLCR_H_FEN);
	mmio_write32(reg(chip, UARTCR), UARTCR_UARTEN | UARTCR_TXE);
}

static bool pl011_is_busy(struct uart_chip *chip)
{
	return mmio_read32(reg(chip, UARTFR)) & UARTFR_TXFF;
}

static void pl011_write_char(struct uart_chip *chip, char c)
{
	mmio_write32(reg(chip, UARTDR), (u8)c);
}

const struct uart_driver uart_pl011_driver = {
	.name = "PL011",
	.init = pl011_init,
	.is_busy = pl011_is_busy,
	.write_char = pl011_write_char,
};
