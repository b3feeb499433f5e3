// SPDX-License-Identifier: GPL-2.0
/*
 * Text rendering of config check findings for the users that have
 * snprintf: the driver (kernel) and the CLI and tests (hosted).  The
 * hypervisor prints findings its own way and does not link this file.
 *
 *   error: inmate-demo: mem_regions[2] 0x7fc00000-0x7fc0ffff overlaps
 *   hypervisor memory 0x7fc00000-0x7fffffff
 *     hint: move the region out of hypervisor_memory; ...
 *
 * (the first line is one line).  Ranges are printed inclusive, as in
 * /proc/iomem.
 */

#ifdef __KERNEL__
#include <linux/kernel.h>
#else
#include <stdio.h>
#endif

#include <jailhouse/config_check.h>

struct text {
	char *buf;
	size_t len;
	int pos;	/* characters the full text needs so far */
};

/* Append with snprintf semantics: count everything, store what fits. */
#define text_add(t, ...)						\
	do {								\
		size_t __off = (t)->pos < 0 ? 0 : (size_t)(t)->pos;	\
		int __n = snprintf(__off < (t)->len ? (t)->buf + __off :\
				   NULL,				\
				   __off < (t)->len ? (t)->len - __off : 0,\
				   __VA_ARGS__);			\
		if (__n > 0)						\
			(t)->pos += __n;				\
	} while (0)

static void add_value(struct text *t, enum config_check_value kind,
		      __u64 start, __u64 end)
{
	switch (kind) {
	case CC_VAL_RANGE:
		if (end > start)
			text_add(t, " 0x%llx-0x%llx", (unsigned long long)start,
				 (unsigned long long)(end - 1));
		else
			text_add(t, " 0x%llx (empty)",
				 (unsigned long long)start);
		break;
	case CC_VAL_NUMBER:
		text_add(t, " %llu", (unsigned long long)start);
		break;
	case CC_VAL_PIN:
		text_add(t, " INTID %llu", (unsigned long long)start);
		break;
	case CC_VAL_BDF:
		text_add(t, " %04llx:%02llx:%02llx.%llx",
			 (unsigned long long)(start >> 16),
			 (unsigned long long)((start >> 8) & 0xff),
			 (unsigned long long)((start >> 3) & 0x1f),
			 (unsigned long long)(start & 0x7));
		break;
	case CC_VAL_NONE:
	default:
		break;
	}
}

static bool same_name(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int config_check_format(const struct config_check_finding *f,
			char *buf, size_t len)
{
	struct text t = { .buf = buf, .len = buf ? len : 0, .pos = 0 };
	bool other_here;

	if (buf && len)
		buf[0] = 0;

	text_add(&t, "%s: %s:", f->severity == CC_ERROR ? "error" : "warning",
		 f->cell ? f->cell : "(unknown)");
	if (f->array) {
		text_add(&t, " %s", f->array);
		if (f->index >= 0)
			text_add(&t, "[%d]", f->index);
	}
	add_value(&t, f->kind, f->start, f->end);
	if (f->what)
		text_add(&t, " %s", f->what);
	add_value(&t, f->other_kind, f->other_start, f->other_end);

	/* The other element: "(mem_regions[3])" or "(cell "x" mem_regions[3])" */
	other_here = f->other_cell == NULL || same_name(f->other_cell, f->cell);
	if (!other_here || f->other_array) {
		text_add(&t, " (");
		if (!other_here)
			text_add(&t, "cell \"%s\"%s", f->other_cell,
				 f->other_array ? " " : "");
		if (f->other_array) {
			text_add(&t, "%s", f->other_array);
			if (f->other_index >= 0)
				text_add(&t, "[%d]", f->other_index);
		}
		text_add(&t, ")");
	}
	text_add(&t, "\n");
	if (f->hint)
		text_add(&t, "  hint: %s\n", f->hint);
	return t.pos;
}
