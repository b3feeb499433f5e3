// SPDX-License-Identifier: GPL-2.0
/*
 * Mapping a region around the hypervisor's windows
 * (hypervisor/mem_range.c): what is left of a root MMIO region that
 * covers the GIC distributor, the redistributors, an IOMMU or the virtual
 * PCI config space.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "hypervisor/mem_range.c"

#define MAX_PARTS	8

static struct mem_range parts[MAX_PARTS];

static int subtract(unsigned long start, unsigned long end,
		    const struct mem_range *holes, unsigned int num_holes)
{
	return mem_range_subtract(start, end, holes, num_holes, parts,
				  MAX_PARTS);
}

static void assert_part(unsigned int n, unsigned long start,
			unsigned long end)
{
	assert_int_equal(parts[n].start, start);
	assert_int_equal(parts[n].end, end);
}

static void test_no_holes(void **state)
{
	assert_int_equal(subtract(0x08000000, 0x09000000, NULL, 0), 1);
	assert_part(0, 0x08000000, 0x09000000);
}

static void test_hole_outside(void **state)
{
	const struct mem_range holes[] = {
		{ 0x07000000, 0x08000000 },	/* ends where it starts */
		{ 0x09000000, 0x09010000 },	/* starts where it ends */
	};

	assert_int_equal(subtract(0x08000000, 0x09000000, holes, 2), 1);
	assert_part(0, 0x08000000, 0x09000000);
}

static void test_hole_at_start(void **state)
{
	const struct mem_range gicd = { 0x08000000, 0x08010000 };

	assert_int_equal(subtract(0x08000000, 0x09000000, &gicd, 1), 1);
	assert_part(0, 0x08010000, 0x09000000);
}

static void test_hole_in_middle(void **state)
{
	const struct mem_range gicr = { 0x080a0000, 0x08120000 };

	assert_int_equal(subtract(0x08000000, 0x09000000, &gicr, 1), 2);
	assert_part(0, 0x08000000, 0x080a0000);
	assert_part(1, 0x08120000, 0x09000000);
}

static void test_hole_at_end(void **state)
{
	/* reaching beyond the region changes nothing */
	const struct mem_range ecam = { 0x08f00000, 0x09100000 };

	assert_int_equal(subtract(0x08000000, 0x09000000, &ecam, 1), 1);
	assert_part(0, 0x08000000, 0x08f00000);
}

static void test_hole_covers_all(void **state)
{
	const struct mem_range exact = { 0x08000000, 0x08010000 };
	const struct mem_range wider = { 0x07ff0000, 0x08020000 };

	assert_int_equal(subtract(0x08000000, 0x08010000, &exact, 1), 0);
	assert_int_equal(subtract(0x08000000, 0x08010000, &wider, 1), 0);
}

static void test_several_holes(void **state)
{
	/* unsorted, as the arch lists them; the empty one counts for nothing */
	const struct mem_range holes[] = {
		{ 0x08e00000, 0x08f00000 },	/* ECAM */
		{ 0x08000000, 0x08010000 },	/* GICD */
		{ 0x08500000, 0x08500000 },	/* empty */
		{ 0x080a0000, 0x08120000 },	/* GICR */
	};

	assert_int_equal(subtract(0x08000000, 0x09000000, holes, 4), 3);
	assert_part(0, 0x08010000, 0x080a0000);
	assert_part(1, 0x08120000, 0x08e00000);
	assert_part(2, 0x08f00000, 0x09000000);
}

static void test_adjacent_and_overlapping_holes(void **state)
{
	const struct mem_range adjacent[] = {
		{ 0x08010000, 0x08020000 },
		{ 0x08000000, 0x08010000 },
	};
	const struct mem_range overlapping[] = {
		{ 0x08004000, 0x08030000 },
		{ 0x08002000, 0x08010000 },
		{ 0x08020000, 0x08040000 },
	};

	assert_int_equal(subtract(0x08000000, 0x08100000, adjacent, 2), 1);
	assert_part(0, 0x08020000, 0x08100000);

	assert_int_equal(subtract(0x08000000, 0x08100000, overlapping, 3), 2);
	assert_part(0, 0x08000000, 0x08002000);
	assert_part(1, 0x08040000, 0x08100000);
}

static void test_unaligned_hole_rounds_outward(void **state)
{
	/* a page owned in part by the hypervisor is not mapped at all */
	const struct mem_range holes[] = {
		{ 0x08001800, 0x08002001 },
		{ 0x08005fff, 0x08006000 },
	};

	assert_int_equal(subtract(0x08000000, 0x08010000, holes, 2), 3);
	assert_part(0, 0x08000000, 0x08001000);
	assert_part(1, 0x08003000, 0x08005000);
	assert_part(2, 0x08006000, 0x08010000);
}

static void test_hole_at_top_of_address_space(void **state)
{
	const struct mem_range top = { ~0UL - 0x1ffe, ~0UL };

	assert_int_equal(subtract(~0UL - 0xffffUL, ~0UL & PAGE_MASK, &top, 1),
			 1);
	assert_part(0, ~0UL - 0xffffUL, (~0UL & PAGE_MASK) - 0x1000);
}

static void test_too_many_parts(void **state)
{
	struct mem_range holes[MAX_PARTS];
	unsigned int n;

	for (n = 0; n < MAX_PARTS; n++) {
		holes[n].start = 0x1000 + n * 0x2000;
		holes[n].end = holes[n].start + 0x1000;
	}
	/* MAX_PARTS holes inside: MAX_PARTS + 1 parts do not fit */
	assert_int_equal(subtract(0, 0x100000, holes, MAX_PARTS), -E2BIG);
	/* ... MAX_PARTS - 1 do */
	assert_int_equal(subtract(0x2000, 0x100000, holes + 1, MAX_PARTS - 1),
			 MAX_PARTS);
	assert_part(0, 0x2000, 0x3000);
	assert_part(MAX_PARTS - 1, 0x10000, 0x100000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_holes),
		cmocka_unit_test(test_hole_outside),
		cmocka_unit_test(test_hole_at_start),
		cmocka_unit_test(test_hole_in_middle),
		cmocka_unit_test(test_hole_at_end),
		cmocka_unit_test(test_hole_covers_all),
		cmocka_unit_test(test_several_holes),
		cmocka_unit_test(test_adjacent_and_overlapping_holes),
		cmocka_unit_test(test_unaligned_hole_rounds_outward),
		cmocka_unit_test(test_hole_at_top_of_address_space),
		cmocka_unit_test(test_too_many_parts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
