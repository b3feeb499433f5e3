// SPDX-License-Identifier: GPL-2.0
/*
 * Text rendering of config check findings, one line each, for every user:
 * the driver (kernel snprintf), the CLI and the host tests (libc) and the
 * hypervisor (common/format.c), so that a problem reads the same wherever
 * it is reported:
 *
 *   error: inmate-demo: mem_regions[2] 0x7fc00000-0x7fc0ffff overlaps
 *   hypervisor memory 0x7fc00000-0x7fffffff; hint: move the region ...
 *
 * (one line).  Ranges are printed inclusive, as in /proc/iomem.
 */

#if defined(__JAILHOUSE_FREESTANDING__)
#include <jailhouse/format.h>
#elif defined(__KERNEL__)
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
	case CC_VAL_HEX:
		text_add(t, " 0x%llx", (unsigned long long)start);
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
	return config_check_format_at(f, NULL, buf, len);
}

int config_check_format_at(const struct config_check_finding *f,
			   const char *where, char *buf, size_t len)
{
	struct text t = { .buf = buf, .len = buf ? len : 0, .pos = 0 };
	bool other_here;

	if (buf && len)
		buf[0] = 0;

	text_add(&t, "%s: %s:", config_check_severity_name(f->severity),
		 where ? where : f->cell ? f->cell : "(unknown)");
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
	if (f->hint)
		text_add(&t, "; hint: %s", f->hint);
	text_add(&t, "\n");
	return t.pos;
}
