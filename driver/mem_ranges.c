// SPDX-License-Identifier: GPL-2.0
/*
 * Physical address range sets (mem_ranges.h).  The sets hold the few
 * dozen ranges a machine describes its memory with, so plain quadratic
 * loops are fast enough and obviously bounded.
 */
#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/string.h>
#else
#include <stdio.h>
#include <string.h>
#endif

#include "mem_ranges.h"

void mem_ranges_init(struct mem_ranges *set, struct mem_range *storage,
		     unsigned int max)
{
	set->range = storage;
	set->num = 0;
	set->max = max;
}

bool mem_ranges_add(struct mem_ranges *set, u64 first, u64 last)
{
	if (first > last)
		return true;
	if (set->num == set->max)
		mem_ranges_merge(set);
	if (set->num == set->max)
		return false;
	set->range[set->num].first = first;
	set->range[set->num].last = last;
	set->num++;
	return true;
}

static void sort_by_start(struct mem_ranges *set)
{
	struct mem_range key;
	unsigned int n, m;

	for (n = 1; n < set->num; n++) {
		key = set->range[n];
		for (m = n; m > 0 && set->range[m - 1].first > key.first; m--)
			set->range[m] = set->range[m - 1];
		set->range[m] = key;
	}
}

void mem_ranges_merge(struct mem_ranges *set)
{
	struct mem_range *prev, *cur;
	unsigned int n, out = 0;

	sort_by_start(set);
	for (n = 0; n < set->num; n++) {
		cur = &set->range[n];
		prev = out ? &set->range[out - 1] : NULL;
		/* cur->first > prev->last >= 0 before the subtraction */
		if (prev && (cur->first <= prev->last ||
			     cur->first - 1 == prev->last)) {
			if (cur->last > prev->last)
				prev->last = cur->last;
		} else {
			set->range[out++] = *cur;
		}
	}
	set->num = out;
}

bool mem_ranges_cover(const struct mem_ranges *set, u64 first, u64 last,
		      struct mem_range *gap)
{
	const struct mem_range *best, *r;
	u64 pos = first;
	unsigned int n;

	if (first > last)
		return true;

	/* each round moves pos past the end of a range: at most num rounds */
	for (;;) {
		best = NULL;
		for (n = 0; n < set->num; n++) {
			r = &set->range[n];
			if (r->first <= pos && pos <= r->last &&
			    (!best || r->last > best->last))
				best = r;
		}
		if (!best)
			break;
		if (best->last >= last)
			return true;
		pos = best->last + 1;
	}

	gap->first = pos;
	gap->last = last;
	for (n = 0; n < set->num; n++) {
		r = &set->range[n];
		if (r->first > pos && r->first <= gap->last)
			gap->last = r->first - 1;
	}
	return false;
}

void mem_ranges_format(const struct mem_ranges *set, char *buf, size_t size)
{
	static const char more[] = ", ...";
	const char *mark;
	size_t len = 0, piece_len, room;
	char piece[48];
	unsigned int n;

	if (size == 0)
		return;
	buf[0] = '\0';
	if (set->num == 0) {
		snprintf(buf, size, "none");
		return;
	}

	for (n = 0; n < set->num; n++) {
		piece_len = snprintf(piece, sizeof(piece), "%s0x%llx-0x%llx",
				     n ? ", " : "", set->range[n].first,
				     set->range[n].last);
		/* room for the mark after this one, unless it is the last */
		room = n + 1 < set->num ? sizeof(more) - 1 : 0;
		if (len + piece_len + room >= size) {
			mark = len ? more : more + 2;
			if (len + strlen(mark) < size)
				memcpy(buf + len, mark, strlen(mark) + 1);
			return;
		}
		memcpy(buf + len, piece, piece_len + 1);
		len += piece_len;
	}
}
