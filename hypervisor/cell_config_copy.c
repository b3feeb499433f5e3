// SPDX-License-Identifier: GPL-2.0
/*
 * CELL_CREATE's config, copied out of root memory: the root passes an
 * address of its own, which must lie in RAM its config gives it and that
 * is mapped for it now; the copy in the page pool is what gets checked
 * and used, so the root cannot change it afterwards.
 */
#include <jailhouse/cell.h>
#include <jailhouse/cell_lifecycle.h>
#include <jailhouse/config_entry.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

/* a config blob must fit in this (Jailhouse's limit too) */
#define MAX_CONFIG_PAGES	16

/*
 * Physical address of [ipa, ipa + size) in root memory: inside one RAM
 * region of the root's config and currently mapped in the root.
 */
static int root_ipa_to_phys(unsigned long ipa, unsigned long size,
			    unsigned long *phys)
{
	const struct jailhouse_cell_desc *desc = &system_config->root_cell;
	const struct jailhouse_memory *r = jailhouse_cell_mem_regions(desc);
	unsigned long page;
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, r++) {
		if (mem_region_is_empty(r) || (r->flags & JAILHOUSE_MEM_IO) ||
		    !(r->flags & JAILHOUSE_MEM_READ) || ipa < r->virt_start ||
		    ipa - r->virt_start >= r->size ||
		    size > r->size - (ipa - r->virt_start))
			continue;
		*phys = r->phys_start + (ipa - r->virt_start);
		for (page = ipa & PAGE_MASK; page < ipa + size;
		     page += PAGE_SIZE)
			if (paging_virt_to_phys(&root_cell.stage2, page) !=
			    (*phys & PAGE_MASK) + (page - (ipa & PAGE_MASK)))
				return -EINVAL;
		return 0;
	}
	return -EINVAL;
}

static int root_read(unsigned long ipa, void *dest, unsigned long size)
{
	unsigned long phys, offset;
	u8 *window;

	if (root_ipa_to_phys(ipa, size, &phys)) {
		printk("ERROR: cell create: the config at 0x%lx (%lu bytes) "
		       "is not in the root cell's RAM\n", ipa, size);
		return -EINVAL;
	}
	offset = phys & ~PAGE_MASK;
	window = paging_map_temp(phys, PAGES(offset + size));
	if (!window)
		return -ENOMEM;
	memcpy(dest, window + offset, size);
	paging_unmap_temp();
	return 0;
}

/* The config, copied into the pool: the root cannot change it there. */
struct jailhouse_cell_desc *cell_copy_config(unsigned long ipa,
					     unsigned long *size, int *err)
{
	struct jailhouse_cell_desc header, *copy;

	*err = root_read(ipa, &header, sizeof(header));
	if (*err)
		return NULL;
	*size = jailhouse_cell_config_size(&header);
	if (*size > MAX_CONFIG_PAGES * PAGE_SIZE) {
		printk("ERROR: cell create: config of %lu bytes, more than "
		       "%u KiB\n", *size, MAX_CONFIG_PAGES * PAGE_SIZE / 1024);
		*err = -E2BIG;
		return NULL;
	}
	copy = page_alloc(&mem_pool, PAGES(*size));
	if (!copy) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = root_read(ipa, copy, *size);
	if (*err) {
		page_free(&mem_pool, copy, PAGES(*size));
		return NULL;
	}
	return copy;
}
