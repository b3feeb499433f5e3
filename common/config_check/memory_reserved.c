// SPDX-License-Identifier: GPL-2.0
/*
 * What no memory region may cover, because the hypervisor owns or
 * intercepts it: its own memory, the GIC, the virtual PCI config space,
 * IOMMU units, and (for non-root cells) its debug console UART.
 */
#include "internal.h"

void cc_check_mem_reserved(struct cc_checker *c,
			   const struct jailhouse_system *sys,
			   const struct cc_cell *v, __u64 i)
{
	const struct jailhouse_memory *m = &v->mem[i];
	struct cc_window gic[CC_MAX_GIC_WINDOWS], w;
	struct config_check_finding f;
	__u64 pstart = m->phys_start, pend = m->phys_start + m->size;
	__u64 vstart = m->virt_start, vend = m->virt_start + m->size;
	unsigned int n, k;
	int idx = cc_index(i);

	/* Things the hypervisor owns or intercepts, by physical address. */
	if (!cc_mem_is_comm(m) &&
	    cc_ranges_overlap(pstart, pend, sys->hypervisor_memory.phys_start,
			      sys->hypervisor_memory.phys_start +
			      sys->hypervisor_memory.size)) {
		cc_finding_init(&f, CC_MEM_HYPERVISOR, CC_ERROR, v->name,
				"mem_regions", idx, "overlaps hypervisor memory",
				v->is_root ?
				"end the root's RAM region below hypervisor_memory.phys_start (and keep Linux off it with mem= or a reserved-memory node)" :
				"move the region out of hypervisor_memory; cell memory must come from the root's RAM");
		cc_set_value(&f, CC_VAL_RANGE, pstart, pend);
		cc_set_other_value(&f, CC_VAL_RANGE,
				   sys->hypervisor_memory.phys_start,
				   sys->hypervisor_memory.phys_start +
				   sys->hypervisor_memory.size);
		cc_emit(c, &f);
	}

	/* The GIC and the vPCI window are trapped at the same IPA. */
	n = cc_gic_windows(sys, gic);
	for (k = 0; k < n; k++) {
		if (!cc_ranges_overlap(vstart, vend, gic[k].start, gic[k].end) &&
		    (cc_mem_is_comm(m) ||
		     !cc_ranges_overlap(pstart, pend, gic[k].start, gic[k].end)))
			continue;
		cc_finding_init(&f, CC_MEM_GIC, CC_ERROR, v->name, "mem_regions",
				idx, gic[k].what,
				"the hypervisor owns the GIC and emulates its distributor for the cells: split the MMIO region so it leaves out the GIC window");
		cc_set_value(&f, CC_VAL_RANGE, pstart, pend);
		cc_set_other_value(&f, CC_VAL_RANGE, gic[k].start, gic[k].end);
		cc_emit(c, &f);
	}

	if (cc_pci_mmconfig_window(sys, &w) &&
	    (cc_ranges_overlap(vstart, vend, w.start, w.end) ||
	     (!cc_mem_is_comm(m) &&
	      cc_ranges_overlap(pstart, pend, w.start, w.end)))) {
		cc_finding_init(&f, CC_MEM_PCI_MMCONFIG, CC_ERROR, v->name,
				"mem_regions", idx, w.what,
				"the hypervisor traps this window ((end_bus + 1) MiB at pci_mmconfig_base): move pci_mmconfig_base to an unused hole or split the region");
		cc_set_value(&f, CC_VAL_RANGE, pstart, pend);
		cc_set_other_value(&f, CC_VAL_RANGE, w.start, w.end);
		cc_emit(c, &f);
	}

	if (cc_mem_is_comm(m))
		return;

	for (k = 0; k < JAILHOUSE_MAX_IOMMU_UNITS; k++) {
		const struct jailhouse_iommu *u =
			&sys->platform_info.iommu_units[k];

		if (u->base == 0)
			break;
		if (!cc_ranges_overlap(pstart, pend, u->base, u->base + u->size))
			continue;
		cc_finding_init(&f, CC_MEM_IOMMU, CC_ERROR, v->name, "mem_regions",
				idx, "overlaps an IOMMU unit at",
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
