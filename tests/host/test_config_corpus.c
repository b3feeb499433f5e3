// SPDX-License-Identifier: GPL-2.0
/*
 * The checker against configs written the way Jailhouse's are (corpus/,
 * an invented board): what Jailhouse runs is accepted, each quirk with
 * its warning or note (code, severity, array, index), and each real
 * isolation problem, made by one mutation of the corpus, is refused.
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

#define config board_config
#include "corpus/board.c"
#undef config
#define config inmate_config
#include "corpus/board-inmate-demo.c"
#undef config
#define config linux_config
#include "corpus/board-linux-demo.c"
#undef config

#define MAX_FINDINGS	64

struct recorder {
	unsigned int count, errors;
	struct config_check_finding f[MAX_FINDINGS];
	char text[8192];	/* all findings, formatted, for failures */
};

struct world {
	__typeof__(board_config) sys;
	__typeof__(inmate_config) inmate;
	__typeof__(linux_config) linux_cell;
};

static void record(void *ctx, const struct config_check_finding *f)
{
	struct recorder *r = ctx;
	char line[1024];

	assert_true(config_check_format(f, line, sizeof(line)) > 0);
	if (strlen(r->text) + strlen(line) < sizeof(r->text))
		strcat(r->text, line);
	if (f->severity == CC_ERROR)
		r->errors++;
	if (r->count < MAX_FINDINGS)
		r->f[r->count++] = *f;
}

static void world_init(struct world *w)
{
	memcpy(&w->sys, &board_config, sizeof(w->sys));
	memcpy(&w->inmate, &inmate_config, sizeof(w->inmate));
	memcpy(&w->linux_cell, &linux_config, sizeof(w->linux_cell));
}

/* As `jailhouse config check board inmate linux`; returns the errors. */
static int check_world(struct world *w, struct recorder *r)
{
	const struct jailhouse_cell_desc *cells[2] = {
		&w->inmate.cell, &w->linux_cell.cell,
	};
	int errors;

	memset(r, 0, sizeof(*r));
	errors = config_check_system(&w->sys, sizeof(w->sys), record, r);
	errors += config_check_cell(&w->sys.header, &w->inmate,
				    sizeof(w->inmate), record, r);
	errors += config_check_cell(&w->sys.header, &w->linux_cell,
				    sizeof(w->linux_cell), record, r);
	errors += config_check_cells(&w->sys.header, cells, 2, record, r);
	assert_int_equal(errors, r->errors);
	return errors;
}

/* Exactly one finding with this code, cell, index: its severity. */
static const struct config_check_finding *
expect(const struct recorder *r, enum config_check_code code,
       const char *cell, const char *array, int index,
       enum config_check_severity severity)
{
	const struct config_check_finding *found = NULL;
	unsigned int i;

	for (i = 0; i < r->count; i++) {
		const struct config_check_finding *f = &r->f[i];

		if (f->code != code || strcmp(f->cell, cell) ||
		    strcmp(f->array, array) || f->index != index)
			continue;
		assert_null(found);
		found = f;
	}
	if (!found || found->severity != severity)
		print_message("expected one %s %s for %s %s[%d], got:\n%s",
			      config_check_severity_name(severity),
			      config_check_code_name(code), cell, array,
			      index, r->text);
	assert_non_null(found);
	assert_int_equal(found->severity, severity);
	assert_non_null(found->hint);
	return found;
}

static void test_corpus_accepted(void **state)
{
	struct recorder r;
	struct world w;

	world_init(&w);
	assert_int_equal(check_world(&w, &r), 0);

	/* root: trailing zero entries, GIC and SMMU in a device region */
	expect(&r, CC_MEM_ZERO_ENTRY, "corpus-board", "mem_regions", 9,
	       CC_NOTE);
	expect(&r, CC_MEM_ZERO_ENTRY, "corpus-board", "mem_regions", 10,
	       CC_NOTE);
	expect(&r, CC_MEM_IOMMU, "corpus-board", "mem_regions", 3,
	       CC_WARNING);
	/* GICD and the redistributors of CPUs 0-3: two windows */
	assert_int_equal(r.f[0].code, CC_MEM_GIC);
	assert_int_equal(r.f[0].index, 3);
	assert_int_equal(r.f[0].severity, CC_WARNING);
	assert_int_equal(r.f[0].other_start, 0x38800000);
	assert_int_equal(r.f[1].code, CC_MEM_GIC);
	assert_int_equal(r.f[1].other_start, 0x38880000);
	assert_int_equal(r.f[1].other_end, 0x38880000 + 4 * 0x20000);

	/* inmate demo: larger UART window, ivshmem peer 1 of 1, zeros */
	expect(&r, CC_MEM_BEYOND_ROOT, "corpus-inmate", "mem_regions", 3,
	       CC_WARNING);
	expect(&r, CC_PCI_SHMEM_NO_OUTPUT, "corpus-inmate", "pci_devices", 0,
	       CC_NOTE);
	expect(&r, CC_MEM_ZERO_ENTRY, "corpus-inmate", "mem_regions", 6,
	       CC_NOTE);
	expect(&r, CC_MEM_ZERO_ENTRY, "corpus-inmate", "mem_regions", 7,
	       CC_NOTE);
	expect(&r, CC_IRQCHIP_ZERO_ENTRY, "corpus-inmate", "irqchips", 1,
	       CC_NOTE);

	/* Linux demo: a UART the root does not map at all */
	expect(&r, CC_MEM_BEYOND_ROOT, "corpus-linux", "mem_regions", 1,
	       CC_WARNING);

	/* and nothing else */
	/* its INTx (INTID 32 + 76) is not what its irqchips grant (140) */
	expect(&r, CC_PCI_SHMEM_IRQ, "corpus-inmate", "pci_devices", 0,
	       CC_WARNING);
	assert_int_equal(r.count, 12);
}

static void test_beyond_root_names_the_gap(void **state)
{
	const struct config_check_finding *f;
	struct recorder r;
	struct world w;

	world_init(&w);
	check_world(&w, &r);
	f = expect(&r, CC_MEM_BEYOND_ROOT, "corpus-inmate", "mem_regions", 3,
		   CC_WARNING);
	/* the root has 0x30890000-0x30890fff, the rest is beyond it */
	assert_int_equal(f->start, 0x30890000);
	assert_int_equal(f->end, 0x308a0000);
	assert_int_equal(f->other_start, 0x30891000);
	assert_int_equal(f->other_end, 0x308a0000);
	assert_string_equal(f->other_cell, "corpus-board");
}

/* A device window of the inmate demo at [start, start + size). */
static void set_inmate_window(struct world *w, __u64 start, __u64 size)
{
	w->inmate.mem_regions[3].phys_start = start;
	w->inmate.mem_regions[3].virt_start = start;
	w->inmate.mem_regions[3].size = size;
}

static void test_window_into_root_ram(void **state)
{
	const struct config_check_finding *f;
	struct recorder r;
	struct world w;

	/* beyond the root's devices and on into its RAM */
	world_init(&w);
	set_inmate_window(&w, 0x3ff00000, 0x200000);
	assert_int_equal(check_world(&w, &r), 1);
	f = expect(&r, CC_MEM_NOT_IN_ROOT, "corpus-inmate", "mem_regions", 3,
		   CC_ERROR);
	assert_string_equal(f->other_array, "mem_regions");
	assert_int_equal(f->other_index, 4);
}

static void test_window_into_hypervisor(void **state)
{
	struct recorder r;
	struct world w;

	world_init(&w);
	set_inmate_window(&w, 0xbfb00000, 0x200000);
	assert_int_equal(check_world(&w, &r), 1);
	expect(&r, CC_MEM_HYPERVISOR, "corpus-inmate", "mem_regions", 3,
	       CC_ERROR);
}

static void test_window_into_other_cell(void **state)
{
	const struct config_check_finding *f;
	struct recorder r;
	struct world w;

	/* over the Linux cell's UART, which is not shared */
	world_init(&w);
	w.inmate.mem_regions[3].flags &= ~JAILHOUSE_MEM_ROOTSHARED;
	set_inmate_window(&w, 0x30880000, 0x20000);
	assert_int_equal(check_world(&w, &r), 1);
	f = expect(&r, CC_MEM_CELL_OVERLAP, "corpus-linux", "mem_regions", 1,
		   CC_ERROR);
	assert_string_equal(f->other_cell, "corpus-inmate");
}

static void test_ram_beyond_root(void **state)
{
	struct recorder r;
	struct world w;

	world_init(&w);
	w.linux_cell.mem_regions[0].phys_start = 0xc0000000;
	assert_int_equal(check_world(&w, &r), 1);
	expect(&r, CC_MEM_NOT_IN_ROOT, "corpus-linux", "mem_regions", 0,
	       CC_ERROR);
}

static void test_gic_in_cell(void **state)
{
	struct recorder r;
	struct world w;

	/* the redistributor of CPU 1: only the hypervisor may touch it */
	world_init(&w);
	set_inmate_window(&w, 0x388a0000, 0x10000);
	assert_int_equal(check_world(&w, &r), 1);
	expect(&r, CC_MEM_GIC, "corpus-inmate", "mem_regions", 3, CC_ERROR);

	/* the distributor, at its IPA only */
	world_init(&w);
	w.inmate.mem_regions[4].virt_start = 0x38800000;
	assert_int_equal(check_world(&w, &r), 1);
	expect(&r, CC_MEM_GIC, "corpus-inmate", "mem_regions", 4, CC_ERROR);
}

static void test_iommu_in_cell(void **state)
{
	struct recorder r;
	struct world w;

	world_init(&w);
	set_inmate_window(&w, 0x32010000, 0x1000);
	assert_int_equal(check_world(&w, &r), 1);
	expect(&r, CC_MEM_IOMMU, "corpus-inmate", "mem_regions", 3, CC_ERROR);
}

static void test_zero_size_with_address(void **state)
{
	struct recorder r;
	struct world w;

	/* not all zero: a mistake, not padding */
	world_init(&w);
	w.inmate.mem_regions[6].phys_start = 0xb0100000;
	assert_int_equal(check_world(&w, &r), 1);
	expect(&r, CC_MEM_EMPTY, "corpus-inmate", "mem_regions", 6, CC_ERROR);

	world_init(&w);
	w.inmate.irqchips[1].pin_base = 64;
	check_world(&w, &r);
	expect(&r, CC_IRQCHIP_ADDRESS, "corpus-inmate", "irqchips", 1,
	       CC_WARNING);
}

static void test_ivshmem_peers(void **state)
{
	struct recorder r;
	struct world w;

	/* the root is peer 0 of 00:00.0 */
	world_init(&w);
	w.inmate.pci_devices[0].shmem_dev_id = 0;
	assert_int_equal(check_world(&w, &r), 1);
	expect(&r, CC_PCI_SHMEM_ID_TAKEN, "corpus-inmate", "pci_devices", 0,
	       CC_ERROR);

	world_init(&w);
	w.inmate.pci_devices[0].shmem_dev_id = 12;
	assert_int_equal(check_world(&w, &r), 1);
	expect(&r, CC_PCI_SHMEM_PEERS, "corpus-inmate", "pci_devices", 0,
	       CC_ERROR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_accepted),
		cmocka_unit_test(test_beyond_root_names_the_gap),
		cmocka_unit_test(test_window_into_root_ram),
		cmocka_unit_test(test_window_into_hypervisor),
		cmocka_unit_test(test_window_into_other_cell),
		cmocka_unit_test(test_ram_beyond_root),
		cmocka_unit_test(test_gic_in_cell),
		cmocka_unit_test(test_iommu_in_cell),
		cmocka_unit_test(test_zero_size_with_address),
		cmocka_unit_test(test_ivshmem_peers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
