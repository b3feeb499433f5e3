// SPDX-License-Identifier: GPL-2.0
/*
 * What a memory region may not cover, because the hypervisor owns or
 * intercepts it: its own memory, the GIC, the virtual PCI config space,
 * IOMMU units, and (for non-root cells) its debug console UART.
 *
 * Hypervisor memory is refused everywhere.  The GIC, vPCI and IOMMU
 * windows are refused in non-root cells, but only warned about in the
 * root: Jailhouse's root configs often map a whole device area that
 * contains them (e.g. the redistributors of every CPU), and the hypervisor
 * carves these windows out of the root's stage 2 and emulates or owns
 * them, so the root never reaches the hardware behind them.
 */
#include "internal.h"

static const char root_carve_hint[] =
	"the hypervisor carves this window out of the root's stage 2 and emulates or owns it; split the root's region around it to drop this warning";

/* A window the hypervisor intercepts: an error in a cell, a warning in the root. */
static void report_window(struct cc_checker *c, const struct cc_cell *v,
			  int idx, enum config_check_code code,
			  const struct jailhouse_memory *m,
			  const struct cc_window *w, const char *cell_hint)
{
	struct config_check_finding f;

	cc_finding_init(&f, code, v->is_root ? CC_WARNING : CC_ERROR, v->name,
			"mem_regions", idx, w->what,
			v->is_root ? root_carve_hint : cell_hint);
	cc_set_value(&f, CC_VAL_RANGE, m->phys_start,
		     m->phys_start + m->size);
	cc_set_other_value(&f, CC_VAL_RANGE, w->start, w->end);
	cc_emit(c, &f);
}

/*
 * The GIC and the vPCI window are trapped at their IPA in a cell and at
 * their physical address in the root (identity mapped), so both count.
 */
static bool mem_hits(const struct jailhouse_memory *m,
		     const struct cc_window *w)
{
	return cc_ranges_overlap(m->virt_start, m->virt_start + m->size,
				 w->start, w->end) ||
		(!cc_mem_is_comm(m) &&
		 cc_ranges_overlap(m->phys_start, m->phys_start + m->size,
				   w->start, w->end));
}

void cc_check_mem_reserved(struct cc_checker *c,
			   const struct jailhouse_system *sys,
			   const struct cc_cell *v, __u64 i)
{
	const struct jailhouse_memory *m = &v->mem[i];
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	struct cc_window gic[CC_MAX_GIC_WINDOWS], w;
	struct config_check_finding f;
	__u64 pstart = m->phys_start, pend = m->phys_start + m->size;
	unsigned int n, k;
	int idx = cc_index(i);

	if (!cc_mem_is_comm(m) &&
	    cc_ranges_overlap(pstart, pend, hv->phys_start,
			      hv->phys_start + hv->size)) {
		cc_finding_init(&f, CC_MEM_HYPERVISOR, CC_ERROR, v->name,
				"mem_regions", idx, "overlaps hypervisor memory",
				v->is_root ?
				"end the root's RAM region below hypervisor_memory.phys_start (and keep Linux off it with mem= or a reserved-memory node)" :
				"move the region out of hypervisor_memory; cell memory must come from the root's RAM");
		cc_set_value(&f, CC_VAL_RANGE, pstart, pend);
		cc_set_other_value(&f, CC_VAL_RANGE, hv->phys_start,
				   hv->phys_start + hv->size);
		cc_emit(c, &f);
	}

	n = cc_gic_windows(sys, gic);
	for (k = 0; k < n; k++)
		if (mem_hits(m, &gic[k]))
			report_window(c, v, idx, CC_MEM_GIC, m, &gic[k],
				      "the hypervisor owns the GIC and emulates its distributor for the cells: leave the GIC window out of the cell's regions");

	if (cc_pci_mmconfig_window(sys, &w) && mem_hits(m, &w))
		report_window(c, v, idx, CC_MEM_PCI_MMCONFIG, m, &w,
			      "the hypervisor traps this window ((end_bus + 1) MiB at pci_mmconfig_base): move pci_mmconfig_base to an unused hole or split the region");

	if (cc_mem_is_comm(m))
		return;

	for (k = 0; k < JAILHOUSE_MAX_IOMMU_UNITS; k++) {
		const struct jailhouse_iommu *u =
			&sys->platform_info.iommu_units[k];

		if (u->base == 0)
			break;
		if (!cc_ranges_overlap(pstart, pend, u->base, u->base + u->size))
			continue;
		cc_finding_init(&f, CC_MEM_IOMMU,
				v->is_root ? CC_WARNING : CC_ERROR, v->name,
				"mem_regions", idx, "overlaps an IOMMU unit at",
				v->is_root ? root_carve_hint :
				"the hypervisor owns the SMMU: leave its register window out of every cell");
		cc_set_value(&f, CC_VAL_RANGE, pstart, pend);
		cc_set_other_value(&f, CC_VAL_RANGE, u->base, u->base + u->size);
		cc_set_other(&f, NULL, "iommu_units", k);
		cc_emit(c, &f);
	}

	if (!v->is_root && !(m->flags & JAILHOUSE_MEM_ROOTSHARED) &&
	    cc_debug_console_window(sys, &w) &&
	    cc_ranges_overlap(pstart, pend, w.start, w.end)) {
		cc_finding_init(&f, CC_MEM_DEBUG_CONSOLE, CC_ERROR, v->name,
				"mem_regions", idx, w.what,
				"add JAILHOUSE_MEM_ROOTSHARED so the UART stays with the root and the hypervisor, or give the cell a UART of its own");
		cc_set_value(&f, CC_VAL_RANGE, pstart, pend);
		cc_set_other_value(&f, CC_VAL_RANGE, w.start, w.end);
		cc_emit(c, &f);
	}
}
