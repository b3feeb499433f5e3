/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the config checker tests share: the shipped QEMU configs compiled
 * from their sources, a recorder of findings, and assertions on them.
 * Each check is proven by one mutation of the shipped configs that must
 * produce exactly the expected finding (code, array, index).
 */
#ifndef _CONFIG_CHECK_WORLD_H
#define _CONFIG_CHECK_WORLD_H

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
#define ROOT_ITS	13
#define INMATE_UART	5
#define INMATE_RAM	6
#define INMATE_COMM	7
#define LINUX_UART	9
#define LINUX_LOADER	10
#define LINUX_RAM	11
#define LINUX_COMM	12

#define MAX_FINDINGS	256

struct recorder {
	unsigned int count, errors, warnings, notes;
	struct config_check_finding f[MAX_FINDINGS];
	char text[4096];	/* all findings, formatted, for failure output */
};

struct world {
	__typeof__(qemu_arm64_config) sys;
	__typeof__(inmate_demo_config) inmate;
	__typeof__(linux_demo_config) linux_demo;
};

static inline void record(void *ctx, const struct config_check_finding *f)
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

	/* one line, ending in its newline */
	assert_ptr_equal(strchr(line, '\n'), line + n - 1);
	if (f->severity == CC_ERROR)
		r->errors++;
	else if (f->severity == CC_WARNING)
		r->warnings++;
	else
		r->notes++;
	if (r->count < MAX_FINDINGS)
		r->f[r->count] = *f;
	r->count++;
}

static inline void world_init(struct world *w)
{
	memcpy(&w->sys, &qemu_arm64_config, sizeof(w->sys));
	memcpy(&w->inmate, &inmate_demo_config, sizeof(w->inmate));
	memcpy(&w->linux_demo, &linux_demo_config, sizeof(w->linux_demo));
}

/*
 * What the CLI does with "config check SYS CELL...": the system, each cell
 * against it, then the set.  Returns the total number of errors.
 */
static inline int check_world(struct world *w, struct recorder *r)
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

static inline const struct config_check_finding *
find_code(const struct recorder *r, enum config_check_code code)
{
	unsigned int i;

	for (i = 0; i < r->count && i < MAX_FINDINGS; i++)
		if (r->f[i].code == code)
			return &r->f[i];
	return NULL;
}

static inline void dump(const struct recorder *r)
{
	print_message("findings (%u errors, %u warnings, %u notes):\n%s",
		      r->errors, r->warnings, r->notes, r->text);
}

/* A finding with this code exists, at this array and index. */
static inline const struct config_check_finding *
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
static inline const struct config_check_finding *
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

/*
 * ... and besides it only findings of code also (which must be there):
 * a change whose consequence is reported too, e.g. irqchips that no
 * longer grant an ivshmem device's INTx.
 */
static inline const struct config_check_finding *
expect_only_and(const struct recorder *r, enum config_check_code code,
		const char *array, int index, enum config_check_code also)
{
	const struct config_check_finding *f = expect(r, code, array, index);
	unsigned int i;
	bool seen = false;

	for (i = 0; i < r->count && i < MAX_FINDINGS; i++) {
		seen |= r->f[i].code == also;
		if (r->f[i].code != code && r->f[i].code != also) {
			print_message("unexpected %s besides %s\n",
				      config_check_code_name(r->f[i].code),
				      config_check_code_name(code));
			dump(r);
			fail();
		}
	}
	assert_true(seen);
	return f;
}

static inline void expect_clean(const struct recorder *r)
{
	if (r->count)
		dump(r);
	assert_int_equal(r->count, 0);
}


#endif /* !_CONFIG_CHECK_WORLD_H */
