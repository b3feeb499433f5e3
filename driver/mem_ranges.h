/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sets of physical address ranges, and whether a set covers a region: the
 * pure part of the enable pre-flight's memory check (preflight_memory.c).
 * It uses no kernel interface, so that the host tests compile it as is.
 */
#ifndef _JAILHOUSE_DRIVER_MEM_RANGES_H
#define _JAILHOUSE_DRIVER_MEM_RANGES_H

#include <jailhouse/types.h>

/* Both ends inclusive: a range may end at the top of the address space. */
struct mem_range {
	u64 first;
	u64 last;
};

/* A set of ranges in caller-provided storage, in any order, overlapping. */
struct mem_ranges {
	struct mem_range *range;
	unsigned int num;
	unsigned int max;
};

void mem_ranges_init(struct mem_ranges *set, struct mem_range *storage,
		     unsigned int max);

/*
 * Adds [@first, @last] (nothing if @first > @last).  A full set is merged
 * first to make room.  False if there is still none; the set is
 * unchanged then.
 */
bool mem_ranges_add(struct mem_ranges *set, u64 first, u64 last);

/* Sorts the set and joins overlapping and adjacent ranges. */
void mem_ranges_merge(struct mem_ranges *set);

/*
 * True if the ranges of @set together cover [@first, @last].  Otherwise
 * false, with the lowest part of the region that no range covers in
 * @gap: it starts at the first uncovered address and ends where the next
 * range starts or the region ends.
 */
bool mem_ranges_cover(const struct mem_ranges *set, u64 first, u64 last,
		      struct mem_range *gap);

/*
 * Writes the ranges as "0x40000000-0x7fffffff, 0x100000000-0x1bfffffff"
 * ("none" for an empty set) into @buf of @size bytes, always terminated.
 * What does not fit is cut at a range and marked with ", ...".  Merge
 * the set first for a readable list.
 */
void mem_ranges_format(const struct mem_ranges *set, char *buf, size_t size);

#endif /* !_JAILHOUSE_DRIVER_MEM_RANGES_H */
