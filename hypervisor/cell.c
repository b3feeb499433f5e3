// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell: the Linux that enabled the hypervisor keeps its CPUs,
 * memory and interrupts as the system config describes them.  Its
 * stage-2 translation maps every page-granular memory region 1:1;
 * sub-page regions stay unmapped and are emulated.
 *
 * Non-root cells (cell_control.c) map their regions the same way, plus
 * the comm region, which is backed by the cell's comm page.
 *
 * No stage 2 ever maps a window the hypervisor owns (arch_hv_windows():
 * GIC, IOMMU units, virtual PCI config space; and the hypervisor's own
 * memory), whatever the config says: a region that covers one is mapped
 * in the parts around it, so the accesses there keep trapping into the
 * emulation or are refused.  The checker warns about such a root region
 * (Jailhouse's configs have them) and refuses it for other cells; this
 * holds without trusting either.  Windows that are emulated at their
 * IPA are also left out where a region maps other memory at that IPA.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/config_entry.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mem_range.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <jailhouse/utils.h>
#include <jailhouse/virt_console.h>
#include <jailhouse/vpci.h>

struct cell root_cell;
struct cell *cell_list;

/* set up with the root cell, read only afterwards */
static struct hv_window hv_windows[MAX_HV_WINDOWS];
static unsigned int num_hv_windows;

static int hv_windows_init(void)
{
	const struct jailhouse_memory *hv = &system_config->hypervisor_memory;
	int n;

	n = arch_hv_windows(hv_windows, MAX_HV_WINDOWS - 1);
	if (n < 0) {
		printk("ERROR: more than %u hypervisor windows\n",
		       MAX_HV_WINDOWS - 1);
		return n;
	}
	hv_windows[n].range.start = hv->phys_start;
	hv_windows[n].range.end = hv->phys_start + hv->size;
	hv_windows[n].emulated = false;
	num_hv_windows = n + 1;
	return 0;
}

/*
 * The holes to leave in mem: every window by physical address, and the
 * emulated ones also where mem puts them at their own IPA (as physical
 * addresses of mem).  Returns their number.
 */
static unsigned int region_holes(const struct jailhouse_memory *mem,
				 struct mem_range *holes)
{
	unsigned long phys = mem->phys_start, virt = mem->virt_start;
	unsigned long start, end;
	unsigned int n, num = 0;

	for (n = 0; n < num_hv_windows; n++) {
		const struct hv_window *w = &hv_windows[n];

		holes[num++] = w->range;
		if (!w->emulated || virt == phys)
			continue;
		start = MAX(w->range.start, virt);
		end = MIN(w->range.end, virt + mem->size);
		if (start < end) {
			holes[num].start = start - virt + phys;
			holes[num].end = end - virt + phys;
			num++;
		}
	}
	return num;
}

/* Does any byte of mem hit a hypervisor window? */
static bool region_hits_hv(const struct jailhouse_memory *mem)
{
	struct mem_range holes[2 * MAX_HV_WINDOWS];
	unsigned int n, num = region_holes(mem, holes);

	for (n = 0; n < num; n++)
		if (holes[n].start < mem->phys_start + mem->size &&
		    mem->phys_start < holes[n].end)
			return true;
	return false;
}

/*
 * Map or unmap the page-granular region mem in the cell's stage 2, all
 * but the hypervisor's windows.  index >= 0: the region's place in the
 * cell's config, to note a region that was cut.
 */
static int map_outside_hv(struct cell *cell, const struct jailhouse_memory *mem,
			  bool map, int index)
{
	struct mem_range holes[2 * MAX_HV_WINDOWS];
	struct mem_range parts[2 * MAX_HV_WINDOWS + 1];
	unsigned long phys = mem->phys_start;
	struct jailhouse_memory part = *mem;
	int num_parts, n, err;

	num_parts = mem_range_subtract(phys, phys + mem->size, holes,
				       region_holes(mem, holes), parts,
				       ARRAY_SIZE(parts));
	if (num_parts < 0)
		return num_parts;
	for (n = 0; n < num_parts; n++) {
		part.phys_start = parts[n].start;
		part.virt_start = mem->virt_start + (parts[n].start - phys);
		part.size = parts[n].end - parts[n].start;
		err = map ? arch_map_memory_region(cell, &part) :
			arch_unmap_memory_region(cell, &part);
		if (err)
			return err;
	}

	if (index < 0 || (num_parts == 1 && parts[0].start == phys &&
			  parts[0].end == phys + mem->size))
		return 0;
	printk("Note: cell \"%s\": mem_regions[%d] 0x%llx-0x%llx covers "
	       "hypervisor windows, mapped only", cell->config->name, index,
	       mem->phys_start, mem->phys_start + mem->size - 1);
	for (n = 0; n < num_parts; n++)
		printk("%s 0x%lx-0x%lx", n ? "," : "", parts[n].start,
		       parts[n].end - 1);
	printk("%s\n", num_parts ? "" : " nothing");
	return 0;
}

int cell_map_outside_hv(struct cell *cell, const struct jailhouse_memory *mem,
			bool map)
{
	return map_outside_hv(cell, mem, map, -1);
}

int cell_map_regions(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;
	int err;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		/* trailing padding, ivshmem placeholder slots */
		if (mem_region_is_empty(mem))
			continue;
		/* the checker refuses both; the hypervisor never trusts it */
		if ((mem->flags & JAILHOUSE_MEM_COMM_REGION) &&
		    !cell->comm_page) {
			printk("ERROR: cell \"%s\": mem_regions[%u] is a comm "
			       "region, but the root cell has none (drop "
			       "JAILHOUSE_MEM_COMM_REGION there)\n",
			       desc->name, n);
			return -EINVAL;
		}
		if (!(mem->flags & JAILHOUSE_MEM_COMM_REGION) &&
		    !arch_phys_range_valid(mem->phys_start, mem->size)) {
			printk("ERROR: cell \"%s\": mem_regions[%u] 0x%llx "
			       "(+0x%llx) lies beyond the CPUs' %u-bit "
			       "physical addresses (check phys_start and "
			       "size)\n", desc->name, n,
			       mem->phys_start, mem->size,
			       arch_phys_addr_bits());
			return -ERANGE;
		}
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
			/* backed by the cell's comm page, not by phys_start */
			err = arch_map_memory_region(cell,
				&(struct jailhouse_memory) {
				.phys_start = paging_hvirt2phys(cell->comm_page),
				.virt_start = mem->virt_start,
				.size = PAGE_SIZE,
				.flags = mem->flags & (JAILHOUSE_MEM_READ |
						       JAILHOUSE_MEM_WRITE),
			});
		else if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem) &&
			 region_hits_hv(mem)) {
			printk("Note: cell \"%s\": sub-page mem_regions[%u] "
			       "0x%llx-0x%llx is in a hypervisor window, "
			       "left out\n", desc->name, n, mem->phys_start,
			       mem->phys_start + mem->size - 1);
			err = 0;
		} else if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem))
			err = mmio_subpage_register(cell, mem);
		else
			err = map_outside_hv(cell, mem, true, n);
		if (err) {
			printk("ERROR: cell \"%s\": cannot map memory region "
			       "%u (0x%llx-0x%llx): error %d\n", desc->name, n,
			       mem->phys_start, mem->phys_start + mem->size - 1,
			       err);
			return err;
		}
	}
	return 0;
}

int root_cell_init(void)
{
	const struct jailhouse_cell_desc *desc = &system_config->root_cell;
	u64 beyond;
	int err;

	root_cell.id = 0;
	root_cell.config = desc;
	/* setup refused such a config already; this keeps the mask honest */
	err = config_cpu_set(desc, &root_cell.cpu_set, &beyond);
	if (err)
		return err;

	err = hv_windows_init();
	if (err)
		return err;
	err = arch_cell_init(&root_cell);
	if (err)
		return err;
	err = cell_map_regions(&root_cell);
	if (err)
		return err;

	/* the driver shows the console ring: read-only, at its address */
	err = arch_map_memory_region(&root_cell, &(struct jailhouse_memory) {
		.phys_start = paging_hvirt2phys(&virt_console),
		.virt_start = paging_hvirt2phys(&virt_console),
		.size = PAGE_SIZE,
		.flags = JAILHOUSE_MEM_READ,
	});
	if (err)
		return err;
	err = irqchip_cell_init(&root_cell);
	if (err)
		return err;
	return vpci_cell_init(&root_cell);
}
