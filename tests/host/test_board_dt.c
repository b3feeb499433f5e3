// SPDX-License-Identifier: GPL-2.0
/*
 * Configs against the device trees of their boards, as Debian's arm64
 * kernel ships them (and QEMU's virt machine dumps its own):
 *  - our hand-written i.MX8 configs: GIC, console UART, RAM and every
 *    device window they map exist at those addresses in the DT;
 *  - `jailhouse config create --dtb` output for each board: compiles
 *    to .cell like configs/arm64/, passes `jailhouse config check` with
 *    its -g cells, and its GIC, console and RAM are the DT's.
 * The DT is read here with libfdt directly, not with config create's
 * parser, so that the two check each other.  Boards whose DTB is not in
 * .cache (scripts/setup.sh not run) are skipped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include <jailhouse/cell-config.h>

#define config imx8mq_config
#include "configs/arm64/imx8mq.c"
#undef config
#define config imx8mm_config
#include "configs/arm64/imx8mm.c"
#undef config
#define config imx8mp_config
#include "configs/arm64/imx8mp.c"
#undef config
#define config imx8qm_config
#include "configs/arm64/imx8qm.c"
#undef config
#define config am625_config
#include "configs/arm64/k3-am625-sk.c"
#undef config

#ifndef SRCTREE
#define SRCTREE "."
#endif
#ifndef DTB_DIR
#define DTB_DIR ""
#endif

static void *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	long len;
	void *buf;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc(len + 1);
	if (buf && fread(buf, 1, len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (size)
		*size = len;
	return buf;
}

static uint64_t cells(const fdt32_t *c, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = (v << 32) | fdt32_to_cpu(*c++);
	return v;
}

static int prop_u32(const void *fdt, int node, const char *name, int dflt)
{
	const fdt32_t *p = fdt_getprop(fdt, node, name, NULL);

	return p ? (int)fdt32_to_cpu(*p) : dflt;
}

/* Up through the buses' ranges; false where a bus is not memory-mapped. */
static bool to_cpu(const void *fdt, int bus, uint64_t *addr)
{
	for (; bus > 0; bus = fdt_parent_offset(fdt, bus)) {
		int parent = fdt_parent_offset(fdt, bus), len, i, step;
		int ca = prop_u32(fdt, bus, "#address-cells", 2);
		int sa = prop_u32(fdt, bus, "#size-cells", 1);
		int pa = prop_u32(fdt, parent, "#address-cells", 2);
		const fdt32_t *r = fdt_getprop(fdt, bus, "ranges", &len);
		bool hit = len == 0;

		if (!r)
			return false;
		step = ca + pa + sa;
		for (i = 0; !hit && (i + 1) * step * 4 <= len; i++) {
			uint64_t c = cells(r + i * step, ca);
			uint64_t p = cells(r + i * step + ca, pa);
			uint64_t s = cells(r + i * step + ca + pa, sa);

			if (*addr >= c && *addr - c < s) {
				*addr += p - c;
				hit = true;
			}
		}
		if (!hit)
			return false;
	}
	return true;
}

static bool reg(const void *fdt, int node, int idx, uint64_t *addr,
		uint64_t *size)
{
	int parent = fdt_parent_offset(fdt, node), len;
	int ca = prop_u32(fdt, parent, "#address-cells", 2);
	int sa = prop_u32(fdt, parent, "#size-cells", 1);
	const fdt32_t *r = fdt_getprop(fdt, node, "reg", &len);

	if (!r || (idx + 1) * (ca + sa) * 4 > len)
		return false;
	*addr = cells(r + idx * (ca + sa), ca);
	*size = cells(r + idx * (ca + sa) + ca, sa);
	return to_cpu(fdt, parent, addr);
}

static int stdout_node(const void *fdt)
{
	const char *path = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"),
				       "stdout-path", NULL);
	char buf[256];

	assert_non_null(path);
	snprintf(buf, sizeof(buf), "%.*s", (int)strcspn(path, ":"), path);
	if (buf[0] != '/' && fdt_get_alias(fdt, buf))
		snprintf(buf, sizeof(buf), "%s", fdt_get_alias(fdt, buf));
	return fdt_path_offset(fdt, buf);
}

/* A PCI host's memory or I/O window overlaps [start, end). */
static bool pci_window(const void *fdt, int node, uint64_t start,
		       uint64_t end)
{
	const char *t = fdt_getprop(fdt, node, "device_type", NULL);
	int parent = fdt_parent_offset(fdt, node), len, i, step;
	int pa = prop_u32(fdt, parent, "#address-cells", 2);
	const fdt32_t *r = fdt_getprop(fdt, node, "ranges", &len);

	if (!t || strcmp(t, "pci") || !r)
		return false;
	step = 3 + pa + 2;
	for (i = 0; (i + 1) * step * 4 <= len; i++) {
		uint64_t a = cells(r + i * step + 3, pa);
		uint64_t s = cells(r + i * step + 3 + pa, 2);

		if (to_cpu(fdt, parent, &a) && a < end && a + s > start)
			return true;
	}
	return false;
}

/* Some node of the DT has an MMIO window that overlaps [start, end). */
static bool dt_has_device(const void *fdt, uint64_t start, uint64_t end)
{
	uint64_t a, s;
	int node, i;

	for (node = fdt_next_node(fdt, 0, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		for (i = 0; reg(fdt, node, i, &a, &s); i++)
			if (s && a < end && a + s > start)
				return true;
		if (pci_window(fdt, node, start, end))
			return true;
	}
	return false;
}

/*
 * Windows of our hand-written configs that the DT does not describe, on
 * purpose.  i.MX8QM: 0-0x51400000 (boot ROM, OCRAM, FlexSPI, the GPU and
 * display subsystems) and 0x51440000-0x51a00000 (between the SMMU and the
 * GIC) have no nodes in Debian's 6.1 imx8qm.dtsi, nor has the SMMU; the
 * NXP BSP's device tree, which the config is written for, has them.
 * Its second DDR bank (0x880000000) is the real MEK's, which U-Boot adds
 * to the memory node.
 */
static bool known_undescribed(const char *name, uint64_t start)
{
	return strcmp(name, "imx8qm") == 0 &&
		(start == 0 || start == 0x51440000 ||
		 start == 0x880000000ULL);
}

/*
 * [start, end) is in one RAM bank of the DT; with @overlap, it only starts
 * or ends in one: U-Boot patches the memory node with the RAM it finds,
 * so a hand-written config for the real board (the i.MX8QM MEK has
 * 6 GiB, Debian's DT says 1) may go beyond the DT's.
 */
static bool dt_ram(const void *fdt, uint64_t start, uint64_t end,
		   bool overlap)
{
	uint64_t a, s;
	int node, i;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *t = fdt_getprop(fdt, node, "device_type", NULL);

		if (!t || strcmp(t, "memory"))
			continue;
		for (i = 0; reg(fdt, node, i, &a, &s); i++)
			if (overlap ? (start < a + s && end > a) :
			    (start >= a && end <= a + s))
				return true;
	}
	return false;
}

static bool in_dt_ram(const void *fdt, uint64_t start, uint64_t end)
{
	return dt_ram(fdt, start, end, false);
}

static const struct jailhouse_memory *regions(const struct jailhouse_system *s)
{
	return (const void *)((const char *)(s + 1) +
			      s->root_cell.cpu_set_size);
}

/* The facts every root config must share with its board's DT. */
static void check_system(const char *name, const struct jailhouse_system *sys,
			 const void *fdt, bool exact_ram)
{
	const struct jailhouse_memory *m = regions(sys);
	int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
	int con = stdout_node(fdt), node;
	uint64_t a, s, covered = 0, total = 0;
	unsigned int n, undescribed = 0;

	print_message("%s: GIC, console, RAM, %u regions\n", name,
		      sys->root_cell.num_memory_regions);
	assert_true(gic >= 0 && reg(fdt, gic, 0, &a, &s));
	assert_int_equal(sys->platform_info.arm.gicd_base, a);
	assert_true(reg(fdt, gic, 1, &a, &s));
	assert_int_equal(sys->platform_info.arm.gicr_base, a);
	assert_true(con >= 0 && reg(fdt, con, 0, &a, &s));
	assert_int_equal(sys->debug_console.address, a);

	for (n = 0; n < sys->root_cell.num_memory_regions; n++, m++) {
		uint64_t end = m->phys_start + m->size;

		if (!m->size)
			continue;
		if (m->flags & JAILHOUSE_MEM_IO) {
			if (known_undescribed(name, m->phys_start))
				continue;
			if (!dt_has_device(fdt, m->phys_start, end)) {
				print_message("%s: region %u 0x%llx-0x%llx: no "
					      "device there\n", name, n,
					      (unsigned long long)m->phys_start,
					      (unsigned long long)end);
				undescribed++;
			}
		} else if (m->flags & JAILHOUSE_MEM_EXECUTE) {
			if (known_undescribed(name, m->phys_start))
				continue;
			if (!exact_ram &&
			    dt_ram(fdt, m->phys_start, end, true)) {
				if (!in_dt_ram(fdt, m->phys_start, end))
					print_message("%s: RAM region %u "
						      "0x%llx-0x%llx goes "
						      "beyond the DT's memory "
						      "node (patched by U-Boot"
						      ")\n", name, n,
						      (unsigned long long)m->phys_start,
						      (unsigned long long)end);
				continue;
			}
			if (!in_dt_ram(fdt, m->phys_start, end))
				print_message("%s: RAM region %u 0x%llx-0x%llx "
					      "is not the DT's RAM\n", name, n,
					      (unsigned long long)m->phys_start,
					      (unsigned long long)end);
			assert_true(in_dt_ram(fdt, m->phys_start, end));
			covered += m->size;
		} else if (in_dt_ram(fdt, m->phys_start, end)) {
			covered += m->size;	/* ivshmem, firmware */
		}
	}
	assert_int_equal(undescribed, 0);
	if (!exact_ram)
		return;
	/* all of the DT's RAM: the root's, the hypervisor's, ivshmem */
	covered += sys->hypervisor_memory.size;
	fdt_for_each_subnode(node, fdt, 0) {
		const char *t = fdt_getprop(fdt, node, "device_type", NULL);

		for (n = 0; t && !strcmp(t, "memory") &&
		     reg(fdt, node, n, &a, &s); n++)
			total += s;
	}
	/* the net device's second region is an empty placeholder; ivshmem
	 * leaves the rest of its 2 MiB block unused */
	assert_true(covered <= total && total - covered < 0x200000);
}

static void *dtb(const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", DTB_DIR, rel);
	return read_all(path, NULL);
}

static void test_shipped_configs_match_dt(void **state)
{
	static const struct {
		const char *name, *dtb;
		const void *config;
	} boards[] = {
		{ "imx8mq", "freescale/imx8mq-evk.dtb", &imx8mq_config },
		{ "imx8mm", "freescale/imx8mm-evk.dtb", &imx8mm_config },
		{ "imx8mp", "freescale/imx8mp-evk.dtb", &imx8mp_config },
		{ "imx8qm", "freescale/imx8qm-mek.dtb", &imx8qm_config },
		{ "k3-am625-sk", "ti/k3-am625-sk.dtb", &am625_config },
	};
	unsigned int n;

	for (n = 0; n < sizeof(boards) / sizeof(boards[0]); n++) {
		void *fdt = dtb(boards[n].dtb);

		if (!fdt) {
			print_message("skipped %s: no %s\n", boards[n].name,
				      boards[n].dtb);
			continue;
		}
		check_system(boards[n].name, boards[n].config, fdt, false);
		free(fdt);
		fdt = NULL;
	}
}

static int run(const char *cmd)
{
	int rc = system(cmd);

	if (rc)
		print_message("failed (%d): %s\n", rc, cmd);
	return rc;
}

/* config create -g, compile like configs/, config check, then the DT. */
static void check_generated(const char *name, const char *dtb_path)
{
	char cmd[2048], path[512];
	const char *out = "build/config-create";
	void *fdt = read_all(dtb_path, NULL), *sys;

	if (!fdt) {
		print_message("skipped %s: no %s\n", name, dtb_path);
		return;
	}
	snprintf(cmd, sizeof(cmd), "rm -rf %s/%s && mkdir -p %s/%s && "
		 "%s/tools/host/jailhouse config create -g --dtb %s "
		 "%s/%s/%s.c >/dev/null", out, name, out, name, SRCTREE,
		 dtb_path, out, name, name);
	assert_int_equal(run(cmd), 0);
	snprintf(cmd, sizeof(cmd), "make -s -f %s/configs/Makefile srctree=%s "
		 "CONFIG_DIR=$PWD/%s/%s", SRCTREE, SRCTREE, out, name);
	assert_int_equal(run(cmd), 0);
	snprintf(cmd, sizeof(cmd), "%s/tools/host/jailhouse config check "
		 "%s/%s/%s.cell %s/%s/%s-inmate-demo.cell "
		 "%s/%s/%s-linux-demo.cell >/dev/null", SRCTREE, out, name,
		 name, out, name, name, out, name, name);
	assert_int_equal(run(cmd), 0);
	snprintf(path, sizeof(path), "%s/%s/%s.cell", out, name, name);
	sys = read_all(path, NULL);
	assert_non_null(sys);
	check_system(name, sys, fdt, true);
	free(sys);
	free(fdt);
}

static void test_generated_configs(void **state)
{
	static const char *const boards[] = {
		"freescale/imx8mq-evk", "freescale/imx8mm-evk",
		"freescale/imx8mp-evk", "freescale/imx8qm-mek",
		"ti/k3-am625-sk",
	};
	char path[512];
	unsigned int n;

	for (n = 0; n < sizeof(boards) / sizeof(boards[0]); n++) {
		snprintf(path, sizeof(path), "%s/%s.dtb", DTB_DIR, boards[n]);
		check_generated(strchr(boards[n], '/') + 1, path);
	}
	/* QEMU's own, the machine the QEMU tests run */
	if (run("qemu-system-aarch64 -machine virt,virtualization=on,"
		"gic-version=3 -cpu cortex-a57 -smp 4 -m 1G -nographic "
		"-nic none -machine dumpdtb=build/qemu-virt.dtb "
		">/dev/null 2>&1") == 0)
		check_generated("qemu-virt", "build/qemu-virt.dtb");
	else
		print_message("skipped qemu-virt: no qemu-system-aarch64\n");
}

/* Bad input changes nothing and says why. */
static void test_create_refuses(void **state)
{
	char cmd[1024];

	snprintf(cmd, sizeof(cmd), "rm -f build/bad.c; echo junk > "
		 "build/junk.dtb; ! %s/tools/host/jailhouse config create "
		 "--dtb build/junk.dtb build/bad.c 2>build/bad.err && "
		 "grep -q 'not a flattened device tree' build/bad.err && "
		 "[ ! -e build/bad.c ]", SRCTREE);
	assert_int_equal(run(cmd), 0);
	snprintf(cmd, sizeof(cmd), "! %s/tools/host/jailhouse config create "
		 "--mem-hv 12Q --dtb build/junk.dtb build/bad.c 2>build/bad.err"
		 " && grep -q 'cannot parse' build/bad.err", SRCTREE);
	assert_int_equal(run(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_configs_match_dt),
		cmocka_unit_test(test_generated_configs),
		cmocka_unit_test(test_create_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
