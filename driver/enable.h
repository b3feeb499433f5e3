/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering and leaving EL2 (enable.c, EL2 core engineer) as the rest of the
 * driver calls it.  main.c holds jailhouse_lock around every call and runs
 * the pre-flight checks (preflight.c) before jailhouse_hv_enable(), so that
 * nothing at EL2 is touched for a request that cannot succeed.
 */
#ifndef _JAILHOUSE_DRIVER_ENABLE_H
#define _JAILHOUSE_DRIVER_ENABLE_H

#include <linux/types.h>

struct jailhouse_system;

/*
 * Loads jailhouse.bin into the hypervisor memory of @config (@config_size
 * bytes, already checked) and enters the hypervisor on every online CPU.
 * Returns 0, or -errno with a one-line human reason in @reason; on failure
 * every CPU is back in Linux.
 */
int jailhouse_hv_enable(const struct jailhouse_system *config,
			size_t config_size, char *reason, size_t reason_len);

/* Hands every CPU back to Linux.  0, or -errno with a reason. */
int jailhouse_hv_disable(char *reason, size_t reason_len);

/* hvc #0x4a48 on the calling CPU; only valid while enabled. */
long jailhouse_hypercall(unsigned long code, unsigned long arg1,
			 unsigned long arg2);

/*
 * Cleans and invalidates [@start, @start + @size) to the point of
 * coherency (DC CIVAC), for code that runs with its MMU and caches off:
 * the hypervisor's first steps, a cell's first instructions.  Invalidated
 * too, so that no stale clean line hides what is later written uncached.
 */
void jailhouse_flush_to_poc(void *start, size_t size);

/*
 * The hypervisor's console page (struct jailhouse_virt_console at
 * header.console_page) in the driver's mapping of the hypervisor memory,
 * or NULL when there is none.  Requested by the driver engineer: the
 * console reader (console.c) needs it while enabled, and right after a
 * failed jailhouse_hv_enable() or a successful jailhouse_hv_disable() to
 * keep a copy of the last messages, so it must stay valid until the next
 * jailhouse_hv_enable() call or module unload (NULL if the image was never
 * copied).
 */
const void *jailhouse_hv_console_page(void);

/*
 * Module unload: releases the hypervisor memory mapping and claim that
 * enable keeps across disable (the console page and the stub-ABI vectors
 * live there).  Call only while not enabled.
 */
void jailhouse_hv_exit(void);

#endif /* !_JAILHOUSE_DRIVER_ENABLE_H */
