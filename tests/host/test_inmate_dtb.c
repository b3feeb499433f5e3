// SPDX-License-Identifier: GPL-2.0
/*
 * The inmate device tree `jailhouse cell linux` generates, for every Linux
 * cell config we ship, from the board's real device tree: QEMU virt (a
 * DTB QEMU dumped, in data/) and the i.MX8 EVK/MEK DTBs of Debian's arm64
 * kernel (fetched into .cache by scripts/setup.sh).  The result must
 * pass dtc without a warning and hold only the cell's CPUs, memory,
 * interrupts and devices.  Also -d: the patching of a given DTB.
 * Compiles the tool's fdt_*.c and linux_placement.c themselves.
 */
#include <glob.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libfdt.h>

#include <jailhouse/config_check.h>

#include "tools/fdt_board.h"
#include "tools/fdt_cell.h"
#include "tools/fdt_inmate.h"
#include "tools/linux_placement.h"

#define config qemu_sys
#include "configs/arm64/qemu-arm64.c"
#undef config
#define config qemu_linux
#include "configs/arm64/qemu-arm64-linux-demo.c"
#undef config
#define config imx8mq_sys
#include "configs/arm64/imx8mq.c"
#undef config
#define config imx8mq_linux
#include "configs/arm64/imx8mq-linux-demo.c"
#undef config
#define config imx8mm_sys
#include "configs/arm64/imx8mm.c"
#undef config
#define config imx8mm_linux
#include "configs/arm64/imx8mm-linux-demo.c"
#undef config
#define config imx8mp_sys
#include "configs/arm64/imx8mp.c"
#undef config
#define config imx8mp_linux
#include "configs/arm64/imx8mp-linux-demo.c"
#undef config
#define config imx8qm_sys
#include "configs/arm64/imx8qm.c"
#undef config
#define config imx8qm_linux
#include "configs/arm64/imx8qm-linux-demo.c"
#undef config

#define KERNEL_DTBS	".cache/kernel/root/usr/lib/linux-image-*/"

struct board {
	const char *name;
	const struct jailhouse_system *sys;
	size_t sys_size;
	const struct jailhouse_cell_desc *cell;
	size_t cell_size;
	const char *dtb;		/* glob below srctree */
	const char *devices[8];		/* the cell's device nodes */
	const char *not_there[4];	/* board devices that are not */
};

#define BOARD(b, file, ...) \
	.name = #b, \
	.sys = (const void *)&b##_sys, .sys_size = sizeof(b##_sys), \
	.cell = (const void *)&b##_linux, .cell_size = sizeof(b##_linux), \
	.dtb = file, __VA_ARGS__

static const struct board boards[] = {
	{ BOARD(qemu, "tests/host/data/qemu-virt-gicv3-4cpu.dtb",
		.devices = { "/pl011@9000000" },
		.not_there = { "/virtio_mmio@a000000", "/pcie@10000000",
			       "/fw-cfg@9020000" }) },
	{ BOARD(imx8mq, KERNEL_DTBS "freescale/imx8mq-evk.dtb",
		.devices = { "/soc@0/bus@30800000/serial@30890000",
			     "/soc@0/bus@30800000/mmc@30b40000" },
		.not_there = { "/soc@0/bus@30800000/serial@30860000" }) },
	{ BOARD(imx8mm, KERNEL_DTBS "freescale/imx8mm-evk.dtb",
		.devices = { "/soc@0/bus@30800000/serial@30a60000",
			     "/soc@0/bus@30800000/mmc@30b60000" },
		.not_there = {
			"/soc@0/bus@30800000/spba-bus@30800000/serial@30890000",
		}) },
	{ BOARD(imx8mp, KERNEL_DTBS "freescale/imx8mp-evk.dtb",
		.devices = { "/soc@0/bus@30800000/serial@30a60000",
			     "/soc@0/bus@30800000/mmc@30b60000" },
		.not_there = { "/soc@0/bus@30800000/serial@30890000" }) },
	{ BOARD(imx8qm, KERNEL_DTBS "freescale/imx8qm-mek.dtb",
		.devices = { "/bus@5a000000/serial@5a080000",
			     "/bus@5a000000/clock-controller@5a480000",
			     "/bus@5b000000/mmc@5b010000" },
		.not_there = { "/bus@5a000000/serial@5a060000" }) },
};

static char *read_file(const char *pattern, size_t *size)
{
	char path[1024];
	glob_t found;
	FILE *file;
	char *data;
	long len;

	snprintf(path, sizeof(path), "%s/%s", SRCTREE, pattern);
	if (glob(path, 0, NULL, &found) != 0) {
		print_error("%s not found: run scripts/setup.sh\n", path);
		fail();
	}
	file = fopen(found.gl_pathv[0], "rb");
	globfree(&found);
	assert_non_null(file);
	fseek(file, 0, SEEK_END);
	len = ftell(file);
	rewind(file);
	data = malloc(len);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, len, file), len);
	fclose(file);
	*size = len;
	return data;
}

/* 64-bit cells are only 4-byte aligned in a DTB */
static __u64 cell64(const void *p, int index)
{
	const fdt32_t *c = (const fdt32_t *)p + 2 * index;

	return (__u64)fdt32_to_cpu(c[0]) << 32 | fdt32_to_cpu(c[1]);
}

static unsigned int warnings;

static void count_warning(void *ctx, const char *line)
{
	(void)ctx;
	print_message("  warning: %s\n", line);
	warnings++;
}

static void *generate(const struct board *b, const void *board,
		      size_t board_size, size_t *size)
{
	struct fdt_inmate_input in = {
		.board = board, .board_size = board_size, .cell = b->cell,
		.pci_known = true,
		.pci_ecam_base = b->sys->platform_info.pci_mmconfig_base,
		.pci_end_bus = b->sys->platform_info.pci_mmconfig_end_bus,
		.cmdline = "console=ttyAMA0 root=/dev/ram0",
		.has_initrd = true, .warn = count_warning,
	};
	char error[512] = "";
	void *dtb;

	dtb = fdt_inmate_generate(&in, size, error, sizeof(error));
	if (!dtb)
		print_error("%s: %s\n", b->name, error);
	assert_non_null(dtb);
	assert_int_equal(fdt_check_full(dtb, *size), 0);
	return dtb;
}

/* dtc reads it back without a single warning */
static void check_dtc(const struct board *b, const void *dtb, size_t size)
{
	char dtb_path[256], cmd[1024], log[256];
	FILE *out;
	long len;

	snprintf(dtb_path, sizeof(dtb_path), "%s/inmate-%s.dtb", BUILD_DIR,
		 b->name);
	snprintf(log, sizeof(log), "%s/inmate-%s.dtc.log", BUILD_DIR,
		 b->name);
	out = fopen(dtb_path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(dtb, 1, size, out), size);
	fclose(out);
	snprintf(cmd, sizeof(cmd), "dtc -I dtb -O dts -o %s/inmate-%s.dts "
		 "%s 2> %s", BUILD_DIR, b->name, dtb_path, log);
	assert_int_equal(system(cmd), 0);
	out = fopen(log, "r");
	assert_non_null(out);
	fseek(out, 0, SEEK_END);
	len = ftell(out);
	fclose(out);
	if (len) {
		snprintf(cmd, sizeof(cmd), "cat %s >&2", log);
		assert_int_equal(system(cmd), 0);
	}
	assert_int_equal(len, 0);
}

static bool cell_has_cpu(const struct jailhouse_cell_desc *cell,
			 unsigned int cpu)
{
	const __u8 *set = (const __u8 *)jailhouse_cell_cpu_set(cell);

	return cpu / 8 < cell->cpu_set_size && (set[cpu / 8] & (1 << cpu % 8));
}

/* the i-th cpu node of the board, as Linux numbers them */
static __u32 board_mpidr(const void *board, unsigned int index)
{
	int cpus = fdt_path_offset(board, "/cpus"), node;
	const char *type;

	fdt_for_each_subnode(node, board, cpus) {
		type = fdt_getprop(board, node, "device_type", NULL);
		if (!type || strcmp(type, "cpu"))
			continue;
		if (index-- == 0)
			return fdt32_to_cpu(*(const fdt32_t *)
					    fdt_getprop(board, node, "reg",
							NULL));
	}
	fail_msg("board has no cpu %u", index);
	return 0;
}

static void check_cpus(const struct board *b, const void *board,
		       const void *dtb)
{
	int cpus = fdt_path_offset(dtb, "/cpus"), node;
	unsigned int cpu, expected = 0, found = 0;
	__u32 mpidr[16];

	for (cpu = 0; cpu < 64; cpu++)
		if (cell_has_cpu(b->cell, cpu))
			mpidr[expected++] = board_mpidr(board, cpu);
	assert_true(cpus >= 0);
	fdt_for_each_subnode(node, dtb, cpus) {
		assert_true(found < expected);
		assert_int_equal(fdt32_to_cpu(*(const fdt32_t *)
			fdt_getprop(dtb, node, "reg", NULL)), mpidr[found]);
		assert_string_equal(fdt_getprop(dtb, node, "enable-method",
						NULL), "psci");
		found++;
	}
	assert_int_equal(found, expected);
}

static void check_memory(const struct board *b, const void *dtb)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(b->cell);
	int node, len, n, entry = 0;
	const fdt64_t *reg;

	node = fdt_node_offset_by_prop_value(dtb, -1, "device_type",
					     "memory", 7);
	assert_true(node >= 0);
	assert_true(fdt_node_offset_by_prop_value(dtb, node, "device_type",
						  "memory", 7) < 0);
	reg = fdt_getprop(dtb, node, "reg", &len);
	for (n = 0; n < (int)b->cell->num_memory_regions; n++) {
		if (!linux_region_is_memory(&mem[n]))
			continue;
		assert_true((entry + 1) * 16 <= len);
		assert_int_equal(cell64(reg, 2 * entry), mem[n].virt_start);
		assert_int_equal(cell64(reg, 2 * entry + 1), mem[n].size);
		entry++;
	}
	assert_int_equal(entry * 16, len);
}

/*
 * Every interrupt is a PPI or one of the cell's SPIs; every node with
 * registers is the cell's (or the GIC, or the virtual PCI host).
 */
static void check_ownership(const struct board *b, const void *dtb)
{
	const struct jailhouse_memory *region;
	const char *compatible;
	const fdt32_t *irqs;
	int node, len, n;
	__u64 addr, size;

	for (node = fdt_next_node(dtb, -1, NULL); node >= 0;
	     node = fdt_next_node(dtb, node, NULL)) {
		irqs = fdt_getprop(dtb, node, "interrupts", &len);
		for (n = 0; irqs && n + 3 <= len / 4; n += 3)
			if (fdt32_to_cpu(irqs[n]) == 0)
				assert_true(cell_owns_intid(b->cell,
					fdt32_to_cpu(irqs[n + 1]) + 32));

		compatible = fdt_getprop(dtb, node, "compatible", NULL);
		if (fdt_getprop(dtb, node, "ranges", NULL) ||
		    !fdt_getprop(dtb, node, "reg", NULL) ||
		    fdt_getprop(dtb, node, "device_type", NULL) ||
		    fdt_getprop(dtb, node, "interrupt-controller", NULL) ||
		    fdt_parent_offset(dtb, node) ==
		    fdt_path_offset(dtb, "/cpus"))
			continue;
		assert_true(board_reg(dtb, node, 0, &addr, &size));
		region = cell_region_at(b->cell, addr);
		if (!region)
			fail_msg("%s: %s at 0x%llx is not the cell's", b->name,
				 compatible ? compatible : "?",
				 (unsigned long long)addr);
		assert_true(region->flags & JAILHOUSE_MEM_IO);
	}
}

static void check_pci(const struct board *b, const void *dtb)
{
	char path[64];
	const fdt32_t *map;
	int node, len, slot;

	snprintf(path, sizeof(path), "/pci@%llx", (unsigned long long)
		 b->sys->platform_info.pci_mmconfig_base);
	node = fdt_path_offset(dtb, path);
	assert_true(node >= 0);
	assert_string_equal(fdt_getprop(dtb, node, "compatible", NULL),
			    "pci-host-ecam-generic");
	map = fdt_getprop(dtb, node, "interrupt-map", &len);
	assert_int_equal(len, 4 * 8 * 4);
	/* INTx of the cell's devices: vpci_irq_base + slot, the cell's */
	for (slot = 0; slot < (int)b->cell->num_pci_devices; slot++) {
		assert_int_equal(fdt32_to_cpu(map[slot * 8 + 6]),
				 b->cell->vpci_irq_base + slot);
		assert_true(cell_owns_intid(b->cell,
					    b->cell->vpci_irq_base + slot +
					    32));
	}
}

static void test_board(const struct board *b)
{
	size_t board_size, size;
	void *board, *dtb;
	const char *stdout_path;
	unsigned int n;

	print_message("%s:\n", b->name);
	assert_int_equal(config_check_system(b->sys, b->sys_size, NULL,
					     NULL), 0);
	assert_int_equal(config_check_cell(b->sys, b->cell, b->cell_size,
					   NULL, NULL), 0);
	board = read_file(b->dtb, &board_size);
	dtb = generate(b, board, board_size, &size);

	check_dtc(b, dtb, size);
	check_cpus(b, board, dtb);
	check_memory(b, dtb);
	check_ownership(b, dtb);
	check_pci(b, dtb);
	for (n = 0; n < 8 && b->devices[n]; n++)
		if (fdt_path_offset(dtb, b->devices[n]) < 0)
			fail_msg("%s: %s missing", b->name, b->devices[n]);
	for (n = 0; n < 4 && b->not_there[n]; n++)
		assert_true(fdt_path_offset(dtb, b->not_there[n]) < 0);
	stdout_path = fdt_getprop(dtb, fdt_path_offset(dtb, "/chosen"),
				  "stdout-path", NULL);
	assert_non_null(stdout_path);
	assert_string_equal(stdout_path, b->devices[0]);
	assert_non_null(fdt_getprop(dtb, fdt_path_offset(dtb, "/chosen"),
				    "linux,initrd-start", NULL));
	assert_int_equal(fdt_node_offset_by_compatible(dtb, -1,
						       "arm,armv8-timer") >= 0,
			 1);
	assert_string_equal(fdt_getprop(dtb, fdt_path_offset(dtb, "/psci"),
					"method", NULL), "smc");
	free(dtb);
	free(board);
}

/*
 * QEMU virt reserves redistributor space for 123 CPUs, up to 0x09000000,
 * which holds the virtual PCI host at 0x08e00000: the cell (CPUs 2-3) gets
 * the frames of CPUs 0-3 only, or its Linux refuses the PCI window.
 */
static void test_qemu_gicr_range(void)
{
	const struct board *b = &boards[0];
	size_t board_size, size;
	void *board, *dtb;
	const fdt32_t *reg;
	int gic, len;

	board = read_file(b->dtb, &board_size);
	dtb = generate(b, board, board_size, &size);
	gic = fdt_node_offset_by_compatible(dtb, -1, "arm,gic-v3");
	assert_true(gic >= 0);
	reg = fdt_getprop(dtb, gic, "reg", &len);
	assert_non_null(reg);
	assert_int_equal(len, 8 * 4);
	assert_int_equal(fdt32_to_cpu(reg[5]), 0x080a0000);
	assert_int_equal(fdt32_to_cpu(reg[7]), 0x80000);
	free(dtb);
	free(board);
}

static void test_qemu(void **state)
{
	(void)state;
	test_board(&boards[0]);
	test_qemu_gicr_range();
}
static void test_imx8mq(void **state) { (void)state; test_board(&boards[1]); }
static void test_imx8mm(void **state) { (void)state; test_board(&boards[2]); }
static void test_imx8mp(void **state) { (void)state; test_board(&boards[3]); }
static void test_imx8qm(void **state) { (void)state; test_board(&boards[4]); }

/* Without --sysconfig and with no ECAM to be seen: a warning, no PCI. */
static void test_pci_unknown(void **state)
{
	struct fdt_inmate_input in = {
		.cell = boards[0].cell, .warn = count_warning,
	};
	size_t size;
	char error[256];
	void *dtb;

	(void)state;
	in.board = read_file(boards[0].dtb, &in.board_size);
	warnings = 0;
	dtb = fdt_inmate_generate(&in, &size, error, sizeof(error));
	assert_non_null(dtb);
	assert_int_equal(warnings, 1);
	assert_true(fdt_path_offset(dtb, "/pci@8e00000") < 0);
	assert_true(fdt_path_offset(dtb, "/chosen") >= 0);
	assert_null(fdt_getprop(dtb, fdt_path_offset(dtb, "/chosen"),
				"bootargs", NULL));
	free(dtb);
	free((void *)in.board);
}

/* A cell CPU the board does not have is refused, naming it. */
static void test_cpu_not_on_board(void **state)
{
	struct fdt_inmate_input in = { .warn = count_warning };
	size_t size, cell_size = sizeof(qemu_linux);
	char error[256];
	void *cell = malloc(cell_size);

	(void)state;
	memcpy(cell, &qemu_linux, cell_size);
	/* the CPU set follows the descriptor: CPUs 4 and 5 */
	memcpy((char *)cell + sizeof(struct jailhouse_cell_desc),
	       &(__u64){ 0x30 }, sizeof(__u64));
	in.cell = cell;
	in.board = read_file(boards[0].dtb, &in.board_size);
	assert_null(fdt_inmate_generate(&in, &size, error, sizeof(error)));
	assert_string_equal(error, "cell CPU 4 has no cpu node in the board "
			    "device tree (it has 4)");
	free(cell);
	free((void *)in.board);
}

/* -d: the user's DTB keeps everything but memory and /chosen's values */
static void test_patch_given_dtb(void **state)
{
	size_t board_size;
	void *board, *dtb;
	char error[256];
	const fdt64_t *reg;
	int node, len;

	(void)state;
	board = read_file(boards[0].dtb, &board_size);
	dtb = fdt_cell_patch(board, board_size, boards[0].cell,
			     "console=ttyAMA0", true, error, sizeof(error));
	assert_non_null(dtb);
	assert_true(fdt_path_offset(dtb, "/memory@40000000") < 0);
	node = fdt_path_offset(dtb, "/memory@70000000");
	assert_true(node >= 0);
	reg = fdt_getprop(dtb, node, "reg", &len);
	assert_int_equal(len, 16);
	assert_int_equal(cell64(reg, 0), 0x70000000);
	assert_int_equal(cell64(reg, 1), 0x8000000);
	/* the rest of the board stays as it was */
	assert_true(fdt_path_offset(dtb, "/pl011@9000000") >= 0);
	assert_true(fdt_path_offset(dtb, "/virtio_mmio@a000000") >= 0);
	assert_int_equal(fdt_cell_set_initrd(dtb, 0x71200000, 0x71600000),
			 0);
	node = fdt_path_offset(dtb, "/chosen");
	assert_string_equal(fdt_getprop(dtb, node, "bootargs", NULL),
			    "console=ttyAMA0");
	assert_int_equal(cell64(fdt_getprop(dtb, node, "linux,initrd-start",
					    NULL), 0), 0x71200000);
	assert_int_equal(cell64(fdt_getprop(dtb, node, "linux,initrd-end",
					    NULL), 0), 0x71600000);
	free(dtb);

	assert_null(fdt_cell_patch("not a dtb at all, really", 24,
				   boards[0].cell, NULL, false, error,
				   sizeof(error)));
	assert_string_equal(error, "not a device tree blob (no magic "
			    "0xd00dfeed at its start)");
	free(board);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qemu),
		cmocka_unit_test(test_imx8mq),
		cmocka_unit_test(test_imx8mm),
		cmocka_unit_test(test_imx8mp),
		cmocka_unit_test(test_imx8qm),
		cmocka_unit_test(test_pci_unknown),
		cmocka_unit_test(test_cpu_not_on_board),
		cmocka_unit_test(test_patch_given_dtb),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
