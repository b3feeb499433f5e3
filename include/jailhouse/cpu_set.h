/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Membership in a config's CPU set, the one definition every program uses
 * (hypervisor, driver, config checker, CLI, host tests).
 *
 * A config declares its CPU set as an array of unsigned long (Jailhouse's
 * configs write `__u64 cpus[1] = { 0xffff }`), cpu_set_size bytes long.
 * On the little-endian arm64 ABI, CPU n is bit n % 8 of byte n / 8, so the
 * set is read byte by byte: that needs no alignment, works for any
 * cpu_set_size (not only multiples of 8) and cannot mix up word and byte
 * indices.
 */
#ifndef _JAILHOUSE_CPU_SET_H
#define _JAILHOUSE_CPU_SET_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/*
 * The most CPUs the hypervisor manages: it keeps a cell's CPUs in a 64-bit
 * mask.  CPUs are numbered 0 .. JAILHOUSE_MAX_CPUS - 1; the driver and the
 * hypervisor refuse a config that names a higher one.
 */
#define JAILHOUSE_MAX_CPUS	64

/* Is CPU @cpu in the @size bytes of CPU set at @set? */
static inline int jailhouse_cpu_set_has(const void *set, __u64 size,
					__u64 cpu)
{
	const __u8 *bytes = (const __u8 *)set;

	return cpu / 8 < size && ((bytes[cpu / 8] >> (cpu % 8)) & 1);
}

/* Is CPU @cpu in the CPU set of the cell described by @cell? */
static inline int jailhouse_cell_has_cpu(const struct jailhouse_cell_desc *cell,
					 __u64 cpu)
{
	return jailhouse_cpu_set_has(jailhouse_cell_cpu_set(cell),
				     cell->cpu_set_size, cpu);
}

/*
 * The highest CPU number in the set plus one; 0 for an empty set.  Bounds
 * every loop over a set by what it really holds, not by cpu_set_size * 8.
 */
static inline __u64 jailhouse_cpu_set_span(const void *set, __u64 size)
{
	const __u8 *bytes = (const __u8 *)set;
	__u64 n = size;

	while (n > 0 && bytes[n - 1] == 0)
		n--;
	if (n == 0)
		return 0;
	/* the top set bit of the last non-zero byte is bit 31 - clz */
	return (n - 1) * 8 + 32 - __builtin_clz((unsigned int)bytes[n - 1]);
}

#endif /* !_JAILHOUSE_CPU_SET_H */
