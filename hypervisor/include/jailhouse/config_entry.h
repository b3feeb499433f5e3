/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Config entries that stand for nothing.  Jailhouse's configs declare
 * their mem_regions and irqchips arrays larger than their initialisers,
 * so the trailing entries are all zero bytes, and the checker lets them
 * through with a warning.  Every walk of those arrays in the hypervisor
 * skips them with these two helpers: an empty region is never mapped,
 * unmapped, moved between cells or reported as the nearest region, and
 * no interrupt controller is ever looked for at address 0.
 */
#ifndef _JAILHOUSE_CONFIG_ENTRY_H
#define _JAILHOUSE_CONFIG_ENTRY_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/* Whatever else it says, a region of size 0 covers nothing. */
static inline bool mem_region_is_empty(const struct jailhouse_memory *mem)
{
	return mem->size == 0;
}

/* No interrupt controller lives at physical address 0. */
static inline bool irqchip_is_empty(const struct jailhouse_irqchip *chip)
{
	return chip->address == 0;
}

#endif /* !_JAILHOUSE_CONFIG_ENTRY_H */
