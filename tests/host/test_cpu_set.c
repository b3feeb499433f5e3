// SPDX-License-Identifier: GPL-2.0
/*
 * CPU-set membership: the shared helper (include/jailhouse/cpu_set.h) and
 * the hypervisor's conversion to its 64-bit mask (hypervisor/cell_cpus.c,
 * compiled here unchanged).  The numbers that matter are the byte edges
 * (7/8, 15/16), the mask's edge (63/64) and far beyond it: Jailhouse's
 * qemu-arm64 config declares its 16 CPUs as a __u64 word, and a reader
 * that took the byte index for a word index lost CPUs 8-15.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/cpu_set.h>
#include <jailhouse/cell_cpus.h>
#include <jailhouse/errno.h>

/* a cell desc as configs lay it out: the CPU set right behind it */
struct cell_with_cpus {
	struct jailhouse_cell_desc desc;
	__u64 cpus[4];
} __attribute__((packed));

static struct cell_with_cpus cell_of(unsigned int words, const __u64 *cpus)
{
	struct cell_with_cpus c;

	memset(&c, 0, sizeof(c));
	c.desc.cpu_set_size = words * sizeof(__u64);
	memcpy(c.cpus, cpus, words * sizeof(__u64));
	return c;
}

static void set_cpu(__u64 *cpus, unsigned int cpu)
{
	cpus[cpu / 64] |= 1ULL << (cpu % 64);
}

/* Jailhouse's stock qemu-arm64 root cell: __u64 cpus[1] = { 0xffff } */
static void test_qemu_arm64_word(void **state)
{
	const __u64 word = 0xffff;
	struct cell_with_cpus c = cell_of(1, &word);
	unsigned int cpu;

	for (cpu = 0; cpu < 16; cpu++)
		assert_true(jailhouse_cell_has_cpu(&c.desc, cpu));
	for (cpu = 16; cpu < 200; cpu++)
		assert_false(jailhouse_cell_has_cpu(&c.desc, cpu));
	assert_int_equal(jailhouse_cpu_set_span(c.cpus, 8), 16);
}

static void test_single_cpus(void **state)
{
	static const unsigned int probes[] = { 0, 7, 8, 15, 16, 63, 64, 65,
					       127, 200, 255 };
	unsigned int n, m;

	for (n = 0; n < sizeof(probes) / sizeof(probes[0]); n++) {
		__u64 cpus[4] = { 0 };
		struct cell_with_cpus c;

		set_cpu(cpus, probes[n]);
		c = cell_of(4, cpus);
		for (m = 0; m < sizeof(probes) / sizeof(probes[0]); m++)
			assert_int_equal(
				jailhouse_cell_has_cpu(&c.desc, probes[m]),
				m == n);
		assert_int_equal(jailhouse_cpu_set_span(c.cpus, 32),
				 probes[n] + 1);
	}
}

/* nothing beyond cpu_set_size is read, whatever lies there */
static void test_size_bounds(void **state)
{
	const __u8 bytes[4] = { 0x81, 0x81, 0xff, 0xff };

	assert_true(jailhouse_cpu_set_has(bytes, 2, 0));
	assert_true(jailhouse_cpu_set_has(bytes, 2, 7));
	assert_true(jailhouse_cpu_set_has(bytes, 2, 8));
	assert_true(jailhouse_cpu_set_has(bytes, 2, 15));
	assert_false(jailhouse_cpu_set_has(bytes, 2, 16));
	assert_false(jailhouse_cpu_set_has(bytes, 0, 0));
	assert_int_equal(jailhouse_cpu_set_span(bytes, 2), 16);
	assert_int_equal(jailhouse_cpu_set_span(bytes, 1), 8);
	assert_int_equal(jailhouse_cpu_set_span(bytes, 0), 0);
	/* an odd size, not a multiple of a word */
	assert_true(jailhouse_cpu_set_has(bytes, 3, 23));
	assert_int_equal(jailhouse_cpu_set_span(bytes, 3), 24);
}

static void test_empty(void **state)
{
	const __u64 zero[4] = { 0 };
	struct cell_with_cpus c = cell_of(4, zero);
	__u64 mask = 1, beyond = 0;

	assert_int_equal(jailhouse_cpu_set_span(c.cpus, 32), 0);
	assert_int_equal(config_cpu_set(&c.desc, &mask, &beyond), 0);
	assert_true(mask == 0);
}

static void test_mask_within_64(void **state)
{
	__u64 cpus[4] = { 0 }, mask, beyond;
	struct cell_with_cpus c;

	set_cpu(cpus, 0);
	set_cpu(cpus, 7);
	set_cpu(cpus, 8);
	set_cpu(cpus, 15);
	set_cpu(cpus, 63);
	c = cell_of(4, cpus);
	assert_int_equal(config_cpu_set(&c.desc, &mask, &beyond), 0);
	assert_true(mask == ((1ULL << 0) | (1ULL << 7) | (1ULL << 8) |
			     (1ULL << 15) | (1ULL << 63)));

	/* all 64, in a one-word set */
	cpus[0] = ~0ULL;
	c = cell_of(1, cpus);
	assert_int_equal(config_cpu_set(&c.desc, &mask, &beyond), 0);
	assert_true(mask == ~0ULL);

	/* 0xffff and 0xfff, as the -smp 16 and -smp 12 scenarios use */
	cpus[0] = 0xffff;
	c = cell_of(1, cpus);
	assert_int_equal(config_cpu_set(&c.desc, &mask, &beyond), 0);
	assert_true(mask == 0xffff);
	cpus[0] = 0xfff;
	c = cell_of(1, cpus);
	assert_int_equal(config_cpu_set(&c.desc, &mask, &beyond), 0);
	assert_true(mask == 0xfff);
}

/* a set larger than 64 bits but holding only CPUs below 64 is fine */
static void test_big_set_low_cpus(void **state)
{
	__u64 cpus[4] = { 0x3, 0, 0, 0 }, mask, beyond;
	struct cell_with_cpus c = cell_of(4, cpus);

	assert_int_equal(config_cpu_set(&c.desc, &mask, &beyond), 0);
	assert_true(mask == 0x3);
}

static void test_beyond_64_refused(void **state)
{
	static const unsigned int too_high[] = { 64, 65, 100, 127, 255 };
	unsigned int n;

	for (n = 0; n < sizeof(too_high) / sizeof(too_high[0]); n++) {
		__u64 cpus[4] = { 0 }, mask = 1, beyond = 0;
		struct cell_with_cpus c;

		set_cpu(cpus, 0);
		set_cpu(cpus, 63);
		set_cpu(cpus, too_high[n]);
		c = cell_of(4, cpus);
		assert_int_equal(config_cpu_set(&c.desc, &mask, &beyond),
				 -ERANGE);
		assert_true(beyond == too_high[n]);
		assert_true(mask == 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qemu_arm64_word),
		cmocka_unit_test(test_single_cpus),
		cmocka_unit_test(test_size_bounds),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_mask_within_64),
		cmocka_unit_test(test_big_set_low_cpus),
		cmocka_unit_test(test_beyond_64_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
