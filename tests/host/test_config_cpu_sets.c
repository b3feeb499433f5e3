// SPDX-License-Identifier: GPL-2.0
/*
 * CPU sets of more than one byte and more than one 64-bit word in the
 * checker: CPU n is bit n % 8 of byte n / 8, so CPUs 0, 7, 8, 15, 63, 64
 * and above must be found in the right byte and word, in sets of
 * different sizes (a 128-CPU root and 64-CPU cells).
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

#define GICR_BASE	0x20000000ULL
#define GICR_STRIDE	0x20000ULL

/* A root with two words of CPUs: 0-63 and 64-127. */
static struct {
	struct jailhouse_system header;
	__u64 cpus[2];
	struct jailhouse_memory mem_regions[2];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) sys_config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.hypervisor_memory = {
			.phys_start = 0x7fc00000,
			.size = 0x400000,
		},
		.platform_info.arm = {
			.gic_version = 3,
			.gicd_base = 0x1f000000,
			.gicr_base = GICR_BASE,
		},
		.root_cell = {
			.name = "big-root",
			.cpu_set_size = 16,
			.num_memory_regions = 2,
			.num_irqchips = 1,
		},
	},
	.cpus = { 0xffffffffffffffffULL, 0x1 },	/* CPUs 0-64 */
	.mem_regions = {
		{	/* devices, above the redistributors of 128 CPUs */
			.phys_start = 0x30000000, .virt_start = 0x30000000,
			.size = 0x1000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		{	/* RAM */
			.phys_start = 0x40000000, .virt_start = 0x40000000,
			.size = 0x3fc00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
	},
	.irqchips = {
		{ .address = 0x1f000000, .pin_base = 32,
		  .pin_bitmap = { 0xffffffff } },
	},
};

struct cell {
	struct jailhouse_cell_desc desc;
	__u64 cpus[2];
	struct jailhouse_memory mem_regions[2];
} __attribute__((packed));

struct recorder {
	unsigned int count, errors;
	struct config_check_finding f[16];
};

static void record(void *ctx, const struct config_check_finding *f)
{
	struct recorder *r = ctx;

	if (f->severity == CC_ERROR)
		r->errors++;
	if (r->count < 16)
		r->f[r->count++] = *f;
}

/* A cell of 1 or 2 words of CPUs, with 64 KiB of RAM at ram. */
static void cell_init(struct cell *c, const char *name, unsigned int words,
		      __u64 lo, __u64 hi, __u64 ram)
{
	memset(c, 0, sizeof(*c));
	memcpy(c->desc.signature, JAILHOUSE_CELL_DESC_SIGNATURE, 5);
	c->desc.architecture = JAILHOUSE_ARM64;
	c->desc.revision = JAILHOUSE_CONFIG_REVISION;
	strcpy(c->desc.name, name);
	c->desc.cpu_set_size = words * 8;
	c->desc.num_memory_regions = 2;
	c->cpus[0] = lo;
	c->cpus[1] = hi;
	c->mem_regions[0].phys_start = ram;
	c->mem_regions[0].size = 0x10000;
	c->mem_regions[0].flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_LOADABLE;
	c->mem_regions[1].virt_start = 0x80000000;
	c->mem_regions[1].size = 0x1000;
	c->mem_regions[1].flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_COMM_REGION;
	/* a one-word cell has its regions right after the word */
	if (words == 1)
		memmove(&c->cpus[1], c->mem_regions, sizeof(c->mem_regions));
}

static size_t cell_size(const struct cell *c)
{
	return sizeof(c->desc) + c->desc.cpu_set_size +
		2 * sizeof(struct jailhouse_memory);
}

static int check_cell(const struct cell *c, struct recorder *r)
{
	memset(r, 0, sizeof(*r));
	return config_check_cell(&sys_config.header, c, cell_size(c), record,
				 r);
}

static int check_cells(const struct cell *a, const struct cell *b,
		       struct recorder *r)
{
	const struct jailhouse_cell_desc *cells[2] = { &a->desc, &b->desc };

	memset(r, 0, sizeof(*r));
	return config_check_cells(&sys_config.header, cells, b ? 2 : 1,
				  record, r);
}

static void expect_one(const struct recorder *r, enum config_check_code code,
		       int index)
{
	assert_int_equal(r->count, 1);
	assert_int_equal(r->f[0].code, code);
	assert_string_equal(r->f[0].array, "cpus");
	assert_int_equal(r->f[0].index, index);
}

static void test_root_of_two_words(void **state)
{
	struct recorder r;

	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_system(&sys_config, sizeof(sys_config),
					     record, &r), 0);
	assert_int_equal(r.count, 0);
}

static void test_cpus_in_root(void **state)
{
	static const unsigned int in_root[] = { 0, 7, 8, 15, 63, 64 };
	struct recorder r;
	struct cell c;
	unsigned int i, cpu;

	for (i = 0; i < 6; i++) {
		cpu = in_root[i];
		cell_init(&c, "one-cpu", 2, cpu < 64 ? 1ULL << cpu : 0,
			  cpu < 64 ? 0 : 1ULL << (cpu - 64), 0x50000000);
		assert_int_equal(check_cell(&c, &r), 0);
		assert_int_equal(r.count, 0);
	}

	/* 65 and 127 are beyond the root's CPUs */
	cell_init(&c, "cpu-65", 2, 0, 1ULL << 1, 0x50000000);
	assert_int_equal(check_cell(&c, &r), 1);
	expect_one(&r, CC_CPU_NOT_IN_ROOT, 65);
	cell_init(&c, "cpu-127", 2, 0, 1ULL << 63, 0x50000000);
	assert_int_equal(check_cell(&c, &r), 1);
	expect_one(&r, CC_CPU_NOT_IN_ROOT, 127);

	/* a one-word cell against the two-word root */
	cell_init(&c, "word", 1, 1ULL << 63 | 1ULL << 8, 0, 0x50000000);
	assert_int_equal(check_cell(&c, &r), 0);
	assert_int_equal(r.count, 0);
}

static void test_cpus_shared(void **state)
{
	static const unsigned int cpus[] = { 7, 8, 15, 63, 64 };
	struct cell a, b;
	struct recorder r;
	unsigned int i, cpu;
	__u64 lo, hi;

	for (i = 0; i < 5; i++) {
		cpu = cpus[i];
		lo = cpu < 64 ? 1ULL << cpu : 0;
		hi = cpu < 64 ? 0 : 1ULL << (cpu - 64);
		/* the neighbours stay apart */
		cell_init(&a, "a", 2, lo | 1ULL << 1, hi, 0x50000000);
		cell_init(&b, "b", 2, lo | 1ULL << 2, hi, 0x50100000);
		assert_int_equal(check_cells(&a, &b, &r), 1);
		expect_one(&r, CC_CPU_SHARED, cpu);
	}

	/* a one-word and a two-word cell with CPU 63 */
	cell_init(&a, "a", 1, 1ULL << 63, 0, 0x50000000);
	cell_init(&b, "b", 2, 1ULL << 63, 1, 0x50100000);
	assert_int_equal(check_cells(&a, &b, &r), 1);
	expect_one(&r, CC_CPU_SHARED, 63);
}

static void test_root_keeps_cpu_64(void **state)
{
	struct cell a, b;
	struct recorder r;

	/* 0-63 in two cells: the root keeps CPU 64 */
	cell_init(&a, "low", 2, 0x00000000ffffffffULL, 0, 0x50000000);
	cell_init(&b, "high", 2, 0xffffffff00000000ULL, 0, 0x50100000);
	assert_int_equal(check_cells(&a, &b, &r), 0);

	/* ... unless the second takes 64 too */
	cell_init(&b, "high", 2, 0xffffffff00000000ULL, 1, 0x50100000);
	assert_int_equal(check_cells(&a, &b, &r), 1);
	assert_int_equal(r.f[0].code, CC_CPU_ROOT_STARVED);
	assert_string_equal(r.f[0].cell, "high");
}

static void test_gicr_window_of_cpu_64(void **state)
{
	__typeof__(sys_config) sys;
	struct recorder r;

	/* the root's highest CPU is 64: its frame is the 65th */
	memcpy(&sys, &sys_config, sizeof(sys));
	sys.mem_regions[0].phys_start = GICR_BASE + 64 * GICR_STRIDE;
	sys.mem_regions[0].virt_start = sys.mem_regions[0].phys_start;
	sys.mem_regions[0].size = 0x10000;
	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_system(&sys, sizeof(sys), record, &r),
			 0);
	assert_int_equal(r.count, 1);
	assert_int_equal(r.f[0].code, CC_MEM_GIC);
	assert_int_equal(r.f[0].severity, CC_WARNING);
	assert_int_equal(r.f[0].other_end, GICR_BASE + 65 * GICR_STRIDE);

	/* right behind it is free */
	sys.mem_regions[0].phys_start = GICR_BASE + 65 * GICR_STRIDE;
	sys.mem_regions[0].virt_start = sys.mem_regions[0].phys_start;
	memset(&r, 0, sizeof(r));
	assert_int_equal(config_check_system(&sys, sizeof(sys), record, &r),
			 0);
	assert_int_equal(r.count, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_of_two_words),
		cmocka_unit_test(test_cpus_in_root),
		cmocka_unit_test(test_cpus_shared),
		cmocka_unit_test(test_root_keeps_cpu_64),
		cmocka_unit_test(test_gicr_window_of_cpu_64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
