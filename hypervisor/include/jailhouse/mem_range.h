/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Physical windows the hypervisor keeps to itself (the interrupt
 * controller, IOMMU units, the virtual PCI config space, its own memory)
 * and the arithmetic that maps a cell's region around them.
 *
 * mem_range_subtract() is plain C without hardware access, so the host
 * tests (tests/host/test_mem_range.c) compile this very code.
 */
#ifndef _JAILHOUSE_MEM_RANGE_H
#define _JAILHOUSE_MEM_RANGE_H

#include <jailhouse/types.h>

/* [start, end) */
struct mem_range {
	unsigned long start;
	unsigned long end;
};

/*
 * A window of the physical address space no cell may map.  An emulated
 * window is also trapped at the same guest-physical address (IPA), so no
 * cell may map that IPA either, whatever memory it puts there.
 */
struct hv_window {
	struct mem_range range;
	bool emulated;
};

/* what any arch reports at most */
#define MAX_HV_WINDOWS		24

/*
 * The parts of the page-aligned range [start, end) that lie outside every
 * hole, in ascending order.  Holes may be unsorted, overlap each other or
 * reach beyond the range; each is widened to whole pages (a page the
 * hypervisor owns in part is not mapped at all); empty holes count for
 * nothing.  Writes at most max_parts parts and returns their number, or
 * -E2BIG if there would be more (num_holes + 1 parts always suffice).
 */
int mem_range_subtract(unsigned long start, unsigned long end,
		       const struct mem_range *holes, unsigned int num_holes,
		       struct mem_range *parts, unsigned int max_parts);

#endif /* !_JAILHOUSE_MEM_RANGE_H */
