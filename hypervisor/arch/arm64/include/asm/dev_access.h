/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device accesses on behalf of a cell that survive a device error
 * (dev_access.S): size 1, 2, 4 or 8, addr aligned to it; 0 or -EIO when
 * the device answered with an external abort.
 */
#ifndef _JAILHOUSE_ASM_DEV_ACCESS_H
#define _JAILHOUSE_ASM_DEV_ACCESS_H

#include <jailhouse/types.h>

int dev_read(const void *addr, unsigned int size, u64 *value);
int dev_write(void *addr, unsigned int size, u64 value);

#endif /* !_JAILHOUSE_ASM_DEV_ACCESS_H */
