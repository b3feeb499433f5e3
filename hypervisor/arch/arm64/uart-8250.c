// SPDX-License-Identifier: GPL-2.0
/*
 * 8250/16550 UART (TI K3 / AM62x, Synopsys DesignWare), transmit only.
 * Registers are 1 or 4 bytes apart (JAILHOUSE_CON_REGDIST_*); 4 apart
 * they are accessed as 32-bit words, which the SoCs wiring them that way
 * require.  OMAP-style UARTs (JAILHOUSE_CON_MDR_QUIRK) are disabled until
 * MDR1 selects UART mode.
 */
#include <jailhouse/console.h>
#include <asm/mmio.h>
#include <asm/uart.h>

#define UART_THR		0x0
#define UART_DLL		0x0
#define UART_DLM		0x1
#define UART_LCR		0x3
#define  UART_LCR_8N1		0x03
#define  UART_LCR_DLAB		0x80
#define UART_LSR		0x5
#define  UART_LSR_THRE		0x20
#define UART_MDR1		0x8
#define  UART_MDR1_UART16X	0x0

static bool regdist_1(struct uart_chip *chip)
{
	return CON_USES_REGDIST_1(chip->config->flags);
}

static void *reg(struct uart_chip *chip, unsigned int n)
{
	return (u8 *)chip->virt_base + (regdist_1(chip) ? n : n * 4);
}

static void reg_write(struct uart_chip *chip, unsigned int n, u8 value)
{
	if (regdist_1(chip))
		mmio_write8(reg(chip, n), value);
	else
		mmio_write32(reg(chip, n), value);
}

static u8 reg_read(struct uart_chip *chip, unsigned int n)
{
	if (regdist_1(chip))
		return mmio_read8(reg(chip, n));
	return (u8)mmio_read32(reg(chip, n));
}

static void uart_8250_init(struct uart_chip *chip)
{
	u32 divider = chip->config->divider;

	/* 0: Linux (or firmware) already set the UART up; keep its setup */
	if (!divider)
		return;

	reg_write(chip, UART_LCR, UART_LCR_DLAB);
	reg_write(chip, UART_DLL, divider & 0xff);
	reg_write(chip, UART_DLM, (divider >> 8) & 0xff);
	reg_write(chip, UART_LCR, UART_LCR_8N1);
	if (CON_HAS_MDR_QUIRK(chip->config->flags))
		reg_write(chip, UART_MDR1, UART_MDR1_UART16X);
}

static bool uart_8250_is_busy(struct uart_chip *chip)
{
	return !(reg_read(chip, UART_LSR) & UART_LSR_THRE);
}

static void uart_8250_write_char(struct uart_chip *chip, char c)
{
	reg_write(chip, UART_THR, (u8)c);
}

const struct uart_driver uart_8250_driver = {
	.name = "8250",
	.init = uart_8250_init,
	.is_busy = uart_8250_is_busy,
	.write_char = uart_8250_write_char,
};
