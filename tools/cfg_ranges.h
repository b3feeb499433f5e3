/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lists of physical address ranges with a label, as config create
 * gathers and reshapes them: device windows, RAM banks, carve-outs.
 */
#ifndef _JAILHOUSE_TOOLS_CFG_RANGES_H
#define _JAILHOUSE_TOOLS_CFG_RANGES_H

#include <stdbool.h>
#include <stdint.h>

#define CFG_PAGE_SIZE	0x1000ULL
#define CFG_LABEL_MAX	96

struct cfg_range {
	uint64_t start;
	uint64_t end;		/* exclusive */
	char label[CFG_LABEL_MAX];
	unsigned int count;	/* how many ranges were merged into this */
};

struct cfg_range_list {
	struct cfg_range *r;
	unsigned int n;
	unsigned int cap;
};

static inline uint64_t cfg_align_down(uint64_t v, uint64_t a)
{
	return v & ~(a - 1);
}

static inline uint64_t cfg_align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

void cfg_ranges_add(struct cfg_range_list *list, uint64_t start,
		    uint64_t end, const char *label);
void cfg_ranges_free(struct cfg_range_list *list);
void cfg_ranges_sort(struct cfg_range_list *list);
/* Sorts, then merges overlapping or touching ranges (labels joined). */
void cfg_ranges_merge(struct cfg_range_list *list);
/* Removes [start, end) from every range of the list, splitting some. */
void cfg_ranges_subtract(struct cfg_range_list *list, uint64_t start,
			 uint64_t end);
bool cfg_ranges_overlap(const struct cfg_range_list *list, uint64_t start,
			uint64_t end);
uint64_t cfg_ranges_total(const struct cfg_range_list *list);

#endif /* !_JAILHOUSE_TOOLS_CFG_RANGES_H */
