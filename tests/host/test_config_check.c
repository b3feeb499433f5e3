// SPDX-License-Identifier: GPL-2.0
/*
 * Config checker tests.  The shipped QEMU configs are compiled right here
 * from their sources (they are plain C initialisers) and must pass clean;
 * then each check is proven by one mutation of them that must produce
 * exactly the expected finding (code, array, index).  Hostile blobs
 * (truncations at every length, absurd counts, random bit flips) are run
 * from exact-size heap copies so that AddressSanitizer sees any read past
 * the end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/config_check.h>

#define config qemu_arm64_config
#include "configs/arm64/qemu-arm64.c"
#undef config
#define config inmate_demo_config
#include "configs/arm64/qemu-arm64-inmate-demo.c"
#undef config
#define config linux_demo_config
#include "configs/arm64/qemu-arm64-linux-demo.c"
#undef config

/* Indices into the shipped configs' mem_regions, named for the tests. */
#define ROOT_MMIO	9
#define ROOT_RAM	10
#define ROOT_PCI_ECAM	11
#define INMATE_UART	5
#define INMATE_RAM	6
#define INMATE_COMM	7
#define LINUX_UART	9
#define LINUX_LOADER	10
#define LINUX_RAM	11
#define LINUX_COMM	12

#define MAX_FINDINGS	256

struct recorder {
	unsigned int count, errors, warnings;
	struct config_check_finding f[MAX_FINDINGS];
	char text[4096];	/* all findings, formatted, for failure output */
};

struct world {
	__typeof__(qemu_arm64_config) sys;
	__typeof__(inmate_demo_config) inmate;
	__typeof__(linux_demo_config) linux_demo;
};

static void record(void *ctx, const struct config_check_finding *f)
{
	struct recorder *r = ctx;
	size_t used = strlen(r->text);
	char line[1024];
	int n;

	n = config_check_format(f, line, sizeof(line));
	assert_true(n > 0 && (size_t)n < sizeof(line));
	assert_int_equal(strlen(line), n);
	if (used + n < sizeof(r->text))
		memcpy(r->text + used, line, n + 1);

	if (f->severity == CC_ERROR)
		r->errors++;
	else
		r->warnings++;
	if (r->count < MAX_FINDINGS)
		r->f[r->count] = *f;
	r->count++;
}

static void world_init(struct world *w)
{
	memcpy(&w->sys, &qemu_arm64_config, sizeof(w->sys));
	memcpy(&w->inmate, &inmate_demo_config, sizeof(w->inmate));
	memcpy(&w->linux_demo, &linux_demo_config, sizeof(w->linux_demo));
}

/*
 * What the CLI does with "config check SYS CELL...": the system, each cell
 * against it, then the set.  Returns the total number of errors.
 */
static int check_world(struct world *w, struct recorder *r)
{
	const struct jailhouse_cell_desc *cells[2] = {
		&w->inmate.cell, &w->linux_demo.cell,
	};
	int errors;

	memset(r, 0, sizeof(*r));
	errors = config_check_system(&w->sys, sizeof(w->sys), record, r);
	if (errors)
		return errors;
	errors += config_check_cell(&w->sys.header, &w->inmate,
				    sizeof(w->inmate), record, r);
	errors += config_check_cell(&w->sys.header, &w->linux_demo,
				    sizeof(w->linux_demo), record, r);
	if (errors)
		return errors;
	return config_check_cells(&w->sys.header, cells, 2, record, r);
}

static const struct config_check_finding *
find_code(const struct recorder *r, enum config_check_code code)
{
	unsigned int i;

	for (i = 0; i < r->count && i < MAX_FINDINGS; i++)
		if (r->f[i].code == code)
			return &r->f[i];
	return NULL;
}

static void dump(const struct recorder *r)
{
	print_message("findings (%u errors, %u warnings):\n%s", r->errors,
		      r->warnings, r->text);
}

/* A finding with this code exists, at this array and index. */
static const struct config_check_finding *
expect(const struct recorder *r, enum config_check_code code,
       const char *array, int index)
{
	const struct config_check_finding *f = find_code(r, code);

	if (!f) {
		print_message("expected a %s finding\n",
			      config_check_code_name(code));
		dump(r);
		fail();
	}
	if (strcmp(f->array, array) != 0 || f->index != index) {
		print_message("expected %s at %s[%d]\n",
			      config_check_code_name(code), array, index);
		dump(r);
	}
	assert_string_equal(f->array, array);
	assert_int_equal(f->index, index);
	assert_non_null(f->what);
	assert_non_null(f->hint);
	return f;
}

/* ... and it is the only kind of error. */
static const struct config_check_finding *
expect_only(const struct recorder *r, enum config_check_code code,
	    const char *array, int index)
{
	const struct config_check_finding *f = expect(r, code, array, index);
	unsigned int i;

	for (i = 0; i < r->count && i < MAX_FINDINGS; i++) {
		if (r->f[i].code != code) {
			print_message("unexpected %s besides %s\n",
				      config_check_code_name(r->f[i].code),
				      config_check_code_name(code));
			dump(r);
			fail();
		}
	}
	return f;
}

static void expect_clean(const struct recorder *r)
{
	if (r->count)
		dump(r);
	assert_int_equal(r->count, 0);
}

/* ---- the shipped configs --------------------------------------------- */

static void test_shipped_sizes(void **state)
{
	/* header + cpu set + 14 regions + 1 irqchip + 2 PCI devices */
	assert_int_equal(sizeof(qemu_arm64_config),
			 488 + 8 + 14 * 32 + 32 + 2 * 56);
	assert_int_equal(sizeof(inmate_demo_config),
			 132 + 8 + 8 * 32 + 32 + 56);
	assert_int_equal(sizeof(linux_demo_config),
			 132 + 8 + 13 * 32 + 32 + 2 * 56);
	assert_int_equal(jailhouse_system_config_size(&qemu_arm64_config.header),
			 sizeof(qemu_arm64_config));
	assert_int_equal(jailhouse_cell_config_size(&inmate_demo_config.cell),
			 sizeof(inmate_demo_config));
	assert_int_equal(jailhouse_cell_config_size(&linux_demo_config.cell),
			 sizeof(linux_demo_config));
}

static void test_shipped_alone(void **state)
{
	struct recorder r;

	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_system(&qemu_arm64_config,
					     sizeof(qemu_arm64_config),
					     record, &r), 0);
	expect_clean(&r);
	assert_int_equal(config_check_cell(&qemu_arm64_config.header,
					   &inmate_demo_config,
					   sizeof(inmate_demo_config),
					   record, &r), 0);
	expect_clean(&r);
	assert_int_equal(config_check_cell(&qemu_arm64_config.header,
					   &linux_demo_config,
					   sizeof(linux_demo_config),
					   record, &r), 0);
	expect_clean(&r);
	/* without a system config, only the cell's own checks */
	assert_int_equal(config_check_cell(NULL, &inmate_demo_config,
					   sizeof(inmate_demo_config),
					   record, &r), 0);
	expect_clean(&r);
}

static void test_shipped_set(void **state)
{
	struct world w;
	struct recorder r;
	const struct jailhouse_cell_desc *one[1];

	world_init(&w);
	assert_int_equal(check_world(&w, &r), 0);
	expect_clean(&r);

	one[0] = &w.linux_demo.cell;
	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_cells(&w.sys.header, one, 1, record, &r),
			 0);
	expect_clean(&r);
}

static void test_report_may_be_null(void **state)
{
	struct world w;

	world_init(&w);
	w.sys.header.revision = 99;
	assert_int_equal(config_check_system(&w.sys, sizeof(w.sys), NULL,
					     NULL), 1);
	assert_int_equal(config_check_system(NULL, 0, NULL, NULL), 1);
}

/* ---- structure --------------------------------------------------------- */

static void test_bad_signature(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.signature[0] = 'X';
	check_world(&w, &r);
	expect_only(&r, CC_BAD_SIGNATURE, "signature", -1);
}

static void test_cell_given_as_system(void **state)
{
	struct recorder r;

	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_system(&inmate_demo_config,
					     sizeof(inmate_demo_config),
					     record, &r), 1);
	expect_only(&r, CC_BAD_SIGNATURE, "signature", -1);
	assert_non_null(strstr(r.f[0].what, "cell config"));

	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_cell(&qemu_arm64_config.header,
					   &qemu_arm64_config,
					   sizeof(qemu_arm64_config),
					   record, &r), 1);
	expect_only(&r, CC_BAD_SIGNATURE, "signature", -1);
}

static void test_bad_revision(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.inmate.cell.revision = 15;
	check_world(&w, &r);
	f = expect_only(&r, CC_BAD_REVISION, "revision", -1);
	assert_string_equal(f->cell, "inmate-demo");
	assert_int_equal(f->start, 15);
}

static void test_revision_13_accepted(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	memcpy(w.sys.header.signature, "JHSYST", 6);
	w.sys.header.revision = 13;
	memcpy(w.inmate.cell.signature, "JHCELL", 6);
	w.inmate.cell.revision = 13;
	assert_int_equal(check_world(&w, &r), 0);
	expect_clean(&r);
}

static void test_revision_12_rejected(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	memcpy(w.sys.header.signature, "JHSYST", 6);
	w.sys.header.revision = 12;
	check_world(&w, &r);
	expect_only(&r, CC_BAD_REVISION, "revision", -1);

	/* a rev-13 signature with the rev-14 number is neither */
	world_init(&w);
	memcpy(w.linux_demo.cell.signature, "JHCELL", 6);
	check_world(&w, &r);
	expect_only(&r, CC_BAD_REVISION, "revision", -1);
}

static void test_bad_arch(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.architecture = JAILHOUSE_X86;
	check_world(&w, &r);
	expect_only(&r, CC_BAD_ARCH, "architecture", -1);
}

static void test_truncated(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_system(&w.sys, sizeof(w.sys) - 1,
					     record, &r), 1);
	expect_only(&r, CC_TRUNCATED, "pci_devices", -1);

	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_cell(&w.sys.header, &w.inmate, 100,
					   record, &r), 1);
	expect_only(&r, CC_TRUNCATED, "header", -1);
}

static void test_trailing_data(void **state)
{
	struct recorder r;
	unsigned char *blob = calloc(1, sizeof(inmate_demo_config) + 32);

	assert_non_null(blob);
	memcpy(blob, &inmate_demo_config, sizeof(inmate_demo_config));
	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_cell(&qemu_arm64_config.header, blob,
					   sizeof(inmate_demo_config) + 32,
					   record, &r), 1);
	expect_only(&r, CC_TRAILING_DATA, "file", -1);
	assert_int_equal(r.f[0].start, sizeof(inmate_demo_config));
	free(blob);
}

static void test_count_overflow(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.sys.header.root_cell.num_memory_regions = 0xffffffff;
	check_world(&w, &r);
	expect_only(&r, CC_TRUNCATED, "mem_regions", -1);

	/* 0x4924925 * 56 wraps a 32-bit size computation to a small number */
	world_init(&w);
	w.linux_demo.cell.num_pci_devices = 0x4924925;
	check_world(&w, &r);
	expect_only(&r, CC_TRUNCATED, "pci_devices", -1);
}

static void test_cpu_set_size(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.cell.cpu_set_size = 0x80000000;
	check_world(&w, &r);
	expect_only(&r, CC_BAD_CPU_SET_SIZE, "cpu_set_size", -1);

	world_init(&w);
	w.inmate.cell.cpu_set_size = 0;
	check_world(&w, &r);
	expect_only(&r, CC_BAD_CPU_SET_SIZE, "cpu_set_size", -1);

	world_init(&w);
	w.inmate.cell.cpu_set_size = 4;
	check_world(&w, &r);
	expect(&r, CC_BAD_CPU_SET_SIZE, "cpu_set_size", -1);
}

static void test_bad_name(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.cell.name[0] = 0;
	check_world(&w, &r);
	expect_only(&r, CC_BAD_NAME, "name", -1);

	world_init(&w);
	memset(w.linux_demo.cell.name, 'x', sizeof(w.linux_demo.cell.name));
	check_world(&w, &r);
	expect_only(&r, CC_BAD_NAME, "name", -1);
	assert_string_equal(r.f[0].cell, "(unknown)");
}

static void test_no_cpus(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.cpus[0] = 0;
	check_world(&w, &r);
	expect_only(&r, CC_NO_CPUS, "cpus", -1);
}

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

	/* the {0} slot of an ivshmem-net device is fine only there */
	world_init(&w);
	w.linux_demo.pci_devices[1].shmem_regions_start = 0;
	w.linux_demo.pci_devices[1].bdf = 2 << 3;
	check_world(&w, &r);
	expect(&r, CC_MEM_EMPTY, "mem_regions", 6);
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

static void test_mem_bad_flags(void **state)
{
	struct world w;
	struct recorder r;
	const struct config_check_finding *f;

	world_init(&w);
	w.inmate.mem_regions[INMATE_RAM].flags |= 0x1000;
	check_world(&w, &r);
	f = expect_only(&r, CC_MEM_BAD_FLAGS, "mem_regions", INMATE_RAM);
	assert_int_equal(f->severity, CC_ERROR);

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
		"overlaps hypervisor memory 0x7fc00000-0x7fffffff\n"
		"  hint: move the region out of hypervisor_memory; cell memory "
		"must come from the root's RAM\n");

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
	check_world(&w, &r);
	f = expect(&r, CC_MEM_GIC, "mem_regions", ROOT_MMIO);
	assert_int_equal(f->other_start, 0x08000000);
	assert_int_equal(f->other_end, 0x08010000);
	/* it covers the virtual PCI window too */
	expect(&r, CC_MEM_PCI_MMCONFIG, "mem_regions", ROOT_MMIO);
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
	check_world(&w, &r);
	f = expect_only(&r, CC_MEM_IOMMU, "mem_regions", ROOT_MMIO);
	assert_string_equal(f->other_array, "iommu_units");
	assert_int_equal(f->other_index, 0);
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
	f = expect_only(&r, CC_IRQ_NOT_IN_ROOT, "irqchips", 0);
	assert_int_equal(f->severity, CC_WARNING);
	assert_int_equal(f->start, 144);
	assert_int_equal(r.warnings, 3);	/* 144, 140, 141 */
}

static void test_irqchip_address(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.inmate.irqchips[0].address = 0x08010000;
	check_world(&w, &r);
	expect_only(&r, CC_IRQCHIP_ADDRESS, "irqchips", 0);
}

static void test_irqchip_pin_base(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.linux_demo.irqchips[0].pin_base = 48;
	check_world(&w, &r);
	expect_only(&r, CC_IRQCHIP_PIN_BASE, "irqchips", 0);
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
	expect(&r, CC_COMM_REGION_MISSING, "mem_regions", -1);
}

static void test_comm_region_multiple(void **state)
{
	struct world w;
	struct recorder r;

	world_init(&w);
	w.linux_demo.mem_regions[LINUX_LOADER].flags |=
		JAILHOUSE_MEM_COMM_REGION;
	check_world(&w, &r);
	expect(&r, CC_COMM_REGION_MULTIPLE, "mem_regions", LINUX_COMM);
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

	world_init(&w);
	w.inmate.pci_devices[0].shmem_dev_id = 3;
	check_world(&w, &r);
	expect_only(&r, CC_PCI_SHMEM_PEERS, "pci_devices", 0);

	world_init(&w);
	w.sys.pci_devices[1].shmem_peers = 13;
	w.sys.header.root_cell.num_memory_regions = 14;
	check_world(&w, &r);
	expect(&r, CC_PCI_SHMEM_PEERS, "pci_devices", 1);
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

/* ---- formatting -------------------------------------------------------- */

static void test_format_truncation(void **state)
{
	struct config_check_finding f = {
		.code = CC_CPU_SHARED, .severity = CC_WARNING,
		.cell = "a", .array = "cpus", .index = 3,
		.other_cell = "b", .other_index = -1,
		.what = "is also a CPU of another cell", .hint = "fix it",
	};
	const char *full = "warning: a: cpus[3] is also a CPU of another "
		"cell (cell \"b\")\n  hint: fix it\n";
	char small[10];
	char big[256];

	assert_int_equal(config_check_format(&f, NULL, 0), strlen(full));
	assert_int_equal(config_check_format(&f, small, sizeof(small)),
			 strlen(full));
	assert_string_equal(small, "warning: ");
	assert_int_equal(config_check_format(&f, big, sizeof(big)),
			 strlen(full));
	assert_string_equal(big, full);
}

static void test_code_names(void **state)
{
	int code;

	assert_string_equal(config_check_code_name(CC_MEM_OVERLAP_PHYS),
			    "mem-overlap-phys");
	for (code = 0; code < CC_NUM_CODES; code++)
		assert_string_not_equal(config_check_code_name(code),
					"unknown");
	assert_string_equal(config_check_code_name(CC_NUM_CODES), "unknown");
}

/* ---- hostile input ----------------------------------------------------- */

static void count_only(void *ctx, const struct config_check_finding *f)
{
	char text[512];

	/* formatting must cope with whatever a hostile blob produced */
	config_check_format(f, text, sizeof(text));
	(*(unsigned int *)ctx)++;
}

/* Check a blob from an exact-size heap copy, so ASan sees overreads. */
static int check_exact(const void *src, size_t size, bool system)
{
	unsigned char *copy = malloc(size ? size : 1);
	unsigned int n = 0;
	int errors;

	assert_non_null(copy);
	memcpy(copy, src, size);
	if (system)
		errors = config_check_system(copy, size, count_only, &n);
	else
		errors = config_check_cell(&qemu_arm64_config.header, copy,
					   size, count_only, &n);
	free(copy);
	return errors;
}

static void test_every_truncation(void **state)
{
	size_t len;

	for (len = 0; len < sizeof(qemu_arm64_config); len++)
		assert_true(check_exact(&qemu_arm64_config, len, true) > 0);
	assert_int_equal(check_exact(&qemu_arm64_config, len, true), 0);

	for (len = 0; len < sizeof(linux_demo_config); len++)
		assert_true(check_exact(&linux_demo_config, len, false) > 0);
	assert_int_equal(check_exact(&linux_demo_config, len, false), 0);

	for (len = 0; len < sizeof(inmate_demo_config); len++)
		assert_true(check_exact(&inmate_demo_config, len, false) > 0);
}

static void test_hostile_counts(void **state)
{
	static const __u32 values[] = {
		0xffffffff, 0x80000000, 0x7fffffff, 0x4924925, 0x08000000,
		0x10000, 4097, 3,
	};
	const size_t count_offs[] = {
		offsetof(struct jailhouse_cell_desc, cpu_set_size),
		offsetof(struct jailhouse_cell_desc, num_memory_regions),
		offsetof(struct jailhouse_cell_desc, num_cache_regions),
		offsetof(struct jailhouse_cell_desc, num_irqchips),
		offsetof(struct jailhouse_cell_desc, num_pio_regions),
		offsetof(struct jailhouse_cell_desc, num_pci_devices),
		offsetof(struct jailhouse_cell_desc, num_pci_caps),
		offsetof(struct jailhouse_cell_desc, num_stream_ids),
	};
	struct world w;
	unsigned int v, c;

	for (c = 0; c < ARRAY_SIZE(count_offs); c++) {
		for (v = 0; v < ARRAY_SIZE(values); v++) {
			world_init(&w);
			memcpy((char *)&w.sys.header.root_cell + count_offs[c],
			       &values[v], 4);
			assert_true(check_exact(&w.sys, sizeof(w.sys), true) > 0);
			memcpy((char *)&w.linux_demo.cell + count_offs[c],
			       &values[v], 4);
			assert_true(check_exact(&w.linux_demo,
						sizeof(w.linux_demo), false) > 0);
		}
	}
}

static unsigned int rng_state = 12345;

static unsigned int rng(void)
{
	rng_state = rng_state * 1103515245 + 12345;
	return rng_state >> 8;
}

/*
 * Random byte and bit damage.  Whatever the first stage lets through goes
 * on to the next stages, as in the real users.
 */
static void test_random_damage(void **state)
{
	struct world w;
	const struct jailhouse_cell_desc *cells[2];
	unsigned int iter, k, n;
	unsigned char *p;
	size_t size, pos;

	for (iter = 0; iter < 3000; iter++) {
		world_init(&w);
		for (k = 0; k < 1 + rng() % 4; k++) {
			switch (rng() % 3) {
			case 0:
				p = (unsigned char *)&w.sys;
				size = sizeof(w.sys);
				break;
			case 1:
				p = (unsigned char *)&w.inmate;
				size = sizeof(w.inmate);
				break;
			default:
				p = (unsigned char *)&w.linux_demo;
				size = sizeof(w.linux_demo);
				break;
			}
			pos = rng() % size;
			if (rng() % 2)
				p[pos] ^= 1 << (rng() % 8);
			else
				p[pos] = rng();
		}
		if (check_exact(&w.sys, sizeof(w.sys), true))
			continue;
		if (check_exact(&w.inmate, sizeof(w.inmate), false) ||
		    check_exact(&w.linux_demo, sizeof(w.linux_demo), false))
			continue;
		cells[0] = &w.inmate.cell;
		cells[1] = &w.linux_demo.cell;
		n = 0;
		config_check_cells(&w.sys.header, cells, 2, count_only, &n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_sizes),
		cmocka_unit_test(test_shipped_alone),
		cmocka_unit_test(test_shipped_set),
		cmocka_unit_test(test_report_may_be_null),
		cmocka_unit_test(test_bad_signature),
		cmocka_unit_test(test_cell_given_as_system),
		cmocka_unit_test(test_bad_revision),
		cmocka_unit_test(test_revision_13_accepted),
		cmocka_unit_test(test_revision_12_rejected),
		cmocka_unit_test(test_bad_arch),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_trailing_data),
		cmocka_unit_test(test_count_overflow),
		cmocka_unit_test(test_cpu_set_size),
		cmocka_unit_test(test_bad_name),
		cmocka_unit_test(test_no_cpus),
		cmocka_unit_test(test_mem_unaligned),
		cmocka_unit_test(test_mem_subpage_io_allowed),
		cmocka_unit_test(test_mem_empty),
		cmocka_unit_test(test_mem_wrap),
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
		cmocka_unit_test(test_gic_version),
		cmocka_unit_test(test_gic_bases),
		cmocka_unit_test(test_hv_mem),
		cmocka_unit_test(test_hv_mem_not_2m_aligned),
		cmocka_unit_test(test_debug_console),
		cmocka_unit_test(test_pci_shmem_range),
		cmocka_unit_test(test_pci_shmem_peers),
		cmocka_unit_test(test_pci_duplicate_bdf),
		cmocka_unit_test(test_pci_type),
		cmocka_unit_test(test_pci_caps_range),
		cmocka_unit_test(test_duplicate_name),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_format_truncation),
		cmocka_unit_test(test_code_names),
		cmocka_unit_test(test_every_truncation),
		cmocka_unit_test(test_hostile_counts),
		cmocka_unit_test(test_random_damage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
