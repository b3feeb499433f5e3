/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell config's CPU set as the hypervisor keeps it: a 64-bit mask.  Kept
 * apart from cell.h (and free of arch headers) so that the host tests
 * compile the very same conversion.
 */
#ifndef _JAILHOUSE_CELL_CPUS_H
#define _JAILHOUSE_CELL_CPUS_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/cpu_set.h>

/* CPUs are numbered 0..MAX_CPUS-1 (bit index in the config's CPU set) */
#define MAX_CPUS		JAILHOUSE_MAX_CPUS

/*
 * The CPUs @desc names, as a mask in *@cpus.  -ERANGE if it names a CPU
 * the hypervisor cannot manage (MAX_CPUS or above): *@beyond is then the
 * highest such CPU and *@cpus is 0.
 */
int config_cpu_set(const struct jailhouse_cell_desc *desc, u64 *cpus,
		   u64 *beyond);

#endif /* !_JAILHOUSE_CELL_CPUS_H */
