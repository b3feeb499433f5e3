// SPDX-License-Identifier: GPL-2.0
/*
 * Config checker tests: the shipped QEMU configs pass clean, the structure
 * of a blob is checked, findings are formatted, and hostile blobs
 * (truncations at every length, absurd counts, random bit flips) are run
 * from exact-size heap copies so that AddressSanitizer sees any read past
 * the end.  Memory rules are in test_config_memory.c, the other resources
 * in test_config_resources.c (helpers: config_check_world.h).
 */
#include "config_check_world.h"

/* ---- the shipped configs --------------------------------------------- */

static void test_shipped_sizes(void **state)
{
	/* header + cpu set + 18 regions + 1 irqchip + 3 PCI devices */
	assert_int_equal(sizeof(qemu_arm64_config),
			 488 + 8 + 18 * 32 + 32 + 3 * 56);
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
					   record, &r), 0);
	/* ignored, as Jailhouse does */
	assert_int_equal(expect_only(&r, CC_TRAILING_DATA, "file",
				     -1)->severity, CC_WARNING);
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
		"cell (cell \"b\"); hint: fix it\n";
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
		0x10000, 4097, 7,
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
		cmocka_unit_test(test_format_truncation),
		cmocka_unit_test(test_code_names),
		cmocka_unit_test(test_every_truncation),
		cmocka_unit_test(test_hostile_counts),
		cmocka_unit_test(test_random_damage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
