// SPDX-License-Identifier: GPL-2.0
/*
 * Range subtraction for mapping memory regions around the hypervisor's
 * windows (see <jailhouse/mem_range.h>).  Kept free of everything but
 * arithmetic so that the host tests run exactly this file.
 */
#include <jailhouse/errno.h>
#include <jailhouse/mem_range.h>
#include <jailhouse/paging.h>

static unsigned long page_down(unsigned long addr)
{
	return addr & PAGE_MASK;
}

/* the last page rounds up to the end of the address space */
static unsigned long page_up(unsigned long addr)
{
	unsigned long up = (addr + PAGE_SIZE - 1) & PAGE_MASK;

	return up < addr ? ~0UL : up;
}

int mem_range_subtract(unsigned long start, unsigned long end,
		       const struct mem_range *holes, unsigned int num_holes,
		       struct mem_range *parts, unsigned int max_parts)
{
	unsigned long pos = start, hole_start, hole_end, cut_start, cut_end;
	unsigned int n, num_parts = 0;
	bool found;

	/*
	 * Each pass cuts at the lowest hole that still reaches past pos;
	 * pos then moves beyond it, so every hole is used at most once.
	 */
	while (pos < end) {
		found = false;
		cut_start = cut_end = 0;
		for (n = 0; n < num_holes; n++) {
			if (holes[n].start >= holes[n].end)
				continue;
			hole_start = page_down(holes[n].start);
			hole_end = page_up(holes[n].end);
			if (hole_end <= pos || hole_start >= end)
				continue;
			if (!found || hole_start < cut_start) {
				cut_start = hole_start;
				cut_end = hole_end;
				found = true;
			}
		}
		if (!found)
			break;
		if (cut_start > pos) {
			if (num_parts == max_parts)
				return -E2BIG;
			parts[num_parts].start = pos;
			parts[num_parts].end = cut_start;
			num_parts++;
		}
		pos = cut_end;
	}
	if (pos < end) {
		if (num_parts == max_parts)
			return -E2BIG;
		parts[num_parts].start = pos;
		parts[num_parts].end = end;
		num_parts++;
	}
	return num_parts;
}
