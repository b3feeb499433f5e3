// SPDX-License-Identifier: GPL-2.0
/*
 * Config checker tests of CPUs, interrupts, the comm region, the
 * platform part of the system config and PCI/ivshmem devices.
 */
#include "config_check_world.h"

/* ---- CPUs -------------------------------------------------------------- */

static void test_cpu_not_in_root(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.cpus[0] = 0x12;
	check_world(&w, &r);
	expect_only(&r, CC_CPU_NOT_IN_ROOT, "cpus", 4);
}

static void test_cpu_shared(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.linux_demo.cpus[0] = 0x6;
	check_world(&w, &r);
	f = expect_only(&r, CC_CPU_SHARED, "cpus", 1);
	assert_string_equal(f->other_cell, "inmate-demo");
}

static void test_cpu_root_starved(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.inmate.cpus[0] = 0x3;
	check_world(&w, &r);
	f = expect_only(&r, CC_CPU_ROOT_STARVED, "cpus", -1);
	assert_string_equal(f->cell, "qemu-arm64-linux-demo");
}

/* ---- interrupts -------------------------------------------------------- */

static void test_irq_shared(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.inmate.irqchips[0].pin_bitmap[0] |= 1 << (33 - 32);
	check_world(&w, &r);
	f = expect_only(&r, CC_IRQ_SHARED, "irqchips", 0);
	assert_int_equal(f->kind, CC_VAL_PIN);
	assert_int_equal(f->start, 33);
}

static void test_irq_not_in_root(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.sys.irqchips[0].pin_bitmap[3] = 0;
	assert_int_equal(check_world(&w, &r), 0);
	f = expect_only_and(&r, CC_IRQ_NOT_IN_ROOT, "irqchips", 0,
			    CC_PCI_SHMEM_IRQ);
	assert_int_equal(f->severity, CC_WARNING);
	assert_int_equal(f->start, 144);
	/* 144, 140, 141 in the cells; the root's ivshmem INTx 128-130 */
	assert_int_equal(r.warnings, 6);
}

static void test_irqchip_address(void **state)
{
	struct world w;
	struct recorder r;

	const struct config_check_finding *f;

	/* ignored, as Jailhouse does: the cell just gets no interrupts */
	world_init(&w);
	w.inmate.irqchips[0].address = 0x08010000;
	assert_int_equal(check_world(&w, &r), 0);
	f = expect_only_and(&r, CC_IRQCHIP_ADDRESS, "irqchips", 0,
			    CC_PCI_SHMEM_IRQ);
	assert_int_equal(f->severity, CC_WARNING);

	/* an all-zero entry is ignored with a note */
	world_init(&w);
	memset(&w.inmate.irqchips[0], 0, sizeof(w.inmate.irqchips[0]));
	assert_int_equal(check_world(&w, &r), 0);
	f = expect_only_and(&r, CC_IRQCHIP_ZERO_ENTRY, "irqchips", 0,
			    CC_PCI_SHMEM_IRQ);
	assert_int_equal(f->severity, CC_NOTE);
}

static void test_irqchip_pin_base(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.linux_demo.irqchips[0].pin_base = 48;
	check_world(&w, &r);
	expect_only_and(&r, CC_IRQCHIP_PIN_BASE, "irqchips", 0,
			    CC_PCI_SHMEM_IRQ);
}

/* ---- comm region ------------------------------------------------------- */

static void test_comm_region_missing(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.mem_regions[INMATE_COMM].phys_start = 0x7fa10000 - 0x1000;
	w.inmate.mem_regions[INMATE_COMM].flags &= ~JAILHOUSE_MEM_COMM_REGION;
	check_world(&w, &r);
	assert_int_equal(expect(&r, CC_COMM_REGION_MISSING, "mem_regions",
				-1)->severity, CC_WARNING);
}

static void test_comm_region_multiple(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.linux_demo.mem_regions[LINUX_LOADER].flags |=
		JAILHOUSE_MEM_COMM_REGION;
	check_world(&w, &r);
	assert_int_equal(expect(&r, CC_COMM_REGION_MULTIPLE, "mem_regions",
				LINUX_COMM)->severity, CC_WARNING);
}

static void test_comm_region_bad(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.mem_regions[INMATE_COMM].virt_start = 0x80000800;
	check_world(&w, &r);
	expect_only(&r, CC_COMM_REGION_BAD, "mem_regions", INMATE_COMM);
}

/*
 * The root has no comm page: the hypervisor would map whatever a NULL page
 * translates to (security review L3).  Refused, with the region named.
 */
static void test_comm_region_in_root(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;
	char line[1024];

	world_init(&w);
	w.sys.mem_regions[ROOT_RAM].flags |= JAILHOUSE_MEM_COMM_REGION;
	check_world(&w, &r);
	f = expect_only(&r, CC_COMM_REGION_BAD, "mem_regions", ROOT_RAM);
	assert_int_equal(f->severity, CC_ERROR);
	assert_true(config_check_format(f, line, sizeof(line)) > 0);
	assert_non_null(strstr(line, "comm region in the root cell"));
	assert_non_null(strstr(line, "hint: only non-root cells"));
}

/* ---- platform ---------------------------------------------------------- */

static void test_gic_version(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.platform_info.arm.gic_version = 4;
	check_world(&w, &r);
	expect_only(&r, CC_GIC_VERSION, "gic_version", -1);
}

static void test_gic_bases(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.platform_info.arm.gicr_base = 0;
	check_world(&w, &r);
	expect_only(&r, CC_GIC_BASES, "gic", -1);
}

static void test_hv_mem(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.hypervisor_memory.phys_start = 0x7fc00800;
	check_world(&w, &r);
	expect_only(&r, CC_HV_MEM, "hypervisor_memory", -1);
}

static void test_hv_mem_not_2m_aligned(void **state)
{
	struct world w;
	struct recorder r;

	/* page aligned, but the EL2 bootstrap needs 2 MiB blocks */
	world_init(&w);
	w.sys.header.hypervisor_memory.phys_start = 0x7fd00000;
	w.sys.header.hypervisor_memory.size = 0x300000;
	check_world(&w, &r);
	expect_only(&r, CC_HV_MEM, "hypervisor_memory", -1);
}

static void test_debug_console(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.debug_console.flags = JAILHOUSE_CON_ACCESS_PIO;
	check_world(&w, &r);
	expect_only(&r, CC_DEBUG_CONSOLE, "debug_console", -1);

	world_init(&w);
	w.sys.header.debug_console.type = 0x77;
	check_world(&w, &r);
	expect_only(&r, CC_DEBUG_CONSOLE, "debug_console", -1);
}

/* ---- PCI / ivshmem ----------------------------------------------------- */

static void test_pci_shmem_range(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.pci_devices[0].shmem_regions_start = 4;
	check_world(&w, &r);
	expect(&r, CC_PCI_SHMEM_RANGE, "pci_devices", 0);

	world_init(&w);
	w.inmate.pci_devices[0].shmem_regions_start = 0xffffffff;
	check_world(&w, &r);
	expect(&r, CC_PCI_SHMEM_RANGE, "pci_devices", 0);
}

static void test_pci_shmem_peers(void **state)
{
	struct world w;
	struct recorder r;

	const struct config_check_finding *f;
	char text[1024];

	/* a peer ID up to 11 beyond shmem_peers: no output of its own ... */
	world_init(&w);
	w.inmate.pci_devices[0].shmem_dev_id = 11;
	w.inmate.mem_regions[3].flags &= ~JAILHOUSE_MEM_WRITE;
	assert_int_equal(check_world(&w, &r), 0);
	f = expect_only(&r, CC_PCI_SHMEM_NO_OUTPUT, "pci_devices", 0);
	assert_int_equal(f->severity, CC_NOTE);
	config_check_format(f, text, sizeof(text));
	assert_non_null(strstr(text, "pci_devices[0] 0001:00:00.0 maps only "));
	assert_non_null(strstr(text, "shmem_dev_id is 11; hint: "));

	/* ... and no right to write peer 1's */
	world_init(&w);
	w.inmate.pci_devices[0].shmem_dev_id = 11;
	check_world(&w, &r);
	f = expect_only_and(&r, CC_PCI_SHMEM_ACCESS, "pci_devices", 0,
			    CC_PCI_SHMEM_NO_OUTPUT);
	assert_int_equal(f->severity, CC_ERROR);
	assert_int_equal(f->other_index, 3);

	/* a link has peers 0..11 */
	world_init(&w);
	w.inmate.pci_devices[0].shmem_dev_id = 12;
	w.inmate.mem_regions[3].flags &= ~JAILHOUSE_MEM_WRITE;
	check_world(&w, &r);
	f = expect_only(&r, CC_PCI_SHMEM_PEERS, "pci_devices", 0);
	assert_int_equal(f->severity, CC_ERROR);
	config_check_format(f, text, sizeof(text));
	assert_non_null(strstr(text, "pci_devices[0] 0001:00:00.0 has a "
				     "shmem_dev_id above 11: 12; hint: "));

	/* more peers than a link has: accepted as Jailhouse does */
	world_init(&w);
	w.sys.pci_devices[1].shmem_peers = 13;
	w.sys.header.root_cell.num_memory_regions =
		ARRAY_SIZE(w.sys.mem_regions);
	check_world(&w, &r);
	f = expect(&r, CC_PCI_SHMEM_PEERS, "pci_devices", 1);
	assert_int_equal(f->severity, CC_WARNING);

	/* two cells on one link as the same peer: it cannot connect */
	world_init(&w);
	w.linux_demo.pci_devices[0].shmem_dev_id = 1;
	w.linux_demo.mem_regions[4].flags &= ~JAILHOUSE_MEM_WRITE;
	assert_int_equal(check_world(&w, &r), 1);
	f = expect_only(&r, CC_PCI_SHMEM_ID_TAKEN, "pci_devices", 0);
	assert_int_equal(f->severity, CC_ERROR);
	assert_string_equal(f->other_cell, "inmate-demo");

	/* ... or as the root's peer */
	world_init(&w);
	w.inmate.pci_devices[0].shmem_dev_id = 0;
	w.inmate.mem_regions[3].flags &= ~JAILHOUSE_MEM_WRITE;
	assert_int_equal(check_world(&w, &r), 1);
	f = expect_only(&r, CC_PCI_SHMEM_ID_TAKEN, "pci_devices", 0);
	assert_string_equal(f->other_cell, "qemu-arm64");
}

/* Issue 9: the ivshmem layout within a cell and across the peers. */
static void test_pci_shmem_layout(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;
	char text[1024];

	/* the state table is the hypervisor's to write */
	world_init(&w);
	w.inmate.mem_regions[0].flags |= JAILHOUSE_MEM_WRITE;
	assert_int_equal(check_world(&w, &r), 1);
	f = expect_only(&r, CC_PCI_SHMEM_ACCESS, "pci_devices", 0);
	assert_int_equal(f->other_index, 0);

	/* a peer's region of another size than the others' */
	world_init(&w);
	w.inmate.mem_regions[1].size = 0x8000;
	assert_true(check_world(&w, &r) >= 1);
	f = expect(&r, CC_PCI_SHMEM_LAYOUT, "mem_regions", 1);
	assert_int_equal(f->severity, CC_ERROR);
	config_check_format(f, text, sizeof(text));
	assert_non_null(strstr(text, "inmate-demo: mem_regions[1] "
				     "0x7faf1000-0x7faf8fff is not the same "
				     "memory as the other peer's region"));
	assert_non_null(strstr(text, "(cell \"qemu-arm64\" mem_regions[1])"));

	/* output sections of one size */
	world_init(&w);
	w.inmate.mem_regions[4].size = 0x1000;
	check_world(&w, &r);
	f = expect(&r, CC_PCI_SHMEM_LAYOUT, "pci_devices", 0);
	assert_int_equal(f->other_index, 4);

	/* a state table too small for the peers */
	world_init(&w);
	w.inmate.pci_devices[0].shmem_peers = 3;
	w.inmate.mem_regions[0].size = 0;
	check_world(&w, &r);
	expect(&r, CC_PCI_SHMEM_LAYOUT, "pci_devices", 0);

	/* without a virtual PCI host the device is ignored */
	world_init(&w);
	w.sys.header.platform_info.pci_is_virtual = 0;
	check_world(&w, &r);
	f = expect(&r, CC_PCI_NO_VPCI, "pci_devices", 0);
	assert_int_equal(f->severity, CC_WARNING);
}

static void test_pci_duplicate_bdf(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;
	char text[1024];

	world_init(&w);
	w.linux_demo.pci_devices[1].bdf = 0;
	check_world(&w, &r);
	f = expect_only(&r, CC_PCI_DUPLICATE_BDF, "pci_devices", 1);
	assert_int_equal(f->other_index, 0);
	config_check_format(f, text, sizeof(text));
	assert_non_null(strstr(text, "pci_devices[1] 0001:00:00.0 has the same"));
	assert_non_null(strstr(text, "(pci_devices[0])"));
}

static void test_pci_type(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.pci_devices[0].type = 7;
	check_world(&w, &r);
	expect(&r, CC_PCI_TYPE, "pci_devices", 0);
}

static void test_pci_caps_range(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.linux_demo.pci_devices[0].num_caps = 1;
	check_world(&w, &r);
	expect_only(&r, CC_PCI_CAPS_RANGE, "pci_devices", 0);
}

static void test_duplicate_name(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	strcpy(w.linux_demo.cell.name, "inmate-demo");
	check_world(&w, &r);
	expect_only(&r, CC_DUPLICATE_NAME, "name", -1);

	world_init(&w);
	strcpy(w.inmate.cell.name, "qemu-arm64");
	check_world(&w, &r);
	f = expect_only(&r, CC_DUPLICATE_NAME, "name", -1);
	assert_string_equal(f->other_cell, "qemu-arm64");
}

static void test_too_large(void **state)
{
	const __u32 n = CONFIG_CHECK_MAX_PAIRWISE + 1;
	size_t size = sizeof(struct jailhouse_cell_desc) + 8 +
		n * sizeof(struct jailhouse_memory);
	struct jailhouse_cell_desc *cell = calloc(1, size);
	struct recorder r;

	assert_non_null(cell);
	memcpy(cell, &inmate_demo_config.cell, sizeof(*cell));
	cell->num_memory_regions = n;
	cell->num_irqchips = 0;
	cell->num_pci_devices = 0;
	((unsigned char *)cell)[sizeof(*cell)] = 0x2;
	memset(&r, 0, sizeof(r));
	config_check_cell(&qemu_arm64_config.header, cell, size, record, &r);
	expect_only(&r, CC_TOO_LARGE, "mem_regions", -1);
	free(cell);
}


int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpu_not_in_root),
		cmocka_unit_test(test_cpu_shared),
		cmocka_unit_test(test_cpu_root_starved),
		cmocka_unit_test(test_irq_shared),
		cmocka_unit_test(test_irq_not_in_root),
		cmocka_unit_test(test_irqchip_address),
		cmocka_unit_test(test_irqchip_pin_base),
		cmocka_unit_test(test_comm_region_missing),
		cmocka_unit_test(test_comm_region_multiple),
		cmocka_unit_test(test_comm_region_bad),
		cmocka_unit_test(test_comm_region_in_root),
		cmocka_unit_test(test_gic_version),
		cmocka_unit_test(test_gic_bases),
		cmocka_unit_test(test_hv_mem),
		cmocka_unit_test(test_hv_mem_not_2m_aligned),
		cmocka_unit_test(test_debug_console),
		cmocka_unit_test(test_pci_shmem_range),
		cmocka_unit_test(test_pci_shmem_peers),
		cmocka_unit_test(test_pci_shmem_layout),
		cmocka_unit_test(test_pci_duplicate_bdf),
		cmocka_unit_test(test_pci_type),
		cmocka_unit_test(test_pci_caps_range),
		cmocka_unit_test(test_duplicate_name),
		cmocka_unit_test(test_too_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
