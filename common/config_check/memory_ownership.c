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

/* Is [start, end) covered by the union of the root's regions? */
static bool root_covers(const struct cc_cell *root, __u64 start, __u64 end)
{
	__u64 pos = start, i;
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
	return pos >= end;
}

void cc_check_memory_against_root(struct cc_checker *c,
				  const struct cc_cell *root,
				  const struct cc_cell *v)
{
	struct config_check_finding f;
	__u64 i;

	if (root->mem_too_large || v->mem_too_large)
		return;
	for (i = 0; i < v->num_mem; i++) {
		const struct jailhouse_memory *m = &v->mem[i];

		if (!cc_mem_has_phys(m) || cc_mem_wraps(m) ||
		    root_covers(root, m->phys_start, m->phys_start + m->size))
			continue;
		cc_finding_init(&f, CC_MEM_NOT_IN_ROOT, CC_ERROR, v->name,
				"mem_regions", cc_index(i),
				"is not (fully) inside the root cell's memory regions",
				"cell memory and devices are taken from the root: add the physical range to the root config (hidden from Linux via mem= or reserved-memory) or fix phys_start");
		cc_set_value(&f, CC_VAL_RANGE, m->phys_start,
			     m->phys_start + m->size);
		cc_set_other(&f, root->name, NULL, -1);
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
