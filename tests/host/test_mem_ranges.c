// SPDX-License-Identifier: GPL-2.0
/*
 * driver/mem_ranges.c: the range logic behind the enable pre-flight's
 * "does this region exist on this machine, and what is there instead".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "driver/mem_ranges.h"

#define U64_TOP	0xffffffffffffffffULL

static struct mem_range storage[8];
static struct mem_ranges set;

static int reset_set(void **state)
{
	memset(storage, 0xa5, sizeof(storage));
	mem_ranges_init(&set, storage, 8);
	return 0;
}

static void add(u64 first, u64 last)
{
	assert_true(mem_ranges_add(&set, first, last));
}

static void assert_gap(u64 first, u64 last, u64 gap_first, u64 gap_last)
{
	struct mem_range gap = { 0, 0 };

	assert_false(mem_ranges_cover(&set, first, last, &gap));
	assert_int_equal(gap.first, gap_first);
	assert_int_equal(gap.last, gap_last);
}

static void assert_covered(u64 first, u64 last)
{
	struct mem_range gap = { 1, 0 };

	assert_true(mem_ranges_cover(&set, first, last, &gap));
}

static void assert_format(const char *expected, size_t size)
{
	char buf[128];

	assert_true(size <= sizeof(buf));
	memset(buf, 'x', sizeof(buf));
	mem_ranges_format(&set, buf, size);
	assert_string_equal(buf, expected);
}

static void test_empty_set_covers_nothing(void **state)
{
	assert_gap(0x40000000, 0x7fffffff, 0x40000000, 0x7fffffff);
	assert_covered(5, 4);	/* an empty region needs nothing */
}

/* QEMU's 1 GiB with mem=768M: the DT node has it all, System RAM less */
static void test_hidden_memory_is_covered_by_dt(void **state)
{
	add(0x40000000, 0x6fffffff);	/* System RAM */
	add(0x40000000, 0x7fffffff);	/* /memory */
	assert_covered(0x7fc00000, 0x7fffffff);
	assert_covered(0x40000000, 0x7fa0ffff);
	assert_gap(0x7fc00000, 0x80000000, 0x80000000, 0x80000000);
}

/* the i.MX8MP's hypervisor memory and RAM on the QEMU machine */
static void test_other_boards_memory(void **state)
{
	add(0x40000000, 0x7fffffff);
	assert_gap(0xfdc00000, 0xfdffffff, 0xfdc00000, 0xfdffffff);
	assert_gap(0x40000000, 0xfd6fffff, 0x80000000, 0xfd6fffff);
	assert_gap(0x100000000ULL, 0x1bfffffffULL, 0x100000000ULL,
		   0x1bfffffffULL);
}

/* pieces that only together cover, in any order, touching or overlapping */
static void test_cover_by_pieces(void **state)
{
	add(0x3000, 0x3fff);
	add(0x1000, 0x1fff);
	add(0x2000, 0x2fff);
	add(0x2800, 0x37ff);
	assert_covered(0x1000, 0x3fff);
	assert_covered(0x1800, 0x3800);
	assert_gap(0x1000, 0x4000, 0x4000, 0x4000);
	assert_gap(0x0, 0x1fff, 0x0, 0xfff);
}

/* the gap ends where the next range starts, not at the region's end */
static void test_gap_is_the_first_hole_only(void **state)
{
	add(0x1000, 0x1fff);
	add(0x5000, 0x5fff);
	add(0x3000, 0x3fff);
	assert_gap(0x1000, 0x5fff, 0x2000, 0x2fff);
	assert_gap(0x1800, 0x8fff, 0x2000, 0x2fff);
	assert_gap(0x4000, 0x8fff, 0x4000, 0x4fff);
	assert_gap(0x5000, 0x8fff, 0x6000, 0x8fff);
}

static void test_top_of_address_space(void **state)
{
	add(U64_TOP - 0xfff, U64_TOP);
	assert_covered(U64_TOP - 0xfff, U64_TOP);
	assert_covered(U64_TOP, U64_TOP);
	assert_gap(U64_TOP - 0x1fff, U64_TOP, U64_TOP - 0x1fff,
		   U64_TOP - 0x1000);
	add(0, U64_TOP);
	mem_ranges_merge(&set);
	assert_int_equal(set.num, 1);
	assert_covered(0, U64_TOP);
}

static void test_merge_sorts_and_joins(void **state)
{
	add(0x5000, 0x5fff);
	add(0x1000, 0x1fff);
	add(0x2000, 0x2fff);	/* adjacent to the one before */
	add(0x5800, 0x6fff);	/* overlapping */
	add(0x9000, 0x9fff);
	add(0x1100, 0x11ff);	/* inside */
	mem_ranges_merge(&set);
	assert_int_equal(set.num, 3);
	assert_int_equal(set.range[0].first, 0x1000);
	assert_int_equal(set.range[0].last, 0x2fff);
	assert_int_equal(set.range[1].first, 0x5000);
	assert_int_equal(set.range[1].last, 0x6fff);
	assert_int_equal(set.range[2].first, 0x9000);
	assert_int_equal(set.range[2].last, 0x9fff);
}

/* a full set makes room by merging; only distinct ranges fill it */
static void test_full_set(void **state)
{
	unsigned int n;

	for (n = 0; n < 8; n++)
		add(0x1000 * n, 0x1000 * n + 0xfff);
	add(0x100000, 0x100fff);
	assert_int_equal(set.num, 2);
	assert_covered(0, 0x7fff);

	reset_set(NULL);
	for (n = 0; n < 8; n++)
		add(0x2000 * n, 0x2000 * n + 0xfff);
	assert_false(mem_ranges_add(&set, 0x100000, 0x100fff));
	assert_int_equal(set.num, 8);
	assert_gap(0x100000, 0x100fff, 0x100000, 0x100fff);
}

static void test_add_ignores_empty(void **state)
{
	assert_true(mem_ranges_add(&set, 0x2000, 0x1fff));
	assert_int_equal(set.num, 0);
}

static void test_format(void **state)
{
	assert_format("none", 64);
	add(0x40000000, 0x7fffffff);
	assert_format("0x40000000-0x7fffffff", 64);
	add(0x100000000ULL, 0x1bfffffffULL);
	assert_format("0x40000000-0x7fffffff, 0x100000000-0x1bfffffff", 64);
	/* exactly enough: 46 characters and the NUL */
	assert_format("0x40000000-0x7fffffff, 0x100000000-0x1bfffffff", 47);
	assert_format("0x40000000-0x7fffffff, ...", 46);
	assert_format("0x40000000-0x7fffffff, ...", 27);
	assert_format("...", 26);
	assert_format("", 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_empty_set_covers_nothing,
				       reset_set),
		cmocka_unit_test_setup(test_hidden_memory_is_covered_by_dt,
				       reset_set),
		cmocka_unit_test_setup(test_other_boards_memory, reset_set),
		cmocka_unit_test_setup(test_cover_by_pieces, reset_set),
		cmocka_unit_test_setup(test_gap_is_the_first_hole_only,
				       reset_set),
		cmocka_unit_test_setup(test_top_of_address_space, reset_set),
		cmocka_unit_test_setup(test_merge_sorts_and_joins, reset_set),
		cmocka_unit_test_setup(test_full_set, reset_set),
		cmocka_unit_test_setup(test_add_ignores_empty, reset_set),
		cmocka_unit_test_setup(test_format, reset_set),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
