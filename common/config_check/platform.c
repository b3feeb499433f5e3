// SPDX-License-Identifier: GPL-2.0
/*
 * The platform part of a system config: hypervisor memory, the GIC, the
 * debug console, and the windows of the address space the hypervisor
 * owns or intercepts (GIC, vPCI config space, debug console), which the
 * memory checks keep cells away from.
 */
#include "internal.h"


#define GICD_V3_SIZE		0x10000ULL
#define GICR_V3_STRIDE		0x20000ULL	/* RD_base + SGI_base frame */
#define GICD_V2_SIZE		0x1000ULL
#define GICC_V2_SIZE		0x2000ULL
#define GICH_V2_SIZE		0x2000ULL
#define GICV_V2_SIZE		0x2000ULL

#define ECAM_BUS_SIZE		(1ULL << 20)

/* Append [base, base + size) to w unless the config leaves base unset. */
static void add_gic_window(struct cc_window *w, unsigned int *n,
			   const char *what, __u64 base, __u64 size)
{
	if (!base)
		return;
	w[*n].what = what;
	w[*n].start = base;
	w[*n].end = base + size;
	(*n)++;
}

unsigned int cc_gic_windows(const struct jailhouse_system *sys,
			    struct cc_window w[CC_MAX_GIC_WINDOWS])
{
	const struct jailhouse_cell_desc *root = &sys->root_cell;
	const typeof(sys->platform_info.arm) *gic = &sys->platform_info.arm;
	unsigned int n = 0;

	if (gic->gic_version == 3) {
		add_gic_window(w, &n, "overlaps the GIC distributor (GICD) at",
			       gic->gicd_base, GICD_V3_SIZE);
		/*
		 * Redistributors are laid out by CPU number, so the window
		 * runs up to the highest root CPU, not the CPU count.
		 */
		add_gic_window(w, &n,
			       "overlaps the GIC redistributors (GICR) at",
			       gic->gicr_base, GICR_V3_STRIDE *
			       jailhouse_cpu_set_span(jailhouse_cell_cpu_set(root),
						      root->cpu_set_size));
	} else if (gic->gic_version == 2) {
		add_gic_window(w, &n, "overlaps the GIC distributor (GICD) at",
			       gic->gicd_base, GICD_V2_SIZE);
		add_gic_window(w, &n,
			       "overlaps the GIC CPU interface (GICC) at",
			       gic->gicc_base, GICC_V2_SIZE);
		add_gic_window(w, &n,
			       "overlaps the GIC hypervisor interface (GICH) at",
			       gic->gich_base, GICH_V2_SIZE);
		add_gic_window(w, &n,
			       "overlaps the GIC virtual CPU interface (GICV) at",
			       gic->gicv_base, GICV_V2_SIZE);
	}
	return n;
}

bool cc_debug_console_window(const struct jailhouse_system *sys,
			     struct cc_window *w)
{
	const struct jailhouse_console *con = &sys->debug_console;

	if (con->type == JAILHOUSE_CON_TYPE_NONE ||
	    con->type == JAILHOUSE_CON_TYPE_EFIFB || !CON_IS_MMIO(con->flags))
		return false;
	w->what = "maps the hypervisor's debug console UART without ROOTSHARED:";
	w->start = con->address;
	w->end = con->address + (con->size ? con->size : CC_PAGE_SIZE);
	return true;
}

bool cc_pci_mmconfig_window(const struct jailhouse_system *sys,
			    struct cc_window *w)
{
	if (!sys->platform_info.pci_mmconfig_base)
		return false;
	w->what = "overlaps the virtual PCI config space (pci_mmconfig_base) at";
	w->start = sys->platform_info.pci_mmconfig_base;
	w->end = w->start +
		((__u64)sys->platform_info.pci_mmconfig_end_bus + 1) *
		ECAM_BUS_SIZE;
	return true;
}

void cc_check_platform(struct cc_checker *c,
		       const struct jailhouse_system *sys, const char *name)
{
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	const struct jailhouse_console *con = &sys->debug_console;
	__u8 gic = sys->platform_info.arm.gic_version;

	if (hv->size == 0 || (hv->phys_start & CC_PAGE_OFFS_MASK) ||
	    (hv->size & CC_PAGE_OFFS_MASK) || hv->phys_start + hv->size < hv->phys_start)
		cc_report(c, CC_HV_MEM, CC_ERROR, name, "hypervisor_memory",
			  -1, CC_VAL_RANGE, hv->phys_start,
			  hv->phys_start + hv->size,
			  "is empty, not page aligned or wraps around",
			  "reserve a page-aligned carve-out of a few MiB (4 MiB is typical) that Linux does not use, and set phys_start and size to it");
	else if (hv->phys_start & (CC_HV_MEM_ALIGN - 1))
		/* the EL2 bootstrap maps the image with 2 MiB blocks */
		cc_report(c, CC_HV_MEM, CC_ERROR, name, "hypervisor_memory",
			  -1, CC_VAL_RANGE, hv->phys_start,
			  hv->phys_start + hv->size,
			  "does not start on a 2 MiB boundary",
			  "move phys_start (and the reservation in the device tree or mem=) to a 2 MiB-aligned address, e.g. the top 4 MiB of RAM");

	if (gic != 2 && gic != 3) {
		cc_report(c, CC_GIC_VERSION, CC_ERROR, name,
			  "gic_version", -1, CC_VAL_NUMBER, gic, 0,
			  "is not 2 or 3",
			  "set platform_info.arm.gic_version from the interrupt-controller node of the device tree (arm,gic-v3 is 3, arm,gic-400/cortex-a15-gic is 2)");
	} else if (gic == 3 && (!sys->platform_info.arm.gicd_base ||
				!sys->platform_info.arm.gicr_base)) {
		cc_report(c, CC_GIC_BASES, CC_ERROR, name, "gic", -1,
			  CC_VAL_NONE, 0, 0,
			  "v3 needs gicd_base and gicr_base",
			  "copy the first two reg entries of the arm,gic-v3 device tree node into gicd_base and gicr_base");
	} else if (gic == 2 && (!sys->platform_info.arm.gicd_base ||
				!sys->platform_info.arm.gicc_base ||
				!sys->platform_info.arm.gich_base ||
				!sys->platform_info.arm.gicv_base)) {
		cc_report(c, CC_GIC_BASES, CC_ERROR, name, "gic", -1,
			  CC_VAL_NONE, 0, 0,
			  "v2 needs gicd_base, gicc_base, gich_base and gicv_base",
			  "copy the four reg entries of the GIC device tree node (distributor, CPU, hypervisor and virtual CPU interfaces)");
	}

	if (con->type > JAILHOUSE_CON_TYPE_SCIF)
		cc_report(c, CC_DEBUG_CONSOLE, CC_ERROR, name,
			  "debug_console", -1, CC_VAL_NUMBER, con->type, 0,
			  "has an unknown type",
			  "use one of the JAILHOUSE_CON_TYPE_* values, or JAILHOUSE_CON_TYPE_NONE for no console");
	else if (con->type != JAILHOUSE_CON_TYPE_NONE &&
		 con->type != JAILHOUSE_CON_TYPE_EFIFB &&
		 !CON_IS_MMIO(con->flags))
		cc_report(c, CC_DEBUG_CONSOLE, CC_ERROR, name,
			  "debug_console", -1, CC_VAL_RANGE, con->address,
			  con->address + con->size,
			  "is not MMIO (arm64 has no port I/O)",
			  "add JAILHOUSE_CON_ACCESS_MMIO to the debug console flags");
	else if (con->type != JAILHOUSE_CON_TYPE_NONE && con->address == 0)
		cc_report(c, CC_DEBUG_CONSOLE, CC_ERROR, name,
			  "debug_console", -1, CC_VAL_NONE, 0, 0,
			  "has no address",
			  "set the UART's physical address from the device tree (see the stdout-path node)");
}

