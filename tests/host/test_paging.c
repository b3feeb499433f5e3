// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's translation table builder (hypervisor/arch/arm64/
 * paging.c), compiled for the host with an allocator that hands out
 * malloc'ed pages whose "physical" address is their host address.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hypervisor/arch/arm64/paging.c"

static int tables_in_use;

static void *fake_alloc(void *ctx)
{
	void *page = aligned_alloc(PAGE_SIZE, PAGE_SIZE);

	if (page) {
		memset(page, 0, PAGE_SIZE);
		tables_in_use++;
	}
	return page;
}

static void fake_free(void *ctx, void *table)
{
	tables_in_use--;
	free(table);
}

static unsigned long fake_v2p(void *ctx, void *table)
{
	return (unsigned long)table;
}

static void *fake_p2v(void *ctx, unsigned long phys)
{
	return (void *)phys;
}

static const struct paging_env fake_env = {
	.alloc_table = fake_alloc,
	.free_table = fake_free,
	.virt_to_phys = fake_v2p,
	.phys_to_virt = fake_p2v,
};

static struct paging_structs pg;

static void setup_regime(unsigned int root_level, unsigned int root_pages,
			 bool stage2)
{
	tables_in_use = 0;
	pg.env = &fake_env;
	pg.root_level = root_level;
	pg.root_pages = root_pages;
	pg.stage2 = stage2;
	pg.root = aligned_alloc(PAGE_SIZE * root_pages, PAGE_SIZE * root_pages);
	assert_non_null(pg.root);
	memset(pg.root, 0, PAGE_SIZE * root_pages);
}

static void teardown_regime(void)
{
	paging_free_all(&pg);
	assert_int_equal(tables_in_use, 0);
	free(pg.root);
}

static u64 leaf(unsigned long virt, unsigned int *level)
{
	u64 *table = pg.root;
	unsigned int l;

	for (l = pg.root_level; l < 4; l++) {
		u64 desc = table[entry_index(&pg, virt, l)];

		if (!is_table(desc, l)) {
			*level = l;
			return desc;
		}
		table = (u64 *)(desc & PTE_ADDR_MASK);
	}
	*level = 4;
	return 0;
}

/* 2 MiB aligned: blocks, as the hypervisor memory of the QEMU config */
static void test_blocks_when_aligned(void **state)
{
	unsigned int level;
	u64 desc;

	setup_regime(0, 1, false);
	assert_int_equal(paging_create(&pg, 0x7fc00000, 0x400000,
				       0xffffc0200000UL,
				       PAGING_READ | PAGING_WRITE |
				       PAGING_EXEC), 0);
	assert_int_equal(paging_virt_to_phys(&pg, 0xffffc0200000UL),
			 0x7fc00000);
	assert_int_equal(paging_virt_to_phys(&pg, 0xffffc05fffffUL),
			 0x7fffffff);
	assert_int_equal(paging_virt_to_phys(&pg, 0xffffc0600000UL),
			 INVALID_PHYS_ADDR);
	desc = leaf(0xffffc0300000UL, &level);
	assert_int_equal(level, 2);
	assert_int_equal(desc & PTE_TYPE_MASK, PTE_BLOCK);
	assert_true(desc & PTE_AF);
	assert_false(desc & PTE_XN);
	assert_int_equal(desc & (3UL << 6), PTE_S1_RW);
	/* L0 -> L1 -> L2 */
	assert_int_equal(tables_in_use, 2);
	teardown_regime();
}

static void test_pages_when_unaligned(void **state)
{
	unsigned int level;
	u64 desc;

	setup_regime(0, 1, false);
	assert_int_equal(paging_create(&pg, 0x9000000, 0x3000, 0x9000000,
				       PAGING_READ | PAGING_WRITE |
				       PAGING_DEVICE), 0);
	desc = leaf(0x9002000, &level);
	assert_int_equal(level, 3);
	assert_int_equal(desc & PTE_TYPE_MASK, PTE_PAGE);
	assert_int_equal(desc & (7UL << 2), PTE_S1_DEVICE);
	assert_true(desc & PTE_XN);
	assert_int_equal(paging_virt_to_phys(&pg, 0x9002abc), 0x9002abc);
	assert_int_equal(paging_virt_to_phys(&pg, 0x9003000),
			 INVALID_PHYS_ADDR);
	teardown_regime();
}

static void test_no_huge_and_overlap(void **state)
{
	unsigned int level;

	setup_regime(0, 1, false);
	assert_int_equal(paging_create(&pg, 0x40000000, 0x200000, 0x40000000,
				       PAGING_READ | PAGING_NO_HUGE), 0);
	leaf(0x40100000, &level);
	assert_int_equal(level, 3);
	assert_int_equal(paging_create(&pg, 0x50000000, 0x1000, 0x40001000,
				       PAGING_READ), -EBUSY);
	assert_int_equal(paging_create(&pg, 0x40000000, 0x1000, 0x40000800,
				       PAGING_READ), -EINVAL);
	teardown_regime();
}

/* stage 2 of a 40-bit IPA space: level 1 root of two concatenated tables */
static void test_stage2_concatenated_root(void **state)
{
	unsigned int level;
	u64 desc;

	setup_regime(1, 2, true);
	assert_int_equal(paging_create(&pg, 0x40000000, 0x80000000,
				       0x40000000, PAGING_READ | PAGING_WRITE |
				       PAGING_EXEC), 0);
	/* beyond the first root table: index 512 */
	assert_int_equal(paging_create(&pg, 0x8010000000UL, 0x10000000,
				       0x8010000000UL, PAGING_READ |
				       PAGING_WRITE | PAGING_DEVICE), 0);
	assert_int_equal(((u64 *)pg.root)[512] & PTE_TYPE_MASK, PTE_TABLE);
	desc = leaf(0x40000000, &level);
	assert_int_equal(level, 1);
	assert_int_equal(desc & (0xfUL << 2), PTE_S2_NORMAL);
	assert_true(desc & PTE_S2_READ);
	assert_true(desc & PTE_S2_WRITE);
	desc = leaf(0x8010000000UL, &level);
	assert_int_equal(desc & (0xfUL << 2), PTE_S2_DEVICE);
	assert_int_equal(paging_create(&pg, 0, 0x1000, 1UL << 40,
				       PAGING_READ), -ERANGE);
	teardown_regime();
}

static void test_destroy_splits_blocks(void **state)
{
	unsigned int level;

	setup_regime(0, 1, true);
	assert_int_equal(paging_create(&pg, 0x40000000, 0x40000000,
				       0x40000000, PAGING_READ), 0);
	assert_int_equal(paging_destroy(&pg, 0x40201000, 0x1000), 0);
	assert_int_equal(paging_virt_to_phys(&pg, 0x40201000),
			 INVALID_PHYS_ADDR);
	assert_int_equal(paging_virt_to_phys(&pg, 0x40200fff), 0x40200fff);
	assert_int_equal(paging_virt_to_phys(&pg, 0x40202000), 0x40202000);
	assert_int_equal(paging_virt_to_phys(&pg, 0x7fffffff), 0x7fffffff);
	leaf(0x40600000, &level);
	assert_int_equal(level, 2);
	/* whole blocks go without splitting; holes are skipped */
	assert_int_equal(paging_destroy(&pg, 0x40000000, 0x40000000), 0);
	assert_int_equal(paging_virt_to_phys(&pg, 0x50000000),
			 INVALID_PHYS_ADDR);
	assert_int_equal(paging_destroy(&pg, 0x100000000UL, 0x200000), 0);
	teardown_regime();
}

/* the break-before-make steps a live split makes (env->break_block) */
struct break_call {
	unsigned long virt, size;
	unsigned int level;
	u64 desc;
	unsigned long phys;
};
static struct break_call breaks[8];
static unsigned int num_breaks;

static void record_break(void *ctx, unsigned long virt, unsigned long size)
{
	struct break_call *b = &breaks[num_breaks++];

	assert_true(num_breaks <= 8);
	b->virt = virt;
	b->size = size;
	/* what a walker sees at this moment */
	b->desc = leaf(virt, &b->level);
	b->phys = paging_virt_to_phys(&pg, virt + size - 1);
}

static const struct paging_env bbm_env = {
	.alloc_table = fake_alloc,
	.free_table = fake_free,
	.virt_to_phys = fake_v2p,
	.phys_to_virt = fake_p2v,
	.break_block = record_break,
};

/*
 * Splitting a block of live tables: the block entry is invalid while the
 * hook runs (no walker can see block and table at once), then the table
 * maps the same memory (security review L6).  Without the hook, the
 * entry is replaced in place as before.
 */
static void test_split_break_before_make(void **state)
{
	unsigned int level;

	setup_regime(0, 1, true);
	pg.env = &bbm_env;
	num_breaks = 0;
	assert_int_equal(paging_create(&pg, 0x40000000, 0x40000000,
				       0x40000000, PAGING_READ), 0);
	assert_int_equal(num_breaks, 0);
	assert_int_equal(paging_destroy(&pg, 0x40201000, 0x1000), 0);

	/* the 1 GiB block, then the 2 MiB block below it */
	assert_int_equal(num_breaks, 2);
	assert_int_equal(breaks[0].virt, 0x40000000);
	assert_int_equal(breaks[0].size, 0x40000000);
	assert_int_equal(breaks[0].level, 1);
	assert_int_equal(breaks[0].desc, 0);
	assert_int_equal(breaks[0].phys, INVALID_PHYS_ADDR);
	assert_int_equal(breaks[1].virt, 0x40200000);
	assert_int_equal(breaks[1].size, 0x200000);
	assert_int_equal(breaks[1].level, 2);
	assert_int_equal(breaks[1].desc, 0);
	assert_int_equal(breaks[1].phys, INVALID_PHYS_ADDR);

	/* made: the rest of the memory is mapped as before */
	assert_int_equal(paging_virt_to_phys(&pg, 0x40201000),
			 INVALID_PHYS_ADDR);
	assert_int_equal(paging_virt_to_phys(&pg, 0x40200fff), 0x40200fff);
	assert_int_equal(paging_virt_to_phys(&pg, 0x40202000), 0x40202000);
	assert_int_equal(paging_virt_to_phys(&pg, 0x7fffffff), 0x7fffffff);
	leaf(0x40600000, &level);
	assert_int_equal(level, 2);
	leaf(0x40202000, &level);
	assert_int_equal(level, 3);

	/* no split, no break: whole blocks, unmapped holes, new tables */
	num_breaks = 0;
	assert_int_equal(paging_destroy(&pg, 0x40400000, 0x200000), 0);
	assert_int_equal(paging_create(&pg, 0x90000000, 0x1000, 0x90000000,
				       PAGING_READ), 0);
	assert_int_equal(num_breaks, 0);
	teardown_regime();
}

/*
 * Mapping back what a split took: the tables merge into the blocks they
 * came from (break-before-make again) and go back to the pool, but only
 * when the whole range agrees, and never for PAGING_NO_HUGE.
 */
static void test_merge_back_into_blocks(void **state)
{
	unsigned int level;
	int base;

	setup_regime(0, 1, true);
	pg.env = &bbm_env;
	assert_int_equal(paging_create(&pg, 0x40000000, 0x40000000,
				       0x40000000, PAGING_READ), 0);
	/* the level 1 table below the root */
	base = tables_in_use;
	assert_int_equal(paging_destroy(&pg, 0x40201000, 0x1000), 0);
	assert_int_equal(tables_in_use, base + 2);

	/* other attributes: stays a page in its table */
	num_breaks = 0;
	assert_int_equal(paging_create(&pg, 0x40201000, 0x1000, 0x40201000,
				       PAGING_READ | PAGING_WRITE), 0);
	assert_int_equal(num_breaks, 0);
	assert_int_equal(tables_in_use, base + 2);
	assert_int_equal(paging_destroy(&pg, 0x40201000, 0x1000), 0);

	/* not contiguous (another page there): stays */
	assert_int_equal(paging_create(&pg, 0x50000000, 0x1000, 0x40201000,
				       PAGING_READ), 0);
	assert_int_equal(num_breaks, 0);
	assert_int_equal(paging_destroy(&pg, 0x40201000, 0x1000), 0);

	/* PAGING_NO_HUGE asks for pages: stays */
	assert_int_equal(paging_create(&pg, 0x40201000, 0x1000, 0x40201000,
				       PAGING_READ | PAGING_NO_HUGE), 0);
	assert_int_equal(num_breaks, 0);
	assert_int_equal(paging_destroy(&pg, 0x40201000, 0x1000), 0);

	/* the same page back: 2 MiB block, then the 1 GiB block */
	assert_int_equal(paging_create(&pg, 0x40201000, 0x1000, 0x40201000,
				       PAGING_READ), 0);
	assert_int_equal(num_breaks, 2);
	assert_int_equal(breaks[0].virt, 0x40200000);
	assert_int_equal(breaks[0].size, 0x200000);
	assert_int_equal(breaks[0].phys, INVALID_PHYS_ADDR);
	assert_int_equal(breaks[1].virt, 0x40000000);
	assert_int_equal(breaks[1].size, 0x40000000);
	assert_int_equal(breaks[1].phys, INVALID_PHYS_ADDR);
	assert_int_equal(tables_in_use, base);
	leaf(0x40201000, &level);
	assert_int_equal(level, 1);
	assert_int_equal(paging_virt_to_phys(&pg, 0x40201234), 0x40201234);
	assert_int_equal(paging_virt_to_phys(&pg, 0x7fffffff), 0x7fffffff);

	/* without break_block (the hypervisor's stage 1): no merging */
	pg.env = &fake_env;
	assert_int_equal(paging_destroy(&pg, 0x40201000, 0x1000), 0);
	assert_int_equal(paging_create(&pg, 0x40201000, 0x1000, 0x40201000,
				       PAGING_READ), 0);
	assert_int_equal(tables_in_use, base + 2);
	teardown_regime();
}

/* output addresses beyond the descriptor's 48 bits are refused (L3) */
static void test_phys_beyond_48_bits(void **state)
{
	setup_regime(0, 1, true);
	assert_int_equal(paging_create(&pg, 1UL << 48, 0x1000, 0x40000000,
				       PAGING_READ), -ERANGE);
	assert_int_equal(paging_create(&pg, (1UL << 48) - 0x1000, 0x2000,
				       0x40000000, PAGING_READ), -ERANGE);
	assert_int_equal(paging_virt_to_phys(&pg, 0x40000000),
			 INVALID_PHYS_ADDR);
	assert_int_equal(paging_create(&pg, (1UL << 48) - 0x1000, 0x1000,
				       0x40000000, PAGING_READ), 0);
	assert_int_equal(paging_virt_to_phys(&pg, 0x40000000),
			 (1UL << 48) - 0x1000);
	teardown_regime();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks_when_aligned),
		cmocka_unit_test(test_pages_when_unaligned),
		cmocka_unit_test(test_no_huge_and_overlap),
		cmocka_unit_test(test_stage2_concatenated_root),
		cmocka_unit_test(test_destroy_splits_blocks),
		cmocka_unit_test(test_split_break_before_make),
		cmocka_unit_test(test_merge_back_into_blocks),
		cmocka_unit_test(test_phys_beyond_48_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
