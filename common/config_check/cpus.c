// SPDX-License-Identifier: GPL-2.0
/*
 * CPU sets: a cell has CPUs, takes them from the root, shares none with
 * another cell, and leaves the root at least one.
 */
#include "internal.h"

void cc_check_cpus(struct cc_checker *c, const struct cc_cell *v)
{
	if (jailhouse_cpu_set_span(v->cpu_set, v->cpu_set_size) == 0)
		cc_report(c, CC_NO_CPUS, CC_ERROR, v->name, "cpus", -1,
			  CC_VAL_NONE, 0, 0, "is empty",
			  "set at least one bit in the cpus bitmap (bit n is CPU n)");
}

void cc_check_cpus_against_root(struct cc_checker *c,
				const struct cc_cell *root,
				const struct cc_cell *v)
{
	struct config_check_finding f;
	__u64 cpu, span = jailhouse_cpu_set_span(v->cpu_set, v->cpu_set_size);

	for (cpu = 0; cpu < span; cpu++) {
		if (!cc_cpu_set_has(v, cpu) || cc_cpu_set_has(root, cpu))
			continue;
		cc_finding_init(&f, CC_CPU_NOT_IN_ROOT, CC_ERROR, v->name, "cpus",
				cc_index(cpu), "is not a CPU of the root cell",
				"a cell can only take CPUs the root cell has: check the cpus bitmap (bit n is CPU n) of both configs");
		cc_set_other(&f, root->name, NULL, -1);
		cc_emit(c, &f);
	}
}

void cc_check_cpu_pair(struct cc_checker *c, const struct cc_cell *a,
		       const struct cc_cell *b)
{
	struct config_check_finding f;
	__u64 cpu, span = jailhouse_cpu_set_span(b->cpu_set, b->cpu_set_size);

	for (cpu = 0; cpu < span; cpu++) {
		if (!cc_cpu_set_has(b, cpu) || !cc_cpu_set_has(a, cpu))
			continue;
		cc_finding_init(&f, CC_CPU_SHARED, CC_ERROR, b->name, "cpus",
				cc_index(cpu), "is also a CPU of another cell",
				"a CPU belongs to one cell at a time: give the cells disjoint cpus bitmaps");
		cc_set_other(&f, a->name, "cpus", cc_index(cpu));
		cc_emit(c, &f);
	}
}

/* Does one of the first n cells have the CPU? */
static bool cells_have_cpu(const struct jailhouse_cell_desc *const cells[],
			   unsigned int n, __u64 cpu)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (jailhouse_cell_has_cpu(cells[i], cpu))
			return true;
	return false;
}

/*
 * The root keeps at least one CPU: report the cell that takes the last
 * one, in the order given.
 */
void cc_check_root_keeps_cpu(struct cc_checker *c, const struct cc_cell *root,
			     const struct jailhouse_cell_desc *const cells[],
			     unsigned int num_cells)
{
	struct config_check_finding f;
	__u64 cpu, span = jailhouse_cpu_set_span(root->cpu_set,
						 root->cpu_set_size);
	unsigned int n;

	for (n = 1; n <= num_cells; n++) {
		for (cpu = 0; cpu < span; cpu++)
			if (cc_cpu_set_has(root, cpu) &&
			    !cells_have_cpu(cells, n, cpu))
				break;
		if (cpu < span)
			continue;
		cc_finding_init(&f, CC_CPU_ROOT_STARVED, CC_ERROR,
				cells[n - 1]->name, "cpus", -1,
				"takes the root cell's last CPU",
				"the root cell must keep at least one CPU (usually CPU 0): remove it from the non-root cells");
		cc_set_other(&f, root->name, NULL, -1);
		cc_emit(c, &f);
		return;
	}
}
