// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell: the Linux that enabled the hypervisor keeps its CPUs,
 * memory and interrupts as the system config describes them.  Its
 * stage-2 translation maps every page-granular memory region 1:1 (the
 * checker made sure none covers the hypervisor memory or the interrupt
 * controller); sub-page regions stay unmapped and are emulated.
 *
 * Non-root cells (cell_control.c) map their regions the same way, plus
 * the comm region, which is backed by the cell's comm page.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <jailhouse/virt_console.h>

struct cell root_cell;
struct cell *cell_list;

int cell_map_regions(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;
	int err;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		/* ivshmem placeholder slots */
		if (!mem->size)
			continue;
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
		else if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem))
			err = mmio_subpage_register(cell, mem);
		else
			err = arch_map_memory_region(cell, mem);
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
	return irqchip_cell_init(&root_cell);
}
