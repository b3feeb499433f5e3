// SPDX-License-Identifier: GPL-2.0
/*
 * `jailhouse cell linux` without a device: where the images go in the
 * cell (Jailhouse's placement, refusals naming the numbers) and which
 * kernel files are accepted (arm64 Image plain or gzip, header checks).
 * Compiles tools/linux_placement.c and tools/kernel_image.c themselves.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <cmocka.h>

#include <jailhouse/cell-config.h>

#include "tools/kernel_image.h"
#include "tools/linux_placement.h"

#define MiB	(1ULL << 20)
#define RAM	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
		 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA)

/* a cell like qemu-arm64-linux-demo: loader at 0, 128 MiB, comm region */
static struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem[4];
} __attribute__((packed)) cell;

static void make_cell(__u64 ram_start, __u64 ram_size)
{
	memset(&cell, 0, sizeof(cell));
	memcpy(cell.cell.signature, JAILHOUSE_CELL_DESC_SIGNATURE, 5);
	strcpy(cell.cell.name, "linux-demo");
	cell.cell.cpu_set_size = sizeof(cell.cpus);
	cell.cell.num_memory_regions = 4;
	cell.cpus[0] = 0xc;
	cell.mem[0] = (struct jailhouse_memory){ 0x09000000, 0x09000000,
		0x1000, JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED };
	cell.mem[1] = (struct jailhouse_memory){ 0x7f900000, 0, 0x10000,
		JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE };
	cell.mem[2] = (struct jailhouse_memory){ ram_start, ram_start,
		ram_size, RAM | JAILHOUSE_MEM_LOADABLE };
	cell.mem[3] = (struct jailhouse_memory){ 0, 0x80000000, 0x1000,
		JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_COMM_REGION };
}

static struct linux_sizes sizes(__u64 kernel, __u64 initrd, __u64 dtb)
{
	return (struct linux_sizes){
		.kernel = kernel, .text_offset = 0, .kernel_image = kernel,
		.initrd = initrd, .has_initrd = initrd != 0, .dtb = dtb,
		.decomp_factor = LINUX_DEFAULT_DECOMP_FACTOR,
	};
}

/* Jailhouse's own example: 8 MiB Image, 4 MiB initrd, small DTB. */
static void test_placement_jailhouse_example(void **state)
{
	struct linux_sizes s = sizes(8 * MiB, 4 * MiB, 0x1000);
	struct linux_placement p;
	char error[256];

	(void)state;
	make_cell(0x70000000, 128 * MiB);
	assert_int_equal(linux_place(&cell.cell, &s, &p, error,
				     sizeof(error)), 0);
	assert_int_equal(p.region, 2);
	assert_int_equal(p.loader, 0);
	assert_int_equal(p.params, 0x1000);
	assert_int_equal(p.dtb, 0x70000000);
	assert_int_equal(p.dtb_space, 0x2000);
	assert_int_equal(p.kernel, 0x70200000);
	/* kernel + decompression gap of 1 x kernel */
	assert_int_equal(p.initrd, 0x71200000);
}

static void test_placement_region_at_zero(void **state)
{
	struct linux_sizes s = sizes(8 * MiB + 1, 0, 0x2001);
	struct linux_placement p;
	char error[256];

	(void)state;
	make_cell(0, 64 * MiB);
	/* the RAM at 0 comes before the loader region now */
	cell.mem[1] = cell.mem[2];
	cell.mem[2].flags = 0;
	cell.mem[2].size = 0;
	cell.cell.cpu_reset_address = 0x30000;
	assert_int_equal(linux_place(&cell.cell, &s, &p, error,
				     sizeof(error)), 0);
	assert_int_equal(p.region, 1);
	assert_int_equal(p.loader, 0x30000);
	assert_int_equal(p.params, 0x31000);
	assert_int_equal(p.dtb, 0x2000);	/* room for the loader */
	assert_int_equal(p.dtb_space, 0x4000);	/* page_align + 1 page */
	assert_int_equal(p.kernel, 0x200000);
	/* no initrd: no gap */
	assert_int_equal(p.initrd, 0x200000 + 8 * MiB + 0x1000);
}

static void test_placement_text_offset_and_factor(void **state)
{
	struct linux_sizes s = sizes(4 * MiB, 1 * MiB, 0x800);
	struct linux_placement p;
	char error[256];

	(void)state;
	make_cell(0x70000000, 128 * MiB);
	s.text_offset = 0x80000;
	s.decomp_factor = 3;
	assert_int_equal(linux_place(&cell.cell, &s, &p, error,
				     sizeof(error)), 0);
	assert_int_equal(p.kernel, 0x70280000);
	assert_int_equal(p.initrd, 0x70280000 + 4 * 4 * MiB);
}

static void test_placement_too_little_ram(void **state)
{
	struct linux_sizes s = sizes(30 * MiB, 40 * MiB, 0x1000);
	struct linux_placement p;
	char error[256];

	(void)state;
	make_cell(0x70000000, 64 * MiB);
	assert_int_equal(linux_place(&cell.cell, &s, &p, error,
				     sizeof(error)), -1);
	assert_string_equal(error, "cell \"linux-demo\" has too little RAM: "
		"kernel 0x1e00000 + initrd 0x2800000 + decompression gap "
		"0x1e00000 + device tree 0x2000 need a region of 0x6604000 "
		"bytes (103 MiB), the largest is mem_regions[2] with "
		"0x4000000 (64 MiB)");
}

/* Jailhouse did not count the initrd itself: it would run off the end */
static void test_placement_counts_initrd_and_bss(void **state)
{
	struct linux_sizes s = sizes(20 * MiB, 30 * MiB, 0x1000);
	struct linux_placement p;
	char error[256];

	(void)state;
	make_cell(0x70000000, 64 * MiB);
	assert_int_equal(linux_place(&cell.cell, &s, &p, error,
				     sizeof(error)), -1);

	/* bss (image_size) beyond the region: refused as well */
	s = sizes(20 * MiB, 0, 0x1000);
	s.kernel_image = 70 * MiB;
	assert_int_equal(linux_place(&cell.cell, &s, &p, error,
				     sizeof(error)), -1);
	s.kernel_image = 40 * MiB;
	assert_int_equal(linux_place(&cell.cell, &s, &p, error,
				     sizeof(error)), 0);
}

static void test_placement_no_ram(void **state)
{
	struct linux_sizes s = sizes(8 * MiB, 0, 0x1000);
	struct linux_placement p;
	char error[256];

	(void)state;
	make_cell(0x70000000, 128 * MiB);
	cell.mem[2].flags &= ~JAILHOUSE_MEM_DMA;	/* not RAM then */
	assert_int_equal(linux_place(&cell.cell, &s, &p, error,
				     sizeof(error)), -1);
	assert_string_equal(error, "cell \"linux-demo\" has no RAM region to "
		"boot Linux in (one with flags READ|WRITE|EXECUTE|DMA and "
		"without IO/COMM_REGION/ROOTSHARED)");
}

static void test_memory_regions(void **state)
{
	(void)state;
	make_cell(0x70000000, 128 * MiB);
	assert_false(linux_region_is_ram(&cell.mem[0]));
	assert_false(linux_region_is_ram(&cell.mem[1]));
	assert_true(linux_region_is_ram(&cell.mem[2]));
	assert_true(linux_region_is_memory(&cell.mem[2]));
	assert_false(linux_region_is_ram(&cell.mem[3]));
	/* RAM at 0 of at most 64 KiB is the loader's, not the kernel's */
	cell.mem[1].flags |= JAILHOUSE_MEM_DMA;
	assert_true(linux_region_is_ram(&cell.mem[1]));
	assert_false(linux_region_is_memory(&cell.mem[1]));
}

/* --- kernel images ---------------------------------------------------- */

static void *image(size_t size, __u64 text_offset, __u64 image_size,
		   __u64 flags)
{
	unsigned char *p = calloc(1, size);
	int n;

	assert_non_null(p);
	for (n = 0; n < 8; n++) {
		p[8 + n] = text_offset >> (8 * n);
		p[16 + n] = image_size >> (8 * n);
		p[24 + n] = flags >> (8 * n);
	}
	memcpy(p + 0x38, "ARM\x64", 4);
	return p;
}

static void test_image_good(void **state)
{
	struct kernel_image k;
	char error[256];

	(void)state;
	assert_int_equal(kernel_image_parse("Image", image(0x10000, 0,
				0x20000, 0xa), 0x10000, &k, error,
				sizeof(error)), 0);
	assert_int_equal(k.size, 0x10000);
	assert_int_equal(k.text_offset, 0);
	assert_int_equal(k.image_size, 0x20000);
	assert_false(k.gzipped);
	kernel_image_release(&k);

	/* pre-3.17: image_size 0 means text_offset 0x80000 */
	assert_int_equal(kernel_image_parse("Image", image(0x10000, 0x1234,
				0, 0), 0x10000, &k, error, sizeof(error)), 0);
	assert_int_equal(k.text_offset, 0x80000);
	assert_int_equal(k.image_size, 0x10000);
	kernel_image_release(&k);
}

static void test_image_gzip(void **state)
{
	uLongf packed_size = compressBound(0x10000) + 64;
	unsigned char *plain = image(0x10000, 0x80000, 0x30000, 0);
	unsigned char *packed = malloc(packed_size);
	struct kernel_image k;
	z_stream zs;
	char error[256];

	(void)state;
	memset(&zs, 0, sizeof(zs));
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = plain;
	zs.avail_in = 0x10000;
	zs.next_out = packed;
	zs.avail_out = packed_size;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	packed_size = zs.total_out;
	deflateEnd(&zs);

	assert_int_equal(kernel_image_parse("vmlinuz", packed, packed_size,
					    &k, error, sizeof(error)), 0);
	assert_true(k.gzipped);
	assert_int_equal(k.size, 0x10000);
	assert_int_equal(k.text_offset, 0x80000);
	assert_memory_equal(k.data, plain, 0x10000);
	kernel_image_release(&k);

	/* cut short: refused, not booted half */
	packed = malloc(packed_size);
	memcpy(packed, plain, 0);
	zs = (z_stream){ 0 };
	deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8,
		     Z_DEFAULT_STRATEGY);
	zs.next_in = plain;
	zs.avail_in = 0x10000;
	zs.next_out = packed;
	zs.avail_out = packed_size;
	deflate(&zs, Z_FINISH);
	deflateEnd(&zs);
	assert_int_equal(kernel_image_parse("vmlinuz", packed,
					    packed_size / 2, &k, error,
					    sizeof(error)), -1);
	assert_string_equal(error, "vmlinuz: gzip data is damaged (cut "
			    "short)");
	free(plain);
}

static void test_image_bad(void **state)
{
	unsigned char *p;
	struct kernel_image k;
	char error[256];

	(void)state;
	p = image(0x1000, 0, 0x1000, 0);
	memcpy(p + 0x38, "ARMx", 4);
	memcpy(p, "\177ELF", 4);
	assert_int_equal(kernel_image_parse("vmlinux", p, 0x1000, &k, error,
					    sizeof(error)), -1);
	assert_string_equal(error, "vmlinux is not an arm64 Linux Image: no "
			    "\"ARM\\x64\" magic at offset 0x38: it is an ELF "
			    "file (vmlinux?); boot arch/arm64/boot/Image "
			    "instead");

	p = calloc(1, 100);
	memcpy(p, "070701", 6);
	assert_int_equal(kernel_image_parse("initrd", p, 100, &k, error,
					    sizeof(error)), -1);
	assert_non_null(strstr(error, "cpio archive"));

	p = calloc(1, 10);
	assert_int_equal(kernel_image_parse("tiny", p, 10, &k, error,
					    sizeof(error)), -1);
	assert_string_equal(error, "tiny is not an arm64 Linux Image: no "
			    "\"ARM\\x64\" magic at offset 0x38");

	p = image(0x1000, 0, 0x1000, 1);
	assert_int_equal(kernel_image_parse("be", p, 0x1000, &k, error,
					    sizeof(error)), -1);
	assert_non_null(strstr(error, "big-endian"));

	p = image(0x1000, 0x200000, 0x1000, 0);
	assert_int_equal(kernel_image_parse("off", p, 0x1000, &k, error,
					    sizeof(error)), -1);
	assert_non_null(strstr(error, "text_offset 0x200000"));

	p = image(0x2000, 0, 0x1000, 0);
	assert_int_equal(kernel_image_parse("short", p, 0x2000, &k, error,
					    sizeof(error)), -1);
	assert_string_equal(error, "short: arm64 Image header says "
			    "image_size 0x1000, but the Image has 0x2000 "
			    "bytes (damaged or not a kernel)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placement_jailhouse_example),
		cmocka_unit_test(test_placement_region_at_zero),
		cmocka_unit_test(test_placement_text_offset_and_factor),
		cmocka_unit_test(test_placement_too_little_ram),
		cmocka_unit_test(test_placement_counts_initrd_and_bss),
		cmocka_unit_test(test_placement_no_ram),
		cmocka_unit_test(test_memory_regions),
		cmocka_unit_test(test_image_good),
		cmocka_unit_test(test_image_gzip),
		cmocka_unit_test(test_image_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
