// SPDX-License-Identifier: GPL-2.0
/*
 * The entry points: a system config, one cell against it, and the cells
 * that run together.  The rules themselves are in the files named after
 * what they check.
 */
#include "internal.h"

static void check_cell_content(struct cc_checker *c,
			       const struct jailhouse_system *sys,
			       const struct cc_cell *v)
{
	struct cc_cell root;
	bool phys_overlap;

	cc_check_cpus(c, v);
	cc_check_pci(c, sys, v);
	phys_overlap = cc_check_memory(c, sys, v);
	cc_check_irqchips(c, sys, v);
	if (!sys || v->is_root)
		return;

	/* non-root cells take their resources from the root */
	cc_cell_init(&root, &sys->root_cell, true, sys->root_cell.name);
	cc_check_cpus_against_root(c, &root, v);
	/*
	 * Only for disjoint regions (overlaps are an error already): then
	 * the walk over the root's regions takes at most n_root + 2 n_cell
	 * passes of n_root steps for the whole cell, not n_root^2 per region.
	 */
	if (!phys_overlap)
		cc_check_memory_against_root(c, &root, v);
	cc_check_irqs_against_root(c, sys, &root, v);
}

int config_check_system(const void *blob, __u64 size,
			config_check_report_t report, void *ctx)
{
	struct cc_checker c = { .report = report, .ctx = ctx, .errors = 0 };
	const struct jailhouse_system *sys = blob;
	struct cc_cell v;
	const char *name;

	if (!blob)
		size = 0;
	if (!cc_check_structure(&c, blob, size, true, &name))
		return c.errors;

	cc_check_platform(&c, sys, name);
	cc_cell_init(&v, &sys->root_cell, true, name);
	check_cell_content(&c, sys, &v);
	return c.errors;
}

int config_check_cell(const struct jailhouse_system *sys,
		      const void *blob, __u64 size,
		      config_check_report_t report, void *ctx)
{
	struct cc_checker c = { .report = report, .ctx = ctx, .errors = 0 };
	struct cc_cell v;
	const char *name;

	if (!blob)
		size = 0;
	if (!cc_check_structure(&c, blob, size, false, &name))
		return c.errors;

	cc_cell_init(&v, blob, false, name);
	check_cell_content(&c, sys, &v);
	return c.errors;
}

/* Cell b against cell a: both run at the same time. */
static void check_cell_pair(struct cc_checker *c,
			    const struct jailhouse_system *sys,
			    const struct cc_cell *a, const struct cc_cell *b)
{
	struct config_check_finding f;

	if (cc_names_equal(a->desc->name, b->desc->name)) {
		cc_finding_init(&f, CC_DUPLICATE_NAME, CC_ERROR, b->name, "name",
				-1, "is also the name of another cell",
				"cell names must be unique (the root's included): rename one");
		cc_set_other(&f, a->name, NULL, -1);
		cc_emit(c, &f);
	}
	cc_check_cpu_pair(c, a, b);
	cc_check_memory_pair(c, a, b);
	cc_check_irq_pair(c, sys, a, b);
	cc_check_ivshmem_pair(c, a, b);
}

int config_check_cells(const struct jailhouse_system *sys,
		       const struct jailhouse_cell_desc *const cells[],
		       unsigned int num_cells,
		       config_check_report_t report, void *ctx)
{
	return config_check_cells_from(sys, cells, num_cells, 0, report, ctx);
}

int config_check_cells_from(const struct jailhouse_system *sys,
			    const struct jailhouse_cell_desc *const cells[],
			    unsigned int num_cells, unsigned int first,
			    config_check_report_t report, void *ctx)
{
	struct cc_checker c = { .report = report, .ctx = ctx, .errors = 0 };
	struct cc_cell root, a, b;
	struct config_check_finding f;
	unsigned int i, j;

	cc_cell_init(&root, &sys->root_cell, true, sys->root_cell.name);

	for (i = first; i < num_cells; i++) {
		cc_cell_init(&b, cells[i], false, cells[i]->name);
		if (cc_names_equal(root.desc->name, b.desc->name)) {
			cc_finding_init(&f, CC_DUPLICATE_NAME, CC_ERROR, b.name,
					"name", -1,
					"is also the name of the root cell",
					"cell names must be unique (the root's included): rename the cell");
			cc_set_other(&f, root.name, NULL, -1);
			cc_emit(&c, &f);
		}
		cc_check_ivshmem_pair(&c, &root, &b);
		for (j = 0; j < i; j++) {
			cc_cell_init(&a, cells[j], false, cells[j]->name);
			check_cell_pair(&c, sys, &a, &b);
		}
	}

	cc_check_root_keeps_cpu(&c, &root, cells, num_cells);
	return c.errors;
}

