// SPDX-License-Identifier: GPL-2.0
/*
 * Dispatch of trapped guest-physical accesses to the emulation registered
 * for the address, and the emulation of sub-page memory regions: a
 * region smaller than a page cannot be mapped in stage 2, so the page
 * stays unmapped and each access is checked (direction, width,
 * alignment) before the hypervisor performs it on the device.
 *
 * The hypervisor maps devices as Device memory, where an unaligned access
 * is an alignment fault, at EL2.  So it never performs the cell's access
 * as is, but as naturally aligned parts, each of a width the region
 * allows (JAILHOUSE_MEM_IO_8/16/32/64; all four without a width flag):
 *  - the widest allowed part that fits, from the lowest byte up: an
 *    aligned access of an allowed width is one part, the cell's own;
 *    an unaligned one (JAILHOUSE_MEM_IO_UNALIGNED) is split, e.g. into
 *    bytes.  That is what the interconnect does with an unaligned access
 *    to Normal memory anyway; a device that has such a region accepts
 *    accesses narrower than its registers, or its config says which
 *    widths it takes.
 *  - a read that cannot be split that way (say 4 bytes at offset 2 of a
 *    region that allows 32-bit accesses only) reads the aligned words
 *    that cover it, inside the region, and picks its bytes; a write
 *    never touches a byte the cell did not write, so such a write is
 *    refused.
 * The parts are assembled and split little-endian (like all of the MMIO
 * emulation, which hands register values around: cells run
 * little-endian).  A device that
 * answers a part with an external abort fails the access
 * (MMIO_DEVICE_ERROR, dev_access.S): reported for the cell, never an
 * exception of the hypervisor.
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/string.h>
#include <jailhouse/vpci.h>
#include <asm/mmio.h>
#include <asm/dev_access.h>

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

/* The widths the region allows, as a mask of sizes in bytes (1|2|4|8). */
static unsigned int allowed_sizes(unsigned long flags)
{
	unsigned int sizes = (flags >> JAILHOUSE_MEM_IO_WIDTH_SHIFT) & 0xf;

	return sizes ? sizes : 0xf;
}

/* The widest allowed, aligned part at addr of at most left bytes, or 0. */
static unsigned int part_size(unsigned long addr, unsigned int left,
			      unsigned int sizes)
{
	unsigned int size;

	for (size = 8; size; size >>= 1)
		if ((sizes & size) && size <= left && !(addr & (size - 1)))
			return size;
	return 0;
}

static bool splits_exactly(unsigned long addr, unsigned int size,
			   unsigned int sizes)
{
	unsigned int part;

	for (; size; addr += part, size -= part) {
		part = part_size(addr, size, sizes);
		if (!part)
			return false;
	}
	return true;
}

/*
 * Bytes [addr, addr + size) of the device at base, in parts of the given
 * widths; bytes[] little-endian.  Returns false on a device error.
 */
static bool device_parts(u8 *base, unsigned long addr, unsigned int size,
			 unsigned int sizes, bool is_write, u8 *bytes)
{
	unsigned int part, n;
	u64 value;

	for (; size; addr += part, size -= part, bytes += part) {
		part = part_size(addr, size, sizes);
		if (is_write) {
			for (value = 0, n = part; n-- > 0;)
				value = (value << 8) | bytes[n];
			if (dev_write(base + addr, part, value))
				return false;
		} else {
			if (dev_read(base + addr, part, &value))
				return false;
			for (n = 0; n < part; n++, value >>= 8)
				bytes[n] = value;
		}
	}
	return true;
}

static enum mmio_result subpage_access(void *arg, struct mmio_access *mmio)
{
	struct subpage_region *sub = arg;
	unsigned long flags = sub->mem->flags;
	unsigned int sizes = allowed_sizes(flags), n, width;
	/* offsets in the mapped page: alignment is the device's */
	unsigned long addr = sub->offset + mmio->address, start, end;
	u8 bytes[16];
	u64 value;

	if (sub->lent)
		return MMIO_UNHANDLED;
	if (mmio->is_write ? !(flags & JAILHOUSE_MEM_WRITE) :
			     !(flags & JAILHOUSE_MEM_READ))
		return MMIO_ERROR;
	if (!(sizes & mmio->size))
		return MMIO_ERROR;
	if (!(flags & JAILHOUSE_MEM_IO_UNALIGNED) &&
	    (addr & (mmio->size - 1)))
		return MMIO_ERROR;
	if (mmio->address + mmio->size > sub->mem->size)
		return MMIO_ERROR;

	if (mmio->is_write) {
		if (!splits_exactly(addr, mmio->size, sizes))
			return MMIO_ERROR;
		for (n = 0, value = mmio->value; n < mmio->size;
		     n++, value >>= 8)
			bytes[n] = value;
		return device_parts(sub->page, addr, mmio->size, sizes, true,
				    bytes) ? MMIO_HANDLED : MMIO_DEVICE_ERROR;
	}

	if (splits_exactly(addr, mmio->size, sizes)) {
		start = addr;
		end = addr + mmio->size;
	} else {
		/* the narrowest allowed words that cover the read */
		width = sizes & -sizes;
		start = addr & ~(unsigned long)(width - 1);
		end = (addr + mmio->size + width - 1) &
			~(unsigned long)(width - 1);
		if (start < sub->offset ||
		    end > sub->offset + sub->mem->size)
			return MMIO_ERROR;
	}
	if (!device_parts(sub->page, start, end - start, sizes, false, bytes))
		return MMIO_DEVICE_ERROR;
	for (value = 0, n = mmio->size; n-- > 0;)
		value = (value << 8) | bytes[addr - start + n];
	mmio->value = value;
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
