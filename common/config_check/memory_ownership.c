// SPDX-License-Identifier: GPL-2.0
/*
 * Where a non-root cell's memory comes from: the root's regions, and not
 * another cell's (unless both mean to share it).
 */
#include "internal.h"

/* Shared with other cells on purpose. */
static bool mem_is_shared(const struct cc_cell *v, __u64 idx)
{
	return (v->mem[idx].flags & JAILHOUSE_MEM_ROOTSHARED) ||
		cc_mem_is_ivshmem(v, idx);
}

/*
 * The first part of [start, end) that no root region covers, in
 * [*gap_start, *gap_end); false if the root covers all of it.
 */
static bool root_gap(const struct cc_cell *root, __u64 start, __u64 end,
		     __u64 *gap_start, __u64 *gap_end)
{
	__u64 pos = start, next, i;
	bool advanced = true;

	/* Each pass moves pos past one more root region, or stops. */
	while (pos < end && advanced) {
		advanced = false;
		for (i = 0; i < root->num_mem; i++) {
			const struct jailhouse_memory *r = &root->mem[i];

			if (!cc_mem_has_phys(r) || cc_mem_wraps(r))
				continue;
			if (r->phys_start <= pos &&
			    pos < r->phys_start + r->size) {
				pos = r->phys_start + r->size;
				advanced = true;
			}
		}
	}
	if (pos >= end)
		return false;

	/* the gap ends where the next root region starts */
	next = end;
	for (i = 0; i < root->num_mem; i++) {
		const struct jailhouse_memory *r = &root->mem[i];

		if (cc_mem_has_phys(r) && !cc_mem_wraps(r) &&
		    r->phys_start > pos && r->phys_start < next)
			next = r->phys_start;
	}
	*gap_start = pos;
	*gap_end = next;
	return true;
}

/* A root region that is RAM (not a device window) overlapping m, or -1. */
static long long root_ram_overlap(const struct cc_cell *root,
				  const struct jailhouse_memory *m)
{
	__u64 i;

	for (i = 0; i < root->num_mem; i++) {
		const struct jailhouse_memory *r = &root->mem[i];

		if (!cc_mem_has_phys(r) || cc_mem_wraps(r) ||
		    (r->flags & JAILHOUSE_MEM_IO))
			continue;
		if (cc_ranges_overlap(r->phys_start, r->phys_start + r->size,
				      m->phys_start, m->phys_start + m->size))
			return i;
	}
	return -1;
}

/*
 * Cell memory comes from the root.  A device window (JAILHOUSE_MEM_IO)
 * may be larger than the root's region of the same device: Jailhouse's
 * configs do that (a cell maps a UART's whole 64 KiB frame where the root
 * maps 4 KiB), and the hypervisor maps the cell's window whole but takes
 * from the root only what the root had.  That is a warning, as long as
 * the window stays off the root's RAM.  Hypervisor memory and other
 * cells' memory are refused by their own checks (memory_reserved.c and
 * cc_check_memory_pair()).  RAM beyond the root's is refused: it may be
 * memory the root or the firmware keep to themselves.
 */
void cc_check_memory_against_root(struct cc_checker *c,
				  const struct cc_cell *root,
				  const struct cc_cell *v)
{
	struct config_check_finding f;
	__u64 i, gap_start, gap_end;
	long long ram;

	if (root->mem_too_large || v->mem_too_large)
		return;
	for (i = 0; i < v->num_mem; i++) {
		const struct jailhouse_memory *m = &v->mem[i];

		if (!cc_mem_has_phys(m) || cc_mem_wraps(m) ||
		    !root_gap(root, m->phys_start, m->phys_start + m->size,
			      &gap_start, &gap_end))
			continue;
		if (!(m->flags & JAILHOUSE_MEM_IO)) {
			cc_finding_init(&f, CC_MEM_NOT_IN_ROOT, CC_ERROR,
					v->name, "mem_regions", cc_index(i),
					"is RAM the root cell does not have, at",
					"cell memory is taken from the root: add the range to a root region (kept from Linux with mem= or reserved-memory), or fix phys_start");
			cc_set_other_value(&f, CC_VAL_RANGE, gap_start,
					   gap_end);
			cc_set_other(&f, root->name, NULL, -1);
		} else if ((ram = root_ram_overlap(root, m)) >= 0) {
			cc_finding_init(&f, CC_MEM_NOT_IN_ROOT, CC_ERROR,
					v->name, "mem_regions", cc_index(i),
					"is a device window beyond the root's regions that reaches into the root's RAM at",
					"a device window may be larger than the root's, but not over RAM: end it where the device ends");
			cc_set_other_value(&f, CC_VAL_RANGE,
					   root->mem[ram].phys_start,
					   root->mem[ram].phys_start +
					   root->mem[ram].size);
			cc_set_other(&f, root->name, "mem_regions",
				     cc_index(ram));
		} else {
			cc_finding_init(&f, CC_MEM_BEYOND_ROOT, CC_WARNING,
					v->name, "mem_regions", cc_index(i),
					"is a device window that reaches beyond the root's regions, at",
					"the hypervisor maps the window whole and takes from the root only what the root had; make it match the root's region to drop this warning");
			cc_set_other_value(&f, CC_VAL_RANGE, gap_start,
					   gap_end);
			cc_set_other(&f, root->name, NULL, -1);
		}
		cc_set_value(&f, CC_VAL_RANGE, m->phys_start,
			     m->phys_start + m->size);
		cc_emit(c, &f);
	}
}

void cc_check_memory_pair(struct cc_checker *c, const struct cc_cell *a,
			  const struct cc_cell *b)
{
	struct config_check_finding f;
	__u64 i, j;

	if (a->mem_too_large || b->mem_too_large)
		return;
	for (j = 0; j < b->num_mem; j++) {
		const struct jailhouse_memory *mb = &b->mem[j];

		if (!cc_mem_has_phys(mb) || cc_mem_wraps(mb))
			continue;
		for (i = 0; i < a->num_mem; i++) {
			const struct jailhouse_memory *ma = &a->mem[i];

			if (!cc_mem_has_phys(ma) || cc_mem_wraps(ma) ||
			    !cc_ranges_overlap(ma->phys_start,
					       ma->phys_start + ma->size,
					       mb->phys_start,
					       mb->phys_start + mb->size))
				continue;
			/* Both ends must mean to share it. */
			if (mem_is_shared(a, i) && mem_is_shared(b, j))
				continue;
			cc_finding_init(&f, CC_MEM_CELL_OVERLAP, CC_ERROR,
					b->name, "mem_regions", cc_index(j),
					"overlaps memory of another cell:",
					"non-root cells get disjoint memory; only ROOTSHARED and ivshmem regions may be mapped by several cells");
			cc_set_value(&f, CC_VAL_RANGE, mb->phys_start,
				     mb->phys_start + mb->size);
			cc_set_other_value(&f, CC_VAL_RANGE, ma->phys_start,
					   ma->phys_start + ma->size);
			cc_set_other(&f, a->name, "mem_regions", cc_index(i));
			cc_emit(c, &f);
		}
	}
}
