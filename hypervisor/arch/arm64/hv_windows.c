// SPDX-License-Identifier: GPL-2.0
/*
 * The physical windows of this platform that belong to the hypervisor,
 * for the core to map every cell's regions around (cell.c).  A root
 * region may cover them: Jailhouse's configs for the TI AM625 SK, for
 * example, hand the root one MMIO range that holds the redistributors of
 * CPUs 1-3.  Mapped, they would give the root the interrupt controller
 * (or the IOMMU) behind the hypervisor's back.
 *
 * - GICD and the GICR frames of every CPU: as many frames as the
 *   hardware has (walked at irqchip_init) or as the root's CPU set spans,
 *   whichever is more; both are emulated at their own IPA.
 * - GICv2 GICC, GICH and GICV, wherever the config names them.  There
 *   is no field for a GICv3 ITS in the platform info, so none is known.
 * - IOMMU units (and a TI PVU's TLB window).
 * - The virtual PCI host's config space (ECAM, 1 MiB per bus), trapped
 *   at its IPA, when pci_is_virtual says it is the hypervisor's.
 */
#include <jailhouse/arch.h>
#include <jailhouse/control.h>
#include <jailhouse/cpu_set.h>
#include <jailhouse/errno.h>
#include <jailhouse/mem_range.h>
#include <asm/gic_internal.h>

#define GICD_V2_SIZE		0x1000
#define GIC_V2_CPU_IF_SIZE	0x2000	/* GICC, GICH and GICV alike */
#define ECAM_BUS_SIZE		(1UL << 20)

struct window_list {
	struct hv_window *windows;
	unsigned int num, max;
	bool overflow;
};

static void add_window(struct window_list *list, unsigned long base,
		       unsigned long size, bool emulated)
{
	struct hv_window *w;

	/* unset in the config */
	if (!base || !size)
		return;
	if (list->num == list->max) {
		list->overflow = true;
		return;
	}
	w = &list->windows[list->num++];
	w->range.start = base;
	w->range.end = base + size;
	w->emulated = emulated;
}

/* frames from gicr_base on: the hardware's or the root's, the more */
static unsigned long gicr_window_size(void)
{
	const struct jailhouse_cell_desc *root = &system_config->root_cell;
	unsigned long frames = gic_num_rdists;
	u64 span = jailhouse_cpu_set_span(jailhouse_cell_cpu_set(root),
					  root->cpu_set_size);

	if (span > GIC_MAX_RDISTS)
		span = GIC_MAX_RDISTS;
	if (span > frames)
		frames = span;
	return frames * gic_rdist_stride;
}

int arch_hv_windows(struct hv_window *windows, unsigned int max)
{
	const struct jailhouse_system *sys = system_config;
	const typeof(sys->platform_info.arm) *gic = &sys->platform_info.arm;
	struct window_list list = { .windows = windows, .max = max };
	const struct jailhouse_iommu *unit;
	unsigned long buses;
	unsigned int n;

	if (gic->gic_version == 3) {
		add_window(&list, gic->gicd_base, GICD_SIZE, true);
		add_window(&list, gic->gicr_base, gicr_window_size(), true);
	} else {
		add_window(&list, gic->gicd_base, GICD_V2_SIZE, true);
	}
	add_window(&list, gic->gicc_base, GIC_V2_CPU_IF_SIZE, true);
	add_window(&list, gic->gich_base, GIC_V2_CPU_IF_SIZE, false);
	add_window(&list, gic->gicv_base, GIC_V2_CPU_IF_SIZE, false);

	/* the units are listed from the first on; base 0 ends the list */
	for (n = 0; n < JAILHOUSE_MAX_IOMMU_UNITS; n++) {
		unit = &sys->platform_info.iommu_units[n];
		if (!unit->base)
			break;
		add_window(&list, unit->base, unit->size, false);
		if (unit->type == JAILHOUSE_IOMMU_PVU)
			add_window(&list, unit->tipvu.tlb_base,
				   unit->tipvu.tlb_size, false);
	}

	if (sys->platform_info.pci_is_virtual) {
		buses = sys->platform_info.pci_mmconfig_end_bus + 1UL;
		add_window(&list, sys->platform_info.pci_mmconfig_base,
			   buses * ECAM_BUS_SIZE, true);
	}

	return list.overflow ? -E2BIG : (int)list.num;
}
