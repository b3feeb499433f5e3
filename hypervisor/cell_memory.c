// SPDX-License-Identifier: GPL-2.0
/*
 * Memory moves of the cell life cycle: which regions leave the root's
 * stage 2 while a cell exists, how they go and come back around the
 * hypervisor's windows, and the clearing of a destroyed cell's RAM.
 * Called from cell_control.c under cell_lock.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/cell_lifecycle.h>
#include <jailhouse/config_entry.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>

/*
 * Regions that leave the root while the cell exists.  Not the comm
 * region, whose phys_start means nothing (the comm page backs it): so
 * SET_LOADABLE never maps a LOADABLE comm region's address for the root
 * (the driver refuses to load there, security review M2).
 */
static bool region_moves(const struct jailhouse_memory *mem)
{
	return !mem_region_is_empty(mem) &&
		!(mem->flags & (JAILHOUSE_MEM_COMM_REGION |
				JAILHOUSE_MEM_ROOTSHARED));
}

/*
 * Map (or unmap) in the root's stage 2 the part of the physical range
 * [phys, phys + size) that the root's own config has, at the root's
 * addresses and with its access rights, around the hypervisor's windows
 * as at enable.  Sub-page ranges count by page, and the root's own
 * sub-page regions there are not emulated while a cell has them (the
 * page need not be mapped for the root to reach it).  A cell region larger
 * than the root's region of the same device thus takes from the root,
 * and gives back, only what the root had.
 */
static int root_apply(unsigned long phys, unsigned long size, bool map)
{
	const struct jailhouse_cell_desc *desc = &system_config->root_cell;
	const struct jailhouse_memory *r = jailhouse_cell_mem_regions(desc);
	unsigned long start, end;
	unsigned int n;
	int err;

	/*
	 * Cell regions end below the CPUs' physical address size (checker,
	 * cell_map_regions()): rounding up never wraps.  Refuse rather than
	 * compute an end of 0 that would leave the region with the root.
	 */
	if (!size || phys + size - 1 < phys || phys + size - 1 >= PAGE_MASK)
		return -ERANGE;
	end = (phys + size + PAGE_SIZE - 1) & PAGE_MASK;
	phys &= PAGE_MASK;
	for (n = 0; n < desc->num_memory_regions; n++, r++) {
		struct jailhouse_memory part;

		if (mem_region_is_empty(r))
			continue;
		if (JAILHOUSE_MEMORY_IS_SUBPAGE(r)) {
			/* emulated, not mapped: the emulation stops, resumes */
			if (r->phys_start < end &&
			    phys < r->phys_start + r->size)
				mmio_subpage_lend(&root_cell, r, !map);
			continue;
		}
		start = phys > r->phys_start ? phys : r->phys_start;
		if (end < r->phys_start + r->size)
			part.size = end;
		else
			part.size = r->phys_start + r->size;
		if (start >= part.size)
			continue;
		part.size -= start;
		part.phys_start = start;
		part.virt_start = r->virt_start + (start - r->phys_start);
		part.flags = r->flags;
		err = cell_map_outside_hv(&root_cell, &part, map);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Another cell maps (part of) mem too: the checker lets ivshmem regions be
 * shared by several cells.  Under cell_lock.
 */
static bool other_cell_maps(const struct cell *self,
			    const struct jailhouse_memory *mem)
{
	const struct jailhouse_memory *other;
	const struct cell *cell;
	unsigned int n;

	for (cell = cell_list; cell; cell = cell->next) {
		if (cell == self)
			continue;
		other = jailhouse_cell_mem_regions(cell->config);
		for (n = 0; n < cell->config->num_memory_regions; n++, other++)
			if (region_moves(other) &&
			    other->phys_start < mem->phys_start + mem->size &&
			    mem->phys_start < other->phys_start + other->size)
				return true;
	}
	return false;
}

/*
 * Move the cell's regions selected by flags (all moving ones if 0) out of
 * (map = false) or back into the root.  On error, what was done is
 * undone.
 */
int root_move_regions(struct cell *cell, u64 flags, bool map)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n, done;
	int err = 0;

	for (n = 0; n < desc->num_memory_regions; n++) {
		if (!region_moves(&mem[n]) || (mem[n].flags & flags) != flags ||
		    other_cell_maps(cell, &mem[n]))
			continue;
		err = root_apply(mem[n].phys_start, mem[n].size, map);
		if (err)
			break;
	}
	if (err) {
		printk("ERROR: cell \"%s\": cannot %s mem_regions[%u] "
		       "(0x%llx-0x%llx) %s the root cell: %d\n", desc->name,
		       map ? "return" : "take", n, mem[n].phys_start,
		       mem[n].phys_start + mem[n].size - 1,
		       map ? "to" : "from", err);
		for (done = 0; done <= n; done++)
			if (region_moves(&mem[done]) &&
			    (mem[done].flags & flags) == flags &&
			    !other_cell_maps(cell, &mem[done]))
				root_apply(mem[done].phys_start,
					   mem[done].size, !map);
	}
	if (!map || err)
		arch_flush_current_stage2();
	return err;
}

static void clear_memory(unsigned long phys, unsigned long size)
{
	unsigned long chunk, n;
	u64 *page;

	while (size) {
		chunk = size < TEMP_WINDOW_PAGES * PAGE_SIZE ? size :
			TEMP_WINDOW_PAGES * PAGE_SIZE;
		page = paging_map_temp(phys, PAGES(chunk));
		if (!page) {
			printk("ERROR: cannot map 0x%lx to clear it\n", phys);
			return;
		}
		for (n = 0; n < chunk / sizeof(u64); n++)
			page[n] = 0;
		/* the next owner may read it with its MMU off */
		arch_dcache_clean_inval(page, chunk);
		paging_unmap_temp();
		phys += chunk;
		size -= chunk;
	}
}

/*
 * The cell's own RAM must not carry data to the next owner; memory it
 * shares with a running cell is not its own to clear yet.
 */
static void cell_clear_ram(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, mem++)
		if (region_moves(mem) && !(mem->flags & JAILHOUSE_MEM_IO) &&
		    !JAILHOUSE_MEMORY_IS_SUBPAGE(mem) &&
		    !other_cell_maps(cell, mem))
			clear_memory(mem->phys_start, mem->size);
}

void cell_return_memory(struct cell *cell)
{
	const struct jailhouse_memory *mem;
	unsigned int n;
	int err;

	cell_clear_ram(cell);
	mem = jailhouse_cell_mem_regions(cell->config);
	for (n = 0; n < cell->config->num_memory_regions; n++, mem++) {
		if (!region_moves(mem) ||
		    (cell->loadable && (mem->flags & JAILHOUSE_MEM_LOADABLE)) ||
		    other_cell_maps(cell, mem))
			continue;
		err = root_apply(mem->phys_start, mem->size, true);
		if (err)
			printk("ERROR: cannot return mem_regions[%u] of cell "
			       "\"%s\" to the root cell: %d\n", n,
			       cell->config->name, err);
	}
	arch_flush_current_stage2();
}
