// SPDX-License-Identifier: GPL-2.0
/*
 * Memory regions of one cell on their own: flags, size, alignment,
 * overlaps inside the cell, the comm region.  What a region may not cover
 * (hypervisor memory, GIC, ...) is in memory_reserved.c, ownership by the
 * root and sharing between cells in memory_ownership.c.
 */
#include "internal.h"

#define MEM_KNOWN_FLAGS							\
	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |			\
	 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA | JAILHOUSE_MEM_IO |	\
	 JAILHOUSE_MEM_COMM_REGION | JAILHOUSE_MEM_LOADABLE |		\
	 JAILHOUSE_MEM_ROOTSHARED | JAILHOUSE_MEM_NO_HUGEPAGES |		\
	 JAILHOUSE_MEM_IO_UNALIGNED |					\
	 (0xfULL << JAILHOUSE_MEM_IO_WIDTH_SHIFT))
#define MEM_IO_ONLY_FLAGS						\
	(JAILHOUSE_MEM_IO_UNALIGNED | (0xfULL << JAILHOUSE_MEM_IO_WIDTH_SHIFT))

/*
 * An entry that is entirely zero bytes maps nothing and grants nothing.
 * Jailhouse's configs get them from arrays declared larger than their
 * initialisers, and Jailhouse (like this hypervisor) skips them wherever
 * they are, so any such entry is ignored with a note, not only trailing
 * ones: where it sits changes nothing.  Inside an ivshmem device's slots
 * { 0 } means "no output section" and is not even noted.
 */
static bool mem_is_zero_entry(const struct jailhouse_memory *m)
{
	return !m->phys_start && !m->virt_start && !m->size && !m->flags;
}

static void check_mem_region(struct cc_checker *c,
			     const struct jailhouse_system *sys,
			     const struct cc_cell *v, __u64 i)
{
	const struct jailhouse_memory *m = &v->mem[i];
	struct config_check_finding f;
	__u64 pstart = m->phys_start, pend = m->phys_start + m->size;
	__u64 vstart = m->virt_start, vend = m->virt_start + m->size;
	int idx = cc_index(i);

	if (mem_is_zero_entry(m)) {
		if (!cc_mem_is_ivshmem(v, i))
			cc_report(c, CC_MEM_ZERO_ENTRY, CC_NOTE, v->name,
				  "mem_regions", idx, CC_VAL_NONE, 0, 0,
				  "is all zero and ignored",
				  "the array is declared larger than its entries; size it to them to drop this note");
		return;
	}

	/* ignored when mapping, as in Jailhouse: a mistake, no danger */
	if (m->flags & ~(__u64)MEM_KNOWN_FLAGS) {
		cc_finding_init(&f, CC_MEM_BAD_FLAGS, CC_WARNING, v->name,
				"mem_regions", idx,
				"has unknown flag bits set, which are ignored:",
				"use only JAILHOUSE_MEM_* flags of this revision");
		cc_set_other_value(&f, CC_VAL_HEX,
				   m->flags & ~(__u64)MEM_KNOWN_FLAGS, 0);
		cc_emit(c, &f);
	}
	if ((m->flags & MEM_IO_ONLY_FLAGS) && !(m->flags & JAILHOUSE_MEM_IO))
		cc_report(c, CC_MEM_BAD_FLAGS, CC_WARNING, v->name,
			  "mem_regions", idx, CC_VAL_RANGE, pstart, pend,
			  "has an access width or IO_UNALIGNED without JAILHOUSE_MEM_IO",
			  "access widths only apply to sub-page MMIO regions: add JAILHOUSE_MEM_IO or drop them");
	if (cc_mem_is_comm(m) && (m->flags & (JAILHOUSE_MEM_IO |
					   JAILHOUSE_MEM_DMA |
					   JAILHOUSE_MEM_LOADABLE |
					   JAILHOUSE_MEM_ROOTSHARED)))
		cc_report(c, CC_MEM_BAD_FLAGS, CC_WARNING, v->name,
			  "mem_regions", idx, CC_VAL_RANGE, vstart, vend,
			  "is a comm region with IO, DMA, LOADABLE or ROOTSHARED",
			  "the comm region is a hypervisor page: give it READ | WRITE | COMM_REGION only");

	if (m->size == 0) {
		/* ivshmem slots may be left out as { 0 } */
		if (m->phys_start || m->virt_start || m->flags ||
		    !cc_mem_is_ivshmem(v, i))
			cc_report(c, CC_MEM_EMPTY, CC_ERROR, v->name,
				  "mem_regions", idx, CC_VAL_RANGE,
				  pstart, pstart,
				  "has size 0",
				  "remove the region and its count, or give it a size (only the slots of an ivshmem device may be { 0 })");
		return;
	}

	if (cc_mem_wraps(m)) {
		cc_finding_init(&f, CC_MEM_WRAP, CC_ERROR, v->name, "mem_regions",
				idx, "wraps around the end of the address space with size",
				"phys_start/virt_start + size must stay below 2^64: check the size");
		cc_set_other_value(&f, CC_VAL_HEX, m->size, 0);
		cc_emit(c, &f);
		return;
	}

	/* the comm region's phys_start means nothing: its page backs it */
	if ((!cc_mem_is_comm(m) && pend > CC_ADDR_LIMIT) ||
	    vend > CC_ADDR_LIMIT) {
		bool phys = !cc_mem_is_comm(m) && pend > CC_ADDR_LIMIT;

		cc_report(c, CC_MEM_ADDR_RANGE, CC_ERROR, v->name,
			  "mem_regions", idx, CC_VAL_RANGE,
			  phys ? pstart : vstart, phys ? pend : vend,
			  phys ? "ends above 2^48, beyond every physical address arm64 translates with 4 KiB pages" :
			  "ends above 2^48 in guest-physical (virt_start) space, beyond what stage 2 translates",
			  "addresses must end at or below 0x1000000000000 (the CPU's PARange may allow less): check phys_start, virt_start and size");
		return;
	}

	if (cc_mem_is_comm(m)) {
		if ((vstart & CC_PAGE_OFFS_MASK) || (m->size & CC_PAGE_OFFS_MASK))
			cc_report(c, CC_COMM_REGION_BAD, CC_ERROR, v->name,
				  "mem_regions", idx, CC_VAL_RANGE,
				  vstart, vend,
				  "is a comm region that is not page aligned",
				  "map the comm region as one 4 KiB page at a page-aligned address (inmates expect 0x80000000)");
	} else if ((pstart & CC_PAGE_OFFS_MASK) || (vstart & CC_PAGE_OFFS_MASK) ||
		   (m->size & CC_PAGE_OFFS_MASK)) {
		if (!(m->flags & JAILHOUSE_MEM_IO))
			cc_report(c, CC_MEM_UNALIGNED, CC_ERROR, v->name,
				  "mem_regions", idx, CC_VAL_RANGE,
				  pstart, pend,
				  "is not page aligned",
				  "RAM regions must start and end on 4 KiB boundaries; only MMIO regions (JAILHOUSE_MEM_IO) may be smaller, and are then emulated");
	}

	if (!sys)
		return;

	if (sys)
		cc_check_mem_reserved(c, sys, v, i);
}

/* Region j of a cell overlaps its region i (both ranges in one space). */
static void report_pair_overlap(struct cc_checker *c, const struct cc_cell *v,
				enum config_check_code code, const char *what,
				const char *hint, __u64 i, __u64 a_start,
				__u64 a_size, __u64 j, __u64 b_start,
				__u64 b_size)
{
	struct config_check_finding f;

	cc_finding_init(&f, code, CC_ERROR, v->name, "mem_regions", cc_index(j),
			what, hint);
	cc_set_value(&f, CC_VAL_RANGE, b_start, b_start + b_size);
	cc_set_other_value(&f, CC_VAL_RANGE, a_start, a_start + a_size);
	cc_set_other(&f, v->name, "mem_regions", cc_index(i));
	cc_emit(c, &f);
}

/* Returns whether two regions overlap physically. */
static bool check_mem_overlaps(struct cc_checker *c, const struct cc_cell *v)
{
	bool phys_overlap = false;
	__u64 i, j;

	for (i = 0; i < v->num_mem; i++) {
		const struct jailhouse_memory *a = &v->mem[i];

		if (a->size == 0 || cc_mem_wraps(a))
			continue;
		for (j = i + 1; j < v->num_mem; j++) {
			const struct jailhouse_memory *b = &v->mem[j];

			if (b->size == 0 || cc_mem_wraps(b))
				continue;
			if (!cc_mem_is_comm(a) && !cc_mem_is_comm(b) &&
			    cc_ranges_overlap(a->phys_start, a->phys_start + a->size,
					      b->phys_start, b->phys_start + b->size)) {
				phys_overlap = true;
				report_pair_overlap(c, v, CC_MEM_OVERLAP_PHYS,
					"overlaps physically with",
					"regions of one cell must not overlap: merge them or fix the addresses",
					i, a->phys_start, a->size,
					j, b->phys_start, b->size);
			}
			if (cc_ranges_overlap(a->virt_start, a->virt_start + a->size,
					      b->virt_start, b->virt_start + b->size)) {
				report_pair_overlap(c, v, CC_MEM_OVERLAP_VIRT,
					"overlaps in guest-physical (virt_start) space with",
					"two regions map to the same guest address: fix virt_start of one of them",
					i, a->virt_start, a->size,
					j, b->virt_start, b->size);
			}
		}
	}
	return phys_overlap;
}

/*
 * The hypervisor maps its page for the cell at every COMM_REGION region
 * and answers for a cell without one by its reply timeout, as Jailhouse
 * does: warnings, not errors.
 */
static void check_comm_region(struct cc_checker *c, const struct cc_cell *v)
{
	__u64 i, count = 0;

	for (i = 0; i < v->num_mem; i++) {
		if (!cc_mem_is_comm(&v->mem[i]))
			continue;
		/* the hypervisor has no comm page for the root to map */
		if (v->is_root) {
			cc_report(c, CC_COMM_REGION_BAD, CC_ERROR, v->name,
				  "mem_regions", cc_index(i), CC_VAL_RANGE,
				  v->mem[i].virt_start,
				  v->mem[i].virt_start + v->mem[i].size,
				  "is a comm region in the root cell, which has none",
				  "only non-root cells have a comm region: drop JAILHOUSE_MEM_COMM_REGION from this root region");
			continue;
		}
		if (++count == 2)
			cc_report(c, CC_COMM_REGION_MULTIPLE, CC_WARNING,
				  v->name, "mem_regions", cc_index(i),
				  CC_VAL_RANGE, v->mem[i].virt_start,
				  v->mem[i].virt_start + v->mem[i].size,
				  "is a second comm region, mapping the same page again",
				  "a cell has one communication region: drop JAILHOUSE_MEM_COMM_REGION from all but one");
	}
	if (count == 0 && !v->is_root)
		cc_report(c, CC_COMM_REGION_MISSING, CC_WARNING, v->name,
			  "mem_regions", -1, CC_VAL_NONE, 0, 0,
			  "have no comm region: the cell cannot answer the hypervisor, so unless it is JAILHOUSE_CELL_PASSIVE_COMMREG a shutdown waits msg_reply_timeout and marks it failed",
			  "add { .virt_start = 0x80000000, .size = 0x1000, .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_COMM_REGION }: inmates and the cell protocol need it");
}

bool cc_check_memory(struct cc_checker *c, const struct jailhouse_system *sys,
		     const struct cc_cell *v)
{
	bool phys_overlap;
	__u64 i;

	if (v->mem_too_large) {
		cc_report(c, CC_TOO_LARGE, CC_ERROR, v->name,
			  "mem_regions", -1, CC_VAL_NUMBER, v->num_mem, 0,
			  "entries are more than the checker compares (4096)",
			  "check num_memory_regions; merge adjacent regions");
		return false;
	}
	for (i = 0; i < v->num_mem; i++)
		check_mem_region(c, sys, v, i);
	phys_overlap = check_mem_overlaps(c, v);
	check_comm_region(c, v);
	return phys_overlap;
}
