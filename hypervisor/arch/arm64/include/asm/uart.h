/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 debug UART drivers, picked by arch_uart_driver().
 */
#ifndef _JAILHOUSE_ASM_UART_H
#define _JAILHOUSE_ASM_UART_H

#include <jailhouse/uart.h>

extern const struct uart_driver uart_pl011_driver;
extern const struct uart_driver uart_imx_driver;
extern const struct uart_driver uart_imx_lpuart_driver;
extern const struct uart_driver uart_8250_driver;

#endif /* !_JAILHOUSE_ASM_UART_H */
