// SPDX-License-Identifier: GPL-2.0
/*
 * Building VMSAv8-64 translation tables with the 4 KiB granule, for the
 * hypervisor's own stage 1 at EL2 and for the cells' stage 2.  Pure C over
 * struct paging_structs: tables come from the env's allocator, so the
 * host tests (tests/host/test_paging.c) run this very file.  TLB and
 * barrier maintenance is the caller's business, except when a block of
 * tables in use is split or merged back (env->break_block, see
 * split_block() and merge_tables()).
 */
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>
#include <asm/paging_arm64.h>

#define LEVELS			4
#define ENTRIES			512

static unsigned int level_shift(unsigned int level)
{
	return 39 - 9 * level;
}

static unsigned long level_size(unsigned int level)
{
	return 1UL << level_shift(level);
}

static unsigned long entry_index(const struct paging_structs *pg,
				 unsigned long virt, unsigned int level)
{
	unsigned long index = virt >> level_shift(level);

	/* a concatenated root is one large table */
	if (level == pg->root_level)
		return index;
	return index & (ENTRIES - 1);
}

static bool in_range(const struct paging_structs *pg, unsigned long virt)
{
	return (virt >> level_shift(pg->root_level)) <
		(unsigned long)pg->root_pages * ENTRIES;
}

static u64 leaf_attributes(const struct paging_structs *pg,
			   unsigned int flags)
{
	u64 attr = PTE_AF;

	if (pg->stage2) {
		attr |= (flags & PAGING_DEVICE) ? PTE_S2_DEVICE :
			PTE_S2_NORMAL | PTE_SH_INNER;
		if (flags & PAGING_READ)
			attr |= PTE_S2_READ;
		if (flags & PAGING_WRITE)
			attr |= PTE_S2_WRITE;
	} else {
		attr |= (flags & PAGING_DEVICE) ? PTE_S1_DEVICE :
			PTE_S1_NORMAL | PTE_SH_INNER;
		attr |= (flags & PAGING_WRITE) ? PTE_S1_RW : PTE_S1_RO;
	}
	if (!(flags & PAGING_EXEC) || (flags & PAGING_DEVICE))
		attr |= PTE_XN;
	return attr;
}

static u64 *table_of(const struct paging_structs *pg, u64 desc)
{
	return pg->env->phys_to_virt(pg->env->ctx, desc & PTE_ADDR_MASK);
}

static bool is_table(u64 desc, unsigned int level)
{
	return level < 3 && (desc & PTE_TYPE_MASK) == PTE_TABLE;
}

/*
 * Replaces the block at *entry, which maps virt, by a table of the next
 * level mapping the same memory with the same attributes.  Where other
 * CPUs may be using the block (env->break_block), a valid block is never
 * replaced by a valid table in one store: without FEAT_BBM the TLBs may
 * then hold both and raise TLB conflict aborts.  The entry goes invalid
 * first, the block leaves all TLBs, and only then the table is installed;
 * a CPU that walks in between takes a translation fault and must retry
 * (the stage-2 abort handler does: arch_stage2_fault_retry()).
 */
static int split_block(const struct paging_structs *pg, u64 *entry,
		       unsigned int level, unsigned long virt)
{
	u64 block = *entry;
	u64 attr = block & ~PTE_ADDR_MASK & ~PTE_TYPE_MASK;
	unsigned long phys = block & PTE_ADDR_MASK;
	unsigned long step = level_size(level + 1);
	u64 *table;
	unsigned int n;

	table = pg->env->alloc_table(pg->env->ctx);
	if (!table)
		return -ENOMEM;
	for (n = 0; n < ENTRIES; n++)
		table[n] = (phys + n * step) | attr |
			(level + 1 == 3 ? PTE_PAGE : PTE_BLOCK);
	if (pg->env->break_block) {
		*entry = 0;
		pg->env->break_block(pg->env->ctx,
				     virt & ~(level_size(level) - 1),
				     level_size(level));
	}
	*entry = pg->env->virt_to_phys(pg->env->ctx, table) | PTE_TABLE;
	return 0;
}

/* The table at level + 1 below *entry (which maps virt), created if
 * missing, split off a block if *entry is one. */
static u64 *next_table(const struct paging_structs *pg, u64 *entry,
		       unsigned int level, unsigned long virt)
{
	u64 *table;
	int err;

	if (!(*entry & PTE_VALID)) {
		table = pg->env->alloc_table(pg->env->ctx);
		if (!table)
			return NULL;
		*entry = pg->env->virt_to_phys(pg->env->ctx, table) |
			PTE_TABLE;
	} else if (!is_table(*entry, level)) {
		err = split_block(pg, entry, level, virt);
		if (err)
			return NULL;
	}
	return table_of(pg, *entry);
}

/*
 * The reverse of split_block(): once the table below *parents[level - 1]
 * maps one contiguous range, aligned for a block of the level above, with
 * the same attributes throughout, that block replaces it (break-before-
 * make, as for a split) and the table goes back to the pool; and so on
 * upwards.  Memory a destroyed cell gives back to the root thus ends up
 * in the blocks it was taken from, and the pool where it was before the
 * cell.  Only for tables with break_block (stage 2): the hypervisor's own
 * stage 1 is never changed under a running CPU's feet this way.
 */
static void merge_tables(const struct paging_structs *pg, u64 **parents,
			 unsigned int level, unsigned long virt)
{
	while (level > pg->root_level && level - 1 >= 1) {
		u64 *parent = parents[level - 1];
		u64 *table = table_of(pg, *parent);
		u64 first = table[0];
		u64 type = level == 3 ? PTE_PAGE : PTE_BLOCK;
		u64 attr = first & ~PTE_ADDR_MASK & ~PTE_TYPE_MASK;
		unsigned long phys = first & PTE_ADDR_MASK;
		unsigned long block = level_size(level - 1);
		unsigned int n;

		if ((first & PTE_TYPE_MASK) != type || (phys & (block - 1)))
			return;
		for (n = 1; n < ENTRIES; n++)
			if (table[n] != ((phys + n * level_size(level)) |
					 attr | type))
				return;
		*parent = 0;
		pg->env->break_block(pg->env->ctx, virt & ~(block - 1), block);
		*parent = phys | attr | PTE_BLOCK;
		pg->env->free_table(pg->env->ctx, table);
		level--;
	}
}

int paging_create(struct paging_structs *pg, unsigned long phys,
		  unsigned long size, unsigned long virt, unsigned int flags)
{
	u64 attr = leaf_attributes(pg, flags);

	if ((phys | virt | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	if (virt + size < virt || phys + size < phys)
		return -EINVAL;
	/* the output address field has 48 bits: more would be attributes */
	if (size && ((phys + size - 1) & ~(PTE_ADDR_MASK | (PAGE_SIZE - 1))))
		return -ERANGE;
	if (size && (!in_range(pg, virt) || !in_range(pg, virt + size - 1)))
		return -ERANGE;

	while (size) {
		unsigned int level, target = 3;
		u64 *table = pg->root;
		u64 *parents[LEVELS];
		u64 *entry;

		/* largest block that fits; no level 0 blocks with 4 KiB */
		if (!(flags & PAGING_NO_HUGE)) {
			for (level = 1; level < 3; level++) {
				unsigned long bs = level_size(level);

				if (level >= pg->root_level &&
				    !((phys | virt) & (bs - 1)) && size >= bs) {
					target = level;
					break;
				}
			}
		}

		for (level = pg->root_level; level < target; level++) {
			entry = &table[entry_index(pg, virt, level)];
			if ((*entry & PTE_VALID) && !is_table(*entry, level))
				return -EBUSY;
			parents[level] = entry;
			table = next_table(pg, entry, level, virt);
			if (!table)
				return -ENOMEM;
		}
		entry = &table[entry_index(pg, virt, target)];
		if (*entry & PTE_VALID)
			return -EBUSY;
		*entry = phys | attr | (target == 3 ? PTE_PAGE : PTE_BLOCK);
		if (pg->env->break_block && !(flags & PAGING_NO_HUGE))
			merge_tables(pg, parents, target, virt);

		phys += level_size(target);
		virt += level_size(target);
		size -= level_size(target);
	}
	return 0;
}

int paging_destroy(struct paging_structs *pg, unsigned long virt,
		   unsigned long size)
{
	if ((virt | size) & (PAGE_SIZE - 1))
		return -EINVAL;

	while (size) {
		unsigned int level = pg->root_level;
		u64 *table = pg->root;
		u64 *entry;

		if (!in_range(pg, virt))
			return -ERANGE;
		for (;;) {
			unsigned long bs = level_size(level);

			entry = &table[entry_index(pg, virt, level)];
			if (!(*entry & PTE_VALID)) {
				/* nothing mapped here: skip to the next entry */
				unsigned long skip = bs - (virt & (bs - 1));

				if (skip >= size)
					return 0;
				virt += skip;
				size -= skip;
				break;
			}
			if (!is_table(*entry, level) && !(virt & (bs - 1)) &&
			    size >= bs) {
				*entry = 0;
				virt += bs;
				size -= bs;
				break;
			}
			table = next_table(pg, entry, level, virt);
			if (!table)
				return -ENOMEM;
			level++;
		}
	}
	return 0;
}

unsigned long paging_virt_to_phys(const struct paging_structs *pg,
				  unsigned long virt)
{
	const u64 *table = pg->root;
	unsigned int level;

	if (!in_range(pg, virt))
		return INVALID_PHYS_ADDR;
	for (level = pg->root_level; level < LEVELS; level++) {
		u64 desc = table[entry_index(pg, virt, level)];

		if (!(desc & PTE_VALID))
			return INVALID_PHYS_ADDR;
		if (!is_table(desc, level))
			return (desc & PTE_ADDR_MASK &
				~(level_size(level) - 1)) |
				(virt & (level_size(level) - 1));
		table = table_of(pg, desc);
	}
	return INVALID_PHYS_ADDR;
}

static void free_level(struct paging_structs *pg, u64 *table,
		       unsigned int level, unsigned long entries)
{
	unsigned long n;

	for (n = 0; n < entries; n++) {
		if (!is_table(table[n], level))
			continue;
		free_level(pg, table_of(pg, table[n]), level + 1, ENTRIES);
		pg->env->free_table(pg->env->ctx, table_of(pg, table[n]));
		table[n] = 0;
	}
}

void paging_free_all(struct paging_structs *pg)
{
	free_level(pg, pg->root, pg->root_level,
		   (unsigned long)pg->root_pages * ENTRIES);
}
