// SPDX-License-Identifier: GPL-2.0
/*
 * Config checker tests of memory regions: flags, alignment, overlaps,
 * what the hypervisor owns (its memory, GIC, vPCI, IOMMU, debug UART),
 * ownership by the root and overlaps between cells.
 */
#include "config_check_world.h"

/* ---- memory regions ---------------------------------------------------- */

static void test_mem_unaligned(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].size = 0xf800;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_UNALIGNED, "mem_regions", INMATE_RAM);

	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].phys_start -= 0x10;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_UNALIGNED, "mem_regions", INMATE_RAM);
}

static void test_mem_subpage_io_allowed(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.mem_regions[INMATE_UART].size = 0x100;
	w.inmate.mem_regions[INMATE_UART].flags |= JAILHOUSE_MEM_IO_32;
	assert_int_equal(check_world(&w, &r), 0);
	expect_clean(&r);
}

static void test_mem_empty(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.mem_regions[INMATE_UART].size = 0;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_EMPTY, "mem_regions", INMATE_UART);

	/* size 0 with an address is a mistake, even in an ivshmem slot */
	world_init(&w);
	w.linux_demo.mem_regions[6].phys_start = 0x7fb00000;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_EMPTY, "mem_regions", 6);

	/* the {0} slot of an ivshmem-net device is silent there ... */
	world_init(&w);
	assert_int_equal(check_world(&w, &r), 0);
	expect_clean(&r);

	/* ... and an all-zero entry anywhere else is ignored with a note */
	world_init(&w);
	w.linux_demo.pci_devices[1].shmem_regions_start = 0;
	w.linux_demo.pci_devices[1].bdf = 3 << 3;
	assert_int_equal(check_world(&w, &r), 0);
	assert_int_equal(expect_only_and(&r, CC_MEM_ZERO_ENTRY, "mem_regions",
					 6, CC_PCI_SHMEM_IRQ)->severity,
			 CC_NOTE);
}

static void test_mem_wrap(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.mem_regions[ROOT_PCI_ECAM].size = 0xfffffff000000000ULL;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_WRAP, "mem_regions", ROOT_PCI_ECAM);
}

/*
 * No 4 KiB-granule descriptor holds an address at or above 2^48: such a
 * region would turn into attribute bits (security review L3).  Refused in
 * the physical and in the guest-physical space; ending exactly at 2^48
 * is still an address.  The comm region's phys_start is not an address.
 */
static void test_mem_addr_range(void **state)
{
	const struct config_check_finding *f;
	struct world w;
	struct recorder r;
	char line[1024];

	world_init(&w);
	w.sys.mem_regions[ROOT_PCI_ECAM].phys_start = 1ULL << 48;
	check_world(&w, &r);
	f = expect_only(&r, CC_MEM_ADDR_RANGE, "mem_regions", ROOT_PCI_ECAM);
	assert_int_equal(f->severity, CC_ERROR);
	assert_true(config_check_format(f, line, sizeof(line)) > 0);
	assert_non_null(strstr(line, "above 2^48"));
	assert_non_null(strstr(line, "hint: addresses must end at or below"));

	/* the last page below 2^48 straddling it */
	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].virt_start = (1ULL << 48) - 0x1000;
	check_world(&w, &r);
	f = expect_only(&r, CC_MEM_ADDR_RANGE, "mem_regions", INMATE_RAM);
	assert_non_null(strstr(f->what, "guest-physical"));

	world_init(&w);
	w.inmate.mem_regions[INMATE_COMM].virt_start = 1ULL << 52;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_ADDR_RANGE, "mem_regions", INMATE_COMM);

	/* a comm region's phys_start is ignored, up there too */
	world_init(&w);
	w.inmate.mem_regions[INMATE_COMM].phys_start = 1ULL << 60;
	assert_int_equal(check_world(&w, &r), 0);

	/* ending at 2^48 is fine as far as the checker goes */
	world_init(&w);
	w.sys.mem_regions[ROOT_PCI_ECAM].phys_start =
		(1ULL << 48) - w.sys.mem_regions[ROOT_PCI_ECAM].size;
	w.sys.mem_regions[ROOT_PCI_ECAM].virt_start =
		w.sys.mem_regions[ROOT_PCI_ECAM].phys_start;
	assert_int_equal(check_world(&w, &r), 0);
}

static void test_mem_bad_flags(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].flags |= 0x1000;
	assert_int_equal(check_world(&w, &r), 0);
	f = expect_only(&r, CC_MEM_BAD_FLAGS, "mem_regions", INMATE_RAM);
	assert_int_equal(f->severity, CC_WARNING);
	assert_int_equal(f->other_start, 0x1000);

	/* an access width on RAM is suspicious, not fatal */
	world_init(&w);
	w.linux_demo.mem_regions[LINUX_RAM].flags |= JAILHOUSE_MEM_IO_32;
	assert_int_equal(check_world(&w, &r), 0);
	f = expect_only(&r, CC_MEM_BAD_FLAGS, "mem_regions", LINUX_RAM);
	assert_int_equal(f->severity, CC_WARNING);
}

static void test_mem_overlap_phys(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.linux_demo.mem_regions[LINUX_LOADER].phys_start = 0x77ff0000;
	check_world(&w, &r);
	f = expect_only(&r, CC_MEM_OVERLAP_PHYS, "mem_regions", LINUX_RAM);
	assert_string_equal(f->other_array, "mem_regions");
	assert_int_equal(f->other_index, LINUX_LOADER);
}

static void test_mem_overlap_virt(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].virt_start = 0x7fff8000;
	check_world(&w, &r);
	f = expect_only(&r, CC_MEM_OVERLAP_VIRT, "mem_regions", INMATE_COMM);
	assert_int_equal(f->other_index, INMATE_RAM);
	assert_int_equal(f->start, 0x80000000);
	assert_int_equal(f->other_end, 0x80008000);
}

static void test_mem_hypervisor(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;
	char text[1024];

	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].phys_start = 0x7fc00000;
	check_world(&w, &r);
	f = expect(&r, CC_MEM_HYPERVISOR, "mem_regions", INMATE_RAM);
	/* hypervisor memory is not the root's, of course */
	expect(&r, CC_MEM_NOT_IN_ROOT, "mem_regions", INMATE_RAM);

	config_check_format(f, text, sizeof(text));
	assert_string_equal(text,
		"error: inmate-demo: mem_regions[6] 0x7fc00000-0x7fc0ffff "
		"overlaps hypervisor memory 0x7fc00000-0x7fffffff; "
		"hint: move the region out of hypervisor_memory; cell memory "
		"must come from the root's RAM\n");
	config_check_format_at(f, "inmate.cell", text, sizeof(text));
	assert_true(strncmp(text, "error: inmate.cell: mem_regions[6] ",
			    35) == 0);

	world_init(&w);
	w.sys.header.hypervisor_memory.phys_start = 0x7f000000;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_HYPERVISOR, "mem_regions", ROOT_RAM);
}

static void test_mem_gicd(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.sys.mem_regions[ROOT_MMIO].phys_start = 0x08000000;
	w.sys.mem_regions[ROOT_MMIO].virt_start = 0x08000000;
	w.sys.mem_regions[ROOT_MMIO].size = 0x38000000;
	/* the window now covers the ITS: drop the ITS's own region */
	memset(&w.sys.mem_regions[ROOT_ITS], 0,
	       sizeof(w.sys.mem_regions[ROOT_ITS]));
	/* in the root, carved out by the hypervisor: warnings */
	assert_int_equal(check_world(&w, &r), 0);
	f = expect(&r, CC_MEM_GIC, "mem_regions", ROOT_MMIO);
	assert_int_equal(f->severity, CC_WARNING);
	assert_non_null(strstr(f->hint, "carves"));
	assert_int_equal(f->other_start, 0x08000000);
	assert_int_equal(f->other_end, 0x08010000);
	/* it covers the virtual PCI window too */
	f = expect(&r, CC_MEM_PCI_MMCONFIG, "mem_regions", ROOT_MMIO);
	assert_int_equal(f->severity, CC_WARNING);

	/* in a cell, the GICD window is refused */
	world_init(&w);
	w.inmate.mem_regions[INMATE_UART].phys_start = 0x08000000;
	w.inmate.mem_regions[INMATE_UART].virt_start = 0x08000000;
	check_world(&w, &r);
	f = expect(&r, CC_MEM_GIC, "mem_regions", INMATE_UART);
	assert_int_equal(f->severity, CC_ERROR);
}

static void test_mem_gicr_per_cpu(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	/* the redistributor of CPU 3, the last root CPU */
	world_init(&w);
	w.sys.mem_regions[ROOT_PCI_ECAM].phys_start = 0x08100000;
	w.sys.mem_regions[ROOT_PCI_ECAM].virt_start = 0x08100000;
	w.sys.mem_regions[ROOT_PCI_ECAM].size = 0x10000;
	check_world(&w, &r);
	f = expect_only(&r, CC_MEM_GIC, "mem_regions", ROOT_PCI_ECAM);
	assert_int_equal(f->severity, CC_WARNING);
	assert_int_equal(f->other_start, 0x080a0000);
	assert_int_equal(f->other_end, 0x080a0000 + 4 * 0x20000);

	/* right after the 4th redistributor is free */
	world_init(&w);
	w.sys.mem_regions[ROOT_PCI_ECAM].phys_start = 0x08120000;
	w.sys.mem_regions[ROOT_PCI_ECAM].virt_start = 0x08120000;
	w.sys.mem_regions[ROOT_PCI_ECAM].size = 0x10000;
	assert_int_equal(check_world(&w, &r), 0);
	expect_clean(&r);
}

static void test_mem_gicv2(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.platform_info.arm.gic_version = 2;
	w.sys.header.platform_info.arm.gicc_base = 0x08010000;
	w.sys.header.platform_info.arm.gich_base = 0x08030000;
	w.sys.header.platform_info.arm.gicv_base = 0x08040000;
	w.sys.header.platform_info.arm.gicr_base = 0;
	assert_int_equal(check_world(&w, &r), 0);
	expect_clean(&r);

	w.sys.mem_regions[ROOT_PCI_ECAM].phys_start = 0x08041000;
	w.sys.mem_regions[ROOT_PCI_ECAM].virt_start = 0x08041000;
	w.sys.mem_regions[ROOT_PCI_ECAM].size = 0x1000;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_GIC, "mem_regions", ROOT_PCI_ECAM);
}

static void test_mem_debug_console(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.mem_regions[INMATE_UART].flags &= ~JAILHOUSE_MEM_ROOTSHARED;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_DEBUG_CONSOLE, "mem_regions", INMATE_UART);
}

static void test_mem_iommu(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.sys.header.platform_info.iommu_units[0].type = JAILHOUSE_IOMMU_SMMUV3;
	w.sys.header.platform_info.iommu_units[0].base = 0x09050000;
	w.sys.header.platform_info.iommu_units[0].size = 0x20000;
	assert_int_equal(check_world(&w, &r), 0);
	f = expect_only(&r, CC_MEM_IOMMU, "mem_regions", ROOT_MMIO);
	assert_int_equal(f->severity, CC_WARNING);
	assert_string_equal(f->other_array, "iommu_units");
	assert_int_equal(f->other_index, 0);

	/* the unit over a cell's UART: refused there, warned in the root */
	w.sys.header.platform_info.iommu_units[0].base = 0x09000000;
	w.sys.header.platform_info.iommu_units[0].size = 0x1000;
	check_world(&w, &r);
	assert_int_equal(r.errors, 2);
	assert_int_equal(r.count, 3);
	f = &r.f[1];
	assert_int_equal(f->code, CC_MEM_IOMMU);
	assert_int_equal(f->severity, CC_ERROR);
	assert_string_equal(f->cell, "inmate-demo");
	assert_int_equal(f->index, INMATE_UART);
}

static void test_mem_pci_mmconfig(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.platform_info.pci_mmconfig_base = 0x09100000;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_PCI_MMCONFIG, "mem_regions", ROOT_MMIO);

	/* three buses need 3 MiB: 0x08e00000 then reaches the MMIO region */
	world_init(&w);
	w.sys.header.platform_info.pci_mmconfig_end_bus = 2;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_PCI_MMCONFIG, "mem_regions", ROOT_MMIO);

	/* a cell's IPA counts too, wherever its memory comes from */
	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].virt_start = 0x08e00000;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_PCI_MMCONFIG, "mem_regions", INMATE_RAM);
}

static void test_mem_not_in_root(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.linux_demo.mem_regions[LINUX_RAM].phys_start = 0x80000000;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_NOT_IN_ROOT, "mem_regions", LINUX_RAM);

	/* partly outside: straddles the end of the root's RAM */
	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].phys_start = 0x7fa08000;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_NOT_IN_ROOT, "mem_regions", INMATE_RAM);
}

static void test_mem_root_union(void **state)
{
	struct world w;
	struct recorder r;

	/* two adjacent root regions together own the inmate's RAM */
	world_init(&w);
	w.sys.mem_regions[ROOT_RAM].size = 0x3fa08000;
	w.sys.mem_regions[ROOT_PCI_ECAM].phys_start = 0x7fa08000;
	w.sys.mem_regions[ROOT_PCI_ECAM].virt_start = 0x7fa08000;
	w.sys.mem_regions[ROOT_PCI_ECAM].size = 0x8000;
	w.sys.mem_regions[ROOT_PCI_ECAM].flags =
		JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE;
	assert_int_equal(check_world(&w, &r), 0);
	expect_clean(&r);
}

static void test_mem_cell_overlap(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.linux_demo.mem_regions[LINUX_LOADER].phys_start = 0x7fa00000;
	check_world(&w, &r);
	f = expect_only(&r, CC_MEM_CELL_OVERLAP, "mem_regions", LINUX_LOADER);
	assert_string_equal(f->cell, "qemu-arm64-linux-demo");
	assert_string_equal(f->other_cell, "inmate-demo");
	assert_int_equal(f->other_index, INMATE_RAM);

	/* shared on one side only is still a conflict */
	world_init(&w);
	w.linux_demo.mem_regions[LINUX_UART].phys_start = 0x09010000;
	w.linux_demo.mem_regions[LINUX_UART].virt_start = 0x09010000;
	w.inmate.mem_regions[INMATE_UART].phys_start = 0x09010000;
	w.inmate.mem_regions[INMATE_UART].virt_start = 0x09010000;
	w.inmate.mem_regions[INMATE_UART].flags &= ~JAILHOUSE_MEM_ROOTSHARED;
	check_world(&w, &r);
	expect_only(&r, CC_MEM_CELL_OVERLAP, "mem_regions", LINUX_UART);
}

/*
 * The hypervisor checks a new cell only against the cells that exist,
 * which were checked together before (L3: bounded work per create).
 */
static void test_cells_from_joining(void **state)
{
	const struct jailhouse_cell_desc *cells[2];
	struct world w;
	struct recorder r;

	world_init(&w);
	w.linux_demo.mem_regions[LINUX_LOADER].phys_start = 0x7fa00000;
	cells[0] = &w.inmate.cell;
	cells[1] = &w.linux_demo.cell;

	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_cells_from(&w.sys.header, cells, 2, 1,
						 record, &r), 1);
	expect_only(&r, CC_MEM_CELL_OVERLAP, "mem_regions", LINUX_LOADER);

	/* nobody joins: the existing pair is not compared again */
	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_cells_from(&w.sys.header, cells, 2, 2,
						 record, &r), 0);
	expect_clean(&r);

	/* from 0 is config_check_cells() */
	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_cells_from(&w.sys.header, cells, 2, 0,
						 record, &r), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mem_unaligned),
		cmocka_unit_test(test_mem_subpage_io_allowed),
		cmocka_unit_test(test_mem_empty),
		cmocka_unit_test(test_mem_wrap),
		cmocka_unit_test(test_mem_addr_range),
		cmocka_unit_test(test_mem_bad_flags),
		cmocka_unit_test(test_mem_overlap_phys),
		cmocka_unit_test(test_mem_overlap_virt),
		cmocka_unit_test(test_mem_hypervisor),
		cmocka_unit_test(test_mem_gicd),
		cmocka_unit_test(test_mem_gicr_per_cpu),
		cmocka_unit_test(test_mem_gicv2),
		cmocka_unit_test(test_mem_debug_console),
		cmocka_unit_test(test_mem_iommu),
		cmocka_unit_test(test_mem_pci_mmconfig),
		cmocka_unit_test(test_mem_not_in_root),
		cmocka_unit_test(test_mem_root_union),
		cmocka_unit_test(test_mem_cell_overlap),
		cmocka_unit_test(test_cells_from_joining),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
