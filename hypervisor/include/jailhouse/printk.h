/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypervisor messages.  Every message goes to the console ring; it goes to
 * the debug UART too once printk_set_uart() has been called.  Format
 * conversions: see <jailhouse/format.h>.
 */
#ifndef _JAILHOUSE_PRINTK_H
#define _JAILHOUSE_PRINTK_H

#include <jailhouse/format.h>
#include <jailhouse/uart.h>

/* longer messages are cut (and end with "...\n") */
#define PRINTK_MAX_LEN		256

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);

/*
 * Enabling is over: its log stays in the console page from now on, out of
 * reach of anything printed later (see <jailhouse/console.h>).
 */
void printk_enable_done(void);

/* NULL stops UART output (e.g. before the UART mapping goes away) */
void printk_set_uart(struct uart_chip *chip);

/*
 * For the hypervisor's fault handler: if this CPU faulted inside printk,
 * give the print lock up (that printk never continues), so that the
 * report and every other CPU can still print.
 */
void printk_fault_release(void);

#endif /* !_JAILHOUSE_PRINTK_H */
