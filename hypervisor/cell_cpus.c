// SPDX-License-Identifier: GPL-2.0
/*
 * Config CPU set -> 64-bit mask.  The set is read through the shared
 * helper (bytes, any cpu_set_size), so the hypervisor, the driver and the
 * tools agree on which CPUs a config names; a CPU the mask cannot hold is
 * an error, never silently dropped.
 */
#include <jailhouse/cell_cpus.h>
#include <jailhouse/errno.h>

int config_cpu_set(const struct jailhouse_cell_desc *desc, u64 *cpus,
		   u64 *beyond)
{
	const void *set = jailhouse_cell_cpu_set(desc);
	u64 span = jailhouse_cpu_set_span(set, desc->cpu_set_size);
	u64 cpu;

	*cpus = 0;
	if (span > MAX_CPUS) {
		*beyond = span - 1;
		return -ERANGE;
	}
	for (cpu = 0; cpu < span; cpu++)
		if (jailhouse_cpu_set_has(set, desc->cpu_set_size, cpu))
			*cpus |= 1ULL << cpu;
	return 0;
}
