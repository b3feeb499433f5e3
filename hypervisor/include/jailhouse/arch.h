/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Everything the arch-neutral core needs from the architecture: inline
 * primitives from <asm/...> and the arch_* hooks declared below.  The core
 * includes nothing else from hypervisor/arch/.
 */
#ifndef _JAILHOUSE_ARCH_H
#define _JAILHOUSE_ARCH_H

#include <jailhouse/types.h>
#include <asm/layout.h>
#include <asm/processor.h>
#include <asm/spinlock.h>

struct uart_driver;

/*
 * The UART driver for a JAILHOUSE_CON_TYPE_* value and access flags
 * (JAILHOUSE_CON_ACCESS_*, REGDIST_*), or NULL if the architecture has
 * none that fits.
 */
const struct uart_driver *arch_uart_driver(u16 type, u16 flags);

#endif /* !_JAILHOUSE_ARCH_H */
