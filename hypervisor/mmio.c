// SPDX-License-Identifier: GPL-2.0
/*
 * Dispatch of trapped guest-physical accesses to the emulation registered
 * for the address, and the emulation of sub-page memory regions: a
 * region smaller than a page cannot be mapped in stage 2, so the page
 * stays unmapped and each access is checked (direction, width,
 * alignment) before the hypervisor performs it on the device.
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/string.h>
#include <jailhouse/vpci.h>
#include <asm/mmio.h>

int mmio_region_register(struct cell *cell, unsigned long start,
			 unsigned long size, mmio_handler handler, void *arg)
{
	unsigned int n, pos;
	int err = 0;

	spin_lock(&cell->mmio_lock);
	if (cell->num_mmio >= MAX_MMIO_REGIONS) {
		err = -ENOMEM;
		goto out;
	}
	for (pos = 0; pos < cell->num_mmio; pos++) {
		struct mmio_region *r = &cell->mmio[pos];

		if (start < r->start + r->size && r->start < start + size) {
			err = -EBUSY;
			goto out;
		}
		if (r->start > start)
			break;
	}
	for (n = cell->num_mmio; n > pos; n--)
		cell->mmio[n] = cell->mmio[n - 1];
	cell->mmio[pos].start = start;
	cell->mmio[pos].size = size;
	cell->mmio[pos].handler = handler;
	cell->mmio[pos].arg = arg;
	cell->num_mmio++;
out:
	spin_unlock(&cell->mmio_lock);
	return err;
}

void mmio_region_unregister(struct cell *cell, unsigned long start)
{
	unsigned int n;

	spin_lock(&cell->mmio_lock);
	for (n = 0; n < cell->num_mmio; n++) {
		if (cell->mmio[n].start != start)
			continue;
		cell->num_mmio--;
		for (; n < cell->num_mmio; n++)
			cell->mmio[n] = cell->mmio[n + 1];
		break;
	}
	spin_unlock(&cell->mmio_lock);
}

void mmio_perform_access(void *base, struct mmio_access *mmio)
{
	void *addr = (u8 *)base + mmio->address;

	if (mmio->is_write) {
		switch (mmio->size) {
		case 1:
			mmio_write8(addr, mmio->value);
			break;
		case 2:
			mmio_write16(addr, mmio->value);
			break;
		case 4:
			mmio_write32(addr, mmio->value);
			break;
		case 8:
			mmio_write64(addr, mmio->value);
			break;
		}
	} else {
		switch (mmio->size) {
		case 1:
			mmio->value = mmio_read8(addr);
			break;
		case 2:
			mmio->value = mmio_read16(addr);
			break;
		case 4:
			mmio->value = mmio_read32(addr);
			break;
		case 8:
			mmio->value = mmio_read64(addr);
			break;
		default:
			mmio->value = 0;
		}
	}
}

/*
 * The table changes only while the cell's CPUs are stopped or during
 * setup, so readers do not take the lock: the dispatch is on the path of
 * every GIC distributor access.
 */
enum mmio_result mmio_handle_access(struct mmio_access *mmio)
{
	struct cell *cell = this_cell();
	unsigned long addr = mmio->address;
	unsigned int n;

	for (n = 0; n < cell->num_mmio; n++) {
		const struct mmio_region *r = &cell->mmio[n];
		mmio_handler handler;
		enum mmio_result res;

		if (addr < r->start)
			break;
		if (addr - r->start >= r->size)
			continue;
		handler = (mmio_handler)r->handler;
		mmio->address = addr - r->start;
		res = handler(r->arg, mmio);
		mmio->address = addr;
		return res;
	}
	/* virtual PCI BARs move at run time: not in the table */
	return vpci_bar_access(cell, mmio);
}

struct subpage_region {
	/* the device page, mapped for the hypervisor */
	void *page;
	/* offset of the region in it */
	unsigned long offset;
	const struct jailhouse_memory *mem;
	/* the page belongs to another cell for now */
	volatile bool lent;
};

static enum mmio_result subpage_access(void *arg, struct mmio_access *mmio)
{
	struct subpage_region *sub = arg;
	unsigned long flags = sub->mem->flags;
	unsigned long widths = flags & (0xfUL << JAILHOUSE_MEM_IO_WIDTH_SHIFT);

	if (sub->lent)
		return MMIO_UNHANDLED;
	if (mmio->is_write ? !(flags & JAILHOUSE_MEM_WRITE) :
			     !(flags & JAILHOUSE_MEM_READ))
		return MMIO_ERROR;
	/* no width flags: any width */
	if (widths &&
	    !(widths & ((unsigned long)mmio->size << JAILHOUSE_MEM_IO_WIDTH_SHIFT)))
		return MMIO_ERROR;
	if (!(flags & JAILHOUSE_MEM_IO_UNALIGNED) &&
	    (mmio->address & (mmio->size - 1)))
		return MMIO_ERROR;
	if (mmio->address + mmio->size > sub->mem->size)
		return MMIO_ERROR;

	mmio->address += sub->offset;
	mmio_perform_access(sub->page, mmio);
	mmio->address -= sub->offset;
	return MMIO_HANDLED;
}

int mmio_subpage_register(struct cell *cell,
			  const struct jailhouse_memory *mem)
{
	struct subpage_region *sub;
	unsigned long page_phys = mem->phys_start & PAGE_MASK;
	unsigned long offset = mem->phys_start & ~PAGE_MASK;
	int err;

	/* one allocation per region; small regions are few */
	sub = page_alloc(&mem_pool, 1);
	if (!sub)
		return -ENOMEM;
	sub->page = paging_map_device(page_phys,
				      PAGES(offset + mem->size) * PAGE_SIZE);
	if (!sub->page) {
		page_free(&mem_pool, sub, 1);
		return -ENOMEM;
	}
	sub->offset = offset;
	sub->mem = mem;
	sub->lent = false;
	err = mmio_region_register(cell, mem->virt_start, mem->size,
				   subpage_access, sub);
	if (err) {
		paging_unmap_device(sub->page,
				    PAGES(offset + mem->size) * PAGE_SIZE);
		page_free(&mem_pool, sub, 1);
	}
	return err;
}

void mmio_subpage_lend(struct cell *cell, const struct jailhouse_memory *mem,
		       bool lent)
{
	struct subpage_region *sub;
	unsigned int n;

	spin_lock(&cell->mmio_lock);
	for (n = 0; n < cell->num_mmio; n++) {
		sub = cell->mmio[n].arg;
		if (cell->mmio[n].handler == (void *)subpage_access &&
		    sub->mem == mem)
			sub->lent = lent;
	}
	spin_unlock(&cell->mmio_lock);
}

void mmio_cell_exit(struct cell *cell)
{
	unsigned int n = 0;

	while (n < cell->num_mmio) {
		struct mmio_region *r = &cell->mmio[n];
		struct subpage_region *sub = r->arg;

		if (r->handler != (void *)subpage_access) {
			n++;
			continue;
		}
		paging_unmap_device(sub->page, PAGES(sub->offset +
						     sub->mem->size) * PAGE_SIZE);
		mmio_region_unregister(cell, r->start);
		page_free(&mem_pool, sub, 1);
	}
}
