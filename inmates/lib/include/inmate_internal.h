/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interfaces between the parts of the inmate library; not for inmates.
 */
#ifndef _INMATE_INTERNAL_H
#define _INMATE_INTERNAL_H

#include <inmate.h>

/* arch: identity map with the image and comm region cacheable, MMU on */
void arch_mmu_init(void);

bool comm_region_valid(void);

struct uart;

struct uart_driver {
	const char *name;
	u16 type;		/* JAILHOUSE_CON_TYPE_* */
	void (*init)(struct uart *uart);
	bool (*is_busy)(struct uart *uart);
	void (*write_char)(struct uart *uart, char c);
};

struct uart {
	const struct uart_driver *driver;
	unsigned long base;
	bool regdist_1;		/* registers 1 byte apart, else 4 */
	u32 divider;		/* 0: keep the current setup */
	u16 flags;		/* JAILHOUSE_CON_* */
};

extern const struct uart_driver uart_pl011_driver;
extern const struct uart_driver uart_8250_driver;
extern const struct uart_driver uart_imx_driver;
extern const struct uart_driver uart_imx_lpuart_driver;

#endif /* !_INMATE_INTERNAL_H */
