/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pre-flight checks of JAILHOUSE_ENABLE (preflight.c): everything that can
 * be known to fail before EL2 is touched, each with a reason that says
 * what to do about it.
 */
#ifndef _JAILHOUSE_DRIVER_PREFLIGHT_H
#define _JAILHOUSE_DRIVER_PREFLIGHT_H

#include <linux/types.h>

struct firmware;
struct jailhouse_cell_desc;
struct jailhouse_file;
struct jailhouse_system;

#define JAILHOUSE_FW_NAME	"jailhouse.bin"

/*
 * Runs every check against @config (@config_size bytes, already accepted
 * by the config checker).  Returns 0, or -errno after jailhouse_fail().
 * The caller holds jailhouse_lock and has checked that the hypervisor is
 * not enabled: the EL2 probes must never reach a running hypervisor.
 */
long jailhouse_preflight(struct jailhouse_file *jf,
			 const struct jailhouse_system *config,
			 size_t config_size);

/*
 * The memory part of the pre-flight (preflight_memory.c): the hypervisor
 * memory and every root cell RAM region of @config exist on this machine
 * as RAM or reserved memory, Linux does not use the hypervisor memory, and
 * all RAM Linux uses is root cell RAM.  0, or -errno after
 * jailhouse_fail() naming the region.
 */
long jailhouse_check_memory(struct jailhouse_file *jf,
			    const struct jailhouse_system *config);

/*
 * The same for the RAM regions of a non-root cell at cell create:
 * JAILHOUSE_CELL_LOAD copies images into them.  0, or -errno after
 * jailhouse_fail().
 */
long jailhouse_check_cell_memory(struct jailhouse_file *jf,
				 const struct jailhouse_cell_desc *cell);

/*
 * header.max_cpus for @config: one more than the highest CPU of the root
 * cell, and at least the number of possible CPUs, so that per_cpu(cpu)
 * exists for every CPU Linux can bring up; at most JAILHOUSE_MAX_CPUS.
 */
unsigned int jailhouse_root_max_cpus(const struct jailhouse_system *config);

/*
 * Checks a loaded jailhouse.bin: header signature and sizes, and that
 * image, per-CPU areas (jailhouse_root_max_cpus() of them) and the config
 * leave room for a page pool in the hypervisor memory.  Returns 0, or
 * -EINVAL with the reason in @reason.  Shared with enable.c, which may
 * call it on the image it really loads.
 */
int jailhouse_firmware_check(const struct firmware *fw,
			     const struct jailhouse_system *config,
			     size_t config_size, char *reason,
			     size_t reason_len);

#endif /* !_JAILHOUSE_DRIVER_PREFLIGHT_H */
